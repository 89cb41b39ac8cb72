// Linter-style text output and Mermaid flowcharts.
import { strict as assert } from 'node:assert';
import { escapeLabel, toMermaid } from '../../src/core/export/mermaid';
import { buildReport } from '../../src/core/export/report';
import { toText } from '../../src/core/export/text';
import type { Finding, Link } from '../../src/core/model';
import { indexOf, uriOf } from './helpers';

const DOC = '## Problems\n\n- [P1] Orders fell 12% in 2024.\n\n## Causes\n\n- [C1] Sites were chosen on rent alone. causes: P1, P9\n';

function reportOf(documents: Record<string, string>) {
  const index = indexOf(documents);
  return buildReport(index, Object.keys(documents).map(uriOf), (uri) => uri.replace('file:///workspace/', 'docs/'));
}

describe('export: text', () => {
  it('prints `path:line:col  kind  message` lines in document order, then a summary', () => {
    const lines = toText(reportOf({ 'a.md': DOC })).split('\n');
    assert.deepEqual(lines, [
      'docs/a.md:3:3  problem   [P1] Orders fell 12% in 2024.',
      'docs/a.md:7:3  cause     [C1] Sites were chosen on rent alone. causes: P1, P9',
      'docs/a.md:7:3  warning   No solution addresses this cause: “Sites were chosen on rent alone. causes: P1, P9”. (cause-without-solution)',
      'docs/a.md:7:53  error     P9 is not declared in any document of the workspace. (broken-reference)',
      '1 file(s): 1 problems, 1 causes, 0 solutions, 0 symptoms, 2 gaps',
    ]);
  });

  it('shows the confidence of classifier findings and the pattern of symptoms', () => {
    const text = toText(reportOf({ 'b.md': 'Revenue concentration is high because one client buys most of our output.\n' }));
    assert.match(text, /^docs\/b\.md:1:1 {2}cause {5}Revenue concentration is high because .* \(\d{1,2}%\)$/m);
    assert.match(text, /^docs\/b\.md:1:1 {2}symptom {3}revenue-concentration: Revenue concentration is high/m);
  });

  it('prints gaps and symptoms only when asked, and colours only when asked', () => {
    const report = reportOf({ 'a.md': DOC });
    const gapsOnly = toText(report, { gapsOnly: true }).split('\n');
    assert.equal(gapsOnly.length, 3);
    assert.ok(gapsOnly.slice(0, 2).every((l) => /  (warning|error) {3}/.test(l)), gapsOnly.join('\n'));
    assert.ok(!toText(report).includes('\u001b['));
    assert.ok(toText(report, { color: true }).includes('\u001b[31;1merror   \u001b[0m'));
  });

  it('flattens multi-line statements into one line each', () => {
    const lines = toText(reportOf({ 'c.md': '## Problems\n\nStore traffic keeps\nfalling in the north.\n' })).split('\n');
    assert.ok(lines.some((l) => l.startsWith('docs/c.md:3:1  problem   Store traffic keeps falling in the north.')), lines.join('\n'));
  });
});

describe('export: Mermaid', () => {
  const finding = (id: string, kind: Finding['kind'], text: string, explicitId = true): Finding => ({
    id,
    explicitId,
    kind,
    text,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    source: 'annotation',
    confidence: 1,
    reasons: [],
    statement: 0,
  });

  it('escapes quotes, brackets, pipes and HTML in labels', () => {
    assert.equal(escapeLabel('a "b" [c] {d} (e) <f> | `g` #h'), 'a #34;b#34; #91;c#93; #123;d#125; #40;e#41; #60;f#62; #124; #96;g#96; #35;h');
    const chart = toMermaid([finding('C1', 'cause', 'The "plan" <script>alert(1)</script> [v2] | {x}')], []);
    const label = chart.split('\n').find((l) => l.includes('C1:'))!;
    assert.ok(!/<script|["\]\[{}|]/.test(label.replace(/^\s*n0\[\/"|"\/\]$/g, '')), label);
    assert.ok(label.includes('#60;script#62;'));
  });

  it('draws subgraphs by kind, arrows by link type, and outside IDs as hexagons', () => {
    const findings = [finding('P1', 'problem', 'Orders fell'), finding('C1', 'cause', 'Rent-only sites'), finding('S1', 'solution', 'Score sites'), finding('E1', 'evidence', 'Audit')];
    const links: Link[] = [
      { from: 'C1', to: 'P1', type: 'causes', inferred: false, confidence: 1 },
      { from: 'S1', to: 'C1', type: 'addresses', inferred: false, confidence: 1 },
      { from: 'E1', to: 'P1', type: 'supports', inferred: true, confidence: 0.45 },
      { from: 'S1', to: 'AH-C9', type: 'addresses', inferred: false, confidence: 1 },
      { from: 'S1', to: 'P1', type: 'references', inferred: false, confidence: 1 },
    ];
    const lines = toMermaid(findings, links).split('\n');
    assert.equal(lines[0], 'flowchart LR');
    for (const kind of ['causes [Causes]', 'problems [Problems]', 'solutions [Solutions]']) assert.ok(lines.includes(`  subgraph ${kind}`), kind);
    assert.ok(lines.includes('    n1[/"C1: Rent-only sites"/]'));
    assert.ok(lines.includes('    n0["P1: Orders fell"]'));
    assert.ok(lines.includes('    n2(["S1: Score sites"])'));
    assert.ok(lines.includes('  n1 -->|causes| n0'));
    assert.ok(lines.includes('  n2 ==>|addresses| n1'));
    assert.ok(lines.includes('  n3 -.->|supports 45%| n0'));
    assert.ok(lines.includes('  x0{{"AH-C9"}}'));
    assert.ok(lines.includes('  n2 ==>|addresses| x0'));
    assert.ok(!lines.some((l) => l.includes('references')), 'plain references are not drawn');
  });

  it('cuts long labels with an ellipsis, counting code points', () => {
    const chart = toMermaid([finding('doc#problem-1', 'problem', `😀${'x'.repeat(100)}`, false)], [], { maxLabel: 10 });
    assert.ok(chart.includes(`n0["😀${'x'.repeat(8)}…"]`), chart);
  });
});
