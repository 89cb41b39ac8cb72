// Structural checks for the final blind corpus in test/fixtures/eval-final. The corpus exists to give
// one honest score at the end, so this file never runs the classifier: it only proves that every
// label points at the statement it names, that the statement rules in the folder's README hold, and
// that the corpus keeps the shape outside reviewers will test (English and Chinese; plain,
// heading-structured and news-summary documents about companies found nowhere else in the project).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const FINAL_DIR = path.join(FIXTURES, 'eval-final');
const OTHER_CORPORA = ['eval', 'eval-holdout', 'eval-blind'].map((name) => path.join(FIXTURES, name));

const KINDS = ['problem', 'cause', 'solution', 'none'] as const;
type Kind = (typeof KINDS)[number];
const LANGUAGES = ['en', 'zh'] as const;
type Language = (typeof LANGUAGES)[number];
const STYLES = ['plain', 'headings', 'news'] as const;
type Style = (typeof STYLES)[number];

type Origin = 'heading' | 'item' | 'summary' | 'text';
interface Statement {
  text: string;
  origin: Origin;
}
interface Label {
  quote: string;
  kind: Kind;
}
interface FixtureDocument {
  name: string;
  language?: Language;
  style?: Style;
  text: string;
  labels: Label[];
  /** Set when the sidecar is missing or malformed; the document's first test reports it. */
  sidecarError?: string;
}

// ---- Statement rules (see test/fixtures/eval-final/README.md) ----

const CHINESE_STOPS = new Set([...'。！？；']);
/** Characters that close a sentence together with the stop in front of them. */
const CLOSERS = new Set([...'"\')]*”’」』）】》']);
/** Words whose trailing full stop belongs to the word, not to the sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'no', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'co', 'u.s', 'u.k']);

function dotBelongsToWord(text: string, dot: number): boolean {
  const word = /[A-Za-z.]*$/.exec(text.slice(0, dot))?.[0] ?? '';
  return ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    let end = -1;
    if (CHINESE_STOPS.has(ch)) {
      end = i + 1;
    } else if (ch === '.' || ch === '!' || ch === '?') {
      let after = i + 1;
      while (after < text.length && CLOSERS.has(text[after])) after++;
      const followedByGap = after === text.length || /\s/.test(text[after]);
      if (followedByGap && !(ch === '.' && dotBelongsToWord(text, i))) end = after;
    }
    if (end < 0) {
      i++;
      continue;
    }
    while (end < text.length && CLOSERS.has(text[end])) end++;
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
    i = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,2}[.)])\s+(.*)$/;
const SUMMARY_LEAD = /^((?:Group\s+\d+|要点[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+组)\s+-\s+)(.*)$/;
const CITATIONS = /(?:\s*\[\d+\])+/g;

/** Cuts a Markdown document into statements, remembering where each one came from. */
function statementsOf(markdown: string): Statement[] {
  const out: Statement[] = [];
  let lines: string[] = [];
  let origin: Origin = 'text';
  const flush = (): void => {
    if (lines.length > 0) for (const text of splitSentences(lines.join(' '))) out.push({ text, origin });
    lines = [];
    origin = 'text';
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const summary = SUMMARY_LEAD.exec(line);
    const item = LIST_ITEM.exec(raw);
    if (line === '') {
      flush();
    } else if (heading) {
      flush();
      out.push({ text: heading[1], origin: 'heading' });
    } else if (summary) {
      flush();
      const pieces = summary[2].split(/\s+-\s+/).map((piece) => piece.trim());
      pieces[0] = summary[1] + pieces[0];
      for (const text of pieces) out.push({ text, origin: 'summary' });
    } else if (item) {
      flush();
      origin = 'item';
      lines.push(item[1].trim());
    } else {
      lines.push(line);
    }
  }
  flush();
  return out;
}

// ---- Reading the corpus ----

function readLabels(file: string): Label[] {
  const data: unknown = parseYaml(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${path.basename(file)} is not a YAML list`);
  return data.map((entry: unknown, at: number) => {
    const { quote, kind } = (entry ?? {}) as { quote?: unknown; kind?: unknown };
    if (typeof quote !== 'string' || quote.trim() === '') throw new Error(`entry ${at} has no quote`);
    if (!KINDS.includes(kind as Kind)) throw new Error(`entry ${at} has kind ${String(kind)}, expected one of ${KINDS.join(', ')}`);
    return { quote, kind: kind as Kind };
  });
}

function markdownNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => file.slice(0, -3))
    .sort();
}

function readCorpus(dir: string): FixtureDocument[] {
  return markdownNames(dir).map((name) => {
    const text = fs.readFileSync(path.join(dir, `${name}.md`), 'utf8');
    const [language, style] = name.split('-') as [Language | undefined, Style | undefined];
    const doc: FixtureDocument = {
      name,
      language: LANGUAGES.includes(language as Language) ? language : undefined,
      style: STYLES.includes(style as Style) ? style : undefined,
      text,
      labels: [],
    };
    try {
      doc.labels = readLabels(path.join(dir, `${name}.labels.yaml`));
    } catch (error) {
      doc.sidecarError = (error as Error).message;
    }
    return doc;
  });
}

// ---- Helpers ----

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
const hanCount = (text: string): number => (text.match(/\p{Script=Han}/gu) ?? []).length;
const latinCount = (text: string): number => (text.match(/[A-Za-z]/g) ?? []).length;
const texts = (markdown: string): string[] => statementsOf(markdown).map((s) => s.text);

function positions(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe('final blind corpus (test/fixtures/eval-final)', () => {
  const corpus = readCorpus(FINAL_DIR);

  describe('statement rules', () => {
    it('cuts at sentence stops but not inside numbers or after abbreviations', () => {
      assert.deepStrictEqual(texts('Margin fell to 4.5% at No. 3 plant, e.g. in the U.S. unit. Why? 销量下降；利润下滑。'), [
        'Margin fell to 4.5% at No. 3 plant, e.g. in the U.S. unit.',
        'Why?',
        '销量下降；',
        '利润下滑。',
      ]);
      assert.deepStrictEqual(texts('"Costs rose," she said. "We waited." 他说：“太慢了。”然后走了'), [
        '"Costs rose," she said.',
        '"We waited."',
        '他说：“太慢了。”',
        '然后走了',
      ]);
    });

    it('makes headings and list items statements of their own', () => {
      assert.deepStrictEqual(statementsOf('# 二、原因分析\n\n- 考核只看规模。\n2. Cut layers. Hire staff\nand train them.\n\nPlain line'), [
        { text: '二、原因分析', origin: 'heading' },
        { text: '考核只看规模。', origin: 'item' },
        { text: 'Cut layers.', origin: 'item' },
        { text: 'Hire staff and train them.', origin: 'item' },
        { text: 'Plain line', origin: 'text' },
      ]);
    });

    it('cuts summary lines at " - " and keeps the lead-in with the first piece', () => {
      assert.deepStrictEqual(texts('Group 2 - Sales fell [1] - Costs rose [2][3]\n要点三 - 库存积压 - 人才流失\n第四组 - 计划关店 - 暂不出售'), [
        'Group 2 - Sales fell [1]',
        'Costs rose [2][3]',
        '要点三 - 库存积压',
        '人才流失',
        '第四组 - 计划关店',
        '暂不出售',
      ]);
      assert.deepStrictEqual(texts('A well-run plan - not a summary.'), ['A well-run plan - not a summary.']);
    });
  });

  describe('corpus shape', () => {
    it('holds at least 18 documents named language-style-topic, and a README', () => {
      assert.ok(corpus.length >= 18, `${corpus.length} documents; at least 18 expected`);
      const misnamed = corpus.filter((doc) => !doc.language || !doc.style).map((doc) => doc.name);
      assert.deepStrictEqual(misnamed, [], 'names must start with en-|zh- and then plain-|headings-|news-');
      assert.ok(fs.existsSync(path.join(FINAL_DIR, 'README.md')), 'README.md is missing');
    });

    for (const language of LANGUAGES) {
      it(`has at least three ${language} documents of each style and every kind among them`, () => {
        const group = corpus.filter((doc) => doc.language === language);
        for (const style of STYLES) {
          const count = group.filter((doc) => doc.style === style).length;
          assert.ok(count >= 3, `${count} ${language}-${style} documents; at least 3 expected`);
        }
        const seen = new Set(group.flatMap((doc) => doc.labels.map((label) => label.kind)));
        assert.deepStrictEqual(KINDS.filter((kind) => !seen.has(kind)), []);
      });
    }

    // Section headings such as "Recommendations" are common words, so only prose is compared.
    it('shares no sentence or list item with the other three corpora', () => {
      const earlier = new Set<string>();
      for (const dir of OTHER_CORPORA) {
        for (const name of markdownNames(dir)) {
          for (const text of texts(fs.readFileSync(path.join(dir, `${name}.md`), 'utf8'))) earlier.add(squash(text));
        }
      }
      assert.ok(earlier.size > 300, `only ${earlier.size} statements read from the other corpora`);
      const shared = corpus
        .flatMap((doc) => statementsOf(doc.text).filter((s) => s.origin !== 'heading'))
        .map((s) => squash(s.text))
        .filter((text) => text.length >= 12 && earlier.has(text));
      assert.deepStrictEqual(shared, []);
    });
  });

  for (const doc of corpus) {
    describe(doc.name, () => {
      const statements = statementsOf(doc.text);
      const listing = (): string => statements.map((s, i) => `  ${i}: ${s.text}`).join('\n');
      const labelsMatch = (): boolean => doc.sidecarError === undefined && doc.labels.length === statements.length;

      it('has a readable sidecar with valid kinds', () => {
        assert.strictEqual(doc.sidecarError, undefined, doc.sidecarError);
        assert.ok(doc.labels.length > 0, 'the sidecar is empty');
      });

      it('is written in the language its name gives, with only the markup the rules cover', () => {
        const han = hanCount(doc.text);
        const latin = latinCount(doc.text);
        if (doc.language === 'en') assert.strictEqual(han, 0, `${han} Han characters in an English document`);
        if (doc.language === 'zh') assert.ok(han > latin * 2, `${han} Han characters against ${latin} Latin letters`);
        const unsupported = doc.text.split(/\r?\n/).filter((line) => /^\s*(?:\||>|```|<\w|---\s*$)/.test(line));
        assert.deepStrictEqual(unsupported, [], 'tables, block quotes, fences, HTML and front matter are not used here');
      });

      it(`has the shape of a ${doc.style} document`, () => {
        const count = (origin: Origin): number => statements.filter((s) => s.origin === origin).length;
        if (doc.style === 'plain') {
          assert.deepStrictEqual([count('heading'), count('item'), count('summary')], [0, 0, 0], 'headings, list items or summary lines in a plain document');
          assert.ok(!/\*\*|__|\[\d+\]/.test(doc.text), 'emphasis or citation markers in a plain document');
        } else if (doc.style === 'headings') {
          assert.ok(count('heading') >= 4, `${count('heading')} headings; at least 4 expected`);
          assert.ok(count('item') >= 3, `${count('item')} list items; at least 3 expected`);
          assert.ok(count('text') >= 3, `${count('text')} paragraph sentences; at least 3 expected`);
        } else {
          const summaryLines = doc.text.split(/\r?\n/).filter((line) => SUMMARY_LEAD.test(line.trim()));
          assert.ok(summaryLines.length >= 3, `${summaryLines.length} summary lines; at least 3 expected`);
          assert.ok(summaryLines.every((line) => /\[\d+\]/.test(line)), 'every summary line should carry citation markers');
          assert.ok(count('summary') >= statements.length - 1, 'only a title may stand outside the summary lines');
        }
      });

      it('quotes each passage exactly once, in document order', () => {
        let previous = -1;
        for (const [i, label] of doc.labels.entries()) {
          const found = positions(doc.text, label.quote);
          assert.strictEqual(found.length, 1, `label ${i} "${label.quote}" occurs ${found.length} times`);
          assert.ok(found[0] > previous, `label ${i} "${label.quote}" is out of order`);
          previous = found[0];
          assert.ok(!/\[\d+\]/.test(label.quote), `label ${i} keeps a citation marker in its quote`);
          assert.ok(!SUMMARY_LEAD.test(label.quote), `label ${i} keeps the summary lead-in in its quote`);
        }
      });

      it('gives every statement exactly one label', () => {
        assert.ok(statements.length >= 15 && statements.length <= 35, `${statements.length} statements; 15 to 35 expected`);
        assert.strictEqual(doc.labels.length, statements.length, `${doc.labels.length} labels for ${statements.length} statements:\n${listing()}`);
        for (const [i, statement] of statements.entries()) {
          const quote = squash(doc.labels[i].quote);
          const bare = squash(statement.text.replace(CITATIONS, ''));
          assert.ok(bare.includes(quote), `statement ${i} "${statement.text}" does not hold "${quote}"`);
          const holders = statements.filter((s) => squash(s.text.replace(CITATIONS, '')).includes(quote)).length;
          assert.strictEqual(holders, 1, `"${quote}" fits ${holders} statements`);
        }
      });

      it('labels headings none', () => {
        if (!labelsMatch()) return; // the count mismatch is reported by the test above
        const wrong = statements.filter((s, i) => s.origin === 'heading' && doc.labels[i].kind !== 'none').map((s) => s.text);
        assert.deepStrictEqual(wrong, []);
      });

      it('mixes problems, causes and solutions with 20-35% none', () => {
        const count = (kind: Kind): number => doc.labels.filter((label) => label.kind === kind).length;
        for (const kind of ['problem', 'cause', 'solution'] as const) assert.ok(count(kind) > 0, `no ${kind} label`);
        const share = count('none') / Math.max(1, doc.labels.length);
        assert.ok(share >= 0.2 && share <= 0.35, `none is ${(share * 100).toFixed(1)}% of labels; 20-35% expected`);
      });
    });
  }
});
