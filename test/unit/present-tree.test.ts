// The Findings tree model: which documents appear, grouping, filters, labels and stable ids.
import { strict as assert } from 'node:assert';
import type { WorkspaceIndex } from '../../src/core/index/workspace';
import { builtinData } from '../../src/core/data/builtin';
import { buildFindingsTree, findNode, type FindingsFilter, type Grouping, type Scope, type TreeDocument, type TreeNode } from '../../src/core/present/findingsTree';
import { gapMessage, gapSeverity, symptomSeverity } from '../../src/core/present/gapText';
import { relationsOf } from '../../src/core/present/relations';
import { indexOf } from './helpers';

const DOCS = {
  'diagnosis.md': '# Diagnosis\n\n## Problems\n\n- [P1] New stores missed their sales plan by 30%.\n- [P2] Delivery lead times rose from two days to five.\n\n## Root causes\n\n- [C1] Sites were chosen on rent alone. causes: P1\n- [C2] Teams work in silos and do not share data. causes: P2\n',
  'plan.md': '# Plan\n\n- [S1] Score every site on footfall. addresses: C1\n',
  'README.md': '# About this folder\n\nThese notes were written in March.\n',
  'shop.md': '## Problems\n\nOnline orders fell 12% in 2024. Customers complain that slots are booked out.\n',
};

function documents(index: WorkspaceIndex, overrides: Record<string, 'error' | 'warning' | 'info' | 'off'> = {}): TreeDocument[] {
  return index.all().map((analysis) => ({
    uri: analysis.uri,
    path: analysis.uri.replace('file:///workspace/', ''),
    analysis,
    gaps: index.gaps(analysis.uri).flatMap((gap) => {
      const severity = gapSeverity(gap, overrides);
      return severity === 'off' ? [] : [{ gap, severity, message: gapMessage(gap, 'en', analysis) }];
    }),
  }));
}

function tree(index: WorkspaceIndex, options: { grouping?: Grouping; scope?: Scope; filter?: FindingsFilter; lang?: 'en' | 'zh'; docs?: TreeDocument[] } = {}) {
  const catalog = builtinData().catalog;
  return buildFindingsTree(options.docs ?? documents(index), {
    grouping: options.grouping ?? 'document',
    scope: options.scope ?? 'workspace',
    filter: options.filter ?? {},
    lang: options.lang ?? 'en',
    patternName: (id) => catalog.get(id)?.name[options.lang ?? 'en'],
    patternSeverity: (id) => symptomSeverity(catalog.get(id), {}),
    relations: (finding, analysis) => relationsOf(finding, analysis, index),
  });
}

const labels = (nodes: TreeNode[]) => nodes.map((n) => n.label);

describe('present: findings tree', () => {
  const index = indexOf(DOCS);

  it('lists only documents that state a problem, cause or solution, grouped by kind', () => {
    const { roots, counts } = tree(index);
    assert.deepEqual(labels(roots), ['diagnosis.md', 'plan.md', 'shop.md']);
    const diagnosis = roots[0];
    assert.deepEqual(labels(diagnosis.children), ['Problems', 'Causes', 'Evidence', 'Catalog symptoms', 'Gaps']);
    assert.equal(diagnosis.description, '2 P · 2 C · 0 S · 2 ⚠');
    const p1 = diagnosis.children[0].children[0];
    assert.equal(p1.label, 'P1  New stores missed their sales plan by 30%.');
    assert.equal(p1.description, 'diagnosis.md:5');
    assert.equal(p1.contextValue, 'finding.problem.explicit');
    assert.equal(p1.icon, 'issues');
    assert.equal(counts.problem, 4);
  });

  it('gives relations as children: caused by, addressed by, evidence', () => {
    const { roots } = tree(index);
    const causes = roots[0].children.find((g) => g.label === 'Causes')!;
    const c1 = causes.children.find((n) => n.label.startsWith('C1'))!;
    assert.deepEqual(labels(c1.children), ['addressed by: S1  Score every site on footfall.', 'causes: P1  New stores missed their sales plan by 30%.']);
    assert.equal(c1.children[0].description, 'plan.md:3');
    assert.equal(c1.children[0].uri, 'file:///workspace/plan.md');
    const shop = roots.find((r) => r.label === 'shop.md')!;
    const inferred = shop.children.find((g) => g.label === 'Problems')!.children[0];
    assert.match(inferred.description!, /^\d+% · shop\.md:3$/, 'inferred findings show their confidence');
    assert.equal(inferred.contextValue, 'finding.problem.inferred');
  });

  it('keeps node ids stable across rebuilds and unique within the tree', () => {
    const ids = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
    const first = ids(tree(index).roots);
    const second = ids(tree(indexOf(DOCS)).roots);
    assert.deepEqual(first, second);
    assert.equal(new Set(first).size, first.length);
  });

  it('groups by kind across documents and by catalog pattern', () => {
    const byKind = tree(index, { grouping: 'kind' }).roots;
    assert.deepEqual(labels(byKind).slice(0, 3), ['Problems', 'Causes', 'Solutions']);
    assert.equal(byKind[0].children.length, 4);
    const byPattern = tree(index, { grouping: 'pattern' }).roots;
    const silos = byPattern.find((g) => g.label === builtinData().catalog.get('silos')!.name.en);
    assert.ok(silos, `no silos group in ${labels(byPattern).join(', ')}`);
    assert.ok(silos.children[0].label.startsWith('C2'), 'the claim is shown, not the bare symptom');
    assert.ok(byPattern.some((g) => g.label === 'Not in the catalog'));
  });

  it('filters by text, kind and severity, highlighting the match', () => {
    const text = tree(index, { filter: { text: 'footfall' } });
    assert.equal(text.filtered, true);
    assert.deepEqual(labels(text.roots), ['plan.md']);
    const s1 = findNode(text.roots, (n) => n.type === 'finding')!;
    assert.deepEqual(s1.highlights, [[s1.label.indexOf('footfall'), s1.label.indexOf('footfall') + 8]]);
    const causesOnly = tree(index, { filter: { kinds: ['cause'] } }).roots;
    assert.deepEqual(labels(causesOnly), ['diagnosis.md']);
    assert.deepEqual(labels(causesOnly[0].children), ['Causes']);
    const warnings = tree(index, { filter: { severities: ['warning'] } }).roots;
    const found = (roots: TreeNode[]) => labels(roots.flatMap((d) => d.children.flatMap((g) => g.children)));
    assert.ok(found(warnings).some((l) => l.startsWith('C2')), 'C2 has no solution: a warning');
    assert.ok(!found(warnings).some((l) => l.startsWith('C1')), 'C1 is addressed by S1');
  });

  it('leaves out the document level in document scope, and silenced gap codes', () => {
    const single = documents(index).filter((d) => d.path === 'diagnosis.md');
    const roots = tree(index, { scope: 'document', docs: single }).roots;
    assert.deepEqual(labels(roots), ['Problems', 'Causes', 'Evidence', 'Catalog symptoms', 'Gaps']);
    const quiet = documents(index, { 'cause-without-solution': 'off', 'problem-without-evidence': 'off' }).filter((d) => d.path === 'diagnosis.md');
    assert.ok(!labels(tree(index, { scope: 'document', docs: quiet }).roots).includes('Gaps'));
  });

  it('labels groups and relations in Chinese', () => {
    const roots = tree(index, { lang: 'zh' }).roots;
    assert.deepEqual(labels(roots[0].children), ['问题', '原因', '证据', '目录病症', '缺口']);
    const c1 = roots[0].children[1].children.find((n) => n.label.startsWith('C1'))!;
    assert.equal(c1.children[0].label, '对策：S1  Score every site on footfall.');
  });
});
