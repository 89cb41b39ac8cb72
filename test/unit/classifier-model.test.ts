// The learned layer of the classifier: its features, its weights file, and the training script
// that writes that file. The documents here are written for these tests.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contextFeatures, CONTEXT_FEATURES, localFeatures, LOCAL_FEATURES } from '../../src/core/classify/features';
import { scoreByRules } from '../../src/core/classify/rules';
import { frameStatements } from '../../src/core/classify/structure';
import { builtinModel, ClassifierModel, CLASSES, WEIGHTS_FORMAT } from '../../src/core/classify/weights';
import { builtinData, builtinLexicon } from '../../src/core/data/builtin';
import { evaluateCorpus } from '../eval/evaluate';
import { CORPORA, countDocument, f1, loadCorpus, reverseSections, styleOf } from '../eval/trainData';
import { predictDocument, trainModel, weightsData } from '../eval/trainModel';
import { analyze, kindOf, parse, REPO_ROOT } from './helpers';

const lexicon = builtinLexicon();

function rowOf(text: string, statementText: string) {
  const doc = parse(text);
  const frames = frameStatements(doc, lexicon, () => false);
  const rules = scoreByRules(doc, lexicon, frames);
  const statement = doc.statements.find((s) => s.text.includes(statementText))!;
  const row = localFeatures(doc, statement.index, rules[statement.index]!);
  return new Map(row.ids.map((id, i) => [LOCAL_FEATURES[id], row.values[i]]));
}

/** A report of `count` one-sentence paragraphs, the `at`-th of which is `sentence`. */
function report(count: number, at: number, sentence: string): string {
  const filler = Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} describes the ferry timetable in plain words.`);
  filler[at] = sentence;
  return `${filler.join('\n\n')}\n`;
}

describe('classifier model: features', () => {
  it('carries the rule scores and the rule verdict', () => {
    const features = rowOf('Late deliveries are due to a single overloaded depot.\n', 'Late deliveries');
    assert.ok((features.get('rule.cause') ?? 0) >= 3, JSON.stringify([...features]));
    assert.equal(features.get('rule-kind.cause'), 1);
    assert.equal(features.get('rule-kind.none'), undefined);
  });

  it('reads position only in documents long enough to have a structure, as tents that sum to one', () => {
    const short = rowOf(report(6, 5, 'Sales fell by a third.'), 'Sales fell');
    assert.ok(![...short.keys()].some((name) => name.startsWith('position.')), 'a six-sentence note has no position features');
    const long = rowOf(report(20, 10, 'Sales fell by a third.'), 'Sales fell');
    const tents = [...long].filter(([name]) => name.startsWith('position.'));
    assert.ok(tents.length >= 1 && tents.length <= 2, JSON.stringify(tents));
    assert.ok(Math.abs(tents.reduce((sum, [, value]) => sum + value, 0) - 1) < 1e-9);
    assert.ok((long.get('position.50') ?? 0) > 0.5, 'the middle of the document weighs on the middle tent');
  });

  it('moves the position features a little, not a step, when a word is added before the statement', () => {
    const before = rowOf(report(20, 9, 'Sales fell by a third.'), 'Sales fell');
    const after = rowOf(report(20, 9, 'Sales fell by a third.').replace('Paragraph 1 describes', 'Paragraph 1 also describes'), 'Sales fell');
    for (const name of LOCAL_FEATURES.filter((n) => n.startsWith('position.'))) {
      assert.ok(Math.abs((before.get(name) ?? 0) - (after.get(name) ?? 0)) < 0.01, name);
    }
  });

  it('reads the first-pass kinds of the neighbours in the same group, annotated ones included', () => {
    const doc = parse('Sales fell. [C1] Prices rose. Staff left.\n\nA new paragraph.\n');
    const frames = frameStatements(doc, lexicon, (s) => s.text.startsWith('[C1]'));
    assert.equal(frames[1].annotated, true);
    assert.equal(frames[1].scored, false);
    const firstPass = Int8Array.from([0, 1, 2, 0]);
    const rows = contextFeatures(doc, frames, firstPass);
    const names = (i: number) => rows[i].ids.map((id) => CONTEXT_FEATURES[id]).sort();
    assert.deepEqual(names(0), ['next.cause']);
    assert.deepEqual(names(2), ['group-opener.problem', 'previous.cause']);
    assert.deepEqual(names(3), [], 'a paragraph of its own has no neighbours');
    assert.equal(rows[1], undefined, 'an annotated statement is not classified');
  });
});

describe('classifier model: weights file', () => {
  const shipped = JSON.parse(readFileSync(path.join(REPO_ROOT, 'seeds/lexicon/classifier-weights.json'), 'utf8'));

  it('loads the shipped weights, which name every feature the model has', () => {
    assert.ok(ClassifierModel.fromData(shipped));
    assert.deepEqual(Object.keys(shipped.local.weights).sort(), [...LOCAL_FEATURES].sort());
  });

  it('rejects a file with the wrong format, classes, unknown features or malformed vectors, listing every problem', () => {
    const broken = {
      ...shipped,
      format: 'something-else',
      classes: ['problem', 'none', 'cause', 'solution'],
      local: { bias: [0, 0, 0], weights: { ...shipped.local.weights, 'no.such.feature': [0, 0, 0, 0], 'rule.cause': [1, 2, Number.NaN, 4] } },
    };
    assert.throws(
      () => ClassifierModel.fromData(broken),
      (error: Error) =>
        ['format must be', 'classes must be', 'local.bias', 'unknown feature "no.such.feature"', 'local.rule.cause'].every((part) => error.message.includes(part)) || assert.fail(error.message),
    );
    assert.throws(() => ClassifierModel.fromData(null), /not an object/);
    assert.throws(() => ClassifierModel.fromData({ ...shipped, contextual: undefined }), /contextual: missing/);
  });

  it('classifies the same document the same way every time', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'seeds/samples/strategy-plan-2025.md'), 'utf8');
    const kinds = () => analyze(text).findings.map((f) => `${f.kind}:${f.statement}:${f.confidence}`);
    assert.deepEqual(kinds(), kinds());
  });

  it('leaves texts that mostly claim nothing (a README) to the rules alone, so their plain sentences stay plain', () => {
    const readme = '# Fixture workspace\n\nThe tests open this folder.\n\nIt holds six short files about an invented grocery chain. Each test names a file by its path.\n';
    assert.deepEqual(analyze(readme).findings.filter((f) => f.kind !== 'evidence').map((f) => `${f.kind}: ${f.text}`), []);
    // A sentence that does claim something is still found there, by the rules alone.
    const note = `${readme}\nSales fell because the stores were understaffed.\n`;
    assert.ok(analyze(note).findings.some((f) => f.kind === 'cause'));
  });
});

describe('classifier model: training', function () {
  this.timeout(120000);
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'causeway-train-'));
    const documents: Record<string, [string, string][]> = {
      'en-plain-kiln.md': [
        ['Kiln output fell by a fifth last year.', 'problem'],
        ['Customers complained about cracked tiles.', 'problem'],
        ['The cracks are due to an old cooling line.', 'cause'],
        ['The plant should replace the cooling line.', 'solution'],
        ['The works opened in 1970.', 'none'],
      ],
      'zh-plain-kiln.md': [
        ['窑炉产量去年下降两成。', 'problem'],
        ['退货主要源于冷却线老化。', 'cause'],
        ['工厂应当更换冷却线。', 'solution'],
        ['该厂成立于1970年。', 'none'],
      ],
    };
    for (const [name, sentences] of Object.entries(documents)) {
      writeFileSync(path.join(folder, name), `${sentences.map(([s]) => s).join('\n\n')}\n`);
      writeFileSync(path.join(folder, name.replace(/\.md$/, '.labels.yaml')), sentences.map(([quote, kind]) => `- { quote: "${quote}", kind: ${kind} }`).join('\n') + '\n');
    }
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('gives the same weights on every run, and they fit the labels they were trained on', () => {
    const first = weightsData(trainModel(loadCorpus(folder, lexicon), { l2: 0.01 }), {});
    const second = weightsData(trainModel(loadCorpus(folder, lexicon), { l2: 0.01 }), {});
    assert.deepEqual(first, second);
    const model = ClassifierModel.fromData(first);
    const documents = loadCorpus(folder, lexicon);
    const counts = { tp: 0, fp: 0, fn: 0 };
    for (const document of documents) countDocument(document, predictDocument(document, model), counts);
    assert.equal(f1(counts), 1, JSON.stringify(counts));
  });

  it('counts exactly as the evaluation does, so cross-validated figures mean the same', () => {
    // Strongly penalised, so that the model makes mistakes of both sorts for the two counts to agree on.
    const model = ClassifierModel.fromData(weightsData(trainModel(loadCorpus(folder, lexicon), { l2: 3 }), {}));
    const documents = loadCorpus(folder, lexicon);
    const counts = { tp: 0, fp: 0, fn: 0 };
    for (const document of documents) countDocument(document, predictDocument(document, model), counts);
    assert.ok(counts.tp > 0 && counts.fp + counts.fn > 0, JSON.stringify(counts));
    const evaluation = evaluateCorpus(folder, { ...builtinData(), lexicon: builtinData().lexicon.withModel(model) });
    assert.deepEqual(counts, { tp: evaluation.micro.tp, fp: evaluation.micro.fp, fn: evaluation.micro.fn });
  });

  it('reverses the sections of a headed report for training, and only of one with three or more', () => {
    assert.equal(reverseSections('# T\n\nIntro.\n\n## A\n\na\n\n## B\n\nb\n\n## C\n\nc\n'), '# T\n\nIntro.\n\n## C\n\nc\n\n## B\n\nb\n\n## A\n\na\n');
    assert.equal(reverseSections('# T\n\n## A\n\na\n\n## B\n\nb\n'), undefined);
    assert.deepEqual(['en-plain-x.md', 'zh-prose-x.md', 'en-headings-x.md', 'zh-news-x.md', 'mix-summary-x.md', 'en-memo-x.md'].map(styleOf), ['plain', 'plain', 'headings', 'news', 'news', 'other']);
  });

  it('ships the weights that training on every labelled corpus gives', () => {
    const shipped = JSON.parse(readFileSync(path.join(REPO_ROOT, 'seeds/lexicon/classifier-weights.json'), 'utf8'));
    // A corpus added to the training list but not to the shipped weights means `npm run train` was not run.
    assert.deepEqual(shipped.training.corpora, [...CORPORA], 'the weights were trained on other corpora than test/eval/trainData.ts lists');
    const documents = shipped.training.corpora.flatMap((corpus: string) => loadCorpus(path.join(REPO_ROOT, 'test/fixtures', corpus), lexicon));
    const retrained = weightsData(trainModel(documents, { l2: shipped.training.l2, isolatedWeight: shipped.training.isolatedWeight }), {});
    const stale: string[] = [];
    for (const stage of ['local', 'contextual'] as const) {
      const names = [...new Set([...Object.keys(shipped[stage].weights), ...Object.keys(retrained[stage].weights)])];
      for (const name of ['bias', ...names]) {
        const a: number[] = name === 'bias' ? shipped[stage].bias : (shipped[stage].weights[name] ?? [0, 0, 0, 0]);
        const b: number[] = name === 'bias' ? retrained[stage].bias : (retrained[stage].weights[name] ?? [0, 0, 0, 0]);
        if (a.some((v, i) => Math.abs(v - b[i]) > 2e-3)) stale.push(`${stage}.${name}`);
      }
    }
    assert.deepEqual(stale, [], 'the weights no longer match the corpora, lexicon or rules: run `npm run train`');
    assert.equal(shipped.format, WEIGHTS_FORMAT);
    assert.deepEqual(shipped.classes, [...CLASSES]);
  });
});

describe('classifier model: behaviour', () => {
  it('trusts the headings of a long report written in an unusual order', () => {
    const text = [
      '# Harbour ferries: review',
      '## Recommendations',
      '- Replace the booking system with one shared across all routes.',
      '- Put one manager in charge of each crossing, with a budget of their own.',
      '- Publish sailing reliability every month.',
      '## Root causes',
      '- Each route bought its own booking software after the 2015 merger.',
      '- Managers are paid on ticket volume, not on punctuality.',
      '- Maintenance is planned centrally and ignores the timetable.',
      '## Problems',
      '- Punctuality has dropped to 71% of sailings.',
      '- Complaints about cancelled crossings doubled last year.',
      '- The northern route lost money for the third year.',
    ].join('\n\n');
    const analysis = analyze(`${text}\n`);
    assert.equal(kindOf(analysis, 'Publish sailing'), 'solution');
    assert.equal(kindOf(analysis, 'paid on ticket volume'), 'cause');
    assert.equal(kindOf(analysis, 'Punctuality has dropped'), 'problem');
    assert.equal(kindOf(analysis, 'northern route'), 'problem');
  });

  it('explains a finding on the model scale: positive reasons for the chosen kind, strongest first', () => {
    const finding = analyze('Late deliveries are due to a single overloaded depot.\n').findings.find((f) => f.kind === 'cause')!;
    const own = finding.reasons.filter((r) => r.kind === 'cause');
    assert.ok(own.length > 0 && own.every((r) => r.weight > 0), JSON.stringify(finding.reasons));
    assert.deepEqual(own.map((r) => r.weight), [...own.map((r) => r.weight)].sort((a, b) => b - a));
    assert.ok(finding.confidence > 0.25 && finding.confidence < 1);
  });

  it('uses the shipped model unless the lexicon carries another', () => {
    const lexiconWithModel = builtinData().lexicon.withModel(builtinModel());
    assert.equal(lexiconWithModel.model, builtinModel());
    assert.equal(builtinData().lexicon.model, undefined, 'withModel leaves the original lexicon alone');
  });
});
