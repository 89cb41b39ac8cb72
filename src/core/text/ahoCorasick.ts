/**
 * One automaton for many phrases: a statement is scanned once, whatever the size of the lexicon
 * or catalog. Matching is on lower-cased text; English phrases check word boundaries.
 */
export interface PhraseEntry<T> {
  phrase: string;
  value: T;
  /** Require a word boundary before the match (Latin text). */
  boundaryStart: boolean;
  /** Require a word boundary after the match; off for stems written "declin*". */
  boundaryEnd: boolean;
}

export interface PhraseMatch<T> {
  start: number;
  end: number;
  entry: PhraseEntry<T>;
}

interface AutomatonNode {
  next: Map<number, number>;
  /** Every transition known so far: the trie's own, plus those resolved through failure links while scanning. */
  jump?: Map<number, number>;
  fail: number;
  outputs: number[];
}

/** Characters below this code point (ASCII and Latin letters with accents) use the dense transition table. */
const LATIN_LIMIT = 0x250;

export class PhraseMatcher<T> {
  private readonly nodes: AutomatonNode[] = [{ next: new Map(), fail: 0, outputs: [] }];
  private readonly entries: PhraseEntry<T>[] = [];
  private built = false;
  /**
   * Dense tables for the two cases that dominate a scan: a character no phrase contains sends
   * every state back to the root, and most scanning happens at the root. Both are answered by one
   * array read instead of hash lookups.
   */
  private inAlphabet = new Uint8Array(0);
  private rootNext = new Int32Array(0);
  /**
   * Transitions on Latin characters (most of English text), one row per state, filled in as the
   * scan first needs them (-1: not yet known). Rows are a few dozen columns wide, so the table stays
   * small (about 1 MB for the cue lexicon); CJK characters, with hundreds of columns, keep the
   * per-state maps.
   */
  // Uint16: a rule pack may use more than 255 distinct Latin letters, which would wrap in a byte.
  private latinColumn = new Uint16Array(0);
  private latinWidth = 0;
  private latinNext = new Int32Array(0);
  /** 1 for a state that ends at least one phrase: most states end none, and then the node is not read. */
  private emits = new Uint8Array(0);

  /** Adds a phrase. A trailing "*" makes it a stem that matches any word ending. */
  add(rawPhrase: string, value: T): void {
    let phrase = rawPhrase.trim().toLowerCase();
    const isStem = phrase.endsWith('*');
    if (isStem) phrase = phrase.slice(0, -1);
    if (!phrase) return;
    const latin = isWordChar(phrase.charCodeAt(0));
    const latinEnd = isWordChar(phrase.charCodeAt(phrase.length - 1));
    const entryIndex = this.entries.length;
    this.entries.push({ phrase, value, boundaryStart: latin, boundaryEnd: latinEnd && !isStem });
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      let child = this.nodes[state].next.get(code);
      if (child === undefined) {
        child = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, outputs: [] });
        this.nodes[state].next.set(code, child);
      }
      state = child;
    }
    this.nodes[state].outputs.push(entryIndex);
    this.built = false;
  }

  get size(): number {
    return this.entries.length;
  }

  private build(): void {
    for (const node of this.nodes) node.jump = undefined;
    const queue: number[] = [];
    for (const child of this.nodes[0].next.values()) {
      this.nodes[child].fail = 0;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [code, child] of this.nodes[state].next) {
        let fail = this.nodes[state].fail;
        while (fail !== 0 && !this.nodes[fail].next.has(code)) fail = this.nodes[fail].fail;
        const target = this.nodes[fail].next.get(code);
        this.nodes[child].fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child].outputs.push(...this.nodes[this.nodes[child].fail].outputs);
        queue.push(child);
      }
    }
    this.inAlphabet = new Uint8Array(0x10000);
    for (const entry of this.entries) for (let i = 0; i < entry.phrase.length; i++) this.inAlphabet[entry.phrase.charCodeAt(i)] = 1;
    this.rootNext = new Int32Array(0x10000);
    for (const [code, child] of this.nodes[0].next) this.rootNext[code] = child;
    this.latinColumn = new Uint16Array(LATIN_LIMIT);
    let columns = 0;
    for (let code = 0; code < LATIN_LIMIT; code++) if (this.inAlphabet[code]) this.latinColumn[code] = ++columns;
    this.latinWidth = columns + 1;
    this.latinNext = new Int32Array(this.nodes.length * this.latinWidth).fill(-1);
    this.emits = new Uint8Array(this.nodes.length);
    this.nodes.forEach((node, state) => (this.emits[state] = node.outputs.length > 0 ? 1 : 0));
    this.built = true;
  }

  /** Where the automaton goes from `state` on `code`, following failure links. */
  private resolve(state: number, code: number): number {
    let current = state;
    for (;;) {
      const next = this.nodes[current].next.get(code);
      if (next !== undefined) return next;
      if (current === 0) return 0;
      current = this.nodes[current].fail;
    }
  }

  /** All matches in `text`, which the caller has lower-cased. Overlapping matches are all reported. */
  findAll(lowerText: string): PhraseMatch<T>[] {
    if (!this.built) this.build();
    const matches: PhraseMatch<T>[] = [];
    let state = 0;
    const inAlphabet = this.inAlphabet;
    const rootNext = this.rootNext;
    const { latinColumn, latinNext, latinWidth, emits } = this;
    for (let i = 0; i < lowerText.length; i++) {
      const code = lowerText.charCodeAt(i);
      if (inAlphabet[code] === 0) {
        state = 0;
        continue;
      }
      if (state === 0) {
        state = rootNext[code];
        if (state === 0) continue;
      } else if (code < LATIN_LIMIT) {
        const cell = state * latinWidth + latinColumn[code];
        let next = latinNext[cell];
        if (next < 0) {
          next = this.resolve(state, code);
          latinNext[cell] = next;
        }
        state = next;
      } else {
        const node = this.nodes[state];
        const jump = (node.jump ??= new Map(node.next));
        let next = jump.get(code);
        if (next === undefined) {
          next = this.resolve(state, code);
          jump.set(code, next);
        }
        state = next;
      }
      if (emits[state] === 0) continue;
      const outputs = this.nodes[state].outputs;
      for (let k = 0; k < outputs.length; k++) {
        const entry = this.entries[outputs[k]];
        const end = i + 1;
        const start = end - entry.phrase.length;
        if (entry.boundaryStart && start > 0 && isWordChar(lowerText.charCodeAt(start - 1))) continue;
        if (entry.boundaryEnd && end < lowerText.length && isWordChar(lowerText.charCodeAt(end))) continue;
        matches.push({ start, end, entry });
      }
    }
    return matches;
  }
}

/** ASCII letters and digits, and Latin letters with accents; CJK is not a "word character" here. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    (code >= 0xc0 && code <= 0x24f)
  );
}
