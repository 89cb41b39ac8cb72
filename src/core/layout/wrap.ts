// Label wrapping without a font: widths are estimated in em (CJK and other wide characters 1em,
// everything else 0.55em, combining marks 0), which is close enough to size boxes for SVG text.
// English breaks between words, Chinese between characters. The text is cut only between
// grapheme clusters, so surrogate pairs, combining marks and emoji sequences stay whole.

export interface WrappedLabel {
  lines: string[];
  /** Widest line in pixels, by the same estimate. */
  width: number;
  /** True when lines were dropped and the last one ends with an ellipsis. */
  truncated: boolean;
}

const NARROW_EM = 0.55;
const SPACE_EM = 0.3;
const ELLIPSIS = '…';
/** CJK closing punctuation: never starts a line, so it sticks to the character before it. */
const NO_LINE_START = new Set([...'。，、；：！？）」』】》〉”’．％']);
/** CJK opening punctuation: never ends a line, so it sticks to the character after it. */
const NO_LINE_END = new Set([...'（「『【《〈“‘']);
/** Latin punctuation that follows a wide character without a space stays with it. */
const TRAILING_NARROW = new Set([...',.;:!?)]}%']);

const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, symbols and punctuation
  [0x3041, 0x33ff], // kana, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1f300, 0x1faff], // emoji and pictographs
  [0x20000, 0x3fffd], // CJK extensions B and later
];

function isWide(codePoint: number): boolean {
  for (const [low, high] of WIDE_RANGES) if (codePoint >= low && codePoint <= high) return true;
  return false;
}

const COMBINING_ONLY = /^[\p{M}\u200d\ufe00-\ufe0f]+$/u;

/** Width of one grapheme cluster in em. */
export function graphemeWidthEm(grapheme: string): number {
  if (grapheme === ELLIPSIS) return 1;
  if (/^\s+$/.test(grapheme)) return SPACE_EM;
  if (COMBINING_ONLY.test(grapheme)) return 0;
  return isWide(grapheme.codePointAt(0) ?? 0) ? 1 : NARROW_EM;
}

type Segmenter = { segment(text: string): Iterable<{ segment: string }> };
let cachedSegmenter: Segmenter | null | undefined;

/**
 * Code points that can extend or join a grapheme cluster: marks, joiners, variation selectors,
 * emoji modifiers and tags, regional indicators, Hangul jamo, prepend characters, CR. Text without
 * any of them (most Chinese and English) splits exactly by code point, much faster than ICU.
 */
const CLUSTER_FORMING =
  /[\p{M}\r\u200c\u200d\ufe00-\ufe0f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u{e0100}-\u{e01ef}\u{110bd}\u{110cd}]/u;

/** Grapheme clusters, by Intl.Segmenter where the runtime has it, else by a close approximation. */
export function splitGraphemes(text: string): string[] {
  if (!CLUSTER_FORMING.test(text)) return Array.from(text);
  if (cachedSegmenter === undefined) {
    const intl = Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: string }) => Segmenter };
    cachedSegmenter = intl.Segmenter ? new intl.Segmenter('und', { granularity: 'grapheme' }) : null;
  }
  if (cachedSegmenter) return Array.from(cachedSegmenter.segment(text), (s) => s.segment);
  return text.match(/(?:\P{M}|^\p{M})[\p{M}\ufe00-\ufe0f]*(?:\u200d\P{M}[\p{M}\ufe00-\ufe0f]*)*|[\s\S]/gu) ?? [];
}

export function measureText(text: string, fontSizePx: number): number {
  let em = 0;
  for (const grapheme of splitGraphemes(text)) em += graphemeWidthEm(grapheme);
  return em * fontSizePx;
}

/** An unbreakable run: a word, or one CJK character with the punctuation glued to it. */
interface Chunk {
  graphemes: string[];
  widths: number[];
  width: number;
  spaceBefore: boolean;
}

function appendTo(chunk: Chunk, grapheme: string, width: number): void {
  chunk.graphemes.push(grapheme);
  chunk.widths.push(width);
  chunk.width += width;
}

function toChunks(text: string, fontSizePx: number): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  let spaceBefore = false;
  let breakAfterPrevious = false;
  let previousOpens = false;
  // wrapLabel has already collapsed every whitespace run to one space.
  for (const grapheme of splitGraphemes(text)) {
    if (grapheme === ' ') {
      current = null;
      spaceBefore = chunks.length > 0;
      continue;
    }
    const width = graphemeWidthEm(grapheme) * fontSizePx;
    const wide = width >= fontSizePx;
    if (current === null && NO_LINE_START.has(grapheme) && chunks.length > 0) {
      // Closing punctuation after a space still may not open a line: it rejoins the word before.
      current = chunks[chunks.length - 1];
      if (spaceBefore) appendTo(current, ' ', SPACE_EM * fontSizePx);
      spaceBefore = false;
    }
    const gluedToPrevious =
      NO_LINE_START.has(grapheme) || (!wide && TRAILING_NARROW.has(grapheme)) || previousOpens || !(wide || breakAfterPrevious);
    if (current === null || !gluedToPrevious) {
      current = { graphemes: [], widths: [], width: 0, spaceBefore };
      chunks.push(current);
      spaceBefore = false;
    }
    appendTo(current, grapheme, width);
    previousOpens = NO_LINE_END.has(grapheme);
    breakAfterPrevious = wide && !previousOpens;
  }
  return chunks;
}

/**
 * Wraps `text` into lines no wider than `maxWidthPx` (a single character wider than that still
 * gets a line of its own). Whitespace runs collapse to one space. Beyond `maxLines` the last kept
 * line ends with an ellipsis.
 */
export function wrapLabel(text: string, maxWidthPx: number, fontSizePx: number, maxLines = 4): WrappedLabel {
  const limit = Math.max(0, maxWidthPx);
  const spaceWidth = SPACE_EM * fontSizePx;
  const lines: { text: string; width: number; graphemes: string[]; widths: number[] }[] = [];
  let line = { text: '', width: 0, graphemes: [] as string[], widths: [] as number[] };
  const pushGrapheme = (grapheme: string, width: number) => {
    line.text += grapheme;
    line.width += width;
    line.graphemes.push(grapheme);
    line.widths.push(width);
  };
  const newLine = () => {
    lines.push(line);
    line = { text: '', width: 0, graphemes: [], widths: [] };
  };
  for (const chunk of toChunks(text.replace(/\s+/g, ' ').trim(), fontSizePx)) {
    const gap = line.graphemes.length > 0 && chunk.spaceBefore ? spaceWidth : 0;
    if (line.graphemes.length > 0 && line.width + gap + chunk.width > limit) newLine();
    else if (gap > 0) pushGrapheme(' ', gap);
    if (line.width + chunk.width <= limit) {
      chunk.graphemes.forEach((g, k) => pushGrapheme(g, chunk.widths[k]));
      continue;
    }
    // The chunk alone is too wide: break it between graphemes, keeping closing punctuation on
    // the line it closes even if that overflows a little.
    chunk.graphemes.forEach((g, k) => {
      const fits = line.width + chunk.widths[k] <= limit;
      if (!fits && g === ' ') return;
      if (!fits && line.graphemes.length > 0 && !NO_LINE_START.has(g)) newLine();
      pushGrapheme(g, chunk.widths[k]);
    });
  }
  if (line.graphemes.length > 0) newLine();

  const lineLimit = Math.max(1, Math.floor(maxLines));
  let truncated = false;
  if (lines.length > lineLimit) {
    truncated = true;
    lines.length = lineLimit;
    const last = lines[lineLimit - 1];
    const ellipsisWidth = graphemeWidthEm(ELLIPSIS) * fontSizePx;
    while (last.graphemes.length > 0 && (last.width + ellipsisWidth > limit || /^\s$/.test(last.graphemes[last.graphemes.length - 1]))) {
      last.graphemes.pop();
      last.width -= last.widths.pop()!;
    }
    last.text = last.graphemes.join('') + ELLIPSIS;
    last.width += ellipsisWidth;
  }
  return {
    lines: lines.map((l) => l.text),
    width: lines.reduce((max, l) => Math.max(max, l.width), 0),
    truncated,
  };
}
