import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { builtinData } from '../../src/core/data/builtin';
import { WorkspaceIndex } from '../../src/core/index/workspace';
import { issueDraft, relationsOf } from '../../src/core/linking/issueDraft';
import {
  buildNewIssueUrl, compileTrackers, deriveNewIssueBase, findTrackerReferences, isTrackerReference, MAX_NEW_ISSUE_URL, trackerKindOf,
} from '../../src/core/linking/trackers';

const GITHUB = { pattern: 'GH-(\\d+)', url: 'https://github.com/acme/strategy/issues/$1' };
const JIRA = { pattern: '\\b(STRAT-\\d+)\\b', url: 'https://acme.atlassian.net/browse/$1', projectId: '10001', issueType: '10004' };
const GITLAB = { pattern: 'GL#(\\d+)', url: 'https://gitlab.example.com/ops/plans/-/issues/$1' };
const LINEAR = { pattern: '(ENG-\\d+)', url: 'https://linear.app/acme/issue/$1' };

/** Query parameters of an address, decoded. */
function paramsOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

describe('linking: tracker patterns', () => {
  it('turns matching text into issue addresses, with UTF-16 offsets', () => {
    const { trackers, problems } = compileTrackers([GITHUB, JIRA]);
    assert.deepEqual(problems, []);
    const text = '东部门店 😀 see GH-12 and STRAT-7; not XSTRAT-9.';
    const found = findTrackerReferences(text, trackers);
    assert.deepEqual(found.map((m) => [m.text, m.url, text.slice(m.start, m.end)]), [
      ['GH-12', 'https://github.com/acme/strategy/issues/12', 'GH-12'],
      ['STRAT-7', 'https://acme.atlassian.net/browse/STRAT-7', 'STRAT-7'],
    ]);
  });

  it('reports broken settings instead of throwing, and never runs a pattern that matches nothing', () => {
    const { trackers, problems } = compileTrackers([
      { pattern: '(a', url: 'https://x.example/$1' },
      { pattern: 'x*', url: 'https://x.example/$0' },
      { pattern: 'GH-(\\d+)', url: 'javascript:alert(1)' },
      { pattern: '(?<=a)b', url: 'https://x.example/$0' },
      'not an object',
      GITHUB,
    ]);
    assert.deepEqual(problems.map((p) => p.index), [0, 1, 2, 3, 4]);
    assert.match(problems[0].message, /not a valid RE2 pattern/);
    assert.match(problems[1].message, /matches empty text/);
    assert.match(problems[2].message, /http or https/);
    assert.deepEqual(trackers.map((t) => t.index), [5]);
  });

  it('runs in linear time on a pattern that backtracks exponentially in JavaScript', () => {
    const { trackers } = compileTrackers([{ pattern: '(a+)+b', url: 'https://x.example/$1' }]);
    // A backtracking engine would not finish on this text; the test's time-out would stop it.
    assert.deepEqual(findTrackerReferences(`${'a'.repeat(5000)}!`, trackers), []);
    assert.equal(findTrackerReferences(`${'a'.repeat(50)}b`, trackers)[0].url, `https://x.example/${'a'.repeat(50)}`);
  });

  it('encodes captured text so it cannot change the address', () => {
    const { trackers } = compileTrackers([{ pattern: 'REF\\[([^\\]]+)\\]', url: 'https://x.example/issues/$1' }]);
    const [match] = findTrackerReferences('see REF[../admin?x=1#y]', trackers);
    assert.equal(match.url, 'https://x.example/issues/..%2Fadmin%3Fx%3D1%23y');
  });

  it('keeps the first tracker where two overlap', () => {
    const { trackers } = compileTrackers([{ pattern: 'ENG-(\\d+)', url: 'https://a.example/$1' }, { pattern: '(ENG-\\d+)', url: 'https://b.example/$1' }]);
    const found = findTrackerReferences('ENG-5', trackers);
    assert.deepEqual(found.map((m) => m.url), ['https://a.example/5']);
  });

  it('recognises a whole typed reference', () => {
    const [tracker] = compileTrackers([GITHUB]).trackers;
    assert.equal(isTrackerReference(tracker, 'GH-123'), true);
    assert.equal(isTrackerReference(tracker, 'GH-123 extra'), false);
    assert.equal(isTrackerReference(tracker, ''), false);
  });
});

describe('linking: new tracker issue addresses', () => {
  const draft = { title: 'P1: Eastern stores missed plan', body: '**Problem** P1 — Eastern stores missed plan\n\n### Causes\n- C1 — Rent & footfall' };

  it('guesses the tracker style from the address', () => {
    assert.equal(trackerKindOf(GITHUB), 'github');
    assert.equal(trackerKindOf(JIRA), 'jira');
    assert.equal(trackerKindOf(GITLAB), 'gitlab');
    assert.equal(trackerKindOf(LINEAR), 'linear');
    assert.equal(trackerKindOf({ url: 'https://tickets.example/$1' }), undefined);
    assert.equal(trackerKindOf({ url: 'https://git.corp.example/a/b/issues/$1', kind: 'GitHub' }), 'github');
  });

  it('builds GitHub /issues/new with title and body', () => {
    const url = buildNewIssueUrl(GITHUB, draft)!;
    assert.ok(url.startsWith('https://github.com/acme/strategy/issues/new?title='));
    assert.deepEqual(paramsOf(url), { title: draft.title, body: draft.body });
  });

  it('builds GitLab /-/issues/new with issue[title] and issue[description]', () => {
    const url = buildNewIssueUrl(GITLAB, draft)!;
    assert.ok(url.startsWith('https://gitlab.example.com/ops/plans/-/issues/new?issue[title]='));
    assert.deepEqual(paramsOf(url), { 'issue[title]': draft.title, 'issue[description]': draft.body });
  });

  it('builds Jira CreateIssueDetails with pid and issuetype when configured', () => {
    const url = buildNewIssueUrl(JIRA, draft)!;
    assert.ok(url.startsWith('https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10001&issuetype=10004&summary='));
    assert.deepEqual(paramsOf(url), { pid: '10001', issuetype: '10004', summary: draft.title, description: draft.body });
    const bare = buildNewIssueUrl({ pattern: JIRA.pattern, url: 'https://jira.corp.example/jira/browse/$1' }, draft)!;
    assert.ok(bare.startsWith('https://jira.corp.example/jira/secure/CreateIssueDetails!init.jspa?summary='));
  });

  it('builds Linear /new with title and description', () => {
    const url = buildNewIssueUrl(LINEAR, draft)!;
    assert.ok(url.startsWith('https://linear.app/acme/new?title='));
    assert.deepEqual(paramsOf(url), { title: draft.title, description: draft.body });
  });

  it('uses a configured newIssueUrl, and gives up on an unknown style without one', () => {
    const url = buildNewIssueUrl({ ...GITHUB, newIssueUrl: 'https://github.com/acme/other/issues/new?labels=strategy' }, draft)!;
    assert.deepEqual(paramsOf(url), { labels: 'strategy', title: draft.title, body: draft.body });
    assert.equal(buildNewIssueUrl({ pattern: 'T-(\\d+)', url: 'https://tickets.example/$1' }, draft), undefined);
    assert.equal(deriveNewIssueBase('github', 'https://github.com/'), undefined);
  });

  it('cuts a long body so the address stays short enough, keeping whole characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3000, maxLength: 6000, unit: 'grapheme' }), (body) => {
        const url = buildNewIssueUrl(GITHUB, { title: 'T', body })!;
        assert.ok(url.length <= MAX_NEW_ISSUE_URL);
        const sent = paramsOf(url).body;
        assert.ok(body.startsWith(sent.replace(/…$/, '')));
      }),
      { numRuns: 20 },
    );
  });
});

describe('linking: tracker issue text for a finding', () => {
  const index = new WorkspaceIndex(builtinData());
  index.update('file:///ws/diagnosis.md', '# Diagnosis\n\n## Problems\n\n- [P1] Eastern stores missed their sales plan by 30%.\n\n## Causes\n\n- [C1] Sites were chosen on rent alone. causes: P1\n\n## Evidence\n\n- [E1] Stores reached 70% of plan in 2024. supports: P1\n');
  index.update('file:///ws/plan.md', '# Plan\n\n- [S1] Score sites on footfall before signing. addresses: P1\n');
  const located = index.findingById('P1')!;

  it('gathers causes, solutions and evidence from every document', () => {
    const relations = relationsOf(index, located.uri, located.item);
    assert.deepEqual(relations.causes.map((f) => f.id), ['C1']);
    assert.deepEqual(relations.solutions.map((f) => [f.id, f.uri]), [['S1', 'file:///ws/plan.md']]);
    assert.deepEqual(relations.evidence.map((f) => f.id), ['E1']);
    const cause = index.findingById('C1')!;
    assert.deepEqual(relationsOf(index, cause.uri, cause.item).effects.map((f) => f.id), ['P1']);
  });

  it('writes a title, the related findings and a back-reference in English and Chinese', () => {
    const relations = relationsOf(index, located.uri, located.item);
    const english = issueDraft({ finding: located.item, relations, source: { path: 'diagnosis.md', line: 5 }, language: 'en' });
    assert.equal(english.title, 'P1: Eastern stores missed their sales plan by 30%.');
    assert.match(english.body, /### Causes\n- C1 — Sites were chosen on rent alone/);
    assert.match(english.body, /### Solutions\n- S1 — Score sites on footfall/);
    assert.match(english.body, /### Evidence\n- E1 — /);
    assert.match(english.body, /Source: diagnosis\.md, line 5 \(P1\)/);
    const chinese = issueDraft({ finding: located.item, relations, source: { path: 'diagnosis.md', line: 5 }, language: 'zh', tracker: 'jira' });
    assert.match(chinese.body, /^\*问题\* P1 — /);
    assert.match(chinese.body, /h3\. 原因\n\* C1 — /);
    assert.match(chinese.body, /来源：diagnosis\.md 第 5 行（P1）/);
  });
});
