// Fits the classifier's weights to the labelled corpora and writes seeds/lexicon/classifier-weights.json
// (`npm run train`). `--cv` prints cross-validated scores instead of writing; `--baseline FILE` adds
// a column read from per-document counts ({ corpus, name, tp, fp, fn }[]) of another classifier.
// `--before CORPUS --lexicon DIR` replays history: it trains only on the corpora written before
// CORPUS, with the word lists (cues.yaml, headings.yaml in DIR) as they were before anyone read
// CORPUS, and scores CORPUS: the fair counterpart of the hand-tuned classifier's first blind score.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { builtinLexicon } from '../../src/core/data/builtin';
import { Lexicon, type LexiconData } from '../../src/core/classify/lexicon';
import { formatTable, chooseL2, leaveOneCorpusOut, leaveOneDocumentOut, tabulate, type DocumentResult, type Settings } from './trainCv';
import { CORPORA, countDocument, loadCorpus, type TrainingDocument } from './trainData';
import { ISOLATED_WEIGHT, predictDocument, trainModel, weightsData } from './trainModel';

const root = resolve(__dirname, '../../..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const weightsPath = join(root, 'seeds/lexicon/classifier-weights.json');
// `--exclude REGEX` leaves matching features out, to measure what they add.
const excludePattern = option('--exclude') ? new RegExp(option('--exclude')!) : undefined;
const exclude = excludePattern ? (feature: string) => excludePattern.test(feature) : undefined;
// `--isolated W` weighs the statements read alone (see trainModel.ts).
const settings: Settings = { exclude, ...(option('--isolated') ? { isolatedWeight: Number(option('--isolated')) } : {}) };

function load(): TrainingDocument[] {
  const folder = option('--lexicon');
  const lexicon = folder ? new Lexicon({ cues: readYaml(join(folder, 'cues.yaml')), headings: readYaml(join(folder, 'headings.yaml')) } as LexiconData) : builtinLexicon();
  const before = option('--before');
  const corpora = before ? CORPORA.slice(0, CORPORA.indexOf(before as (typeof CORPORA)[number]) + 1) : CORPORA;
  if (before && !corpora.includes(before as (typeof CORPORA)[number])) throw new Error(`--before: unknown corpus ${before}`);
  return corpora.flatMap((corpus) => loadCorpus(join(root, 'test/fixtures', corpus), lexicon));
}

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

/** Trains on the corpora before the last one loaded and scores the last one. */
function replay(documents: TrainingDocument[]): void {
  const target = option('--before')!;
  const train = documents.filter((d) => d.corpus !== target);
  const l2 = option('--l2') ? Number(option('--l2')) : new Set(train.map((d) => d.corpus)).size > 1 ? chooseL2(train, settings) : 0.003;
  const model = trainModel(train, { ...settings, l2 });
  const results = documents.filter((d) => d.corpus === target).map((document) => ({ document, counts: countDocument(document, predictDocument(document, model)) }));
  const column = (key: (d: TrainingDocument) => string) => [{ name: `learned on ${[...new Set(train.map((d) => d.corpus))].join(', ')} (L2 ${l2})`, rows: tabulate(results, key) }];
  console.log(formatTable(`${target}: style`, column((d) => d.style)));
  console.log(`\n${formatTable(`${target}: language`, column((d) => d.language))}`);
}

function train(documents: TrainingDocument[]): void {
  const started = Date.now();
  const l2 = option('--l2') ? Number(option('--l2')) : chooseL2(documents, settings);
  const model = trainModel(documents, { ...settings, l2 });
  const statements = documents.reduce((n, d) => n + d.rows.filter(Boolean).length, 0);
  const data = weightsData(model, {
    corpora: [...CORPORA],
    documents: documents.length,
    statements,
    l2,
    l2ChosenBy: option('--l2') ? 'given' : 'leave-one-corpus-out',
    isolatedWeight: settings.isolatedWeight ?? ISOLATED_WEIGHT,
    ...(excludePattern ? { excluded: excludePattern.source } : {}),
  });
  writeFileSync(weightsPath, formatWeights(data));
  console.log(`trained on ${documents.length} documents, ${statements} scored statements, L2 ${l2}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`wrote ${weightsPath.slice(root.length + 1)}; run \`npx tsc -p .\` (or npm run compile) before using it`);
}

/** JSON with each weight vector on one line, so that a retrained file diffs line by feature. */
function formatWeights(data: unknown): string {
  const text = JSON.stringify(data, null, 2).replace(/\[\s+(-?[\d.e-]+(?:,\s+-?[\d.e-]+)*)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`);
  return `${text}\n`;
}

function crossValidate(documents: TrainingDocument[]): void {
  const baseline = readBaseline(documents);
  const corpus = leaveOneCorpusOut(documents, undefined, settings);
  for (const fold of corpus) console.log(`held out ${fold.heldOut}: L2 ${fold.l2} chosen on the other corpora`);
  const loco = corpus.flatMap((fold) => fold.documents);
  const fixed = option('--l2') ? Number(option('--l2')) : chooseL2(documents, settings);
  const lodo = args.includes('--no-lodo') ? [] : leaveOneDocumentOut(documents, fixed, settings);
  const columns = (key: (d: TrainingDocument) => string) => [
    ...(baseline ? [{ name: 'hand-tuned (tuned on all)', rows: tabulate(baseline, key) }] : []),
    { name: 'learned, corpus held out', rows: tabulate(loco, key) },
    { name: `learned, document held out (L2 ${fixed})`, rows: tabulate(lodo, key) },
  ];
  console.log(`\n${formatTable('corpus', columns((d) => d.corpus))}`);
  console.log(`\n${formatTable('style', columns((d) => d.style))}`);
  console.log(`\n${formatTable('language', columns((d) => d.language))}`);
  console.log(`\n${formatTable('corpus × language', columns((d) => `${d.corpus} ${d.language}`))}`);
}

function readBaseline(documents: TrainingDocument[]): DocumentResult[] | undefined {
  const file = option('--baseline');
  if (!file) return undefined;
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { corpus: string; name: string; tp: number; fp: number; fn: number }[];
  return documents.map((document) => {
    const row = rows.find((r) => r.corpus === document.corpus && r.name === document.name);
    if (!row) throw new Error(`baseline has no counts for ${document.corpus}/${document.name}`);
    return { document, counts: { tp: row.tp, fp: row.fp, fn: row.fn } };
  });
}

const documents = load();
if (option('--before')) replay(documents);
else if (args.includes('--cv')) crossValidate(documents);
else train(documents);
