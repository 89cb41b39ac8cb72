import type { IdDeclaration, IdReference, LinkType, Statement } from '../model';
import type { ParsedDocument } from '../parse/document';
import { frontMatterList } from '../parse/frontMatter';
import { ID_SOURCE, isExplicitId, kindOfId } from './ids';

export interface Annotations {
  declarations: IdDeclaration[];
  references: IdReference[];
  /** For each statement, the statement whose declared ID it belongs to (itself for the declaring one). */
  ownerOf: Map<number, number>;
}

const DECLARATION = new RegExp(String.raw`^\[(${ID_SOURCE})\]\s*`);

interface RelationKeyword {
  relation: LinkType;
  reverse: boolean;
}

// Relation keywords in both languages; the value says which way the link runs.
const RELATION_KEYWORDS: [string, RelationKeyword][] = [
  ['caused by', { relation: 'causes', reverse: true }],
  ['causes', { relation: 'causes', reverse: false }],
  ['cause of', { relation: 'causes', reverse: false }],
  ['leads to', { relation: 'causes', reverse: false }],
  ['due to', { relation: 'causes', reverse: true }],
  ['root cause', { relation: 'causes', reverse: true }],
  ['addresses', { relation: 'addresses', reverse: false }],
  ['solves', { relation: 'addresses', reverse: false }],
  ['fixes', { relation: 'addresses', reverse: false }],
  ['mitigates', { relation: 'addresses', reverse: false }],
  ['supports', { relation: 'supports', reverse: false }],
  ['evidence for', { relation: 'supports', reverse: false }],
  ['evidence', { relation: 'supports', reverse: true }],
  ['see', { relation: 'references', reverse: false }],
  ['refs', { relation: 'references', reverse: false }],
  ['related', { relation: 'references', reverse: false }],
  ['导致', { relation: 'causes', reverse: false }],
  ['引发', { relation: 'causes', reverse: false }],
  ['造成', { relation: 'causes', reverse: false }],
  ['源于', { relation: 'causes', reverse: true }],
  ['根源', { relation: 'causes', reverse: true }],
  ['原因', { relation: 'causes', reverse: true }],
  ['解决', { relation: 'addresses', reverse: false }],
  ['应对', { relation: 'addresses', reverse: false }],
  ['针对', { relation: 'addresses', reverse: false }],
  ['支持', { relation: 'supports', reverse: false }],
  ['佐证', { relation: 'supports', reverse: false }],
  ['证据', { relation: 'supports', reverse: true }],
  ['参见', { relation: 'references', reverse: false }],
  ['相关', { relation: 'references', reverse: false }],
];
const KEYWORD_BY_TEXT = new Map(RELATION_KEYWORDS);
export const RELATION_WORDS = RELATION_KEYWORDS.map(([word]) => word);

const RELATION = new RegExp(
  String.raw`(?<![\w-])(${RELATION_KEYWORDS.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})\s*[:：]\s*((?:\[\[)?${ID_SOURCE}(?:\]\])?(?:\s*(?:,|，|、|;|；|and|和|及|\s)\s*(?:\[\[)?${ID_SOURCE}(?:\]\])?)*)`,
  'gi',
);
const LIST_ID = new RegExp(ID_SOURCE, 'g');
const WIKILINK = /\[\[([^\[\]\n|]{1,80})(?:\|[^\[\]\n]*)?\]\]/g;

export function readAnnotations(doc: ParsedDocument): Annotations {
  const declarations: IdDeclaration[] = [];
  const references: IdReference[] = [];
  const ownerOf = new Map<number, number>();
  const { lineMap, statements, blocks } = doc;

  let owner = -1;
  let ownerBlock = -1;
  let ownerSection = -1;
  for (const statement of statements) {
    const block = blocks[statement.block];
    const declaration = DECLARATION.exec(statement.text);
    const firstOfBlock = statement.span.start === block.span.start;
    if (declaration && firstOfBlock) {
      const id = declaration[1];
      const start = statement.span.start + doc.text.slice(statement.span.start).indexOf('[');
      const span = { start, end: start + id.length + 2 };
      declarations.push({ id, kind: kindOfId(id) ?? 'problem', range: lineMap.rangeOf(span), statement: statement.index });
      owner = statement.index;
      ownerBlock = block.type === 'heading' ? -2 : statement.block;
      ownerSection = statement.section;
    } else if (block.type === 'heading') {
      owner = -1;
    } else if (owner >= 0) {
      // The rest of an annotated list item, or the prose under an annotated heading, belongs to it.
      const sameItem = ownerBlock === statement.block;
      const underHeading = ownerBlock === -2 && statement.section === ownerSection && !startsWithDeclaration(doc, statement);
      if (!sameItem && !underHeading) owner = -1;
    }
    if (owner >= 0) ownerOf.set(statement.index, owner);
    collectRelations(doc, statement, owner >= 0 ? owner : statement.index, references);
  }

  const frontMatter = doc.frontMatter;
  if (frontMatter) {
    for (const key of ['addresses', 'solves', '解决', 'causes', 'supports', 'related', 'refs'] as const) {
      const ids = frontMatterList(frontMatter, key).filter(isExplicitId);
      const keyword = KEYWORD_BY_TEXT.get(key) ?? { relation: 'references' as LinkType, reverse: false };
      for (const id of ids) {
        references.push({ id, range: locateInFrontMatter(doc, id, key), relation: keyword.relation, via: 'front-matter' });
      }
    }
  }
  return { declarations, references, ownerOf };
}

function startsWithDeclaration(doc: ParsedDocument, statement: Statement): boolean {
  return DECLARATION.test(statement.text) && statement.span.start === doc.blocks[statement.block].span.start;
}

function collectRelations(doc: ParsedDocument, statement: Statement, from: number, out: IdReference[]): void {
  const text = doc.text.slice(statement.span.start, statement.span.end);
  if (text.indexOf(':') < 0 && text.indexOf('：') < 0 && text.indexOf('[[') < 0) return;
  const base = statement.span.start;
  const claimed = new Set<number>();
  RELATION.lastIndex = 0;
  for (let m = RELATION.exec(text); m; m = RELATION.exec(text)) {
    const keyword = KEYWORD_BY_TEXT.get(m[1].toLowerCase().replace(/\s+/g, ' ')) ?? { relation: 'references' as LinkType, reverse: false };
    const listStart = m.index + m[0].length - m[2].length;
    LIST_ID.lastIndex = 0;
    for (let id = LIST_ID.exec(m[2]); id; id = LIST_ID.exec(m[2])) {
      const start = base + listStart + id.index;
      claimed.add(start);
      const range = doc.lineMap.rangeOf({ start, end: start + id[0].length });
      out.push({ id: id[0], range, fromStatement: from, relation: keyword.relation, reverse: keyword.reverse || undefined, via: 'keyword' });
    }
  }
  WIKILINK.lastIndex = 0;
  for (let m = WIKILINK.exec(text); m; m = WIKILINK.exec(text)) {
    const id = m[1].trim();
    const start = base + m.index + 2 + (m[1].length - m[1].trimStart().length);
    if (!isExplicitId(id) || claimed.has(start)) continue;
    const range = doc.lineMap.rangeOf({ start, end: start + id.length });
    out.push({ id, range, fromStatement: from, relation: 'references', via: 'wikilink' });
  }
}

/** Where an ID sits in the value of a front matter key; another key may mention the same ID ("title: Fixing P1"). */
function locateInFrontMatter(doc: ParsedDocument, id: string, key: string) {
  const range = doc.frontMatter!.range;
  const end = doc.lineMap.offsetAt(range.end);
  const head = doc.text.slice(0, end);
  let from = 0;
  let to = end;
  const keyLine = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \t]*:`, 'm').exec(head);
  if (keyLine) {
    from = keyLine.index + keyLine[0].length;
    // The value runs to the next top-level key: a line that starts with neither space, "-" nor "#".
    const next = /[\r\n](?![ \t\r\n#-])/.exec(head.slice(from));
    if (next) to = from + next.index;
  }
  const pattern = new RegExp(`(?<![\\w-])${id.replace(/[.]/g, '\\.')}(?![\\w-])`);
  const found = pattern.exec(head.slice(from, to));
  if (!found) return range;
  return doc.lineMap.rangeOf({ start: from + found.index, end: from + found.index + id.length });
}
