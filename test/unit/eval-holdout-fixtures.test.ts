// Structural checks for the held-out corpus in test/fixtures/eval-holdout. The classifier is never
// tuned on it, so these tests only guard the labels themselves: each quote must point at one place,
// in order, each statement must carry exactly one label, and the corpus must keep its intended shape
// (languages, kinds, size, independence from the tuning corpus). They never run the classifier.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const HOLDOUT_DIR = path.join(ROOT, 'test', 'fixtures', 'eval-holdout');
const TUNING_DIR = path.join(ROOT, 'test', 'fixtures', 'eval');

const KINDS = ['problem', 'cause', 'solution', 'none'] as const;
type Kind = (typeof KINDS)[number];
const GROUPS = ['en', 'zh', 'mix'] as const;
type Group = (typeof GROUPS)[number];

interface LabelEntry {
  quote: string;
  kind: Kind;
}

interface HoldoutDoc {
  name: string;
  group: Group | undefined;
  text: string;
  labels: LabelEntry[];
  /** Set when the sidecar is missing or malformed; that document's own test reports it. */
  problem?: string;
}

function parseSidecar(file: string): LabelEntry[] {
  const where = path.basename(file);
  const raw: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${where} is not a YAML list`);
  return raw.map((item: unknown, index: number) => {
    if (!item || typeof item !== 'object') throw new Error(`${where} #${index} is not a mapping`);
    const { quote, kind } = item as { quote?: unknown; kind?: unknown };
    if (typeof quote !== 'string' || quote.trim() === '') throw new Error(`${where} #${index} has no quote`);
    if (!KINDS.includes(kind as Kind)) throw new Error(`${where} #${index} has unknown kind ${String(kind)}`);
    return { quote, kind: kind as Kind };
  });
}

function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .sort();
}

function loadHoldout(): HoldoutDoc[] {
  return markdownFiles(HOLDOUT_DIR).map((file) => {
    const name = file.replace(/\.md$/, '');
    const text = fs.readFileSync(path.join(HOLDOUT_DIR, file), 'utf8');
    const group = GROUPS.find((g) => name.startsWith(`${g}-`));
    const sidecar = path.join(HOLDOUT_DIR, `${name}.labels.yaml`);
    if (!fs.existsSync(sidecar)) return { name, group, text, labels: [], problem: `missing ${name}.labels.yaml` };
    try {
      return { name, group, text, labels: parseSidecar(sidecar) };
    } catch (err) {
      return { name, group, text, labels: [], problem: (err as Error).message };
    }
  });
}

// ---- Statement segmentation as the README describes it ----

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
/** Lead-ins of news-summary lines; the lead-in stays attached to the line's first piece. */
const SUMMARY_LEAD = /^(Group\s+\d+\s+-\s+|Part\s+\d+:\s*|要点[一二三四五六七八九十]+\s+-\s+|第[一二三四五六七八九十]+组：\s*)(.*)$/;
const TRAILING_MARKS = '"\')]*”’」』）】》';
const NON_FINAL_WORDS = ['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'no', 'st', 'inc', 'ltd', 'co', 'u.s', 'u.k'];

/** True when the full stop at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviationDot(text: string, dot: number): boolean {
  const word = /[A-Za-z.]*$/.exec(text.slice(0, dot))?.[0] ?? '';
  return NON_FINAL_WORDS.includes(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let from = 0;
  let i = 0;
  while (i < paragraph.length) {
    const ch = paragraph[i];
    let cut = -1;
    if ('。！？；'.includes(ch)) {
      cut = i + 1;
    } else if ('.!?'.includes(ch)) {
      let after = i + 1;
      while (after < paragraph.length && TRAILING_MARKS.includes(paragraph[after])) after++;
      const gapFollows = after === paragraph.length || /\s/.test(paragraph[after]);
      if (gapFollows && !(ch === '.' && isAbbreviationDot(paragraph, i))) cut = after;
    }
    if (cut < 0) {
      i++;
      continue;
    }
    while (cut < paragraph.length && TRAILING_MARKS.includes(paragraph[cut])) cut++;
    const piece = paragraph.slice(from, cut).trim();
    if (piece) out.push(piece);
    from = cut;
    i = cut;
  }
  const tail = paragraph.slice(from).trim();
  if (tail) out.push(tail);
  return out;
}

function statementsOf(markdown: string): string[] {
  const statements: string[] = [];
  let paragraph: string[] = []; // lines of the paragraph or list item being read
  const flush = (): void => {
    if (paragraph.length) statements.push(...sentencesOf(paragraph.join(' ')));
    paragraph = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    const summary = SUMMARY_LEAD.exec(line);
    const item = LIST_ITEM.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      statements.push(heading[1]);
    } else if (summary) {
      flush();
      const pieces = summary[2].split(/\s+-\s+/);
      pieces[0] = summary[1] + pieces[0];
      statements.push(...pieces.map((p) => p.trim()));
    } else if (item) {
      flush();
      paragraph = [item[1].trim()];
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return statements;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function positionsOf(text: string, quote: string): number[] {
  const hits: number[] = [];
  let at = text.indexOf(quote);
  while (at !== -1) {
    hits.push(at);
    at = text.indexOf(quote, at + 1);
  }
  return hits;
}

const hanCount = (s: string): number => (s.match(/\p{Script=Han}/gu) ?? []).length;
const latinCount = (s: string): number => (s.match(/[A-Za-z]/g) ?? []).length;

describe('held-out evaluation corpus (test/fixtures/eval-holdout)', () => {
  const corpus = loadHoldout();

  it('has at least 14 documents, each named en-, zh- or mix-', () => {
    assert.ok(corpus.length >= 14, `only ${corpus.length} documents`);
    for (const doc of corpus) assert.ok(doc.group, `${doc.name} does not start with en-, zh- or mix-`);
  });

  it('segments summary lead-ins, abbreviations, numbers and Chinese marks as the README says', () => {
    assert.deepStrictEqual(statementsOf('Part 4: Margins fell 2.5% [1] - Debt rose [2][3]'), [
      'Part 4: Margins fell 2.5% [1]',
      'Debt rose [2][3]',
    ]);
    assert.deepStrictEqual(statementsOf('第二组：利润下降 [1] - 成本上升 [2]'), ['第二组：利润下降 [1]', '成本上升 [2]']);
    assert.deepStrictEqual(statementsOf('Group 7 - Sales fell [1] - Costs rose [2]'), ['Group 7 - Sales fell [1]', 'Costs rose [2]']);
    assert.deepStrictEqual(statementsOf('It sells in the U.S. market, e.g. in Ohio. Costs rose.'), [
      'It sells in the U.S. market, e.g. in Ohio.',
      'Costs rose.',
    ]);
    assert.deepStrictEqual(statementsOf('**Q: Why?**\n\n收入下降；成本上升。\n\nBest,\nAnna'), [
      '**Q: Why?**',
      '收入下降；',
      '成本上升。',
      'Best, Anna',
    ]);
    assert.deepStrictEqual(statementsOf('## 1. 基本情况\n\n1. 压降库存。\n- Cut costs; sell assets'), [
      '1. 基本情况',
      '压降库存。',
      'Cut costs; sell assets',
    ]);
  });

  for (const doc of corpus) {
    describe(doc.name, () => {
      it('has a readable sidecar', () => {
        assert.strictEqual(doc.problem, undefined, doc.problem);
        assert.ok(doc.labels.length > 0, 'no labels');
      });

      it('uses the script its name promises', () => {
        const han = hanCount(doc.text);
        const latin = latinCount(doc.text);
        if (doc.group === 'en') assert.strictEqual(han, 0, `${han} Han characters in an English document`);
        if (doc.group === 'zh') assert.ok(han * 2 > latin, `Chinese document has ${han} Han and ${latin} Latin letters`);
        if (doc.group === 'mix') assert.ok(han >= 30 && latin >= 30, `mixed document has ${han} Han and ${latin} Latin letters`);
      });

      it('has each quote exactly once, in document order', () => {
        let last = -1;
        doc.labels.forEach((label, i) => {
          const hits = positionsOf(doc.text, label.quote);
          assert.strictEqual(hits.length, 1, `quote ${i} "${label.quote}" found ${hits.length} times`);
          assert.ok(hits[0] > last, `quote ${i} "${label.quote}" comes before the previous quote`);
          last = hits[0];
        });
      });

      it('gives every statement exactly one label', () => {
        const statements = statementsOf(doc.text);
        const listing = statements.map((s, i) => `  ${i}: ${s}`).join('\n');
        assert.ok(statements.length >= 15 && statements.length <= 35, `${statements.length} statements, wanted 15 to 35`);
        assert.strictEqual(doc.labels.length, statements.length, `label count differs from statements:\n${listing}`);
        statements.forEach((statement, i) => {
          const quote = squash(doc.labels[i].quote);
          assert.ok(squash(statement).includes(quote), `statement ${i} "${statement}" lacks quote "${quote}"`);
          const holders = statements.filter((s) => squash(s).includes(quote)).length;
          assert.strictEqual(holders, 1, `quote "${quote}" fits ${holders} statements`);
        });
      });

      it('keeps a realistic mix of kinds', () => {
        const count = (kind: Kind): number => doc.labels.filter((l) => l.kind === kind).length;
        for (const kind of ['problem', 'cause', 'solution'] as const) assert.ok(count(kind) > 0, `no ${kind}`);
        const noneShare = count('none') / doc.labels.length;
        assert.ok(noneShare >= 0.2 && noneShare <= 0.4, `none share ${(noneShare * 100).toFixed(0)}%, wanted 20-40%`);
      });
    });
  }

  for (const group of GROUPS) {
    it(`has every kind in the ${group} documents`, () => {
      const docs = corpus.filter((d) => d.group === group);
      assert.ok(docs.length >= 4, `only ${docs.length} ${group} documents`);
      const seen = new Set(docs.flatMap((d) => d.labels.map((l) => l.kind)));
      for (const kind of KINDS) assert.ok(seen.has(kind), `no ${kind} label among ${group} documents`);
    });
  }

  it('shares no sentence with the tuning corpus', () => {
    const tuning = new Set(
      markdownFiles(TUNING_DIR).flatMap((file) =>
        statementsOf(fs.readFileSync(path.join(TUNING_DIR, file), 'utf8')).map(squash),
      ),
    );
    assert.ok(tuning.size > 0, 'tuning corpus not found');
    const copied = corpus.flatMap((d) => statementsOf(d.text).map(squash)).filter((s) => s.length >= 12 && tuning.has(s));
    assert.deepStrictEqual(copied, []);
  });
});
