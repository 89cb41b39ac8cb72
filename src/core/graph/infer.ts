import type { Finding, Link, Statement } from '../model';
import type { Catalog } from '../catalog/catalog';
import { contentTokens } from './tokens';

export interface InferenceInput {
  findings: Finding[];
  statements: Statement[];
  /** The symptom pattern found on each statement, to use the catalog's cause-and-remedy relations. */
  patternOfStatement: Map<number, string>;
  catalog: Catalog;
  /** Findings that already have explicit links of a type are left alone for that type. */
  explicitlyCaused: Set<string>;
  explicitlyAddressing: Set<string>;
}

const LINK_THRESHOLD = 0.2;
const FALLBACK_FLOOR = 0.005;
const REMEDY_WEIGHT = 0.6;
const MAX_CAUSES_PER_PROBLEM = 3;
const MAX_TARGETS_PER_SOLUTION = 2;
const SAME_GROUP_BONUS = 0.2;
const CATALOG_BONUS = 0.3;
const NEIGHBOURHOOD = 4;
const WINDOW = 150;
const MAX_POSTINGS = 150;

/**
 * Proposes cause → problem and solution → cause/problem links inside one document from shared
 * words (character pairs for Chinese), closeness and the catalog. Candidates come from an inverted
 * index, so the cost follows the number of shared words, not findings × findings.
 */
export function inferLinks(input: InferenceInput): Link[] {
  const statementFindings = input.findings.filter((f) => f.kind === 'problem' || f.kind === 'cause' || f.kind === 'solution').sort((a, b) => a.statement - b.statement);
  if (statementFindings.length < 2) return [];
  const tokensOf = new Map<Finding, Set<string>>();
  const postings = new Map<string, Finding[]>();
  for (const finding of statementFindings) {
    const tokens = contentTokens(finding.text);
    tokensOf.set(finding, tokens);
    for (const token of tokens) {
      const list = postings.get(token);
      if (list) list.push(finding);
      else postings.set(token, [finding]);
    }
  }
  const total = statementFindings.length;
  const idfCache = new Map<string, number>();
  const idf = (token: string) => {
    let value = idfCache.get(token);
    if (value === undefined) idfCache.set(token, (value = Math.log(1 + total / (postings.get(token)?.length ?? total))));
    return value;
  };
  const norm = new Map<Finding, number>();
  for (const [finding, tokens] of tokensOf) {
    let sum = 0;
    for (const token of tokens) sum += idf(token) ** 2;
    norm.set(finding, Math.sqrt(sum) || 1);
  }
  // A word in very many findings tells nothing about which two belong together.
  const commonLimit = Math.min(MAX_POSTINGS, Math.max(4, total * 0.5));

  const similar = (finding: Finding, wanted: Set<string>): Map<Finding, number> => {
    const scores = new Map<Finding, number>();
    for (const token of tokensOf.get(finding) ?? []) {
      const list = postings.get(token)!;
      if (list.length > commonLimit) continue;
      const weight = idf(token) ** 2;
      // Only findings within a window of the document: in a long report, far sections are unrelated.
      for (let k = firstInWindow(list, finding.statement - WINDOW); k < list.length && list[k].statement <= finding.statement + WINDOW; k++) {
        const other = list[k];
        if (other === finding || !wanted.has(other.kind)) continue;
        scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    }
    for (const [other, score] of scores) scores.set(other, score / (norm.get(finding)! * norm.get(other)!));
    return scores;
  };

  const statementOf = (f: Finding) => input.statements[f.statement];
  const remedySimilarity = (tokens: Set<string> | undefined, patternId: string): number => {
    const remedyTokens = remedyTokensOf(input.catalog, patternId);
    if (!tokens || tokens.size === 0 || remedyTokens.size === 0) return 0;
    let shared = 0;
    for (const token of tokens) if (remedyTokens.has(token)) shared++;
    return shared / Math.sqrt(tokens.size * Math.min(remedyTokens.size, 40));
  };
  const bonus = (from: Finding, to: Finding, relation: 'causes' | 'addresses'): { value: number; reason?: string } => {
    let value = 0;
    let reason: string | undefined;
    const a = statementOf(from);
    const b = statementOf(to);
    if (a && b && a.group >= 0 && a.group === b.group) value += SAME_GROUP_BONUS;
    const fromPattern = input.patternOfStatement.get(from.statement);
    const toPattern = input.patternOfStatement.get(to.statement);
    if (fromPattern && toPattern) {
      const target = input.catalog.get(toPattern);
      const related = relation === 'causes' ? target?.typicalCauses : target?.typicalRemedies;
      if (fromPattern === toPattern || related?.some((r) => r.related.includes(fromPattern)) || target?.related.includes(fromPattern)) {
        value += CATALOG_BONUS;
        reason = `catalog: ${fromPattern} → ${toPattern}`;
      }
    }
    // A solution that reads like a typical remedy of the disease found in its target.
    if (relation === 'addresses' && toPattern) {
      const remedy = remedySimilarity(tokensOf.get(from), toPattern);
      if (remedy > 0.05) {
        value += remedy * REMEDY_WEIGHT;
        reason ??= `like a typical remedy for ${toPattern}`;
      }
    }
    return { value, reason };
  };

  const links: Link[] = [];
  const propose = (target: Finding, candidates: Map<Finding, number>, relation: 'causes' | 'addresses', limit: number, reverse: boolean) => {
    const ranked: { other: Finding; score: number; reason: string }[] = [];
    let fallback: { other: Finding; score: number; reason: string } | undefined;
    for (const [other, similarity] of candidates) {
      const from = reverse ? target : other;
      const to = reverse ? other : target;
      const extra = bonus(from, to, relation);
      const score = similarity + extra.value;
      const reason = extra.reason ?? `shared words (${similarity.toFixed(2)})`;
      if (score >= LINK_THRESHOLD) ranked.push({ other, score, reason });
      else if (score >= FALLBACK_FLOOR && (!fallback || score > fallback.score || (score === fallback.score && other.statement < fallback.other.statement))) fallback = { other, score, reason };
    }
    // With nothing clearly related, the closest candidate is still proposed, faintly, so a reader
    // sees the likeliest link instead of a gap; a finding that shares nothing keeps its gap.
    if (ranked.length === 0 && fallback) ranked.push({ ...fallback, score: fallback.score / 2 });
    ranked.sort((x, y) => y.score - x.score || x.other.statement - y.other.statement);
    for (const { other, score, reason } of ranked.slice(0, limit)) {
      const from = reverse ? target : other;
      const to = reverse ? other : target;
      links.push({ from: from.id, to: to.id, type: relation, inferred: true, confidence: Math.round(Math.min(0.9, 0.3 + score * 0.6) * 100) / 100, reason });
    }
  };

  // Same-group closeness and catalog relations count even without shared words.
  const byGroup = new Map<number, Finding[]>();
  const indexInGroup = new Map<Finding, number>();
  for (const finding of statementFindings) {
    const group = statementOf(finding)?.group ?? -1;
    if (group < 0) continue;
    const list = byGroup.get(group) ?? [];
    if (list.length === 0) byGroup.set(group, list);
    indexInGroup.set(finding, list.length);
    list.push(finding);
  }
  const withNeighbours = (finding: Finding, scores: Map<Finding, number>, kinds: Set<string>) => {
    const members = byGroup.get(statementOf(finding)?.group ?? -1) ?? [];
    const at = indexInGroup.get(finding) ?? 0;
    // Only close neighbours: a long list is one group, and its far ends are not related by place.
    for (const other of members.slice(Math.max(0, at - NEIGHBOURHOOD), at + NEIGHBOURHOOD + 1)) {
      if (other !== finding && kinds.has(other.kind) && !scores.has(other)) scores.set(other, 0);
    }
    return scores;
  };

  // The catalog relates findings that share no words: a problem's disease lists typical causes,
  // and a target's disease lists typical remedies a solution may echo.
  const targetsByPattern = new Map<string, Finding[]>();
  const remedyPostings = new Map<string, Finding[]>();
  for (const finding of statementFindings) {
    const pattern = input.patternOfStatement.get(finding.statement);
    if (!pattern || finding.kind === 'solution') continue;
    (targetsByPattern.get(pattern) ?? targetsByPattern.set(pattern, []).get(pattern)!).push(finding);
    for (const token of remedyTokensOf(input.catalog, pattern)) (remedyPostings.get(token) ?? remedyPostings.set(token, []).get(token)!).push(finding);
  }
  const withCatalog = (finding: Finding, scores: Map<Finding, number>, kinds: Set<string>) => {
    const pattern = finding.kind === 'problem' ? input.patternOfStatement.get(finding.statement) : undefined;
    if (pattern) {
      const entry = input.catalog.get(pattern);
      const related = new Set([pattern, ...(entry?.related ?? []), ...(entry?.typicalCauses ?? []).flatMap((c) => c.related)]);
      for (const id of related) {
        for (const other of nearby(targetsByPattern.get(id), finding.statement).slice(0, 20)) if (kinds.has(other.kind) && !scores.has(other)) scores.set(other, 0);
      }
    }
    if (finding.kind === 'solution') {
      for (const token of tokensOf.get(finding) ?? []) {
        for (const other of nearby(remedyPostings.get(token), finding.statement)) if (kinds.has(other.kind) && !scores.has(other)) scores.set(other, 0);
      }
    }
    return scores;
  };

  const nearby = (list: Finding[] | undefined, statement: number): Finding[] => {
    if (!list) return [];
    const from = firstInWindow(list, statement - WINDOW);
    const to = firstInWindow(list, statement + WINDOW + 1);
    return to - from > MAX_POSTINGS ? [] : list.slice(from, to);
  };

  const causeKinds = new Set(['cause']);
  for (const problem of statementFindings) {
    if (problem.kind !== 'problem' || input.explicitlyCaused.has(problem.id)) continue;
    propose(problem, withCatalog(problem, withNeighbours(problem, similar(problem, causeKinds), causeKinds), causeKinds), 'causes', MAX_CAUSES_PER_PROBLEM, false);
  }
  const targetKinds = new Set(['cause', 'problem']);
  for (const solution of statementFindings) {
    if (solution.kind !== 'solution' || input.explicitlyAddressing.has(solution.id)) continue;
    const scores = withCatalog(solution, withNeighbours(solution, similar(solution, targetKinds), targetKinds), targetKinds);
    // Remedies aim at causes first; a problem is the target only when it is clearly closer.
    for (const [other, score] of scores) if (other.kind === 'cause') scores.set(other, score * 1.15);
    propose(solution, scores, 'addresses', MAX_TARGETS_PER_SOLUTION, true);
  }
  return links;
}

const remedyCache = new WeakMap<Catalog, Map<string, Set<string>>>();

/** Content words of a pattern's typical remedies in both languages, computed once per catalog. */
function remedyTokensOf(catalog: Catalog, patternId: string): Set<string> {
  let perPattern = remedyCache.get(catalog);
  if (!perPattern) remedyCache.set(catalog, (perPattern = new Map()));
  let tokens = perPattern.get(patternId);
  if (!tokens) {
    const pattern = catalog.get(patternId);
    tokens = contentTokens((pattern?.typicalRemedies ?? []).map((r) => `${r.en} ${r.zh}`).join(' '));
    perPattern.set(patternId, tokens);
  }
  return tokens;
}

/** Index of the first finding at or after a statement, in a list sorted by statement. */
function firstInWindow(list: Finding[], statement: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].statement < statement) low = mid + 1;
    else high = mid;
  }
  return low;
}
