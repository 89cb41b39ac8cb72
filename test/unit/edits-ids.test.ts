// Giving findings IDs: the statement must end up declaring the ID, keep its kind and words, and no other
// finding may be swallowed by the new declaration.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../../src/core/analyze';
import type { Finding } from '../../src/core/model';
import { takenIds, documentNamespace, canHaveId } from '../../src/core/edits/ids';
import { planAddAllIds, planAddId } from '../../src/core/edits/stubs';
import { applyEdits, normaliseEdits, type EditPlan } from '../../src/core/edits/textEdits';
import { LineMap } from '../../src/core/text/lines';
import { indexOf, REPO_ROOT, uriOf } from './helpers';

/** The text after a plan's edits, computed with an independent offset conversion. */
function applyPlan(text: string, plan: EditPlan): string {
  const lines = new LineMap(text);
  return applyEdits(text, plan.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })));
}

function single(name: string, text: string): { analysis: Analysis; taken: Set<string> } {
  const index = indexOf({ [name]: text });
  return { analysis: index.get(uriOf(name))!, taken: takenIds(index.all()) };
}

/** Applies "add every ID" and checks that each former finding is now the declared finding of its new ID. */
function roundTrip(name: string, text: string): { after: string; assigned: Record<string, string> } {
  const { analysis, taken } = single(name, text);
  const targets = analysis.findings.filter(canHaveId);
  const plan = planAddAllIds(analysis, taken);
  if (targets.length === 0) {
    assert.equal(plan, undefined);
    return { after: text, assigned: {} };
  }
  assert.ok(plan, `${name}: no plan for ${targets.length} findings`);
  const after = applyPlan(text, plan);
  const reread = indexOf({ [name]: after }).get(uriOf(name))!;
  for (const finding of targets) {
    const id: string | undefined = plan.assignedIds[finding.id];
    assert.ok(id, `${name}: ${finding.id} got no ID`);
    const declared: Finding | undefined = reread.findings.find((f) => f.id === id);
    assert.ok(declared, `${name}: ${id} is not declared after the edit`);
    assert.equal(declared.kind, finding.kind, `${name}: ${id} changed kind`);
    assert.ok(declared.text.startsWith(finding.text.slice(0, 24)), `${name}: ${id} reads “${declared.text.slice(0, 40)}”, not “${finding.text.slice(0, 40)}”`);
  }
  const leftOver = reread.findings.filter(canHaveId);
  assert.deepEqual(leftOver.map((f) => f.text.slice(0, 40)), [], `${name}: new unnamed findings appeared`);
  return { after, assigned: plan.assignedIds };
}

describe('edits: adding IDs', () => {
  it('splits a paragraph so that each finding declares its own ID', () => {
    const text = '# Review\n\n## Problems\n\nOnline orders fell 12% in 2024. Customers complain that delivery slots are booked out days in advance.\n';
    const { after, assigned } = roundTrip('shop.md', text);
    assert.equal(after, '# Review\n\n## Problems\n\n[P1] Online orders fell 12% in 2024.\n\n[P2] Customers complain that delivery slots are booked out days in advance.\n');
    assert.deepEqual(Object.values(assigned), ['P1', 'P2']);
  });

  it('splits a list item into items with the same marker and indentation', () => {
    const text = '## Root causes\n\n  * Pickers work from store shelves, so items are often out of stock. Delivery slots are scarce because the van fleet was not expanded.\n';
    const { after } = roundTrip('causes.md', text);
    assert.equal(after, '## Root causes\n\n  * [C1] Pickers work from store shelves, so items are often out of stock.\n  * [C2] Delivery slots are scarce because the van fleet was not expanded.\n');
  });

  it('continues a block quote on the next quoted paragraph', () => {
    const text = '## Problems\n\n> Margins fell from 30% to 22% over two years. Customer complaints doubled in 2024.\n';
    const { after } = roundTrip('quote.md', text);
    assert.match(after, /^> \[P1\] Margins fell from 30% to 22% over two years\.\n>\n> \[P2\] Customer complaints doubled in 2024\.$/m);
  });

  it('keeps a summary line label on its own and drops only the " - " separators', () => {
    const text = '# Summary\n\nGroup 1 - Revenue growth stalled at 2% in 2024 because the core product lost share [1] - The company should open a second plant [2]\n\n## References\n\n[1] Annual report\n[2] Board memo\n';
    const { after } = roundTrip('summary.md', text);
    assert.ok(after.includes('Group 1 -\n\n['), after);
    assert.ok(!/\] - The company/.test(after), after);
    assert.ok(after.includes('[1]') && after.includes('[2]'), 'citations are kept');
  });

  it('leaves non-finding sentences with the finding before them', () => {
    const text = '## Problems\n\nMarket share fell from 31% to 24% in two years. This note was written for the board in March.\n';
    const { analysis, taken } = single('share.md', text);
    const problem = analysis.findings.find((f) => f.kind === 'problem')!;
    const plan = planAddId(analysis, problem, taken)!;
    assert.equal(applyPlan(text, plan), '## Problems\n\n[P1] Market share fell from 31% to 24% in two years. This note was written for the board in March.\n');
  });

  it('splits off a later finding so the new declaration does not swallow it', () => {
    const text = '## Problems\n\nOnline orders fell 12% in 2024. Customers complain that delivery slots are booked out days in advance.\n';
    const { analysis, taken } = single('first.md', text);
    const first = analysis.findings.find((f) => f.kind === 'problem' && f.text.startsWith('Online'))!;
    const plan = planAddId(analysis, first, taken)!;
    const after = applyPlan(text, plan);
    assert.equal(after, '## Problems\n\n[P1] Online orders fell 12% in 2024.\n\nCustomers complain that delivery slots are booked out days in advance.\n');
    const reread = indexOf({ 'first.md': after }).get(uriOf('first.md'))!;
    assert.ok(reread.findings.some((f) => !f.explicitId && f.kind === 'problem' && f.text.startsWith('Customers')), 'the second problem is still found');
  });

  it('follows the namespace the document already uses and never reuses a taken or referenced ID', () => {
    const text = '## Problems\n\n- [AH-P1] Margins fell from 30% to 22%.\n- Customer complaints doubled in 2024.\n\n## Solutions\n\n- [AH-S1] Rebuild the service desk. addresses: AH-P2\n';
    const { analysis, taken } = single('ns.md', text);
    assert.equal(documentNamespace(analysis), 'AH-');
    const plan = planAddAllIds(analysis, taken)!;
    // AH-P2 is referenced (a broken reference); giving it away would silently "fix" that reference.
    assert.deepEqual(Object.values(plan.assignedIds), ['AH-P3']);
  });

  it('works on Chinese text and CRLF line endings', () => {
    const text = '## 主要问题\r\n\r\n- 用户黏性下降：复购率从41%降至29%。营销费用约35亿元，获客成本持续上升。\r\n';
    const { after } = roundTrip('zh.md', text);
    assert.ok(after.includes('- [P1] 用户黏性下降'), after);
    assert.ok(after.includes('\r\n- [P2] 营销费用') || after.includes('\n- [P2] 营销费用'), after);
  });

  it('declares an ID inside a table cell', () => {
    const text = '## Problems\n\n| Area | Finding |\n| --- | --- |\n| Stores | Sales fell 12% in 2024. Complaints doubled in 2024. |\n';
    const { analysis, taken } = single('table.md', text);
    const cell = analysis.findings.find((f) => canHaveId(f) && f.text.startsWith('Sales'))!;
    const after = applyPlan(text, planAddId(analysis, cell, taken)!);
    assert.ok(after.includes('| Stores | [P1] Sales fell 12% in 2024.'), after);
    const reread = indexOf({ 'table.md': after }).get(uriOf('table.md'))!;
    assert.equal(reread.findings.find((f) => f.id === 'P1')?.kind, 'problem');
  });

  it('round-trips every sample and evaluation document', () => {
    const folders = [path.join(REPO_ROOT, 'seeds', 'samples'), path.join(REPO_ROOT, 'test', 'fixtures', 'eval'), path.join(REPO_ROOT, 'test', 'fixtures', 'workspace')];
    let checked = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
        roundTrip(name, readFileSync(path.join(folder, name), 'utf8'));
        checked++;
      }
    }
    assert.ok(checked >= 20, `only ${checked} documents checked`);
  });
});

describe('edits: offset edits', () => {
  it('applies edits in position order, keeping the given order of insertions at one offset', () => {
    const text = 'abcdef';
    assert.equal(applyEdits(text, [{ start: 4, end: 5, newText: 'XYZ' }, { start: 1, end: 1, newText: '--' }]), 'a--bcdXYZf');
    assert.equal(applyEdits(text, [{ start: 2, end: 2, newText: '1' }, { start: 2, end: 2, newText: '2' }]), 'ab12cdef');
  });

  it('rejects overlapping edits', () => {
    assert.throws(() => normaliseEdits([{ start: 1, end: 4, newText: '' }, { start: 3, end: 5, newText: 'x' }]), /overlapping/);
  });
});
