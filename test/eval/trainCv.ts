// Honest estimates of how the learned classifier does on documents it has not seen: leave one
// corpus out (each corpus was written at a different time, about other companies) and leave one
// document out. The L2 strength of each outer fold is chosen inside its training corpora only.
import { countDocument, f1, type Counts, type TrainingDocument } from './trainData';
import { predictDocument, trainModel, type TrainOptions } from './trainModel';

/** Everything but the L2 strength, which the cross-validation chooses. */
export type Settings = Omit<TrainOptions, 'l2'>;

export const L2_GRID = [0.0003, 0.001, 0.003, 0.01, 0.03];

export interface DocumentResult {
  document: TrainingDocument;
  counts: Counts;
}

export interface FoldResult {
  heldOut: string;
  l2: number;
  documents: DocumentResult[];
}

/** Trains on all corpora but one and scores the one left out, for each corpus in turn. */
export function leaveOneCorpusOut(documents: TrainingDocument[], l2?: number, settings: Settings = {}): FoldResult[] {
  const corpora = [...new Set(documents.map((d) => d.corpus))];
  return corpora.map((heldOut) => {
    const train = documents.filter((d) => d.corpus !== heldOut);
    const chosen = l2 ?? chooseL2(train, settings);
    const model = trainModel(train, { ...settings, l2: chosen });
    const test = documents.filter((d) => d.corpus === heldOut);
    return { heldOut, l2: chosen, documents: test.map((document) => ({ document, counts: countDocument(document, predictDocument(document, model)) })) };
  });
}

/** Trains on every other document and scores each one alone. */
export function leaveOneDocumentOut(documents: TrainingDocument[], l2: number, settings: Settings = {}): DocumentResult[] {
  return documents.map((document) => {
    const model = trainModel(
      documents.filter((d) => d !== document),
      { ...settings, l2 },
    );
    return { document, counts: countDocument(document, predictDocument(document, model)) };
  });
}

/** The L2 strength with the best pooled leave-one-corpus-out F1 inside the given documents. */
export function chooseL2(documents: TrainingDocument[], settings: Settings = {}, grid = L2_GRID): number {
  let best = grid[0];
  let bestF1 = -1;
  for (const l2 of grid) {
    const pooled = sum(leaveOneCorpusOut(documents, l2, settings).flatMap((fold) => fold.documents.map((d) => d.counts)));
    const score = f1(pooled);
    if (score > bestF1 + 1e-9) {
      best = l2;
      bestF1 = score;
    }
  }
  return best;
}

export function sum(counts: Counts[]): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of counts) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}

export interface Row {
  group: string;
  documents: number;
  counts: Counts;
}

/** Pooled micro counts per value of `key` (corpus, style, language), plus "all". */
export function tabulate(results: DocumentResult[], key: (document: TrainingDocument) => string): Row[] {
  const groups = new Map<string, DocumentResult[]>();
  for (const result of results) {
    const group = key(result.document);
    groups.set(group, [...(groups.get(group) ?? []), result]);
  }
  const rows = [...groups.entries()].map(([group, members]) => ({ group, documents: members.length, counts: sum(members.map((m) => m.counts)) }));
  rows.push({ group: 'all', documents: results.length, counts: sum(results.map((r) => r.counts)) });
  return rows;
}

export function formatTable(title: string, columns: { name: string; rows: Row[] }[]): string {
  const groups = [...new Set(columns.flatMap((c) => c.rows.map((r) => r.group)))];
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = [`| ${title} | docs | ${columns.map((c) => c.name).join(' | ')} |`, `| --- | --- | ${columns.map(() => '---').join(' | ')} |`];
  for (const group of groups) {
    const cells = columns.map((c) => c.rows.find((r) => r.group === group));
    const docs = cells.find(Boolean)?.documents ?? 0;
    lines.push(`| ${group} | ${docs} | ${cells.map((cell) => (cell ? pct(f1(cell.counts)) : '–')).join(' | ')} |`);
  }
  return lines.join('\n');
}
