// Structural checks for every labelled evaluation corpus under test/fixtures. A corpus whose labels
// drift from its documents makes F1 scores meaningless, so each label must point at exactly one
// statement, in order, under the statement rules of that corpus's README, and each corpus must keep
// the shape and independence its README promises. The classifier is never run here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertHeadingsNone, assertKindMix, assertLayout, assertOneLabelPerStatement, assertQuotesInOrder } from '../eval/fixtureStructure';
import { assertScript, KINDS, readCorpus, scriptLanguage, segmentStatements, sharedStatements, splitSentences } from '../eval/fixtureStructure';
import type { Language, ScriptRule, SegmentRules, Statement, StatementCountRule, Style } from '../eval/fixtureStructure';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

// ---- Statement rules of each corpus (see each folder's README) ----

const NUMERALS = '一二三四五六七八九十';
const PLAIN_MARKDOWN = { tables: false, blockQuotes: false, frontMatter: false, urls: false };
const CLOSERS_WITH_EMPHASIS = '"\')]*”’」』）】》';

const RULES = {
  eval: {
    ...PLAIN_MARKDOWN,
    urls: true,
    closers: CLOSERS_WITH_EMPHASIS,
    summaryLine: new RegExp(`^((?:Group\\s+\\d+|要点[${NUMERALS}]+)\\s+-\\s+)(.*)$`),
  },
  holdout: {
    ...PLAIN_MARKDOWN,
    closers: CLOSERS_WITH_EMPHASIS,
    summaryLine: new RegExp(`^(Group\\s+\\d+\\s+-\\s+|Part\\s+\\d+:\\s*|要点[${NUMERALS}]+\\s+-\\s+|第[${NUMERALS}]+组：\\s*)(.*)$`),
  },
  blind: {
    tables: true,
    blockQuotes: true,
    frontMatter: true,
    urls: true,
    closers: CLOSERS_WITH_EMPHASIS,
    summaryLine: new RegExp(`^((?:Group\\s+\\d+|要点[${NUMERALS}\\d]+)\\s+-\\s+)(.*)$`),
  },
  final: {
    ...PLAIN_MARKDOWN,
    closers: CLOSERS_WITH_EMPHASIS,
    summaryLine: new RegExp(`^((?:Group\\s+\\d+|要点[${NUMERALS}\\d]+|第[${NUMERALS}\\d]+组)\\s+-\\s+)(.*)$`),
  },
  // The fresh and sixth READMEs keep only quotes and brackets with a sentence, not `*`.
  digest: {
    ...PLAIN_MARKDOWN,
    closers: '"\')]”’」』）】》',
    summaryLine: new RegExp(`^((?:Group\\s+\\d+|要点[${NUMERALS}\\d]+|第[${NUMERALS}\\d]+组)\\s+-\\s+)(.*)$`),
  },
} satisfies Record<string, SegmentRules>;

/** Worked examples from a README: what the segmenter must make of a snippet. */
type Example =
  | { input: string; texts: string[] }
  | { input: string; statements: Statement[] }
  | { input: string; sentences: string[] };

interface CorpusSpec {
  folder: string;
  title: string;
  rules: SegmentRules;
  examples: Record<string, Example[]>;
  minDocuments: number;
  readme: boolean;
  /** Languages named by the file prefix; the tuning corpus instead tells English from Chinese by script. */
  languages: Language[] | 'by-script';
  /** For corpora named language-style-topic: how many documents of each style every language needs. */
  stylesPerLanguage?: Partial<Record<Style, number>>;
  /** For corpora named only by language: how many documents each language group needs. */
  minPerLanguage?: number;
  script?: ScriptRule;
  statements: StatementCountRule;
  noneShare?: [number, number];
  headingsNone: boolean;
  /** Quotes must leave out citation marks and summary lead-ins. */
  bareQuotes: boolean;
  /** For news digests: whether citations close each line and only a title precedes the lines. */
  strictDigest?: boolean;
  earlier?: { folders: string[]; minStatements: number; skipHeadings: boolean };
}

const STYLES = ['plain', 'headings', 'news'] as const;
const STRICT_SCRIPT: ScriptRule = { hanPerLatin: 2, mixMinimum: 40 };

const CORPORA: CorpusSpec[] = [
  {
    folder: 'eval',
    title: 'evaluation corpus (test/fixtures/eval)',
    rules: RULES.eval,
    examples: {
      'splits summary lines, abbreviations and Chinese punctuation as documented': [
        { input: 'Group 2 - Sales fell 3.5% [1] - Costs rose [2][3]', texts: ['Group 2 - Sales fell 3.5% [1]', 'Costs rose [2][3]'] },
        { input: 'It ranks No. 2 in the U.S. market, e.g. in vans. Margins fell.', texts: ['It ranks No. 2 in the U.S. market, e.g. in vans.', 'Margins fell.'] },
        { input: '## 二、症结\n\n利润下滑；成本上升。\n\n- 建议压减产能', texts: ['二、症结', '利润下滑；', '成本上升。', '建议压减产能'] },
      ],
    },
    minDocuments: 18,
    readme: false,
    languages: 'by-script',
    statements: { min: 15, max: 40, uniqueHolder: false },
    headingsNone: false,
    bareQuotes: false,
  },
  {
    folder: 'eval-holdout',
    title: 'held-out evaluation corpus (test/fixtures/eval-holdout)',
    rules: RULES.holdout,
    examples: {
      'segments summary lead-ins, abbreviations, numbers and Chinese marks as the README says': [
        { input: 'Part 4: Margins fell 2.5% [1] - Debt rose [2][3]', texts: ['Part 4: Margins fell 2.5% [1]', 'Debt rose [2][3]'] },
        { input: '第二组：利润下降 [1] - 成本上升 [2]', texts: ['第二组：利润下降 [1]', '成本上升 [2]'] },
        { input: 'Group 7 - Sales fell [1] - Costs rose [2]', texts: ['Group 7 - Sales fell [1]', 'Costs rose [2]'] },
        { input: 'It sells in the U.S. market, e.g. in Ohio. Costs rose.', texts: ['It sells in the U.S. market, e.g. in Ohio.', 'Costs rose.'] },
        { input: '**Q: Why?**\n\n收入下降；成本上升。\n\nBest,\nAnna', texts: ['**Q: Why?**', '收入下降；', '成本上升。', 'Best, Anna'] },
        { input: '## 1. 基本情况\n\n1. 压降库存。\n- Cut costs; sell assets', texts: ['1. 基本情况', '压降库存。', 'Cut costs; sell assets'] },
      ],
    },
    minDocuments: 14,
    readme: false,
    languages: ['en', 'zh', 'mix'],
    minPerLanguage: 4,
    script: { hanPerLatin: 0.5, mixMinimum: 30 },
    statements: { min: 15, max: 35, uniqueHolder: true },
    noneShare: [0.2, 0.4],
    headingsNone: false,
    bareQuotes: false,
    earlier: { folders: ['eval'], minStatements: 1, skipHeadings: false },
  },
  {
    folder: 'eval-blind',
    title: 'blind evaluation corpus (test/fixtures/eval-blind)',
    rules: RULES.blind,
    examples: {
      'cuts Chinese and English sentences but not numbers, abbreviations or URLs': [
        {
          input: 'Yield fell to 3.5% at No. 2 mine, e.g. in the U.S. plant. See https://x.example/a.b now! 成本上升；利润下降。',
          texts: ['Yield fell to 3.5% at No. 2 mine, e.g. in the U.S. plant.', 'See https://x.example/a.b now!', '成本上升；', '利润下降。'],
        },
        { input: '> 他说：“门店太多了。”\n> Costs rose.', texts: ['他说：“门店太多了。”', 'Costs rose.'] },
      ],
      'skips front matter and reads headings, items, arrows and numbered paragraphs': [
        {
          input: '---\ntitle: Plan\ntags: [a, b]\n---\n\n# Fixing it\n\n1.1 Sales fell 4.2% in 2024.\n\n- Pay per shift → slow cranes\n2. 计划年底前完成。\n\n**怎么办**',
          statements: [
            { text: 'Fixing it', origin: 'heading' },
            { text: '1.1 Sales fell 4.2% in 2024.', origin: 'text' },
            { text: 'Pay per shift → slow cranes', origin: 'item' },
            { text: '计划年底前完成。', origin: 'item' },
            { text: '**怎么办**', origin: 'text' },
          ],
        },
      ],
      'makes every table cell a statement and keeps the header row apart': [
        {
          input: '| 问题 | Cause |\n| --- | :---: |\n| 退货率 9% | Paper checks. Slow. |',
          statements: [
            { text: '问题', origin: 'header-cell' },
            { text: 'Cause', origin: 'header-cell' },
            { text: '退货率 9%', origin: 'cell' },
            { text: 'Paper checks. Slow.', origin: 'cell' },
          ],
        },
      ],
      'cuts summary lines at " - " and keeps the lead-in with the first piece': [
        { input: '要点3 - 杯量下降 - 成本上升\nGroup 2 - Sales fell - Costs rose', texts: ['要点3 - 杯量下降', '成本上升', 'Group 2 - Sales fell', 'Costs rose'] },
        { input: 'A plan - not a summary line.', texts: ['A plan - not a summary line.'] },
      ],
    },
    minDocuments: 14,
    readme: true,
    languages: ['en', 'zh', 'mix'],
    minPerLanguage: 4,
    script: STRICT_SCRIPT,
    statements: { min: 15, max: 35, uniqueHolder: true },
    noneShare: [0.25, 0.35],
    headingsNone: true,
    bareQuotes: false,
    earlier: { folders: ['eval', 'eval-holdout'], minStatements: 101, skipHeadings: false },
  },
  {
    folder: 'eval-final',
    title: 'final blind corpus (test/fixtures/eval-final)',
    rules: RULES.final,
    examples: {
      'cuts at sentence stops but not inside numbers or after abbreviations': [
        {
          input: 'Margin fell to 4.5% at No. 3 plant, e.g. in the U.S. unit. Why? 销量下降；利润下滑。',
          texts: ['Margin fell to 4.5% at No. 3 plant, e.g. in the U.S. unit.', 'Why?', '销量下降；', '利润下滑。'],
        },
        { input: '"Costs rose," she said. "We waited." 他说：“太慢了。”然后走了', texts: ['"Costs rose," she said.', '"We waited."', '他说：“太慢了。”', '然后走了'] },
      ],
      'makes headings and list items statements of their own': [
        {
          input: '# 二、原因分析\n\n- 考核只看规模。\n2. Cut layers. Hire staff\nand train them.\n\nPlain line',
          statements: [
            { text: '二、原因分析', origin: 'heading' },
            { text: '考核只看规模。', origin: 'item' },
            { text: 'Cut layers.', origin: 'item' },
            { text: 'Hire staff and train them.', origin: 'item' },
            { text: 'Plain line', origin: 'text' },
          ],
        },
      ],
      'cuts summary lines at " - " and keeps the lead-in with the first piece': [
        {
          input: 'Group 2 - Sales fell [1] - Costs rose [2][3]\n要点三 - 库存积压 - 人才流失\n第四组 - 计划关店 - 暂不出售',
          texts: ['Group 2 - Sales fell [1]', 'Costs rose [2][3]', '要点三 - 库存积压', '人才流失', '第四组 - 计划关店', '暂不出售'],
        },
        { input: 'A well-run plan - not a summary.', texts: ['A well-run plan - not a summary.'] },
      ],
    },
    minDocuments: 18,
    readme: true,
    languages: ['en', 'zh'],
    stylesPerLanguage: { plain: 3, headings: 3, news: 3 },
    script: STRICT_SCRIPT,
    statements: { min: 15, max: 35, uniqueHolder: true },
    noneShare: [0.2, 0.35],
    headingsNone: true,
    bareQuotes: true,
    earlier: { folders: ['eval', 'eval-holdout', 'eval-blind'], minStatements: 301, skipHeadings: true },
  },
  {
    folder: 'eval-fresh',
    title: 'fresh corpus (test/fixtures/eval-fresh)',
    rules: RULES.digest,
    examples: {
      'ends sentences at stops but not at decimals, short forms or single initials': [
        {
          input: 'Costs rose 2.5% at St. Ives, i.e. the J. Smith site. Why? 利润下滑；裁员。',
          sentences: ['Costs rose 2.5% at St. Ives, i.e. the J. Smith site.', 'Why?', '利润下滑；', '裁员。'],
        },
        { input: 'She said "fine." Then left. 他说：“不行。”随后离开', sentences: ['She said "fine."', 'Then left.', '他说：“不行。”', '随后离开'] },
      ],
      'gives headings and list items statements of their own and joins paragraph lines': [
        {
          input: '## 三、原因\n\n1. 层级太多。考核只看量。\n- Merge units\nby 2027.\n\nOne line\nand another.',
          statements: [
            { text: '三、原因', origin: 'heading' },
            { text: '层级太多。', origin: 'item' },
            { text: '考核只看量。', origin: 'item' },
            { text: 'Merge units by 2027.', origin: 'item' },
            { text: 'One line and another.', origin: 'text' },
          ],
        },
      ],
      'cuts digest lines at spaced hyphens only': [
        {
          input: 'Group 4 - Sales fell [2] - A long-term plan [1][3]\n要点二 - 亏损 - 裁员[4]\n第三组 - 关店[5]',
          texts: ['Group 4 - Sales fell [2]', 'A long-term plan [1][3]', '要点二 - 亏损', '裁员[4]', '第三组 - 关店[5]'],
        },
      ],
    },
    minDocuments: 12,
    readme: true,
    languages: ['en', 'zh'],
    stylesPerLanguage: { plain: 2, headings: 2, news: 2 },
    script: STRICT_SCRIPT,
    statements: { min: 15, max: 35, uniqueHolder: true },
    noneShare: [0.2, 0.35],
    headingsNone: true,
    bareQuotes: true,
    strictDigest: true,
    earlier: { folders: ['eval', 'eval-holdout', 'eval-blind', 'eval-final'], minStatements: 401, skipHeadings: true },
  },
  {
    folder: 'eval-sixth',
    title: 'sixth corpus (test/fixtures/eval-sixth)',
    rules: RULES.digest,
    examples: {
      'lets closing quotes and brackets end a sentence, but not emphasis marks': [
        { input: '**Costs rose.** Staff left. (Sales fell.) 他说：“太慢了。”', sentences: ['**Costs rose.** Staff left.', '(Sales fell.)', '他说：“太慢了。”'] },
      ],
      'cuts digest lines at spaced hyphens and keeps the lead-in with the first piece': [
        {
          input: 'Group 3 - Churn rose to 9.5% [2] - A well-run rival gained [1][4]\n第二组 - 亏损扩大[3] - 计划关店[5]',
          statements: [
            { text: 'Group 3 - Churn rose to 9.5% [2]', origin: 'summary' },
            { text: 'A well-run rival gained [1][4]', origin: 'summary' },
            { text: '第二组 - 亏损扩大[3]', origin: 'summary' },
            { text: '计划关店[5]', origin: 'summary' },
          ],
        },
      ],
    },
    minDocuments: 16,
    readme: true,
    languages: ['en', 'zh'],
    stylesPerLanguage: { plain: 3, headings: 3, news: 2 },
    script: STRICT_SCRIPT,
    statements: { min: 15, max: 35, uniqueHolder: true },
    noneShare: [0.2, 0.35],
    headingsNone: true,
    bareQuotes: true,
    strictDigest: true,
    earlier: { folders: ['eval', 'eval-holdout', 'eval-blind', 'eval-final', 'eval-fresh'], minStatements: 900, skipHeadings: true },
  },
];

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
