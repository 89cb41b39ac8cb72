// Edits as offsets into a document's text, applied and mapped without VS Code, so what a quick fix
// will do can be computed and unit-tested in the core. The adapter turns them into one WorkspaceEdit.
import type { Range } from '../model';
import { LineMap } from '../text/lines';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** What a quick fix or command will change in one document. */
export interface EditPlan {
  edits: TextEdit[];
  /** Where to put the selection afterwards (in the edited text), e.g. on a stub's placeholder. */
  selection?: Range;
  /** IDs given to findings that had none, by the finding's old ID. */
  assignedIds: Record<string, string>;
}

/** Sorts edits by position and rejects overlapping ones; two insertions at one offset keep their given order. */
export function normaliseEdits(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order).map((e) => e.edit);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) throw new Error(`overlapping edits at offsets ${sorted[i - 1].start}-${sorted[i - 1].end} and ${sorted[i].start}-${sorted[i].end}`);
  }
  return sorted;
}

/** The text after the edits. */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let result = '';
  let cursor = 0;
  for (const edit of normaliseEdits(edits)) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** Offset edits as line/character edits of the original text, plus the selection in the edited text. */
export function toPlan(text: string, edits: OffsetEdit[], assignedIds: Record<string, string>, selection?: { edit: OffsetEdit; from: number; to: number }): EditPlan {
  const lines = new LineMap(text);
  const sorted = normaliseEdits(edits);
  const plan: EditPlan = { edits: sorted.map((e) => ({ range: lines.rangeOf({ start: e.start, end: e.end }), newText: e.newText })), assignedIds };
  if (selection) {
    // Offsets of the edited text: the edits before the chosen one shift it, then the offset inside its new text.
    const before = sorted.filter((e) => e !== selection.edit && e.start <= selection.edit.start);
    const base = selection.edit.start + before.reduce((sum, e) => sum + e.newText.length - (e.end - e.start), 0);
    const after = new LineMap(applyEdits(text, sorted));
    plan.selection = after.rangeOf({ start: base + selection.from, end: base + selection.to });
  }
  return plan;
}

/** The text to insert at `offset` so that `block` (Markdown) stands with a blank line before and after it. */
export function blockInsertion(text: string, offset: number, block: string): string {
  const newlinesBefore = /\n*$/.exec(text.slice(Math.max(0, offset - 4), offset).replace(/\r/g, ''))![0].length;
  const before = offset === 0 ? '' : '\n'.repeat(Math.max(0, 2 - newlinesBefore));
  const rest = text.slice(offset);
  let after: string;
  if (rest.trim() === '') after = rest.length ? '' : '\n';
  else after = '\n'.repeat(Math.max(0, 2 - /^\n*/.exec(rest.slice(0, 4).replace(/\r/g, ''))![0].length));
  return `${before}${block}${after}`;
}
