// Structural checks for every labelled evaluation corpus under test/fixtures. A corpus whose labels
// drift from its documents makes F1 scores meaningless, so each label must point at exactly one
// statement, in order, under the statement rules of that corpus's README, and each corpus must keep
// the shape and independence its README promises. The corpora are described in
// test/eval/fixtureCorpora.ts. The classifier is never run here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CORPORA, STYLES, type Example } from '../eval/fixtureCorpora';
import { assertHeadingsNone, assertKindMix, assertLayout, assertOneLabelPerStatement, assertQuotesInOrder } from '../eval/fixtureStructure';
import { assertScript, KINDS, readCorpus, scriptLanguage, segmentStatements, sharedStatements, splitSentences } from '../eval/fixtureStructure';
import type { Language, SegmentRules, Style } from '../eval/fixtureStructure';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

const RULES_BY_FOLDER = new Map(CORPORA.map((spec) => [spec.folder, spec.rules]));

function checkExample(rules: SegmentRules, example: Example): void {
  if ('sentences' in example) assert.deepStrictEqual(splitSentences(example.input, rules), example.sentences);
  else if ('statements' in example) assert.deepStrictEqual(segmentStatements(example.input, rules), example.statements);
  else assert.deepStrictEqual(segmentStatements(example.input, rules).map((s) => s.text), example.texts);
}

for (const spec of CORPORA) {
  const dir = path.join(FIXTURES, spec.folder);
  const corpus = readCorpus(dir);
  const prefixOf = (name: string): string => name.split('-')[0];
  const styleOf = (name: string): string => name.split('-')[1];
  const languageOf = (name: string, text: string): string => (spec.languages === 'by-script' ? scriptLanguage(text) : prefixOf(name));
  const groups: readonly string[] = spec.languages === 'by-script' ? ['en', 'zh'] : spec.languages;

  describe(spec.title, () => {
    describe('statement rules', () => {
      for (const [behaviour, examples] of Object.entries(spec.examples)) {
        it(behaviour, () => examples.forEach((example) => checkExample(spec.rules, example)));
      }
    });

    describe('corpus shape', () => {
      it(`holds at least ${spec.minDocuments} documents named as the README says`, () => {
        assert.ok(corpus.length >= spec.minDocuments, `${corpus.length} documents; at least ${spec.minDocuments} expected`);
        if (spec.readme) assert.ok(fs.existsSync(path.join(dir, 'README.md')), 'README.md is missing');
        if (spec.languages === 'by-script') return;
        const misnamed = corpus
          .filter((doc) => !groups.includes(prefixOf(doc.name)) || (spec.stylesPerLanguage && !(styleOf(doc.name) in spec.stylesPerLanguage)))
          .map((doc) => doc.name);
        assert.deepStrictEqual(misnamed, [], `names must start with ${groups.join('|')}-${spec.stylesPerLanguage ? ' and then a style' : ''}`);
      });

      for (const language of groups) {
        it(`has enough ${language} documents and every kind among them`, () => {
          const group = corpus.filter((doc) => languageOf(doc.name, doc.text) === language);
          assert.ok(group.length >= (spec.minPerLanguage ?? 1), `${group.length} ${language} documents`);
          for (const [style, needed] of Object.entries(spec.stylesPerLanguage ?? {})) {
            const count = group.filter((doc) => styleOf(doc.name) === style).length;
            assert.ok(count >= needed, `${count} ${language}-${style} documents; at least ${needed} expected`);
          }
          const seen = new Set(group.flatMap((doc) => doc.labels.map((label) => label.kind)));
          assert.deepStrictEqual(KINDS.filter((kind) => !seen.has(kind)), []);
        });
      }

      const earlier = spec.earlier;
      if (earlier) {
        it(`shares no statement with ${earlier.folders.join(', ')}`, () => {
          const earlierCorpora = earlier.folders.map((folder) => ({ dir: path.join(FIXTURES, folder), rules: RULES_BY_FOLDER.get(folder)! }));
          const { earlierCount, shared } = sharedStatements(corpus, spec.rules, earlierCorpora, earlier.skipHeadings);
          assert.ok(earlierCount >= earlier.minStatements, `only ${earlierCount} statements read from the earlier corpora`);
          assert.deepStrictEqual(shared, []);
        });
      }
    });

    for (const doc of corpus) {
      describe(doc.name, () => {
        const statements = segmentStatements(doc.text, spec.rules);
        const language = prefixOf(doc.name) as Language;
        const style = styleOf(doc.name) as Style;

        it('has a readable sidecar with valid kinds', () => {
          assert.strictEqual(doc.sidecarError, undefined, doc.sidecarError);
          assert.ok(doc.labels.length > 0, 'the sidecar has no labels');
        });

        const script = spec.script;
        if (script) it('is written in the language its name gives', () => assertScript(doc.text, language, script));

        if (spec.stylesPerLanguage && STYLES.includes(style)) {
          const digest = { summaryLine: spec.rules.summaryLine, citationsAtLineEnd: !!spec.strictDigest, titleFirst: !!spec.strictDigest };
          it(`has the layout of a ${style} document and no unsupported markup`, () => assertLayout(doc.text, style, statements, digest));
        }

        it('quotes each passage exactly once, in document order', () => {
          assertQuotesInOrder(doc, spec.bareQuotes ? { summaryLine: spec.rules.summaryLine } : undefined);
        });

        it('gives every statement exactly one label', () => assertOneLabelPerStatement(doc, statements, spec.statements));

        if (spec.headingsNone) it('labels headings and table header cells none', () => assertHeadingsNone(doc, statements));

        const noneShare = spec.noneShare;
        if (noneShare) it('mixes problems, causes and solutions with the intended share of none', () => assertKindMix(doc, noneShare));
      });
    }
  });
}
