import type { Analysis } from '../analyze';
import type { Finding, FindingKind, IdDeclaration, IdReference, Range } from '../model';
import { rangeContains } from '../text/lines';

/** An explicit ID written at some place of a document: where it is declared, or a reference to it. */
export interface IdOccurrence {
  id: string;
  /** The ID's own characters, without the brackets of a declaration. */
  range: Range;
  role: 'declaration' | 'reference';
  declaration?: IdDeclaration;
  reference?: IdReference;
}

/** The ID inside a declaration's "[P1]": one character in from each bracket. */
export function declarationIdRange(declaration: IdDeclaration): Range {
  const { start, end } = declaration.range;
  if (start.line !== end.line || end.character - start.character !== declaration.id.length + 2) return declaration.range;
  return { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } };
}

type Locatable = Pick<Analysis, 'declarations' | 'references'>;

/**
 * Every ID occurrence of a document by the line it sits on, declarations before references (the
 * order idAt answers in). Built once per analysis and dropped with it: asking what is under the
 * cursor then touches one short list instead of every declaration and reference of the document,
 * which in a large workspace are scattered across memory the cache no longer holds.
 */
const occurrencesByLine = new WeakMap<Locatable, Map<number, IdOccurrence[]>>();

function occurrenceIndex(analysis: Locatable): Map<number, IdOccurrence[]> {
  let byLine = occurrencesByLine.get(analysis);
  if (byLine) return byLine;
  const index = new Map<number, IdOccurrence[]>();
  const add = (occurrence: IdOccurrence) => {
    for (let line = occurrence.range.start.line; line <= occurrence.range.end.line; line++) {
      const list = index.get(line);
      if (list) list.push(occurrence);
      else index.set(line, [occurrence]);
    }
  };
  for (const declaration of analysis.declarations) {
    add({ id: declaration.id, range: declarationIdRange(declaration), role: 'declaration', declaration });
  }
  for (const reference of analysis.references) {
    // A reference broken over lines is not one the cursor can sit on as a whole.
    if (reference.range.start.line !== reference.range.end.line) continue;
    add({ id: reference.id, range: reference.range, role: 'reference', reference });
  }
  byLine = index;
  occurrencesByLine.set(analysis, byLine);
  return byLine;
}

/** The declaration or reference under a position (the cursor just after an ID still counts). */
export function idAt(analysis: Locatable, line: number, character: number): IdOccurrence | undefined {
  const position = { line, character };
  const found = occurrenceIndex(analysis).get(line)?.find((occurrence) => rangeContains(occurrence.range, position));
  // A fresh answer each time: callers may keep or change what they get without touching the index.
  return found && { ...found, range: { start: { ...found.range.start }, end: { ...found.range.end } } };
}

/** Display order of kinds in outlines and reports. */
export const KIND_ORDER: readonly FindingKind[] = ['problem', 'cause', 'solution', 'evidence', 'symptom'];

export interface KindGroup {
  kind: FindingKind;
  findings: Finding[];
}

/** A document's findings grouped by kind, in KIND_ORDER, each group in document order; empty groups left out. */
export function findingsByKind(findings: readonly Finding[]): KindGroup[] {
  return KIND_ORDER.map((kind) => ({
    kind,
    findings: findings.filter((f) => f.kind === kind).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
  })).filter((group) => group.findings.length > 0);
}
