import type { Reason, Statement, StatementKind } from '../model';
import { STATEMENT_KINDS } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { PhraseMatch } from '../text/ahoCorasick';
import type { CueValue, HeadingKind, Lexicon } from './lexicon';

export interface Classification {
  kind?: StatementKind;
  confidence: number;
  /** The signal that weighed most for the chosen kind. */
  source: 'heading' | 'cue';
  scores: Record<StatementKind | 'context', number>;
  reasons: Reason[];
}

type Scores = Record<StatementKind | 'context', number>;

const HEADING_PRIOR = 2.5;
const LABEL_PRIOR = 3;
const LEAD_VERB_WEIGHT = 2;
const GROUP_PRIOR = 1;
const LEAD_IN_PRIOR = 1.5;
const QUESTION_CONTEXT = 2;
const DECISION_THRESHOLD = 1;
const NEGATION_WINDOW = 40;
const NEGATED_CAUSE = 6;
const NEGATED_OTHER = 1.5;
const FIGURE_WITH_PROBLEM = 0.5;
const CHANGE_FIGURE = 1;
const PRESCRIPTION_DISCOUNT = 0.6;
// When two kinds score alike, a statement that prescribes is a solution, one that explains a cause.
const TIE_BREAK: Scores = { solution: 0.1, cause: 0.05, problem: 0, context: 0 };

// "**Problem:** …", "Root cause – …", "建议：…" at the start of a statement.
const INLINE_LABEL = /^(?:\*\*|__)?([^:：*_\n]{1,24}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*\S/;

/** Scores every statement of a document and picks at most one kind for each. */
export function classifyStatements(doc: ParsedDocument, lexicon: Lexicon, skip: (statement: Statement) => boolean): Classification[] {
  const sectionKinds = resolveSectionKinds(doc, lexicon);
  const results: Classification[] = new Array(doc.statements.length);
  let pseudoSection = -1;
  let pseudoKind: HeadingKind | undefined;
  let leadIn: { kind: StatementKind; group: number } | undefined;

  for (const statement of doc.statements) {
    const block = doc.blocks[statement.block];
    if (block.type === 'heading') {
      pseudoKind = undefined;
      results[statement.index] = emptyClassification();
      continue;
    }
    // A short paragraph that is only "Problems" / "**Root causes**" / "对策建议：" acts as a heading,
    // and an unpunctuated first line is the document's title.
    const pseudo = pseudoHeading(doc, statement, lexicon) ?? (isTitleLine(doc, statement) ? {} : undefined);
    if (pseudo) {
      pseudoKind = pseudo.kind;
      pseudoSection = statement.section;
      results[statement.index] = emptyClassification();
      continue;
    }
    if (pseudoKind && pseudoSection !== statement.section) pseudoKind = undefined;
    if (skip(statement)) {
      results[statement.index] = emptyClassification();
      continue;
    }
    // In a table, a cell's column header ("Root cause", "改进措施") says more than the section.
    if (block.tableHeader) {
      results[statement.index] = emptyClassification();
      continue;
    }
    const columnKind = block.columnTitle ? lexicon.headingKind(block.columnTitle) : undefined;
    const heading = columnKind ?? pseudoKind ?? sectionKinds[statement.section];
    const result = scoreStatement(doc, statement, lexicon, heading);
    if (leadIn && leadIn.group === statement.group) addPrior(result, leadIn.kind, LEAD_IN_PRIOR, 'position', 'the sentence that introduces this list');
    results[statement.index] = result;
    leadIn = undefined;
    if (/[:：]\s*$/.test(statement.text)) {
      const kind = decide(result.scores) ?? leadInKind(statement, lexicon);
      const nextStatement = doc.statements[statement.index + 1];
      if (kind && nextStatement && nextStatement.group !== statement.group) leadIn = { kind, group: nextStatement.group };
    }
  }
  applyGroupPriors(doc, results);
  for (const result of results) finish(result);
  return results;
}

function emptyClassification(): Classification {
  return { confidence: 0, source: 'cue', scores: { problem: 0, cause: 0, solution: 0, context: 0 }, reasons: [] };
}

/** Section kinds, inherited by subsections whose own heading says nothing. */
function resolveSectionKinds(doc: ParsedDocument, lexicon: Lexicon): (HeadingKind | undefined)[] {
  const kinds: (HeadingKind | undefined)[] = [];
  doc.sections.forEach((section, index) => {
    if (index === 0) {
      kinds.push(undefined);
      return;
    }
    // The document's title ("Kestrel Motors: turnaround diagnosis") speaks for the whole, not a
    // part; so does a heading long enough to be a sentence rather than a section label.
    const isTitle = (index === 1 && section.level === 1) || (section.level === 1 && doc.sections.some((other) => other.level > 1)) || isSentenceLike(section.title);
    const own = isTitle ? undefined : lexicon.headingKind(section.title);
    if (own) section.headingKind = own.kind;
    kinds.push(own ?? (section.parent > 0 ? kinds[section.parent] : undefined));
  });
  return kinds;
}

/**
 * A paragraph that is only a short label ("**Root causes**", "对策建议：", "Investment view") is a
 * heading in all but syntax: it holds no claim, and its words (if any) set the kind of what follows.
 */
function isTitleLine(doc: ParsedDocument, statement: Statement): boolean {
  if (statement.index !== 0) return false;
  const block = doc.blocks[statement.block];
  if (block.type !== 'paragraph' || block.range.start.line !== block.range.end.line) return false;
  // The whole line must be this one statement: a news-summary line holds several.
  if (statement.span.start !== block.span.start || statement.span.end !== block.span.end) return false;
  return !/[.。!?！？;；:：]\s*(?:\[\^?\d+\])*\s*$/.test(statement.text) && [...statement.text].length <= 100;
}

function isSentenceLike(title: string): boolean {
  const cjk = (title.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const words = title.replace(/[\u4e00-\u9fff]/g, '').split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
  return cjk > 16 || words > 8;
}

function pseudoHeading(doc: ParsedDocument, statement: Statement, lexicon: Lexicon): { kind?: HeadingKind } | undefined {
  const block = doc.blocks[statement.block];
  if (block.type !== 'paragraph' || statement.text.length > 60) return undefined;
  const blockText = doc.text.slice(block.span.start, block.span.end).trim();
  if (blockText !== doc.text.slice(statement.span.start, statement.span.end).trim()) return undefined;
  const bold = /^(\*\*|__)([^*_]+)\1[:：]?$/.exec(blockText);
  const colon = /^([^.。!?！？:：]{1,40})[:：]$/.exec(blockText);
  const bare = /[.。!?！？;；]$/.test(blockText) ? null : /^[^.。!?！？:：]{1,40}$/.exec(blockText);
  const label = (bold?.[2] ?? colon?.[1] ?? bare?.[0])?.replace(/[*_`]/g, '').trim();
  if (!label) return undefined;
  const words = label.split(/\s+/).length;
  const cjk = (label.match(/[\u4e00-\u9fff]/g) ?? []).length;
  if (!bold && (words > 5 || cjk > 12)) return undefined;
  const kind = lexicon.headingKind(label);
  // The whole label must be about the kind, not a sentence that happens to contain the word.
  const fits = kind && label.length <= kind.phrase.length + 20;
  if (!bold && !colon && !fits) return words <= 3 || (cjk > 0 && cjk <= 6) ? {} : undefined;
  return { kind: fits ? kind : undefined };
}

function leadInKind(statement: Statement, lexicon: Lexicon): StatementKind | undefined {
  const kind = lexicon.headingKind(statement.text.replace(/[:：]\s*$/, ''));
  return kind && kind.kind !== 'context' ? kind.kind : undefined;
}

function scoreStatement(doc: ParsedDocument, statement: Statement, lexicon: Lexicon, heading: HeadingKind | undefined): Classification {
  const result = emptyClassification();
  const lower = statement.text.toLowerCase();
  const found = lexicon.cues.findAll(lower);
  for (const gapped of lexicon.findGapped(lower)) {
    found.push({ start: gapped.start, end: gapped.end, entry: { phrase: gapped.cue.phrase, value: gapped.cue, boundaryStart: false, boundaryEnd: false } });
  }
  const matches = longestMatches(found);
  const cueMatches = matches.filter((m) => m.entry.value.kind !== 'negation');
  // "no" inside "no longer" is part of a cue, not a negation of the next one.
  // Nor is "no-show" a negation.
  const negations = matches.filter((m) => m.entry.value.kind === 'negation' && lower[m.end] !== '-' && !cueMatches.some((c) => c.start <= m.start && c.end >= m.end));
  const perKind: Record<string, { weight: number; match: PhraseMatch<CueValue> }[]> = { problem: [], cause: [], solution: [], context: [] };
  const negated = { cause: false, problem: false, solution: false, context: false };
  let decisiveCause = false;
  for (const match of cueMatches) {
    const cue = match.entry.value;
    const negation = negations.find((n) => n.start < match.start && match.start - n.end <= NEGATION_WINDOW && !/[,;，；:：]/.test(lower.slice(n.end, match.start)));
    // Only firm cues can be denied: "has not been upgraded since 2009" does not deny "since".
    if (negation && cue.kind !== 'context' && (cue.weight >= 2 || cue.kind === 'solution')) {
      // A cue that is denied ("not due to pricing", "并非源于…") rules a claim out rather than making it.
      result.reasons.push({ signal: 'negation', detail: statement.text.slice(negation.start, match.end), kind: cue.kind as StatementKind, weight: 0 });
      if (cue.kind === 'solution' && cue.weight < 2) perKind.problem.push({ weight: 1, match });
      else if (cue.kind === 'cause' && cue.weight < 3) negated.problem = true;
      else negated[cue.kind as StatementKind] = true;
      continue;
    }
    if (cue.kind === 'cause' && cue.weight >= 3) decisiveCause = true;
    perKind[cue.kind].push({ weight: cue.weight, match });
  }
  if (negated.cause) addPrior(result, 'context', NEGATED_CAUSE, 'negation', 'a cause that is ruled out');
  if (negated.problem || negated.solution) addPrior(result, 'context', NEGATED_OTHER, 'negation', 'a claim that is ruled out');
  for (const kind of ['problem', 'cause', 'solution', 'context'] as const) {
    const cues = perKind[kind].sort((a, b) => b.weight - a.weight);
    // Diminishing returns: the third "risk" word says less than the first.
    let total = 0;
    cues.forEach((cue, i) => (total += cue.weight * Math.pow(0.6, i)));
    result.scores[kind] += total;
    for (const cue of cues.slice(0, 3)) {
      const span = { start: statement.span.start + cue.match.start, end: statement.span.start + cue.match.end };
      result.reasons.push({ signal: 'cue', detail: statement.text.slice(cue.match.start, cue.match.end), kind, weight: round(cue.weight), range: doc.lineMap.rangeOf(span) });
    }
  }
  // A causal connective makes the statement an explanation; its problem words describe the effect.
  if (decisiveCause) result.scores.problem *= 0.5;
  // Likewise a firm prescription ("should cut complaint rates") names the problem it fixes.
  else if (perKind.solution.some((c) => c.weight >= 2)) result.scores.problem *= PRESCRIPTION_DISCOUNT;
  const figures = statement.metrics.filter((m) => m.type !== 'year');
  if (figures.length && perKind.problem.length) addPrior(result, 'problem', FIGURE_WITH_PROBLEM, 'metric', figures[0].text);
  if (figures.some((m) => m.type === 'change') && perKind.solution.length === 0) addPrior(result, 'problem', CHANGE_FIGURE, 'metric', figures.find((m) => m.type === 'change')!.text);
  const label = INLINE_LABEL.exec(statement.text);
  const labelKind = label ? lexicon.headingKind(label[1]) : undefined;
  // Only a label that is essentially the kind word: "Root cause 2:", "问题：", not "资源协同不足：".
  const labelSlack = /[\u4e00-\u9fff]/.test(label?.[1] ?? '') ? 3 : 6;
  if (labelKind && label![1].trim().length <= labelKind.phrase.length + labelSlack) addPrior(result, labelKind.kind, LABEL_PRIOR, 'heading', label![1].trim());
  const verb = lexicon.leadVerb(statement.text, statement.language);
  if (verb) addPrior(result, 'solution', LEAD_VERB_WEIGHT, 'cue', verb);
  if (heading) addPrior(result, heading.kind, HEADING_PRIOR, 'heading', doc.sections[statement.section].title || heading.phrase);
  if (/[?？]\s*(?:\[\^?\d+\])*$/.test(statement.text)) addPrior(result, 'context', QUESTION_CONTEXT, 'context', '?');
  return result;
}

function addPrior(result: Classification, kind: StatementKind | 'context', weight: number, signal: Reason['signal'], detail: string): void {
  result.scores[kind] += weight;
  result.reasons.push({ signal, detail, kind, weight });
}

/** Drops a match that lies inside a longer one ("cause" inside "root cause"). */
function longestMatches(matches: PhraseMatch<CueValue>[]): PhraseMatch<CueValue>[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch<CueValue>[] = [];
  let coverEnd = -1;
  for (const match of matches) {
    if (match.entry.value.kind === 'negation') {
      kept.push(match);
      continue;
    }
    if (match.end <= coverEnd) continue;
    kept.push(match);
    coverEnd = Math.max(coverEnd, match.end);
  }
  return kept;
}

function decide(scores: Scores): StatementKind | undefined {
  let best: StatementKind | undefined;
  let bestScore = 0;
  for (const kind of STATEMENT_KINDS) {
    const score = scores[kind] + TIE_BREAK[kind];
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  if (!best || scores[best] < DECISION_THRESHOLD || scores.context >= scores[best]) return undefined;
  return best;
}

/** In a summary group or a paragraph, a clear first claim sets the topic for the weaker ones after it. */
function applyGroupPriors(doc: ParsedDocument, results: Classification[]): void {
  let group = -2;
  let topic: StatementKind | undefined;
  for (const statement of doc.statements) {
    if (statement.group !== group) {
      group = statement.group;
      topic = undefined;
    }
    if (group < 0) continue;
    const result = results[statement.index];
    const kind = decide(result.scores);
    const strongest = Math.max(result.scores.problem, result.scores.cause, result.scores.solution);
    // The topic tips weak or mixed signals; it does not make a claim out of a sentence with none.
    if (topic && strongest > 0 && strongest < 2.5 && kind !== topic) addPrior(result, topic, GROUP_PRIOR, 'position', `group ${group + 1}`);
    if (statement.positionInGroup === 0 && kind && strongest >= 2) topic = kind;
  }
}

function finish(result: Classification): void {
  const kind = decide(result.scores);
  if (!kind) {
    result.confidence = 0;
    return;
  }
  result.kind = kind;
  const others = STATEMENT_KINDS.filter((k) => k !== kind).map((k) => result.scores[k]);
  const second = Math.max(result.scores.context, ...others);
  result.confidence = round(Math.min(0.99, Math.max(0.3, 1 - Math.exp(-(result.scores[kind] - 0.5 * second) / 2.2))));
  const headingWeight = result.reasons.filter((r) => r.signal === 'heading' && r.kind === kind).reduce((sum, r) => sum + r.weight, 0);
  result.source = headingWeight > 0 && headingWeight >= result.scores[kind] - headingWeight ? 'heading' : 'cue';
  result.reasons.sort((a, b) => Number(b.kind === kind) - Number(a.kind === kind) || b.weight - a.weight);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
