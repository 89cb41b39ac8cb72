import { RE2JS } from 're2js';

export type TrackerKind = 'github' | 'gitlab' | 'jira' | 'linear';
export const TRACKER_KINDS: readonly TrackerKind[] = ['github', 'gitlab', 'jira', 'linear'];

/** One entry of the `causeway.trackers` setting. */
export interface TrackerConfig {
  /** A pattern for references in the text, e.g. "GH-(\\d+)"; RE2 syntax, never run by the JavaScript engine. */
  pattern: string;
  /** The address of a referenced issue; $0 is the whole match, $1…$9 its groups. */
  url: string;
  kind?: string;
  /** Where new issues are created, when it cannot be derived from `url`. */
  newIssueUrl?: string;
  /** Jira: the numeric project id (pid) and issue type id to preselect. */
  projectId?: string;
  issueType?: string;
}

export interface CompiledTracker {
  index: number;
  config: TrackerConfig;
  kind?: TrackerKind;
  regex: RE2JS;
}

export interface TrackerProblem {
  index: number;
  message: string;
}

export interface TrackerMatch {
  tracker: number;
  start: number;
  end: number;
  text: string;
  url: string;
}

const MAX_PATTERN_LENGTH = 500;
/** A document with more references than this gets links for the first ones only. */
const MAX_MATCHES = 5000;

/**
 * Checks and compiles the tracker settings. Patterns come from settings a workspace may supply, so they
 * are compiled with re2js (linear time, no catastrophic backtracking); URLs must be http(s).
 */
export function compileTrackers(settings: readonly unknown[]): { trackers: CompiledTracker[]; problems: TrackerProblem[] } {
  const trackers: CompiledTracker[] = [];
  const problems: TrackerProblem[] = [];
  settings.forEach((raw, index) => {
    const config = raw as Partial<TrackerConfig> | null;
    if (!config || typeof config !== 'object' || typeof config.pattern !== 'string' || typeof config.url !== 'string') {
      problems.push({ index, message: 'needs a "pattern" and a "url", both strings' });
      return;
    }
    if (!config.pattern || config.pattern.length > MAX_PATTERN_LENGTH) {
      problems.push({ index, message: `"pattern" must be 1 to ${MAX_PATTERN_LENGTH} characters` });
      return;
    }
    if (!isWebAddress(config.url.replace(/\$\d/g, '1'))) {
      problems.push({ index, message: `"url" must be an http or https address: ${config.url}` });
      return;
    }
    if (config.newIssueUrl !== undefined && (typeof config.newIssueUrl !== 'string' || !isWebAddress(config.newIssueUrl))) {
      problems.push({ index, message: `"newIssueUrl" must be an http or https address` });
      return;
    }
    let regex: RE2JS;
    try {
      regex = RE2JS.compile(config.pattern);
    } catch (error) {
      problems.push({ index, message: `"pattern" is not a valid RE2 pattern: ${(error as Error).message}` });
      return;
    }
    if (regex.matches('')) {
      problems.push({ index, message: `"pattern" matches empty text: ${config.pattern}` });
      return;
    }
    trackers.push({ index, config: config as TrackerConfig, kind: trackerKindOf(config as TrackerConfig), regex });
  });
  return { trackers, problems };
}

/** The tracker style: as configured, else guessed from the address. */
export function trackerKindOf(config: Pick<TrackerConfig, 'kind' | 'url' | 'newIssueUrl'>): TrackerKind | undefined {
  const configured = config.kind?.toLowerCase();
  if (configured && (TRACKER_KINDS as readonly string[]).includes(configured)) return configured as TrackerKind;
  let url: URL;
  try {
    url = new URL((config.newIssueUrl ?? config.url).replace(/\$\d/g, '1'));
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'github.com' || host.endsWith('.github.com')) return 'github';
  if (host === 'linear.app') return 'linear';
  if (host.includes('gitlab') || url.pathname.includes('/-/issues')) return 'gitlab';
  if (host.endsWith('.atlassian.net') || url.pathname.includes('/browse/') || host.includes('jira')) return 'jira';
  return undefined;
}

/** Tracker references in a text, earliest first; where two trackers overlap, the first configured wins. */
export function findTrackerReferences(text: string, trackers: readonly CompiledTracker[]): TrackerMatch[] {
  const found: TrackerMatch[] = [];
  for (const tracker of trackers) {
    const matcher = tracker.regex.matcher(text);
    let count = 0;
    while (count < MAX_MATCHES && matcher.find()) {
      const start = matcher.start();
      const end = matcher.end();
      if (end <= start) continue;
      const groups: string[] = [];
      for (let g = 0; g <= Math.min(9, matcher.groupCount()); g++) groups.push(matcher.group(g) ?? '');
      found.push({ tracker: tracker.index, start, end, text: groups[0], url: expandTrackerUrl(tracker.config.url, groups) });
      count++;
    }
  }
  found.sort((a, b) => a.start - b.start || a.tracker - b.tracker);
  const kept: TrackerMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

/** Puts the match and its groups into a URL template; values are URL-encoded so they cannot add path or query parts. */
export function expandTrackerUrl(template: string, groups: readonly string[]): string {
  return template.replace(/\$(\d)/g, (_, digit: string) => encodeURIComponent(groups[Number(digit)] ?? ''));
}

/** Whether a typed reference is one this tracker recognises as a whole, e.g. "GH-123" for "GH-(\\d+)". */
export function isTrackerReference(tracker: CompiledTracker, text: string): boolean {
  return text.length > 0 && tracker.regex.matches(text);
}

export interface IssueDraftText {
  title: string;
  body: string;
}

/** Longest new-issue address built; browsers and trackers refuse much longer ones. */
export const MAX_NEW_ISSUE_URL = 8000;

/**
 * The address that opens a tracker's new-issue form with title and body filled in, or undefined when
 * the tracker style is unknown and no newIssueUrl is configured. A body too long for an address is cut.
 */
export function buildNewIssueUrl(config: TrackerConfig, draft: IssueDraftText): string | undefined {
  const kind = trackerKindOf(config);
  const base = config.newIssueUrl ?? (kind ? deriveNewIssueBase(kind, config.url) : undefined);
  if (!kind || !base) return undefined;
  const fields = (body: string): [string, string][] => {
    switch (kind) {
      case 'github':
        return [['title', draft.title], ['body', body]];
      case 'gitlab':
        return [['issue[title]', draft.title], ['issue[description]', body]];
      case 'jira': {
        const ids: [string, string][] = [];
        if (config.projectId) ids.push(['pid', config.projectId]);
        if (config.issueType) ids.push(['issuetype', config.issueType]);
        return [...ids, ['summary', draft.title], ['description', body]];
      }
      case 'linear':
        return [['title', draft.title], ['description', body]];
    }
  };
  const build = (body: string) => {
    const query = fields(body).map(([key, value]) => `${encodeKey(key)}=${encodeURIComponent(value)}`).join('&');
    return `${base}${base.includes('?') ? '&' : '?'}${query}`;
  };
  const whole = build(draft.body);
  if (whole.length <= MAX_NEW_ISSUE_URL) return whole;
  // Keep the longest beginning of the body that fits, found by bisection on characters (not code units).
  const chars = [...draft.body];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (build(`${chars.slice(0, middle).join('')}…`).length <= MAX_NEW_ISSUE_URL) low = middle;
    else high = middle - 1;
  }
  return build(low > 0 ? `${chars.slice(0, low).join('')}…` : '');
}

/** The new-issue page of a tracker, derived from the address of one of its issues. */
export function deriveNewIssueBase(kind: TrackerKind, issueUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issueUrl.replace(/\$\d/g, '1'));
  } catch {
    return undefined;
  }
  const path = url.pathname;
  switch (kind) {
    case 'github': {
      const at = path.search(/\/(issues|pull)\//);
      const project = at >= 0 ? path.slice(0, at) : path.split('/').slice(0, 3).join('/');
      return project.split('/').length >= 3 ? `${url.origin}${project}/issues/new` : undefined;
    }
    case 'gitlab': {
      const at = path.search(/\/(-\/)?issues\//);
      return at > 0 ? `${url.origin}${path.slice(0, at)}/-/issues/new` : undefined;
    }
    case 'jira': {
      const at = path.indexOf('/browse/');
      return `${url.origin}${at > 0 ? path.slice(0, at) : ''}/secure/CreateIssueDetails!init.jspa`;
    }
    case 'linear': {
      const workspace = path.split('/')[1];
      return workspace ? `${url.origin}/${workspace}/new` : undefined;
    }
  }
}

function encodeKey(key: string): string {
  // GitLab's issue[title] keeps its brackets readable; everything else is encoded.
  return key.split(/([\[\]])/).map((part) => (part === '[' || part === ']' ? part : encodeURIComponent(part))).join('');
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
