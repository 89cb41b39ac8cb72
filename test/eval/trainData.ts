// The labelled corpora as training data: for every statement the classifier scores, its local
// feature row and the class its label gives it ("none" when no label covers it, since a claim
// found there counts as a false positive).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readAnnotations } from '../../src/core/annotate/annotations';
import { localFeatures, type FeatureRow } from '../../src/core/classify/features';
import type { Lexicon } from '../../src/core/classify/lexicon';
import { scoreByRules } from '../../src/core/classify/rules';
import { frameStatements, type StatementFrame } from '../../src/core/classify/structure';
import { CLASSES } from '../../src/core/classify/weights';
import { parseDocument, type ParsedDocument } from '../../src/core/parse/document';
import { corpusDocuments, locateLabels, readLabels, type Label } from './evaluate';

export type Style = 'plain' | 'headings' | 'news' | 'other';

export interface TrainingDocument {
  corpus: string;
  name: string;
  style: Style;
  language: 'en' | 'zh';
  doc: ParsedDocument;
  frames: StatementFrame[];
  /** Local features per statement index; undefined where the statement is not scored. */
  rows: (FeatureRow | undefined)[];
  /** Class index (into CLASSES) per statement index; meaningful where the statement is scored. */
  classes: Int8Array;
  /** The labels in file order, with the statement each was matched to (-1 for none). */
  labels: { kind: Label; statement: number }[];
  /** Each scored statement read again as a document of its own: no heading, no neighbours, no place. */
  isolated: { row: FeatureRow; label: number }[];
  /** The same document with its sections in reverse order (see reverseSections); trained on, never scored. */
  variants: TrainingDocument[];
}

/** The labelled corpora, oldest first. Each was scored blind once before it joined the training set. */
export const CORPORA = ['eval', 'eval-holdout', 'eval-blind', 'eval-final', 'eval-fresh', 'eval-sixth', 'eval-seventh'] as const;

/** A document's style, from its file name: "en-plain-…", "zh-news-…" and the older "prose" and "summary". */
export function styleOf(name: string): Style {
  if (/^(?:en|zh|mix)-(?:plain|prose)-/.test(name)) return 'plain';
  if (/^(?:en|zh|mix)-headings-/.test(name)) return 'headings';
  if (/^(?:en|zh|mix)-(?:news|summary)-/.test(name)) return 'news';
  return 'other';
}

export function loadCorpus(folder: string, lexicon: Lexicon): TrainingDocument[] {
  return corpusDocuments(folder).map((name) => loadDocument(folder, name, lexicon));
}

export function loadDocument(folder: string, name: string, lexicon: Lexicon): TrainingDocument {
  const text = readFileSync(join(folder, name), 'utf8');
  const document = readDocument(folder, name, text, lexicon);
  const reversed = reverseSections(text);
  if (reversed !== undefined) document.variants.push(readDocument(folder, name, reversed, lexicon));
  return document;
}

/**
 * The text with its second-level sections in reverse order, or undefined when it has fewer than
 * three. In the corpora, headed reports always run problems, causes, remedies, so a statement's
 * place and its heading always agree; trained on both orders, the model learns to trust the
 * heading when the two disagree (a "Risks" section at the end of a plan).
 */
export function reverseSections(text: string): string | undefined {
  const lines = text.split('\n');
  const starts = lines.flatMap((line, i) => (/^##\s/.test(line) ? [i] : []));
  if (starts.length < 3) return undefined;
  const trimmed = (part: string[]) => part.join('\n').trimEnd();
  const chunks = starts.map((start, k) => trimmed(lines.slice(start, starts[k + 1] ?? lines.length)));
  return `${[trimmed(lines.slice(0, starts[0])), ...chunks.reverse()].join('\n\n')}\n`;
}

function readDocument(folder: string, name: string, text: string, lexicon: Lexicon): TrainingDocument {
  const doc = parseDocument(`file:///eval/${name}`, text);
  const annotations = readAnnotations(doc);
  const frames = frameStatements(doc, lexicon, (s) => annotations.ownerOf.has(s.index));
  const rules = scoreByRules(doc, lexicon, frames);
  const rows = doc.statements.map((statement) => (frames[statement.index].scored ? localFeatures(doc, statement.index, rules[statement.index]!) : undefined));
  const labels = readLabels(folder, name);
  const located = locateLabels(text, labels, doc.statements);
  const classes = new Int8Array(doc.statements.length);
  labels.forEach((label, i) => {
    // Two labels on one statement (a quote the parser did not split) keep the first claim.
    if (located[i] >= 0 && classes[located[i]] === 0) classes[located[i]] = CLASSES.indexOf(label.kind);
  });
  const isolated: TrainingDocument['isolated'] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const alone = parseDocument('file:///eval/isolated.md', `${doc.statements[i].text}\n`);
    const aloneFrames = frameStatements(alone, lexicon, () => false);
    const aloneRules = scoreByRules(alone, lexicon, aloneFrames);
    const first = alone.statements.find((s) => aloneFrames[s.index].scored);
    if (first) isolated.push({ row: localFeatures(alone, first.index, aloneRules[first.index]!), label: classes[i] });
  });
  return {
    corpus: basename(folder),
    name,
    style: styleOf(name),
    language: doc.language,
    doc,
    frames,
    rows,
    classes,
    labels: labels.map((label, i) => ({ kind: label.kind, statement: located[i] })),
    isolated,
    variants: [],
  };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Micro counts of one document exactly as test/eval/evaluate.ts counts them, from a predicted
 * class per statement (0 = none): every label is scored, and a claim no label covers is a false positive.
 */
export function countDocument(document: TrainingDocument, predicted: Int8Array, into: Counts = { tp: 0, fp: 0, fn: 0 }): Counts {
  const labelled = new Set<number>();
  for (const label of document.labels) {
    const guess = label.statement >= 0 ? predicted[label.statement] : 0;
    if (label.statement >= 0) labelled.add(label.statement);
    const expected = CLASSES.indexOf(label.kind);
    if (guess !== 0 && guess === expected) into.tp++;
    else {
      if (guess !== 0) into.fp++;
      if (expected !== 0) into.fn++;
    }
  }
  predicted.forEach((guess, statement) => {
    if (guess !== 0 && !labelled.has(statement)) into.fp++;
  });
  return into;
}

export function f1(counts: Counts): number {
  const precision = counts.tp + counts.fp ? counts.tp / (counts.tp + counts.fp) : 1;
  const recall = counts.tp + counts.fn ? counts.tp / (counts.tp + counts.fn) : 1;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}
