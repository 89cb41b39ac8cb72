// Guards the labelled evaluation corpus in test/fixtures/eval: every label must point at exactly one
// place in its document, in order, and every statement (as test/fixtures/eval/README.md defines it)
// must carry exactly one label. A corpus that drifts from its labels would make F1 scores meaningless.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const EVAL_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'eval');
const LABEL_KINDS = ['problem', 'cause', 'solution', 'none'] as const;
type LabelKind = (typeof LABEL_KINDS)[number];

interface Label {
  quote: string;
  kind: LabelKind;
}

interface EvalDocument {
  name: string;
  text: string;
  labels: Label[];
  language: 'en' | 'zh';
  /** Why the sidecar could not be read; reported by that document's own test, not at load time. */
  loadError?: string;
}

function readLabels(file: string): Label[] {
  const data: unknown = parse(fs.readFileSync(file, 'utf8'));
  assert.ok(Array.isArray(data), `${path.basename(file)} must be a YAML list`);
  return data.map((entry: unknown, i: number) => {
    const record = entry as Record<string, unknown>;
    assert.ok(record && typeof record === 'object', `${path.basename(file)} entry ${i} must be a mapping`);
    assert.strictEqual(typeof record.quote, 'string', `${path.basename(file)} entry ${i}: quote must be a string`);
    assert.ok((record.quote as string).trim().length > 0, `${path.basename(file)} entry ${i}: empty quote`);
    assert.ok(
      (LABEL_KINDS as readonly unknown[]).includes(record.kind),
      `${path.basename(file)} entry ${i}: kind ${String(record.kind)} is not one of ${LABEL_KINDS.join(', ')}`,
    );
    return { quote: record.quote as string, kind: record.kind as LabelKind };
  });
}

/** A document is Chinese when Han characters outweigh Latin letters; English headings do not change that. */
function languageOf(text: string): 'en' | 'zh' {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return han * 2 > latin ? 'zh' : 'en';
}

function loadCorpus(): EvalDocument[] {
  return fs
    .readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.md'.length);
      const labelFile = path.join(EVAL_DIR, `${name}.labels.yaml`);
      const text = fs.readFileSync(path.join(EVAL_DIR, file), 'utf8');
      try {
        assert.ok(fs.existsSync(labelFile), `${file} has no ${name}.labels.yaml`);
        return { name, text, labels: readLabels(labelFile), language: languageOf(text) };
      } catch (err) {
        return { name, text, labels: [], language: languageOf(text), loadError: (err as Error).message };
      }
    });
}

// ---- Reference segmentation, following the rules in test/fixtures/eval/README.md ----

const SUMMARY_LINE = /^(Group\s+\d+|要点[一二三四五六七八九十]+)\s+-\s+(.*)$/;
const HEADING_LINE = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const CLOSERS = new Set(['"', "'", ')', ']', '”', '’', '」', '』', '）', '】', '》', '*']);
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'no', 'st', 'inc', 'ltd', 'co', 'u.s', 'u.k']);

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    let end = -1;
    if ('。！？；'.includes(ch)) {
      end = i + 1;
    } else if ('.!?'.includes(ch)) {
      let j = i + 1;
      while (j < text.length && CLOSERS.has(text[j])) j++;
      const followedByGap = j >= text.length || /\s/.test(text[j]);
      if (followedByGap && (ch !== '.' || endsSentence(text, i))) end = j;
    }
    if (end < 0) continue;
    while (end < text.length && CLOSERS.has(text[end])) end++;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
    i = end - 1;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** A period ends a sentence unless it closes an abbreviation ("e.g.", "U.S.", "No.") or an initial. */
function endsSentence(text: string, dot: number): boolean {
  let w = dot;
  while (w > 0 && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  return !ABBREVIATIONS.has(word.toLowerCase()) && !/^[A-Z]$/.test(word);
}

type Block = { kind: 'heading' | 'summary' | 'item' | 'paragraph'; text: string; prefix?: string };

function segmentStatements(markdown: string): string[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    let m: RegExpExecArray | null;
    if (!line.trim()) {
      open = undefined;
    } else if ((m = HEADING_LINE.exec(line))) {
      blocks.push({ kind: 'heading', text: m[1] });
      open = undefined;
    } else if ((m = SUMMARY_LINE.exec(line))) {
      blocks.push({ kind: 'summary', prefix: m[1], text: m[2] });
      open = undefined;
    } else if ((m = LIST_ITEM.exec(line))) {
      open = { kind: 'item', text: m[1] };
      blocks.push(open);
    } else if (open) {
      open.text += ' ' + line.trim(); // a continuation line, as Markdown reads it
    } else {
      open = { kind: 'paragraph', text: line.trim() };
      blocks.push(open);
    }
  }
  const statements: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      statements.push(block.text);
    } else if (block.kind === 'summary') {
      const segments = block.text.split(/\s+-\s+/);
      segments[0] = `${block.prefix} - ${segments[0]}`;
      statements.push(...segments);
    } else {
      statements.push(...splitSentences(block.text));
    }
  }
  return statements;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ');

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe('evaluation corpus (test/fixtures/eval)', () => {
  const corpus = loadCorpus();

  it('holds at least 18 labelled documents in both languages', () => {
    assert.ok(corpus.length >= 18, `only ${corpus.length} documents`);
    assert.ok(corpus.some((d) => d.language === 'en'), 'no English document');
    assert.ok(corpus.some((d) => d.language === 'zh'), 'no Chinese document');
  });

  it('the reference segmenter splits summary lines, abbreviations and Chinese punctuation as documented', () => {
    assert.deepStrictEqual(segmentStatements('Group 2 - Sales fell 3.5% [1] - Costs rose [2][3]'), [
      'Group 2 - Sales fell 3.5% [1]',
      'Costs rose [2][3]',
    ]);
    assert.deepStrictEqual(segmentStatements('It ranks No. 2 in the U.S. market, e.g. in vans. Margins fell.'), [
      'It ranks No. 2 in the U.S. market, e.g. in vans.',
      'Margins fell.',
    ]);
    assert.deepStrictEqual(segmentStatements('## 二、症结\n\n利润下滑；成本上升。\n\n- 建议压减产能'), [
      '二、症结',
      '利润下滑；',
      '成本上升。',
      '建议压减产能',
    ]);
  });

  for (const doc of corpus) {
    describe(doc.name, () => {
      it('has a readable sidecar with valid kinds', () => {
        assert.strictEqual(doc.loadError, undefined, doc.loadError);
        assert.ok(doc.labels.length > 0, 'no labels');
      });

      it('every quote occurs exactly once, in document order', () => {
        let previous = -1;
        doc.labels.forEach((label, i) => {
          const found = occurrences(doc.text, label.quote);
          assert.strictEqual(found.length, 1, `label ${i} "${label.quote}" occurs ${found.length} times`);
          assert.ok(found[0] > previous, `label ${i} "${label.quote}" is out of order`);
          previous = found[0];
        });
      });

      it('labels every statement exactly once', () => {
        const statements = segmentStatements(doc.text);
        assert.ok(
          statements.length >= 15 && statements.length <= 40,
          `${statements.length} statements; the corpus aims for 15 to 40 per document`,
        );
        const listing = statements.map((s, i) => `${i}: ${s}`).join('\n');
        assert.strictEqual(doc.labels.length, statements.length, `labels vs statements:\n${listing}`);
        statements.forEach((statement, i) => {
          assert.ok(
            collapse(statement).includes(collapse(doc.labels[i].quote)),
            `statement ${i} "${statement}" does not hold label quote "${doc.labels[i].quote}"`,
          );
        });
      });
    });
  }

  for (const language of ['en', 'zh'] as const) {
    it(`represents every kind in ${language} documents`, () => {
      const kinds = new Set(corpus.filter((d) => d.language === language).flatMap((d) => d.labels.map((l) => l.kind)));
      for (const kind of LABEL_KINDS) assert.ok(kinds.has(kind), `no ${kind} label in ${language}`);
    });
  }
});
