import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeText } from '../../src/core/analyze';
import { builtinData } from '../../src/core/data/builtin';
import { toJson } from '../../src/core/export/json';
import { buildReport } from '../../src/core/export/report';
import { WorkspaceIndex } from '../../src/core/index/workspace';
import type { Range } from '../../src/core/model';
import { LineMap } from '../../src/core/text/lines';

// CI runs a fixed seed and a modest number of runs; `npm run fuzz` sets both for long runs.
const SEED = Number(process.env.CAUSEWAY_FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.CAUSEWAY_FUZZ_RUNS ?? 150);

/** Pieces that strategy documents and hostile pastes are made of, to build texts that reach deep paths. */
const fragment = fc.oneof(
  fc.constantFrom(
    '# Problems\n', '## 三、解决方案\n', '## Root causes\n', '- ', '  - ', '> ', '1. ', '| a | b |\n| --- | --- |\n| x | y |\n',
    '[P1] ', '[AH-C2] ', '[S3] ', '[E1] ', 'causes: P1', 'caused by: C1', 'addresses: C2, P1', '导致：P1、P2', '解决：C9',
    '[[C2]]', '[[', ']]', '[1][5]', '【3】', '[^2]', '\n\n## References\n\n[1] Annual report\n',
    'Revenue fell from 41% to 29%. ', '营收下滑，亏损37亿元。', 'due to subsidies', '并非源于价格', 'We should cut costs. ',
    'Group 1 - claim [1] - claim [2] ', '要点一 - 问题 - 原因 ', 'e.g. ', 'U.S. ', 'No. 2 ', 'https://x.test/a.b ', '3.5% ',
    '😀', '\u200b', '\u200f', '\u202e', '\ufeff', '\u0000', '\r\n', '\r', '\n', '---\naddresses: [P1, C3]\n---\n', '---\n: [\n---\n',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '`code`', '```\nfence\n```\n', '**bold**', '***', '\t',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const documentText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

function assertInside(range: Range, lines: LineMap, what: string): void {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  assert.ok(range.start.line >= 0 && range.start.character >= 0, `${what}: negative start`);
  assert.ok(range.start.line < lines.lineCount && range.end.line < lines.lineCount, `${what}: line outside the document`);
  assert.ok(start <= end, `${what}: start after end`);
  assert.equal(lines.positionAt(start).line, range.start.line, `${what}: start character past its line`);
  assert.equal(lines.positionAt(end).line, range.end.line, `${what}: end character past its line`);
}

describe('reliability: property tests of the engine', () => {
  const data = builtinData();

  it('never throws, and every range lies inside the document with start before end', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const index = new WorkspaceIndex(data);
        const analysis = index.update('file:///fuzz.md', text);
        const lines = new LineMap(text);
        for (const statement of analysis.model.statements) assertInside(statement.range, lines, 'statement');
        for (const finding of analysis.findings) assertInside(finding.range, lines, `finding ${finding.id}`);
        for (const gap of index.gaps('file:///fuzz.md')) assertInside(gap.range, lines, `gap ${gap.code}`);
        for (const reference of analysis.references) assertInside(reference.range, lines, 'reference');
        for (const declaration of analysis.declarations) assertInside(declaration.range, lines, 'declaration');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('is deterministic: the same text gives the same JSON', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const once = () => {
          const index = new WorkspaceIndex(data);
          index.update('file:///same.md', text);
          return toJson(buildReport(index, ['file:///same.md'], () => 'same.md'));
        };
        assert.equal(once(), once());
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('statement text never splits a surrogate pair', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        for (const statement of analyzeText('file:///pairs.md', text, data).model.statements) {
          const first = statement.text.charCodeAt(0);
          const last = statement.text.charCodeAt(statement.text.length - 1);
          assert.ok(!(first >= 0xdc00 && first <= 0xdfff), `starts with a low surrogate: ${JSON.stringify(statement.text)}`);
          assert.ok(!(last >= 0xd800 && last <= 0xdbff), `ends with a high surrogate: ${JSON.stringify(statement.text)}`);
        }
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});
