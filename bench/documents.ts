// Generates one strategy document from a seed: a diagnosis with context, problems, root causes,
// solutions, evidence, news-summary lines and a reference list, in English, Chinese or both,
// annotated with explicit IDs or written as plain prose. The same spec always gives the same text.

import { Random } from './random';
import { CHINESE, ENGLISH, type Vocabulary } from './vocabulary';

export type DocumentLanguage = 'en' | 'zh' | 'mixed';
/** "varied" picks annotated, plain or summary chapter by chapter. */
export type DocumentStyle = 'annotated' | 'plain' | 'summary' | 'varied';

export interface DocumentSpec {
  seed: number;
  /** UTF-8 size to aim for; the result lands within a few hundred bytes of it. */
  targetBytes: number;
  language: DocumentLanguage;
  style: DocumentStyle;
  /** Namespace of this document's explicit IDs, e.g. "D42-". */
  namespace: string;
  /** IDs declared in other documents, for cross-document references. */
  foreignIds?: readonly string[];
}

export interface GeneratedDocument {
  text: string;
  bytes: number;
  /** Explicit IDs the document declares. */
  ids: string[];
}

type Kind = 'problem' | 'cause' | 'solution' | 'evidence';
type ChapterStyle = 'annotated' | 'plain' | 'summary';

const LETTER: Record<Kind, string> = { problem: 'P', cause: 'C', solution: 'S', evidence: 'E' };
const RELATION = {
  en: { cause: 'causes', solution: 'addresses', evidence: 'supports', reverse: 'caused by' },
  zh: { cause: '导致', solution: '解决', evidence: '支持', reverse: '源于' },
};

class DocumentWriter {
  private readonly lines: string[] = [];
  bytes = 0;
  readonly ids: string[] = [];
  private citationLimit: number;
  private company: string;
  /** Frames not yet used in the current round, per frame list, so a document rarely repeats a sentence. */
  private readonly decks = new Map<string[], string[]>();

  constructor(spec: DocumentSpec, private readonly rng: Random) {
    // Roughly one source per 1.5 KB, as in the sample reviews; capped so labels stay short.
    this.citationLimit = Math.max(3, Math.min(60, Math.round(spec.targetBytes / 1500)));
    this.company = rng.pick(spec.language === 'zh' ? CHINESE.companies : ENGLISH.companies);
  }

  line(text = ''): void {
    this.lines.push(text);
    this.bytes += Buffer.byteLength(text) + 1;
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** Fills the slots of a frame with this document's company and fresh figures. */
  fill(frame: string, vocab: Vocabulary, zh: boolean): string {
    const rng = this.rng;
    return frame.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'co': return rng.chance(0.8) ? this.company : rng.pick(vocab.companies);
        case 'rival': return rng.pick(vocab.rivals);
        case 'unit': return rng.pick(vocab.units);
        case 'product': return rng.pick(vocab.products);
        case 'region': return rng.pick(vocab.regions);
        case 'role': return rng.pick(vocab.roles);
        case 'year': return String(rng.int(2014, 2025));
        case 'count': return groupDigits(rng.int(12, 48000));
        case 'pct': return percent(rng);
        case 'money': return zh ? yuan(rng) : dollars(rng);
        case 'change': return change(rng, zh);
        default: return slot;
      }
    });
  }

  /** " [3]" or " [2][7]" on about four statements in ten; Chinese text puts no space before them. */
  citations(zh: boolean): string {
    if (!this.rng.chance(0.4)) return '';
    const first = this.rng.int(1, this.citationLimit);
    const second = this.rng.int(1, this.citationLimit);
    const labels = this.rng.chance(0.35) && second !== first ? `[${first}][${second}]` : `[${first}]`;
    return zh ? labels : ` ${labels}`;
  }

  /** The next frame from a shuffled deck of the list, reshuffled when it runs out. */
  frame(frames: string[]): string {
    let deck = this.decks.get(frames);
    if (!deck || deck.length === 0) {
      deck = [...frames];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = this.rng.int(0, i);
        [deck[i], deck[j]] = [deck[j], deck[i]];
      }
      this.decks.set(frames, deck);
    }
    return deck.pop()!;
  }

  sentence(vocab: Vocabulary, frames: string[], zh: boolean, withOpener: boolean): string {
    const frame = this.frame(frames);
    let body = this.fill(frame, vocab, zh);
    if (withOpener && !frame.startsWith('{')) {
      const opener = this.fill(this.rng.pick(vocab.openers), vocab, zh);
      if (opener && !zh) body = opener + body.charAt(0).toLowerCase() + body.slice(1);
      else body = opener + body;
    }
    return body;
  }

  /** The reference list: every label that citations may use, now and then with one left out. */
  references(vocab: Vocabulary, zh: boolean, level: number): void {
    this.line(`${'#'.repeat(level)} ${this.rng.pick(vocab.headings.references)}`);
    this.line();
    const missing = this.rng.chance(0.15) ? this.rng.int(1, this.citationLimit) : -1;
    for (let label = 1; label <= this.citationLimit; label++) {
      if (label !== missing) this.line(`[${label}] ${this.fill(this.rng.pick(vocab.sources), vocab, zh)}`);
    }
  }
}

/** One generated document: chapters until the size is reached, each after the first a business line with its own ID namespace. */
export function generateDocument(spec: DocumentSpec): GeneratedDocument {
  const rng = new Random(spec.seed);
  const doc = new DocumentWriter(spec, rng);
  const mainZh = spec.language === 'zh' || (spec.language === 'mixed' && rng.chance(0.5));
  const mainVocab = mainZh ? CHINESE : ENGLISH;
  // The reference list is written last; leave it room.
  const budget = spec.targetBytes - referenceListEstimate(spec.targetBytes, mainZh);

  if (rng.chance(0.25)) frontMatter(doc, rng, spec, mainZh);
  const title = doc.fill(`{co}${mainZh ? '：' : ': '}`, mainVocab, mainZh) + rng.pick(mainVocab.titles);
  doc.line(`# ${title}`);
  doc.line();
  for (let chapter = 0; doc.bytes < budget; chapter++) {
    const zh = spec.language === 'mixed' ? (chapter === 0 ? mainZh : rng.chance(0.5)) : mainZh;
    const vocab = zh ? CHINESE : ENGLISH;
    const style: ChapterStyle = spec.style === 'varied' ? rng.pick<ChapterStyle>(['annotated', 'annotated', 'plain', 'plain', 'summary']) : spec.style;
    const namespace = chapter === 0 ? spec.namespace : `${spec.namespace}U${chapter}-`;
    let level = 2;
    if (chapter > 0) {
      doc.line(`## ${doc.fill(zh ? '{unit}业务' : 'The {unit} business', vocab, zh)} (${namespace.slice(0, -1)})`);
      doc.line();
      level = 3;
    }
    writeChapter(doc, rng, { vocab, zh, style, namespace, level, budget, foreignIds: spec.foreignIds ?? [] });
  }
  doc.references(mainVocab, mainZh, 2);
  const text = `${doc.text()}\n`;
  return { text, bytes: Buffer.byteLength(text), ids: doc.ids };
}

interface ChapterOptions {
  vocab: Vocabulary;
  zh: boolean;
  style: ChapterStyle;
  namespace: string;
  level: number;
  budget: number;
  foreignIds: readonly string[];
}

function writeChapter(doc: DocumentWriter, rng: Random, o: ChapterOptions): void {
  const heading = (kind: keyof Vocabulary['headings']) => {
    doc.line(`${'#'.repeat(o.level)} ${rng.pick(o.vocab.headings[kind])}`);
    doc.line();
  };
  const room = () => doc.bytes < o.budget;

  heading('context');
  for (let p = rng.int(1, 2); p > 0 && room(); p--) paragraph(doc, rng, o, o.vocab.context, rng.int(2, 4));
  if (rng.chance(0.15)) {
    doc.line(`> ${doc.sentence(o.vocab, o.vocab.problem, o.zh, false)}`);
    doc.line();
  }

  if (o.style === 'summary') {
    heading('news');
    for (let group = 1; group <= rng.int(2, 6) && room(); group++) {
      const claims = Array.from({ length: rng.int(2, 4) }, () => `${doc.sentence(o.vocab, rng.pick([o.vocab.news, o.vocab.news, o.vocab.problem, o.vocab.cause]), o.zh, false).replace(/[。.]$/, '')}${doc.citations(o.zh)}`);
      doc.line(`${o.zh ? `第${group}组` : `Group ${group}`} - ${claims.join(' - ')}`);
      doc.line();
    }
    return;
  }

  const declared: Record<Kind, string[]> = { problem: [], cause: [], solution: [], evidence: [] };
  const counts: Record<Kind, number> = { problem: rng.int(2, 5), cause: rng.int(2, 4), solution: rng.int(2, 5), evidence: rng.int(1, 3) };
  for (const kind of ['problem', 'cause', 'solution', 'evidence'] as Kind[]) {
    if (!room() && kind !== 'problem') break;
    heading(kind);
    if (o.style === 'plain') {
      plainSection(doc, rng, o, kind, counts[kind]);
      continue;
    }
    for (let n = 1; n <= counts[kind]; n++) {
      const id = `${o.namespace}${LETTER[kind]}${n}`;
      declared[kind].push(id);
      doc.ids.push(id);
      doc.line(`- [${id}] ${doc.sentence(o.vocab, o.vocab[kind], o.zh, false)}${relations(rng, o, kind, declared)}${doc.citations(o.zh)}`);
    }
    doc.line();
  }
}

/** "causes: P1, P2", "addresses: C1", "supports: P2", now and then a wikilink or a link to another document. */
function relations(rng: Random, o: ChapterOptions, kind: Kind, declared: Record<Kind, string[]>): string {
  const words = o.zh ? RELATION.zh : RELATION.en;
  const colon = o.zh ? '：' : ': ';
  const some = (ids: string[]) => {
    const chosen = [rng.pick(ids)];
    if (ids.length > 1 && rng.chance(0.4)) chosen.push(rng.pick(ids.filter((id) => id !== chosen[0])));
    return chosen.join(o.zh ? '、' : ', ');
  };
  let text = '';
  if (kind === 'cause' && declared.problem.length) text = ` ${words.cause}${colon}${some(declared.problem)}`;
  if (kind === 'solution' && declared.cause.length) text = ` ${words.solution}${colon}${some(declared.cause)}`;
  if (kind === 'evidence' && declared.problem.length) text = ` ${words.evidence}${colon}${some(declared.problem)}`;
  if (kind === 'solution' && declared.solution.length > 1 && rng.chance(0.2)) {
    text += o.zh ? `（参见[[${declared.solution[0]}]]）` : `, building on [[${declared.solution[0]}]]`;
  }
  if (o.foreignIds.length && rng.chance(0.08)) text += o.zh ? `，另见[[${rng.pick(o.foreignIds)}]]` : `; see also [[${rng.pick(o.foreignIds)}]]`;
  return text;
}

function plainSection(doc: DocumentWriter, rng: Random, o: ChapterOptions, kind: Kind, count: number): void {
  const frames = o.vocab[kind];
  const form = kind === 'evidence' && rng.chance(0.3) ? 'table' : rng.pick(['paragraph', 'bullets', 'numbered'] as const);
  if (form === 'paragraph') {
    paragraph(doc, rng, o, frames, count + 1);
    return;
  }
  if (form === 'table') {
    doc.line(o.zh ? '| 指标 | 上年 | 本年 |' : '| Metric | Last year | This year |');
    doc.line('| --- | --- | --- |');
    for (let row = 0; row < count + 1; row++) doc.line(`| ${doc.fill(rng.pick(o.vocab.metricNames), o.vocab, o.zh)} | ${percent(rng)} | ${percent(rng)} |`);
    doc.line();
    return;
  }
  for (let n = 1; n <= count; n++) {
    const marker = form === 'numbered' ? `${n}.` : '-';
    doc.line(`${marker} ${doc.sentence(o.vocab, frames, o.zh, false)}${doc.citations(o.zh)}`);
  }
  doc.line();
}

function paragraph(doc: DocumentWriter, rng: Random, o: ChapterOptions, frames: string[], sentences: number): void {
  const parts: string[] = [];
  for (let s = 0; s < sentences; s++) parts.push(`${doc.sentence(o.vocab, frames, o.zh, s > 0 && rng.chance(0.5))}${doc.citations(o.zh)}`);
  doc.line(parts.join(o.zh ? '' : ' '));
  doc.line();
}

function frontMatter(doc: DocumentWriter, rng: Random, spec: DocumentSpec, zh: boolean): void {
  doc.line('---');
  doc.line(`title: ${zh ? '战略复盘' : 'Strategy review'} ${rng.int(2018, 2025)}`);
  doc.line(`date: ${rng.int(2018, 2025)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`);
  doc.line(`tags: [${rng.pick(['strategy', 'diagnosis', 'board', 'okr'])}, ${rng.pick(['retail', 'health', 'logistics', 'finance'])}]`);
  if (spec.foreignIds?.length && rng.chance(0.4)) {
    const targets = Array.from({ length: rng.int(1, 3) }, () => rng.pick(spec.foreignIds!));
    doc.line(`addresses: [${[...new Set(targets)].join(', ')}]`);
  }
  doc.line('---');
  doc.line();
}

function referenceListEstimate(targetBytes: number, zh: boolean): number {
  const labels = Math.max(3, Math.min(60, Math.round(targetBytes / 1500)));
  return 30 + labels * (zh ? 60 : 55);
}

function percent(rng: Random): string {
  return rng.chance(0.7) ? `${rng.int(2, 95)}%` : `${rng.int(1, 60)}.${rng.int(1, 9)}%`;
}

function dollars(rng: Random): string {
  switch (rng.int(0, 3)) {
    case 0: return `$${rng.int(1, 40)}.${rng.int(0, 9)}bn`;
    case 1: return `$${rng.int(20, 950)}m`;
    case 2: return `USD ${rng.int(1, 12)}.${rng.int(0, 9)} billion`;
    default: return `€${rng.int(15, 800)}m`;
  }
}

function yuan(rng: Random): string {
  switch (rng.int(0, 2)) {
    case 0: return `${rng.int(2, 90)}亿元`;
    case 1: return `${rng.int(1, 40)}.${rng.int(1, 9)}亿元`;
    default: return `${rng.int(300, 9000)}万元`;
  }
}

function change(rng: Random, zh: boolean): string {
  const from = rng.int(5, 80);
  const to = rng.chance(0.7) ? Math.max(1, from - rng.int(3, 30)) : from + rng.int(3, 25);
  if (!zh) return `from ${from}% to ${to}%`;
  return to < from ? `从${from}%降至${to}%` : `由${from}%上升到${to}%`;
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
