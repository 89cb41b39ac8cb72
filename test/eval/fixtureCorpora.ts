// The labelled evaluation corpora under test/fixtures, as their READMEs describe them: how each cuts
// a document into statements, the worked examples it gives, and the shape it promises (documents per
// language and style, statements per document, share of none). Data for the structure test in
// test/unit/eval-fixtures-structure.test.ts; nothing here reads the documents or runs the classifier.
import type { Language, ScriptRule, SegmentRules, Statement, StatementCountRule, Style } from './fixtureStructure';

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
export type Example =
  | { input: string; texts: string[] }
  | { input: string; statements: Statement[] }
  | { input: string; sentences: string[] };

export interface CorpusSpec {
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

export const STYLES = ['plain', 'headings', 'news'] as const;
const STRICT_SCRIPT: ScriptRule = { hanPerLatin: 2, mixMinimum: 40 };

/** What the fresh, sixth and seventh READMEs promise alike: plain, heading and digest documents in both languages. */
const THREE_STYLE_CORPUS = {
  readme: true,
  languages: ['en', 'zh'],
  stylesPerLanguage: { plain: 3, headings: 3, news: 2 },
  script: STRICT_SCRIPT,
  statements: { min: 15, max: 35, uniqueHolder: true },
  noneShare: [0.2, 0.35],
  headingsNone: true,
  bareQuotes: true,
  strictDigest: true,
} satisfies Partial<CorpusSpec>;

export const CORPORA: CorpusSpec[] = [
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
    ...THREE_STYLE_CORPUS,
    stylesPerLanguage: { plain: 2, headings: 2, news: 2 },
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
    ...THREE_STYLE_CORPUS,
    earlier: { folders: ['eval', 'eval-holdout', 'eval-blind', 'eval-final', 'eval-fresh'], minStatements: 900, skipHeadings: true },
  },
  {
    folder: 'eval-seventh',
    title: 'seventh corpus (test/fixtures/eval-seventh)',
    rules: RULES.digest,
    examples: {
      'ends sentences at stops, but not at decimals, abbreviations or lone capitals': [
        {
          input: 'Churn hit 6.5% at No. 4 depot, e.g. near the A. Ross yard. Why? 客流下降；关店。',
          sentences: ['Churn hit 6.5% at No. 4 depot, e.g. near the A. Ross yard.', 'Why?', '客流下降；', '关店。'],
        },
        { input: '"Too slow," he said. (Fees rose.) **Stock ran out.** Staff left.', sentences: ['"Too slow," he said.', '(Fees rose.)', '**Stock ran out.** Staff left.'] },
      ],
      'gives headings and list items statements of their own and joins paragraph lines': [
        {
          input: '## 二、对策\n\n- 合并仓库。统一采购。\n1. Cut fees\nfor two years.\n\nA line\nand more.',
          statements: [
            { text: '二、对策', origin: 'heading' },
            { text: '合并仓库。', origin: 'item' },
            { text: '统一采购。', origin: 'item' },
            { text: 'Cut fees for two years.', origin: 'item' },
            { text: 'A line and more.', origin: 'text' },
          ],
        },
      ],
      'cuts digest lines at spaced hyphens and keeps the lead-in with the first piece': [
        {
          input: 'Group 5 - Berths fell 4.5% [3] - A long-run plan [1][2]\n要点四 - 亏损 - 停产[6]\n第二组 - 关店[7]',
          texts: ['Group 5 - Berths fell 4.5% [3]', 'A long-run plan [1][2]', '要点四 - 亏损', '停产[6]', '第二组 - 关店[7]'],
        },
      ],
    },
    minDocuments: 16,
    ...THREE_STYLE_CORPUS,
    earlier: { folders: ['eval', 'eval-holdout', 'eval-blind', 'eval-final', 'eval-fresh', 'eval-sixth'], minStatements: 2000, skipHeadings: true },
  },
];
