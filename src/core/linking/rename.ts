import type { Analysis } from '../analyze';
import { isExplicitId, kindOfId } from '../annotate/ids';
import type { WorkspaceIndex } from '../index/workspace';
import type { FindingKind, Range } from '../model';
import { declarationIdRange } from './locate';
import { FRONT_MATTER_LINK_KEYS } from './relations';

export type RenameEditCategory = 'declaration' | 'reference' | 'wikilink' | 'front-matter';

export interface RenameEdit {
  uri: string;
  range: Range;
  newText: string;
  category: RenameEditCategory;
}

/** Why a rename is refused; the adapter turns it into a message in the user's language. */
export type RenameConflict =
  | { code: 'invalid'; newId: string }
  | { code: 'unchanged'; newId: string }
  | { code: 'taken'; newId: string; uri: string; range: Range }
  | { code: 'referenced'; newId: string; documents: number }
  | { code: 'kind-change'; oldKind: FindingKind; newKind: FindingKind }
  | { code: 'unknown'; oldId: string };

export type RenamePlan = { edits: RenameEdit[] } | { conflict: RenameConflict };

/**
 * Every edit that renames an explicit ID across the workspace: its declarations, relation references,
 * [[links]] and front matter lists. Each edit is checked against the indexed text, so a stale range
 * never overwrites other characters. Refuses a new ID that is invalid, already declared, already
 * referenced (those references would silently attach), or of another kind (the letter decides the kind).
 */
export function planIdRename(index: WorkspaceIndex, oldId: string, rawNewId: string): RenamePlan {
  const newId = rawNewId.trim();
  if (!isExplicitId(newId)) return { conflict: { code: 'invalid', newId } };
  if (newId === oldId) return { conflict: { code: 'unchanged', newId } };
  const declarations = index.declarationsOf(oldId);
  const references = index.referencesTo(oldId);
  if (declarations.length === 0 && references.length === 0) return { conflict: { code: 'unknown', oldId } };
  const taken = index.declarationsOf(newId)[0];
  if (taken) return { conflict: { code: 'taken', newId, uri: taken.uri, range: taken.item.range } };
  const citing = new Set(index.referencesTo(newId).map((r) => r.uri));
  if (citing.size > 0) return { conflict: { code: 'referenced', newId, documents: citing.size } };
  const oldKind = kindOfId(oldId);
  const newKind = kindOfId(newId);
  if (oldKind && newKind && oldKind !== newKind) return { conflict: { code: 'kind-change', oldKind, newKind } };

  const edits = new Map<string, RenameEdit>();
  const add = (analysis: Analysis | undefined, range: Range, category: RenameEditCategory) => {
    if (!analysis || textAt(analysis, range) !== oldId) return;
    const key = `${analysis.uri}\u0000${range.start.line}:${range.start.character}`;
    if (!edits.has(key)) edits.set(key, { uri: analysis.uri, range, newText: newId, category });
  };
  for (const { uri, item } of declarations) add(index.get(uri), declarationIdRange(item), 'declaration');
  const frontMatterDocuments = new Set<string>();
  for (const { uri, item } of references) {
    const category: RenameEditCategory = item.via === 'wikilink' ? 'wikilink' : item.via === 'front-matter' ? 'front-matter' : 'reference';
    add(index.get(uri), item.range, category);
    if (item.via === 'front-matter') frontMatterDocuments.add(uri);
  }
  // The index locates only the first mention of an ID in front matter; a second list may name it too.
  for (const uri of frontMatterDocuments) {
    const analysis = index.get(uri);
    if (!analysis) continue;
    for (const range of frontMatterMentions(analysis, oldId)) add(analysis, range, 'front-matter');
  }
  return { edits: [...edits.values()].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) };
}

/** Whole-token mentions of an ID in the values of front matter keys that list IDs. */
export function frontMatterMentions(analysis: Analysis, id: string): Range[] {
  const frontMatter = analysis.model.frontMatter;
  if (!frontMatter) return [];
  const found: Range[] = [];
  const lineMap = analysis.model.lineMap;
  let inLinkKey = false;
  for (let line = 1; line < frontMatter.range.end.line; line++) {
    const text = lineMap.lineText(line);
    const key = /^([^\s#:\-][^:]*):/.exec(text);
    let from = 0;
    if (key) {
      inLinkKey = FRONT_MATTER_LINK_KEYS.includes(key[1].trim());
      from = key[0].length;
    }
    if (!inLinkKey) continue;
    for (let at = text.indexOf(id, from); at >= 0; at = text.indexOf(id, at + id.length)) {
      const before = text[at - 1] ?? ' ';
      const after = text[at + id.length] ?? ' ';
      if (/[\w.\-]/.test(before) || /[\w\-]/.test(after) || (after === '.' && /\d/.test(text[at + id.length + 1] ?? ''))) continue;
      found.push({ start: { line, character: at }, end: { line, character: at + id.length } });
    }
  }
  return found;
}

function textAt(analysis: Analysis, range: Range): string {
  const lineMap = analysis.model.lineMap;
  return analysis.model.text.slice(lineMap.offsetAt(range.start), lineMap.offsetAt(range.end));
}
