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

/** The declaration or reference under a position (the cursor just after an ID still counts). */
export function idAt(analysis: Pick<Analysis, 'declarations' | 'references'>, line: number, character: number): IdOccurrence | undefined {
  const position = { line, character };
  for (const declaration of analysis.declarations) {
    const range = declarationIdRange(declaration);
    if (rangeContains(range, position)) return { id: declaration.id, range, role: 'declaration', declaration };
  }
  for (const reference of analysis.references) {
    if (reference.range.start.line === reference.range.end.line && rangeContains(reference.range, position)) {
      return { id: reference.id, range: reference.range, role: 'reference', reference };
    }
  }
  return undefined;
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
