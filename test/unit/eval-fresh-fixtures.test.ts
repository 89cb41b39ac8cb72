// Structural checks for the fresh corpus in test/fixtures/eval-fresh. That corpus is scored once, so
// these tests never call the classifier. They prove the sidecars fit the documents under the
// statement rules of the folder's README, and that the set keeps the shape outside reviewers use:
// English and Chinese plain, heading and news-digest documents about companies new to the project.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';

const FIXTURE_ROOT = path.resolve(__dirname, '../../../test/fixtures');
const FRESH_DIR = path.join(FIXTURE_ROOT, 'eval-fresh');
const EARLIER_CORPORA = ['eval', 'eval-holdout', 'eval-blind', 'eval-final'];

const KINDS = ['problem', 'cause', 'solution', 'none'];
const LANGUAGES = ['en', 'zh'];
const STYLES = ['plain', 'headings', 'news'];

type Source = 'heading' | 'list' | 'digest' | 'paragraph';
interface Piece {
  text: string;
  source: Source;
}
interface Labelled {
  quote: string;
  kind: string;
}

// ---- Segmenting, following the README of the fresh corpus ----

const HAN_STOPS = '。！？；';
const LATIN_STOPS = '.!?';
/** Marks that stay with the sentence they follow. */
const TRAILING = '"\')]”’」』）】》';
/** Words (lower case, without their last dot) after which a dot does not end a sentence. */
const SHORT_FORMS = ['e.g', 'i.e', 'etc', 'vs', 'no', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'co', 'u.s', 'u.k'];

function isShortForm(text: string, dotAt: number): boolean {
  const word = (/[A-Za-z.]*$/.exec(text.slice(0, dotAt)) ?? [''])[0];
  return SHORT_FORMS.includes(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

/** Index just past the sentence that a stop at `at` closes, or -1 when it closes none. */
function sentenceEnd(text: string, at: number): number {
  const ch = text[at];
  let end = at + 1;
  if (HAN_STOPS.includes(ch)) {
    while (end < text.length && TRAILING.includes(text[end])) end++;
    return end;
  }
  if (!LATIN_STOPS.includes(ch)) return -1;
  while (end < text.length && TRAILING.includes(text[end])) end++;
  if (end < text.length && !/\s/.test(text[end])) return -1;
  if (ch === '.' && isShortForm(text, at)) return -1;
  return end;
}

function sentences(text: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const end = sentenceEnd(text, at);
    if (end < 0) continue;
    const sentence = text.slice(from, end).trim();
    if (sentence) found.push(sentence);
    from = end;
    at = end - 1;
  }
  const tail = text.slice(from).trim();
  if (tail) found.push(tail);
  return found;
}

const HEADING_LINE = /^#{1,6}\s+(.*?)[\s#]*$/;
const LIST_LINE = /^\s*(?:[-*+]|\d{1,2}[.)])\s+(.*)$/;
const DIGEST_LINE = /^(Group\s+\d+\s+-\s+|要点[一二三四五六七八九十\d]+\s+-\s+|第[一二三四五六七八九十\d]+组\s+-\s+)(.*)$/;
const CITATION_MARKS = /(?:\s*\[\d+\])+/g;

function segment(markdown: string): Piece[] {
  const pieces: Piece[] = [];
  let block: string[] = [];
  let blockSource: Source = 'paragraph';
  const closeBlock = (): void => {
    for (const text of sentences(block.join(' '))) pieces.push({ text, source: blockSource });
    block = [];
    blockSource = 'paragraph';
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = HEADING_LINE.exec(line);
    const digest = DIGEST_LINE.exec(line);
    const item = LIST_LINE.exec(raw);
    if (!line) {
      closeBlock();
    } else if (heading) {
      closeBlock();
      pieces.push({ text: heading[1], source: 'heading' });
    } else if (digest) {
      closeBlock();
      digest[2].split(/\s+-\s+/).forEach((part, i) => {
        pieces.push({ text: (i === 0 ? digest[1] : '') + part.trim(), source: 'digest' });
      });
    } else if (item) {
      closeBlock();
      blockSource = 'list';
      block.push(item[1].trim());
    } else {
      block.push(line);
    }
  }
  closeBlock();
  return pieces;
}

// ---- Loading ----

function documentNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => file.replace(/\.md$/, ''))
    .sort();
}

function loadLabels(file: string): Labelled[] {
  const parsed: unknown = parseYaml(fs.readFileSync(file, 'utf8'));
  assert.ok(Array.isArray(parsed), `${path.basename(file)} should hold a YAML list`);
  return parsed.map((entry: unknown, i: number) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    assert.ok(typeof record.quote === 'string' && record.quote.trim() !== '', `entry ${i} lacks a quote`);
    assert.ok(typeof record.kind === 'string' && KINDS.includes(record.kind), `entry ${i} has kind ${String(record.kind)}`);
    return { quote: record.quote, kind: record.kind };
  });
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const withoutCitations = (text: string): string => normalise(text.replace(CITATION_MARKS, ''));
const occurrences = (text: string, part: string): number[] => {
  const at: number[] = [];
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) at.push(i);
  return at;
};

const names = documentNames(FRESH_DIR);
const markdownOf = (name: string): string => fs.readFileSync(path.join(FRESH_DIR, `${name}.md`), 'utf8');
const labelsOf = (name: string): Labelled[] => loadLabels(path.join(FRESH_DIR, `${name}.labels.yaml`));
const languageOf = (name: string): string => name.split('-')[0];
const styleOf = (name: string): string => name.split('-')[1];

describe('fresh corpus (test/fixtures/eval-fresh)', () => {
  describe('segmenter used by these checks', () => {
    it('ends sentences at stops but not at decimals, short forms or single initials', () => {
      assert.deepStrictEqual(sentences('Costs rose 2.5% at St. Ives, i.e. the J. Smith site. Why? 利润下滑；裁员。'), [
        'Costs rose 2.5% at St. Ives, i.e. the J. Smith site.',
        'Why?',
        '利润下滑；',
        '裁员。',
      ]);
      assert.deepStrictEqual(sentences('She said "fine." Then left. 他说：“不行。”随后离开'), ['She said "fine."', 'Then left.', '他说：“不行。”', '随后离开']);
    });

    it('gives headings and list items statements of their own and joins paragraph lines', () => {
      assert.deepStrictEqual(segment('## 三、原因\n\n1. 层级太多。考核只看量。\n- Merge units\nby 2027.\n\nOne line\nand another.'), [
        { text: '三、原因', source: 'heading' },
        { text: '层级太多。', source: 'list' },
        { text: '考核只看量。', source: 'list' },
        { text: 'Merge units by 2027.', source: 'list' },
        { text: 'One line and another.', source: 'paragraph' },
      ]);
    });

    it('cuts digest lines at spaced hyphens only', () => {
      assert.deepStrictEqual(
        segment('Group 4 - Sales fell [2] - A long-term plan [1][3]\n要点二 - 亏损 - 裁员[4]\n第三组 - 关店[5]').map((p) => p.text),
        ['Group 4 - Sales fell [2]', 'A long-term plan [1][3]', '要点二 - 亏损', '裁员[4]', '第三组 - 关店[5]'],
      );
    });
  });

  describe('shape of the set', () => {
    it('has at least 12 documents, each named language-style-topic, and a README', () => {
      assert.ok(names.length >= 12, `found ${names.length} documents`);
      const badNames = names.filter((n) => !LANGUAGES.includes(languageOf(n)) || !STYLES.includes(styleOf(n)));
      assert.deepStrictEqual(badNames, []);
      assert.ok(fs.existsSync(path.join(FRESH_DIR, 'README.md')));
    });

    for (const language of LANGUAGES) {
      it(`has two or more ${language} documents per style and every kind among them`, () => {
        const mine = names.filter((n) => languageOf(n) === language);
        for (const style of STYLES) {
          const count = mine.filter((n) => styleOf(n) === style).length;
          assert.ok(count >= 2, `${count} ${language}-${style} documents`);
        }
        const kinds = new Set(mine.flatMap((n) => labelsOf(n).map((l) => l.kind)));
        assert.deepStrictEqual(KINDS.filter((k) => !kinds.has(k)), []);
      });
    }

    // Headings such as "Background" are common section names, so only prose and list items count.
    it('repeats no statement from the earlier corpora', () => {
      const earlier = new Set<string>();
      for (const corpus of EARLIER_CORPORA) {
        const dir = path.join(FIXTURE_ROOT, corpus);
        for (const name of documentNames(dir)) {
          for (const piece of segment(fs.readFileSync(path.join(dir, `${name}.md`), 'utf8'))) earlier.add(withoutCitations(piece.text));
        }
      }
      assert.ok(earlier.size > 400, `read only ${earlier.size} earlier statements`);
      const repeated = names
        .flatMap((n) => segment(markdownOf(n)))
        .filter((p) => p.source !== 'heading')
        .map((p) => withoutCitations(p.text))
        .filter((text) => text.length >= 12 && earlier.has(text));
      assert.deepStrictEqual(repeated, []);
    });
  });

  for (const name of names) {
    describe(name, () => {
      const markdown = markdownOf(name);
      const pieces = segment(markdown);
      const count = (source: Source): number => pieces.filter((p) => p.source === source).length;

      it('has a sidecar whose quotes occur once each, in reading order, without citations or lead-ins', () => {
        let last = -1;
        labelsOf(name).forEach((label, i) => {
          const at = occurrences(markdown, label.quote);
          assert.strictEqual(at.length, 1, `quote ${i} "${label.quote}" found ${at.length} times`);
          assert.ok(at[0] > last, `quote ${i} "${label.quote}" comes before the previous one`);
          last = at[0];
          assert.ok(!/\[\d+\]/.test(label.quote), `quote ${i} keeps a citation mark`);
          assert.ok(!DIGEST_LINE.test(label.quote), `quote ${i} keeps a digest lead-in`);
        });
      });

      it('labels every statement exactly once, 15 to 35 of them', () => {
        const labels = labelsOf(name);
        const listing = pieces.map((p, i) => `  ${i}: ${p.text}`).join('\n');
        assert.ok(pieces.length >= 15 && pieces.length <= 35, `${pieces.length} statements`);
        assert.strictEqual(labels.length, pieces.length, `${labels.length} labels for:\n${listing}`);
        labels.forEach((label, i) => {
          const quote = normalise(label.quote);
          assert.ok(withoutCitations(pieces[i].text).includes(quote), `statement ${i} "${pieces[i].text}" lacks "${quote}"`);
          const holders = pieces.filter((p) => withoutCitations(p.text).includes(quote)).length;
          assert.strictEqual(holders, 1, `"${quote}" fits ${holders} statements`);
        });
      });

      it('labels headings none and keeps none between 20% and 35%, with every other kind present', () => {
        const labels = labelsOf(name);
        if (labels.length !== pieces.length) return; // reported by the test above
        const labelledHeadings = pieces.filter((p, i) => p.source === 'heading' && labels[i].kind !== 'none');
        assert.deepStrictEqual(labelledHeadings, []);
        for (const kind of ['problem', 'cause', 'solution']) assert.ok(labels.some((l) => l.kind === kind), `no ${kind}`);
        const noneShare = labels.filter((l) => l.kind === 'none').length / labels.length;
        assert.ok(noneShare >= 0.2 && noneShare <= 0.35, `none is ${(100 * noneShare).toFixed(1)}%`);
      });

      it('is written in the language its name gives', () => {
        const han = (markdown.match(/\p{Script=Han}/gu) ?? []).length;
        const latin = (markdown.match(/[A-Za-z]/g) ?? []).length;
        if (languageOf(name) === 'en') assert.strictEqual(han, 0, `${han} Han characters`);
        else assert.ok(han > 2 * latin, `${han} Han characters against ${latin} Latin letters`);
      });

      it(`has the layout of a ${styleOf(name)} document and no unsupported markup`, () => {
        const unsupported = markdown.split(/\r?\n/).filter((line) => /^\s*(?:\||>|```|<\w|---\s*$)/.test(line));
        assert.deepStrictEqual(unsupported, []);
        const style = styleOf(name);
        if (style === 'plain') {
          assert.deepStrictEqual([count('heading'), count('list'), count('digest')], [0, 0, 0]);
          assert.ok(!/\*\*|__|\[\d+\]/.test(markdown), 'plain prose carries emphasis or citations');
        } else if (style === 'headings') {
          assert.ok(count('heading') >= 4, `${count('heading')} headings`);
          assert.ok(count('list') >= 3, `${count('list')} list statements`);
          assert.ok(count('paragraph') >= 3, `${count('paragraph')} paragraph statements`);
        } else {
          const digestLines = markdown.split(/\r?\n/).filter((line) => DIGEST_LINE.test(line.trim()));
          assert.ok(digestLines.length >= 3, `${digestLines.length} digest lines`);
          assert.ok(digestLines.every((line) => /\[\d+\]\s*$/.test(line.trim())), 'a digest line ends without a citation');
          assert.ok(pieces[0].source === 'paragraph' && count('digest') === pieces.length - 1, 'expected one title line, then digest lines');
        }
      });
    });
  }
});
