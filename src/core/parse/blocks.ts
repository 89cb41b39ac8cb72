import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, BlockType, Section, Span } from '../model';
import type { LineMap } from '../text/lines';

/** A block with the exact spans of its text on each source line, markers and quote prefixes removed. */
export interface SourceBlock extends Block {
  segments: Span[];
  /** The list this item belongs to, so consecutive items can be read as one group; -1 otherwise. */
  list: number;
  /** For a table cell: whether it is a header cell, and the text of its column's header. */
  tableHeader?: boolean;
  columnTitle?: string;
}

export interface BlockStructure {
  sections: Section[];
  blocks: SourceBlock[];
}

let sharedParser: MarkdownIt | undefined;

/** Only block structure is needed, so inline parsing (emphasis, links…) is switched off. */
function blockParser(): MarkdownIt {
  if (!sharedParser) {
    sharedParser = new MarkdownIt({ html: true, linkify: false, typographer: false });
    sharedParser.core.ruler.disable(['inline', 'text_join'], true);
  }
  return sharedParser;
}

const QUOTE_PREFIX = /^[ \t\uFEFF]*(?:>[ \t]?)+/;
const LIST_MARKER = /^[ \t\uFEFF]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?/;
// A byte order mark may precede the first line's marker.
const ATX_OPEN = /^[ \t\uFEFF]*#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$|^#+[ \t]*$/;

interface Container {
  type: 'list_item' | 'blockquote' | 'list';
  startLine: number;
  id: number;
  firstParagraphSeen?: boolean;
}

export function readBlocks(lines: LineMap, maskedText: string, firstLine: number): BlockStructure {
  const sections: Section[] = [{ title: '', level: 0, range: lines.rangeOf({ start: 0, end: 0 }), parent: -1 }];
  const blocks: SourceBlock[] = [];
  const tokens = blockParser().parse(maskedText, {});
  const stack: Container[] = [];
  let listCounter = 0;
  let currentSection = 0;
  let inTableHead = false;
  let columnTitles: string[] = [];

  const lineSpan = (line: number, kind: 'first' | 'rest' | 'heading'): Span | undefined => {
    let start = lines.lineStarts[line];
    let end = lines.lineEnd(line);
    let text = lines.text.slice(start, end);
    const inQuote = stack.some((c) => c.type === 'blockquote');
    if (inQuote) {
      const quote = QUOTE_PREFIX.exec(text);
      if (quote) {
        start += quote[0].length;
        text = text.slice(quote[0].length);
      }
    }
    if (kind === 'first') {
      const marker = LIST_MARKER.exec(text);
      if (marker) {
        start += marker[0].length;
        text = text.slice(marker[0].length);
      }
    }
    if (kind === 'heading') {
      const open = ATX_OPEN.exec(text);
      if (open) {
        start += open[0].length;
        text = text.slice(open[0].length);
        const close = ATX_CLOSE.exec(text);
        if (close) {
          end -= text.length - close.index;
          text = text.slice(0, close.index);
        }
      }
    }
    const leading = text.length - text.trimStart().length;
    const trailing = text.length - text.trimEnd().length;
    start += leading;
    end -= trailing;
    return end > start ? { start, end } : undefined;
  };

  const pushBlock = (type: BlockType, segments: Span[], list = -1): void => {
    if (segments.length === 0) return;
    const span = { start: segments[0].start, end: segments[segments.length - 1].end };
    const depth = stack.filter((c) => c.type !== 'list').length;
    blocks.push({ type, range: lines.rangeOf(span), span, section: currentSection, depth, segments, list });
  };

  for (let i = 0; i < tokens.length; i++) {
    const token: Token = tokens[i];
    const map = token.map ? [token.map[0] + firstLine, token.map[1] + firstLine] : undefined;
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        stack.push({ type: 'list', startLine: map?.[0] ?? 0, id: listCounter++ });
        break;
      case 'list_item_open':
        stack.push({ type: 'list_item', startLine: map?.[0] ?? 0, id: -1 });
        break;
      case 'blockquote_open':
        stack.push({ type: 'blockquote', startLine: map?.[0] ?? 0, id: -1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'blockquote_close':
        stack.pop();
        break;
      case 'heading_open': {
        if (!map) break;
        const setext = token.markup === '=' || token.markup === '-';
        const segments: Span[] = [];
        const last = setext ? map[1] - 1 : map[1];
        for (let line = map[0]; line < last; line++) {
          const span = lineSpan(line, setext ? 'rest' : 'heading');
          if (span) segments.push(span);
        }
        const level = Number(token.tag.slice(1)) || 1;
        const title = segments.map((s) => lines.text.slice(s.start, s.end)).join(' ');
        let parent = currentSection;
        while (parent > 0 && sections[parent].level >= level) parent = sections[parent].parent;
        const sectionSpan = segments[0] ?? { start: lines.lineStarts[map[0]], end: lines.lineEnd(map[0]) };
        sections.push({ title, level, range: lines.rangeOf(sectionSpan), parent: parent >= 0 ? parent : 0 });
        currentSection = sections.length - 1;
        pushBlock('heading', segments);
        break;
      }
      case 'paragraph_open': {
        if (!map) break;
        const item = findLast(stack, (c) => c.type === 'list_item');
        const list = findLast(stack, (c) => c.type === 'list');
        const innermost = stack[stack.length - 1];
        const isItem = innermost?.type === 'list_item';
        const firstOfItem = isItem && !innermost.firstParagraphSeen && item?.startLine === map[0];
        if (isItem) innermost.firstParagraphSeen = true;
        const segments: Span[] = [];
        for (let line = map[0]; line < map[1]; line++) {
          const span = lineSpan(line, firstOfItem && line === map[0] ? 'first' : 'rest');
          if (span) segments.push(span);
        }
        const type: BlockType = isItem ? 'list-item' : stack.some((c) => c.type === 'blockquote') ? 'blockquote' : 'paragraph';
        pushBlock(type, segments, isItem && list ? list.id : -1);
        break;
      }
      case 'thead_open':
        inTableHead = true;
        columnTitles = [];
        break;
      case 'thead_close':
        inTableHead = false;
        break;
      case 'tr_open': {
        if (!map) break;
        splitTableRow(lines, map[0]).forEach((cell, column) => {
          pushBlock('table-cell', [cell]);
          const block = blocks[blocks.length - 1];
          const text = lines.text.slice(cell.start, cell.end).replace(/[*_`]/g, '').trim();
          if (inTableHead) {
            columnTitles[column] = text;
            block.tableHeader = true;
          } else {
            block.columnTitle = columnTitles[column];
          }
        });
        break;
      }
      default:
        break;
    }
  }
  return { sections, blocks };
}

/** Cells of a table row, split on pipes that are neither escaped nor inside code spans. */
function splitTableRow(lines: LineMap, line: number): Span[] {
  const start = lines.lineStarts[line];
  const text = lines.text.slice(start, lines.lineEnd(line));
  const cells: Span[] = [];
  let cellStart = 0;
  let inCode = false;
  const pushCell = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) cells.push({ start: start + a, end: start + b });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '`') inCode = !inCode;
    if (ch === '|' && !inCode) {
      pushCell(cellStart, i);
      cellStart = i + 1;
    }
  }
  pushCell(cellStart, text.length);
  return cells;
}

function findLast<T>(items: T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}
