import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeText, type AnalyzerData } from '../../src/core/analyze';
import type { StatementKind } from '../../src/core/model';

export type Label = StatementKind | 'none';
const KINDS: StatementKind[] = ['problem', 'cause', 'solution'];

export interface Mistake {
  document: string;
  text: string;
  expected: Label;
  predicted: Label;
  why: string;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Evaluation {
  documents: number;
  statements: number;
  micro: Scores;
  perKind: Record<StatementKind, Scores>;
  perLanguage: Record<'en' | 'zh', Scores>;
  perDocument: { name: string; language: 'en' | 'zh'; micro: Scores }[];
  mistakes: Mistake[];
}

/**
 * Scores statement-level problem/cause/solution extraction against a labelled corpus: each label
 * quote is located in its document and matched to the statement that overlaps it most.
 */
export function evaluateCorpus(folder: string, data: AnalyzerData, only?: (name: string) => boolean): Evaluation {
  const names = corpusDocuments(folder).filter((n) => !only || only(n));
  const total = counters();
  const perKind = { problem: counters(), cause: counters(), solution: counters() };
  const perLanguage = { en: counters(), zh: counters() };
  const perDocument: Evaluation['perDocument'] = [];
  const mistakes: Mistake[] = [];
  let statements = 0;
  for (const name of names) {
    const text = readFileSync(join(folder, name), 'utf8');
    const labels = readLabels(folder, name);
    const analysis = analyzeText(`file:///eval/${name}`, text, data);
    const predictedOf = new Map<number, Label>();
    for (const finding of analysis.findings) {
      if (KINDS.includes(finding.kind as StatementKind)) predictedOf.set(finding.statement, finding.kind as Label);
    }
    const doc = counters();
    const language = analysis.model.language;
    const labelled = new Set<number>();
    const located = locateLabels(text, labels, analysis.model.statements);
    labels.forEach((label, i) => {
      const best = located[i];
      if (best >= 0) labelled.add(best);
      const predicted = best >= 0 ? (predictedOf.get(best) ?? 'none') : 'none';
      statements++;
      for (const c of [total, doc, perLanguage[language]]) tally(c, label.kind, predicted);
      for (const kind of KINDS) tallyKind(perKind[kind], kind, label.kind, predicted);
      if (predicted !== label.kind) mistakes.push({ document: name, text: label.quote, expected: label.kind, predicted, why: explain(analysis, best) });
    });
    // A claim found where the labels saw none is a false positive too.
    for (const [statement, predicted] of predictedOf) {
      if (labelled.has(statement)) continue;
      for (const c of [total, doc, perLanguage[language]]) tally(c, 'none', predicted);
      tallyKind(perKind[predicted as StatementKind], predicted as StatementKind, 'none', predicted);
      mistakes.push({ document: name, text: analysis.model.statements[statement].text, expected: 'none', predicted, why: explain(analysis, statement) });
    }
    perDocument.push({ name, language, micro: scores(doc) });
  }
  return {
    documents: names.length,
    statements,
    micro: scores(total),
    perKind: { problem: scores(perKind.problem), cause: scores(perKind.cause), solution: scores(perKind.solution) },
    perLanguage: { en: scores(perLanguage.en), zh: scores(perLanguage.zh) },
    perDocument,
    mistakes,
  };
}

/** The labelled documents of a corpus folder, sorted. */
export function corpusDocuments(folder: string): string[] {
  return readdirSync(folder).filter((n) => n.endsWith('.md') && n !== 'README.md').sort();
}

export function readLabels(folder: string, name: string): { quote: string; kind: Label }[] {
  return parse(readFileSync(join(folder, name.replace(/\.md$/, '.labels.yaml')), 'utf8')) as { quote: string; kind: Label }[];
}

/** For each label, the statement its quote overlaps most (-1 when none does). */
export function locateLabels(text: string, labels: { quote: string }[], statements: readonly { index: number; span: { start: number; end: number } }[]): number[] {
  return labels.map((label) => {
    const start = text.indexOf(label.quote);
    const end = start + label.quote.length;
    let best = -1;
    let bestOverlap = 0;
    for (const statement of statements) {
      const overlap = Math.min(end, statement.span.end) - Math.max(start, statement.span.start);
      if (overlap > bestOverlap) {
        best = statement.index;
        bestOverlap = overlap;
      }
    }
    return best;
  });
}

function explain(analysis: ReturnType<typeof analyzeText>, statement: number): string {
  const finding = analysis.findings.find((f) => f.statement === statement && KINDS.includes(f.kind as StatementKind));
  return finding ? finding.reasons.map((r) => `${r.signal}:${r.kind ?? ''}:${r.detail}:${r.weight}`).join(' | ') : '';
}

interface Counter {
  tp: number;
  fp: number;
  fn: number;
}

function counters(): Counter {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Micro-averaged over the three kinds; "none" is the negative class. */
function tally(counter: Counter, expected: Label, predicted: Label): void {
  if (predicted !== 'none' && predicted === expected) counter.tp++;
  else {
    if (predicted !== 'none') counter.fp++;
    if (expected !== 'none') counter.fn++;
  }
}

function tallyKind(counter: Counter, kind: StatementKind, expected: Label, predicted: Label): void {
  if (expected === kind && predicted === kind) counter.tp++;
  else if (predicted === kind) counter.fp++;
  else if (expected === kind) counter.fn++;
}

function scores(c: Counter): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, ...c };
}
