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

/** Problem, cause and solution as bits, so a wanted set of kinds is one mask test. */
const KIND_BIT: Record<string, number> = { problem: 1, cause: 2, solution: 4 };
const CAUSE_KINDS = KIND_BIT.cause;
const TARGET_KINDS = KIND_BIT.cause | KIND_BIT.problem;

/**
 * Proposes cause → problem and solution → cause/problem links inside one document from shared
 * words (character pairs for Chinese), closeness and the catalog. Candidates come from an inverted
 * index, so the cost follows the number of shared words, not findings × findings. Findings and
 * words are numbered once, and scores live in typed arrays, so a long document makes little garbage.
 */
export function inferLinks(input: InferenceInput): Link[] {
  const findings = input.findings.filter((f) => KIND_BIT[f.kind] !== undefined).sort((a, b) => a.statement - b.statement);
  const total = findings.length;
  if (total < 2) return [];
  const statementAt = Int32Array.from(findings, (f) => f.statement);
  const kindAt = Uint8Array.from(findings, (f) => KIND_BIT[f.kind]);

  const vocabulary = new Map<string, number>();
  const postings: number[][] = [];
  const tokensAt: number[][] = findings.map((finding, index) => {
    const ids: number[] = [];
    for (const token of contentTokens(finding.text)) {
      let id = vocabulary.get(token);
      if (id === undefined) {
        id = postings.length;
        vocabulary.set(token, id);
        postings.push([]);
      }
      ids.push(id);
      postings[id].push(index);
    }
    return ids;
  });
  const idfSquared = Float64Array.from(postings, (list) => Math.log(1 + total / list.length) ** 2);
  const norm = Float64Array.from(tokensAt, (ids) => {
    let sum = 0;
    for (const id of ids) sum += idfSquared[id];
    return Math.sqrt(sum) || 1;
  });
  // A word in very many findings tells nothing about which two belong together.
  const commonLimit = Math.min(MAX_POSTINGS, Math.max(4, total * 0.5));
  const firstAtOrAfter = (list: number[], statement: number) => firstInWindow(list, statement, statementAt);
  const candidates = new CandidateScores(total);

  const collectSimilar = (index: number, wanted: number) => {
    const statement = statementAt[index];
    for (const id of tokensAt[index]) {
      const list = postings[id];
      if (list.length > commonLimit) continue;
      const weight = idfSquared[id];
      // Only findings within a window of the document: in a long report, far sections are unrelated.
      for (let k = firstAtOrAfter(list, statement - WINDOW); k < list.length && statementAt[list[k]] <= statement + WINDOW; k++) {
        const other = list[k];
        if (other !== index && (kindAt[other] & wanted) !== 0) candidates.add(other, weight);
      }
    }
    for (const other of candidates.members) candidates.score[other] /= norm[index] * norm[other];
  };

  const remedyIds = new Map<string, Set<number>>();
  /** The finding's words that also occur in the typical remedies of a pattern, over both sizes. */
  const remedySimilarity = (index: number, patternId: string): number => {
    const remedyTokens = remedyTokensOf(input.catalog, patternId);
    const ids = tokensAt[index];
    if (ids.length === 0 || remedyTokens.size === 0) return 0;
    let known = remedyIds.get(patternId);
    if (!known) {
      known = new Set();
      for (const token of remedyTokens) {
        const id = vocabulary.get(token);
        if (id !== undefined) known.add(id);
      }
      remedyIds.set(patternId, known);
    }
    let shared = 0;
    for (const id of ids) if (known.has(id)) shared++;
    return shared / Math.sqrt(ids.length * Math.min(remedyTokens.size, 40));
  };
  let bonusReason: string | undefined;
  /** Extra score for a pair from closeness and the catalog; sets bonusReason when the catalog speaks. */
  const bonus = (from: number, to: number, relation: 'causes' | 'addresses'): number => {
    let value = 0;
    bonusReason = undefined;
    const a = input.statements[statementAt[from]];
    const b = input.statements[statementAt[to]];
    if (a && b && a.group >= 0 && a.group === b.group) value += SAME_GROUP_BONUS;
    const fromPattern = input.patternOfStatement.get(statementAt[from]);
    const toPattern = input.patternOfStatement.get(statementAt[to]);
    if (fromPattern && toPattern) {
      const target = input.catalog.get(toPattern);
      const related = relation === 'causes' ? target?.typicalCauses : target?.typicalRemedies;
      if (fromPattern === toPattern || related?.some((r) => r.related.includes(fromPattern)) || target?.related.includes(fromPattern)) {
        value += CATALOG_BONUS;
        bonusReason = `catalog: ${fromPattern} → ${toPattern}`;
      }
    }
    // A solution that reads like a typical remedy of the disease found in its target.
    if (relation === 'addresses' && toPattern) {
      const remedy = remedySimilarity(from, toPattern);
      if (remedy > 0.05) {
        value += remedy * REMEDY_WEIGHT;
        bonusReason ??= `like a typical remedy for ${toPattern}`;
      }
    }
    return value;
  };

  const links: Link[] = [];
  const propose = (target: number, relation: 'causes' | 'addresses', limit: number, reverse: boolean) => {
    const ranked: Proposal[] = [];
    let fallback: Proposal | undefined;
    for (const other of candidates.members) {
      const similarity = candidates.score[other];
      const extra = bonus(reverse ? target : other, reverse ? other : target, relation);
      const score = similarity + extra;
      if (score >= LINK_THRESHOLD) ranked.push({ other, score, similarity, reason: bonusReason });
      else if (score >= FALLBACK_FLOOR && (!fallback || score > fallback.score || (score === fallback.score && statementAt[other] < statementAt[fallback.other]))) {
        fallback = { other, score, similarity, reason: bonusReason };
      }
    }
    // With nothing clearly related, the closest candidate is still proposed, faintly, so a reader
    // sees the likeliest link instead of a gap; a finding that shares nothing keeps its gap.
    if (ranked.length === 0 && fallback) ranked.push({ ...fallback, score: fallback.score / 2 });
    ranked.sort((x, y) => y.score - x.score || statementAt[x.other] - statementAt[y.other]);
    for (const { other, score, similarity, reason } of ranked.slice(0, limit)) {
      const from = findings[reverse ? target : other];
      const to = findings[reverse ? other : target];
      const why = reason ?? `shared words (${similarity.toFixed(2)})`;
      links.push({ from: from.id, to: to.id, type: relation, inferred: true, confidence: Math.round(Math.min(0.9, 0.3 + score * 0.6) * 100) / 100, reason: why });
    }
  };

  // Same-group closeness and catalog relations count even without shared words.
  const byGroup = new Map<number, number[]>();
  const indexInGroup = new Int32Array(total);
  findings.forEach((finding, index) => {
    const group = input.statements[finding.statement]?.group ?? -1;
    if (group < 0) return;
    let members = byGroup.get(group);
    if (!members) byGroup.set(group, (members = []));
    indexInGroup[index] = members.length;
    members.push(index);
  });
  const addNeighbours = (index: number, wanted: number) => {
    const members = byGroup.get(input.statements[statementAt[index]]?.group ?? -1);
    if (!members) return;
    const at = indexInGroup[index];
    // Only close neighbours: a long list is one group, and its far ends are not related by place.
    const last = Math.min(members.length, at + NEIGHBOURHOOD + 1);
    for (let k = Math.max(0, at - NEIGHBOURHOOD); k < last; k++) {
      const other = members[k];
      if (other !== index && (kindAt[other] & wanted) !== 0) candidates.include(other);
    }
  };

  // The catalog relates findings that share no words: a problem's disease lists typical causes,
  // and a target's disease lists typical remedies a solution may echo.
  const targetsByPattern = new Map<string, number[]>();
  const remedyPostings = new Map<number, number[]>();
  findings.forEach((finding, index) => {
    const pattern = input.patternOfStatement.get(finding.statement);
    if (!pattern || finding.kind === 'solution') return;
    (targetsByPattern.get(pattern) ?? targetsByPattern.set(pattern, []).get(pattern)!).push(index);
    for (const token of remedyTokensOf(input.catalog, pattern)) {
      const id = vocabulary.get(token);
      if (id !== undefined) (remedyPostings.get(id) ?? remedyPostings.set(id, []).get(id)!).push(index);
    }
  });
  /** The part of a list (sorted by statement) within the window around a statement; none when too common. */
  const forNearby = (list: number[] | undefined, statement: number, max: number, visit: (other: number) => void) => {
    if (!list) return;
    const from = firstAtOrAfter(list, statement - WINDOW);
    const to = firstAtOrAfter(list, statement + WINDOW + 1);
    if (to - from > MAX_POSTINGS) return;
    for (let k = from; k < Math.min(to, from + max); k++) visit(list[k]);
  };
  const addCatalogRelated = (index: number, wanted: number) => {
    const finding = findings[index];
    const statement = statementAt[index];
    const visit = (other: number) => {
      if ((kindAt[other] & wanted) !== 0) candidates.include(other);
    };
    const pattern = finding.kind === 'problem' ? input.patternOfStatement.get(statement) : undefined;
    if (pattern) {
      const entry = input.catalog.get(pattern);
      const related = new Set([pattern, ...(entry?.related ?? []), ...(entry?.typicalCauses ?? []).flatMap((c) => c.related)]);
      for (const id of related) forNearby(targetsByPattern.get(id), statement, 20, visit);
    }
    if (finding.kind === 'solution') {
      for (const id of tokensAt[index]) forNearby(remedyPostings.get(id), statement, Infinity, visit);
    }
  };

  for (let index = 0; index < total; index++) {
    if (kindAt[index] !== KIND_BIT.problem || input.explicitlyCaused.has(findings[index].id)) continue;
    candidates.clear();
    collectSimilar(index, CAUSE_KINDS);
    addNeighbours(index, CAUSE_KINDS);
    addCatalogRelated(index, CAUSE_KINDS);
    propose(index, 'causes', MAX_CAUSES_PER_PROBLEM, false);
  }
  for (let index = 0; index < total; index++) {
    if (kindAt[index] !== KIND_BIT.solution || input.explicitlyAddressing.has(findings[index].id)) continue;
    candidates.clear();
    collectSimilar(index, TARGET_KINDS);
    addNeighbours(index, TARGET_KINDS);
    addCatalogRelated(index, TARGET_KINDS);
    // Remedies aim at causes first; a problem is the target only when it is clearly closer.
    for (const other of candidates.members) if (kindAt[other] === KIND_BIT.cause) candidates.score[other] *= 1.15;
    propose(index, 'addresses', MAX_TARGETS_PER_SOLUTION, true);
  }
  return links;
}

interface Proposal {
  other: number;
  score: number;
  similarity: number;
  /** Set when closeness or the catalog, not shared words, explains the link. */
  reason?: string;
}

/** Candidate findings and their scores for one target, reused from target to target without allocating. */
class CandidateScores {
  readonly score: Float64Array;
  readonly members: number[] = [];
  private readonly stamp: Uint32Array;
  private epoch = 0;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.stamp = new Uint32Array(size);
  }

  clear(): void {
    this.epoch++;
    this.members.length = 0;
  }

  add(index: number, weight: number): void {
    if (this.stamp[index] === this.epoch) this.score[index] += weight;
    else this.enter(index, weight);
  }

  /** A candidate by closeness or catalog only: it scores nothing unless words add to it. */
  include(index: number): void {
    if (this.stamp[index] !== this.epoch) this.enter(index, 0);
  }

  private enter(index: number, weight: number): void {
    this.stamp[index] = this.epoch;
    this.score[index] = weight;
    this.members.push(index);
  }
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

/** Index of the first finding at or after a statement, in a list of finding numbers sorted by statement. */
function firstInWindow(list: number[], statement: number, statementAt: Int32Array): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (statementAt[list[mid]] < statement) low = mid + 1;
    else high = mid;
  }
  return low;
}
