// Guards the labels of the blind corpus in test/fixtures/eval-blind. That corpus only ever gives a
// final score, so nothing here runs the classifier: the checks make sure each label points at the
// statement it claims to, that the README's statement rules hold (tables, block quotes, front matter,
// summary lines included) and that the corpus keeps its promised shape and independence.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const BLIND_DIR = path.join(FIXTURES, 'eval-blind');
const EARLIER_CORPORA = ['eval', 'eval-holdout'].map((name) => path.join(FIXTURES, name));

const KINDS = ['problem', 'cause', 'solution', 'none'] as const;
type Kind = (typeof KINDS)[number];
const LANGUAGES = ['en', 'zh', 'mix'] as const;
type Language = (typeof LANGUAGES)[number];

/** Where a statement came from; headings and table header cells must be labelled `none`. */
type Origin = 'heading' | 'header-cell' | 'cell' | 'summary' | 'text';

interface Statement {
  text: string;
  origin: Origin;
}

interface Label {
  quote: string;
  kind: Kind;
}

interface BlindDocument {
  name: string;
  language: Language | undefined;
  text: string;
  labels: Label[];
  /** Why the sidecar could not be read; reported by that document's first test. */
  sidecarError?: string;
}

// ---- Reading the corpus ----

function readLabels(file: string): Label[] {
  const data: unknown = parseYaml(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${path.basename(file)} must be a YAML list`);
  return data.map((entry: unknown, at: number) => {
    const { quote, kind } = (entry ?? {}) as { quote?: unknown; kind?: unknown };
    if (typeof quote !== 'string' || quote.trim() === '') throw new Error(`entry ${at} has an empty or missing quote`);
    if (!KINDS.includes(kind as Kind)) throw new Error(`entry ${at} has kind ${String(kind)}, not one of ${KINDS.join(', ')}`);
    return { quote, kind: kind as Kind };
  });
}

function documentNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => file.slice(0, -'.md'.length))
    .sort();
}

function readCorpus(dir: string): BlindDocument[] {
  return documentNames(dir).map((name) => {
    const text = fs.readFileSync(path.join(dir, `${name}.md`), 'utf8');
    const language = LANGUAGES.find((prefix) => name.startsWith(`${prefix}-`));
    try {
      return { name, language, text, labels: readLabels(path.join(dir, `${name}.labels.yaml`)) };
    } catch (error) {
      return { name, language, text, labels: [], sidecarError: (error as Error).message };
    }
  });
}

// ---- Statements, following the rules in test/fixtures/eval-blind/README.md ----

const CHINESE_STOPS = '。！？；';
/** Marks that close a sentence together with its final punctuation. */
const CLOSING_MARKS = new Set([...'"\')]*”’」』）】》']);
/** Words whose full stop does not end a sentence ("e.g.", "U.S.", "No. 2"). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'no', 'st', 'inc', 'ltd', 'co', 'u.s', 'u.k']);
const URL = /https?:\/\/\S+/g;

function endsAbbreviation(text: string, dot: number): boolean {
  const word = /[A-Za-z.]*$/.exec(text.slice(0, dot))?.[0] ?? '';
  return ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

/** Offsets covered by a URL, whose dots never end a sentence. */
function urlOffsets(text: string): Set<number> {
  const covered = new Set<number>();
  for (const match of text.matchAll(URL)) {
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    for (let k = 0; k < url.length; k++) covered.add((match.index ?? 0) + k);
  }
  return covered;
}

function splitSentences(text: string): string[] {
  const inUrl = urlOffsets(text);
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    let end = -1;
    if (CHINESE_STOPS.includes(ch)) {
      end = i + 1;
    } else if ('.!?'.includes(ch) && !inUrl.has(i)) {
      let next = i + 1;
      while (next < text.length && CLOSING_MARKS.has(text[next])) next++;
      const atGap = next === text.length || /\s/.test(text[next]);
      if (atGap && !(ch === '.' && endsAbbreviation(text, i))) end = next;
    }
    if (end < 0) continue;
    while (end < text.length && CLOSING_MARKS.has(text[end])) end++;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
    i = end - 1;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const QUOTE_MARKER = /^\s*>\s?/;
const HEADING_LINE = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const DELIMITER_CELL = /^:?-{3,}:?$/;
const ITEM_LINE = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const SUMMARY_LINE = /^((?:Group\s+\d+|要点[一二三四五六七八九十\d]+)\s+-\s+)(.*)$/;

function tableCells(row: string): string[] {
  return row.split('|').map((cell) => cell.trim());
}

function statementsOf(markdown: string): Statement[] {
  const out: Statement[] = [];
  let paragraph: string[] = [];
  let tableRow = -1; // rows read in the current table; row 0 is the header
  const endParagraph = (): void => {
    if (paragraph.length > 0) out.push(...splitSentences(paragraph.join(' ')).map((text) => ({ text, origin: 'text' as const })));
    paragraph = [];
  };
  for (const rawLine of markdown.replace(FRONT_MATTER, '').split(/\r?\n/)) {
    // A block quote holds ordinary Markdown; only its `>` markers are dropped.
    const line = rawLine.replace(QUOTE_MARKER, '');
    const row = TABLE_ROW.exec(line);
    if (!row) tableRow = -1;
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    const heading = HEADING_LINE.exec(line);
    const summary = SUMMARY_LINE.exec(line);
    const item = ITEM_LINE.exec(line);
    if (heading) {
      endParagraph();
      out.push({ text: heading[1], origin: 'heading' });
    } else if (row) {
      endParagraph();
      tableRow++;
      const cells = tableCells(row[1]);
      if (cells.every((cell) => DELIMITER_CELL.test(cell))) continue;
      const origin = tableRow === 0 ? 'header-cell' : 'cell';
      out.push(...cells.filter((cell) => cell !== '').map((text) => ({ text, origin }) as Statement));
    } else if (summary) {
      endParagraph();
      const segments = summary[2].split(/\s+-\s+/).map((segment) => segment.trim());
      segments[0] = summary[1] + segments[0];
      out.push(...segments.map((text) => ({ text, origin: 'summary' as const })));
    } else if (item) {
      endParagraph();
      paragraph.push(item[1].trim());
    } else {
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return out;
}

// ---- Helpers for the checks ----

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const hanLetters = (text: string): number => (text.match(/\p{Script=Han}/gu) ?? []).length;
const latinLetters = (text: string): number => (text.match(/[A-Za-z]/g) ?? []).length;
const texts = (markdown: string): string[] => statementsOf(markdown).map((s) => s.text);

describe('blind evaluation corpus (test/fixtures/eval-blind)', () => {
  const corpus = readCorpus(BLIND_DIR);

  it('holds at least 14 documents, each named for its language', () => {
    assert.ok(corpus.length >= 14, `${corpus.length} documents, expected at least 14`);
    for (const doc of corpus) assert.ok(doc.language, `${doc.name} should start with en-, zh- or mix-`);
    assert.ok(fs.existsSync(path.join(BLIND_DIR, 'README.md')), 'README.md is missing');
  });

  describe('statement rules', () => {
    it('cuts Chinese and English sentences but not numbers, abbreviations or URLs', () => {
      assert.deepStrictEqual(texts('Yield fell to 3.5% at No. 2 mine, e.g. in the U.S. plant. See https://x.example/a.b now! 成本上升；利润下降。'), [
        'Yield fell to 3.5% at No. 2 mine, e.g. in the U.S. plant.',
        'See https://x.example/a.b now!',
        '成本上升；',
        '利润下降。',
      ]);
      assert.deepStrictEqual(texts('> 他说：“门店太多了。”\n> Costs rose.'), ['他说：“门店太多了。”', 'Costs rose.']);
    });

    it('skips front matter and reads headings, items, arrows and numbered paragraphs', () => {
      const doc = '---\ntitle: Plan\ntags: [a, b]\n---\n\n# Fixing it\n\n1.1 Sales fell 4.2% in 2024.\n\n- Pay per shift → slow cranes\n2. 计划年底前完成。\n\n**怎么办**';
      assert.deepStrictEqual(statementsOf(doc), [
        { text: 'Fixing it', origin: 'heading' },
        { text: '1.1 Sales fell 4.2% in 2024.', origin: 'text' },
        { text: 'Pay per shift → slow cranes', origin: 'text' },
        { text: '计划年底前完成。', origin: 'text' },
        { text: '**怎么办**', origin: 'text' },
      ]);
    });

    it('makes every table cell a statement and keeps the header row apart', () => {
      const table = '| 问题 | Cause |\n| --- | :---: |\n| 退货率 9% | Paper checks. Slow. |';
      assert.deepStrictEqual(statementsOf(table), [
        { text: '问题', origin: 'header-cell' },
        { text: 'Cause', origin: 'header-cell' },
        { text: '退货率 9%', origin: 'cell' },
        { text: 'Paper checks. Slow.', origin: 'cell' },
      ]);
    });

    it('cuts summary lines at " - " and keeps the lead-in with the first piece', () => {
      assert.deepStrictEqual(texts('要点3 - 杯量下降 - 成本上升\nGroup 2 - Sales fell - Costs rose'), [
        '要点3 - 杯量下降',
        '成本上升',
        'Group 2 - Sales fell',
        'Costs rose',
      ]);
      assert.deepStrictEqual(texts('A plan - not a summary line.'), ['A plan - not a summary line.']);
    });
  });

  for (const doc of corpus) {
    describe(doc.name, () => {
      const statements = statementsOf(doc.text);
      const listing = (): string => statements.map((s, i) => `  ${i}: ${s.text}`).join('\n');

      it('has a sidecar with valid kinds', () => {
        assert.strictEqual(doc.sidecarError, undefined, doc.sidecarError);
        assert.ok(doc.labels.length > 0, 'the sidecar has no labels');
      });

      it('is written in the language its name gives', () => {
        const han = hanLetters(doc.text);
        const latin = latinLetters(doc.text);
        if (doc.language === 'en') assert.strictEqual(han, 0, `an English document with ${han} Han characters`);
        if (doc.language === 'zh') assert.ok(han > latin * 2, `a Chinese document with ${han} Han characters and ${latin} Latin letters`);
        if (doc.language === 'mix') assert.ok(han >= 40 && latin >= 40, `a bilingual document with ${han} Han characters and ${latin} Latin letters`);
      });

      it('quotes each passage exactly once, in document order', () => {
        let previous = -1;
        for (const [i, label] of doc.labels.entries()) {
          const found = occurrences(doc.text, label.quote);
          assert.strictEqual(found.length, 1, `label ${i} "${label.quote}" occurs ${found.length} times`);
          assert.ok(found[0] > previous, `label ${i} "${label.quote}" is out of order`);
          previous = found[0];
        }
      });

      it('labels every statement once', () => {
        assert.ok(statements.length >= 15 && statements.length <= 35, `${statements.length} statements; 15 to 35 expected`);
        assert.strictEqual(doc.labels.length, statements.length, `${doc.labels.length} labels for ${statements.length} statements:\n${listing()}`);
        for (const [i, statement] of statements.entries()) {
          const quote = normalise(doc.labels[i].quote);
          assert.ok(normalise(statement.text).includes(quote), `statement ${i} "${statement.text}" does not contain "${quote}"`);
          const holders = statements.filter((s) => normalise(s.text).includes(quote));
          assert.strictEqual(holders.length, 1, `"${quote}" fits ${holders.length} statements`);
        }
      });

      it('labels headings and table header cells none', () => {
        if (doc.labels.length !== statements.length) return; // the previous test reports the mismatch
        const wrong = statements.filter((s, i) => (s.origin === 'heading' || s.origin === 'header-cell') && doc.labels[i].kind !== 'none');
        assert.deepStrictEqual(wrong.map((s) => s.text), []);
      });

      it('keeps the intended mix of kinds', () => {
        const count = (kind: Kind): number => doc.labels.filter((label) => label.kind === kind).length;
        for (const kind of ['problem', 'cause', 'solution'] as const) assert.ok(count(kind) > 0, `no ${kind} label`);
        const noneShare = count('none') / doc.labels.length;
        assert.ok(noneShare >= 0.25 && noneShare <= 0.35, `none is ${(noneShare * 100).toFixed(1)}% of labels; 25-35% expected`);
      });
    });
  }

  for (const language of LANGUAGES) {
    it(`has every kind among the ${language} documents`, () => {
      const group = corpus.filter((doc) => doc.language === language);
      assert.ok(group.length >= 4, `${group.length} ${language} documents; at least 4 expected`);
      const kinds = new Set(group.flatMap((doc) => doc.labels.map((label) => label.kind)));
      assert.deepStrictEqual(KINDS.filter((kind) => !kinds.has(kind)), []);
    });
  }

  it('shares no statement with the tuning or held-out corpus', () => {
    const earlier = new Set<string>();
    for (const dir of EARLIER_CORPORA) {
      for (const name of documentNames(dir)) {
        for (const text of texts(fs.readFileSync(path.join(dir, `${name}.md`), 'utf8'))) earlier.add(normalise(text));
      }
    }
    assert.ok(earlier.size > 100, `only ${earlier.size} statements read from the earlier corpora`);
    const shared = corpus.flatMap((doc) => texts(doc.text).map(normalise)).filter((text) => text.length >= 12 && earlier.has(text));
    assert.deepStrictEqual(shared, []);
  });
});
