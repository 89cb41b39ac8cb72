import type { DocumentModel, Language, Span, Statement } from '../model';
import { LineMap } from '../text/lines';
import { readBlocks, type SourceBlock } from './blocks';
import { findCitations, isReferenceHeading, readReferenceList } from './citations';
import { readFrontMatter } from './frontMatter';
import { findMetrics } from './metrics';
import { isCjk, splitSentences } from './sentences';

export interface ParsedDocument extends DocumentModel {
  blocks: SourceBlock[];
  lineMap: LineMap;
  /** Sections that hold the reference list; their lines are not claims. */
  referenceSections: Set<number>;
}

// "Group 1 - …", "Part 2: …", "要点一 - …", "第二组：…"
const GROUP_PREFIX = /^(?:(?:group|part|section|theme|point|topic|key point|takeaway|highlight)\s*#?\d{1,3}|(?:要点|第)\s*[一二三四五六七八九十\d]{1,3}\s*(?:组|点|部分)?|组\s*\d{1,3})\s*[-–—:：]\s*/i;
const GROUP_LABEL = String.raw`(?:group|part|theme|point|topic|key point|takeaway|highlight)\s*#?\d{1,3}|要点\s*[一二三四五六七八九十\d]{1,3}|第\s*[一二三四五六七八九十\d]{1,3}\s*组`;
// A segment boundary: " - ", or a group label in the middle of a line ("… [8] Group 2 - …").
const SEGMENT_CUT = new RegExp(String.raw`\s+(?:(?:${GROUP_LABEL})\s*[-–—:：]|[-–—])\s+(?=\S)`, 'gi');

const FOOTNOTE_DEFINITION = /^\[\^\d{1,4}\][:：]/;

export function parseDocument(uri: string, text: string): ParsedDocument {
  const lineMap = new LineMap(text);
  const { frontMatter, lineCount: frontMatterLines } = readFrontMatter(lineMap);
  let masked = frontMatterLines > 0 ? maskLines(text, lineMap, frontMatterLines) : text;
  // markdown-it does not skip a byte order mark, so "\uFEFF# Title" would read as a paragraph.
  if (masked.charCodeAt(0) === 0xfeff) masked = ` ${masked.slice(1)}`;
  const { sections, blocks } = readBlocks(lineMap, flattenDeepNesting(masked), 0);

  const referenceSections = new Set<number>();
  sections.forEach((section, index) => {
    if (index > 0 && (isReferenceHeading(section.title) || referenceSections.has(section.parent))) referenceSections.add(index);
  });

  const statements: Statement[] = [];
  let groupCounter = 0;
  let lastList = -1;
  let listGroup = -1;
  let listPosition = 0;
  blocks.forEach((block, blockIndex) => {
    if (referenceSections.has(block.section) && block.type !== 'heading') return;
    // A footnote definition "[^2]: …" belongs to the reference list; it is not a claim.
    if (block.type !== 'heading' && FOOTNOTE_DEFINITION.test(text.slice(block.span.start, block.span.end))) return;
    const add = (span: Span, group: number, position: number) => {
      const source = text.slice(span.start, span.end);
      const statementText = source.includes('\n') || source.includes('\r') ? source.replace(/\s*[\r\n]+[\s>]*/g, ' ') : source;
      statements.push({
        index: statements.length,
        text: statementText,
        span,
        range: lineMap.rangeOf(span),
        block: blockIndex,
        section: block.section,
        group,
        positionInGroup: position,
        citations: findCitations(source, span.start, lineMap),
        metrics: findMetrics(source, span.start, lineMap),
        language: detectLanguage(statementText),
      });
    };
    if (block.type === 'heading' || block.type === 'table-cell') {
      add(block.span, -1, 0);
      return;
    }
    const pieces = sentenceSpans(text, block);
    if (pieces.summary) {
      let group = groupCounter++;
      let position = 0;
      pieces.spans.forEach((span, index) => {
        if (pieces.groupStarts.has(index)) {
          group = groupCounter++;
          position = 0;
        }
        add(span, group, position++);
      });
      lastList = -1;
      return;
    }
    if (block.type === 'list-item') {
      if (block.list !== lastList) {
        lastList = block.list;
        listGroup = groupCounter++;
        listPosition = 0;
      }
      for (const span of pieces.spans) add(span, listGroup, listPosition++);
      return;
    }
    lastList = -1;
    const group = groupCounter++;
    pieces.spans.forEach((span, position) => add(span, group, position));
  });

  const sectionOfLine = sectionLookup(sections.map((s) => s.range.start.line));
  const referenceList = readReferenceList(lineMap, sections, referenceSections, sectionOfLine);
  const language = documentLanguage(statements);
  for (const section of sections) section.parent = Math.max(section.parent, -1);
  return { uri, text, language, lineStarts: lineMap.lineStarts, lineMap, frontMatter, sections, blocks, statements, referenceList, referenceSections };
}

/** Sentence spans of a block; a news-summary line is first cut into its " - " segments and groups. */
function sentenceSpans(text: string, block: SourceBlock): { spans: Span[]; summary: boolean; groupStarts: Set<number> } {
  const spans: Span[] = [];
  const groupStarts = new Set<number>();
  const first = block.segments[0];
  const head = text.slice(first.start, Math.min(first.end, first.start + 40));
  const prefix = GROUP_PREFIX.exec(head);
  const blockText = text.slice(block.span.start, block.span.end);
  // Every cut holds a dash or a colon; most paragraphs have neither and skip the pattern.
  const cuts = /[-–—:：]/.test(blockText) ? [...blockText.matchAll(SEGMENT_CUT)] : [];
  const cited = cuts.filter((m) => (m.index ?? 0) > 0 && blockText.charCodeAt((m.index ?? 0) - 1) === 0x5d /* ] */);
  const summary = prefix !== null || cited.length >= 2;
  if (!summary) {
    for (const segment of joinedSegments(text, block)) spans.push(...splitSentences(text, segment.start, segment.end));
    return { spans, summary: false, groupStarts };
  }
  let cursor = block.span.start + (prefix ? prefix[0].length : 0);
  for (const cut of prefix ? cuts : cited) {
    const at = block.span.start + (cut.index ?? 0);
    if (at < cursor) continue;
    spans.push(...splitSentences(text, cursor, at));
    cursor = at + cut[0].length;
    // "… [8] Group 2 - …" starts the next group in the middle of a line.
    if (/[^\s\-–—]/.test(cut[0].replace(/[:：]/g, ''))) groupStarts.add(spans.length);
  }
  spans.push(...splitSentences(text, cursor, block.span.end));
  return { spans, summary: true, groupStarts };
}

/**
 * A block's lines as runs that may be split together. Lines of a quote or list item carry
 * prefixes; a sentence may still run across them, so runs are only broken where prefixes sit.
 */
function joinedSegments(text: string, block: SourceBlock): Span[] {
  const runs: Span[] = [];
  let current: Span | undefined;
  for (const segment of block.segments) {
    if (current && /^[\s>]*$/.test(text.slice(current.end, segment.start))) {
      current.end = segment.end;
    } else {
      if (current) runs.push(current);
      current = { ...segment };
    }
  }
  if (current) runs.push(current);
  return runs;
}

const MAX_CONTAINER_MARKERS = 30;
const MAX_LIST_INDENT = 60;
// The container prefix of a line: quote markers and list markers, in any mix ("> - > 1. ").
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;
const CONTAINER_MARKER = /[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/g;
const DEEP_LIST_MARKER = new RegExp(`^([ \\t]{${MAX_LIST_INDENT},})([-*+]|\\d{1,9}[.)])(?=[ \\t])`, 'gm');

/**
 * The Markdown parser stops at a fixed nesting depth and silently drops the rest of the document.
 * Container markers past a sane depth are blanked (same length, so offsets hold): deeper lines
 * become text of the deepest block instead of being lost.
 */
function flattenDeepNesting(text: string): string {
  if (!/^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){10}|^[ \t]{60}/m.test(text)) return text;
  return text
    .replace(CONTAINER_PREFIX, (prefix: string) => {
      let count = 0;
      // A no-break space is text to the parser, so what follows cannot turn into an indented code block.
      return prefix.replace(CONTAINER_MARKER, (marker: string) => (++count > MAX_CONTAINER_MARKERS ? marker.replace(/[^ \t]/g, '\u00a0') : marker));
    })
    .replace(DEEP_LIST_MARKER, (_, indent: string, marker: string) => indent + '\u00a0'.repeat(marker.length));
}

function maskLines(text: string, lines: LineMap, count: number): string {
  const end = count < lines.lineCount ? lines.lineStarts[count] : text.length;
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function sectionLookup(startLines: number[]): (line: number) => number {
  return (line: number) => {
    let low = 0;
    let high = startLines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (startLines[mid] <= line) low = mid;
      else high = mid - 1;
    }
    return low;
  };
}

export function detectLanguage(text: string): Language {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) cjk++;
    else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
  }
  // A Chinese character carries about as much as an English word of five letters.
  return cjk * 5 >= latin && cjk > 0 ? 'zh' : 'en';
}

function documentLanguage(statements: Statement[]): Language {
  let zh = 0;
  for (const statement of statements) if (statement.language === 'zh') zh++;
  return zh * 2 >= statements.length && zh > 0 ? 'zh' : 'en';
}
