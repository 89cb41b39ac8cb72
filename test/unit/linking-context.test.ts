import { strict as assert } from 'node:assert';
import { RELATION_WORDS } from '../../src/core/annotate/annotations';
import { analyzeText } from '../../src/core/analyze';
import { builtinData } from '../../src/core/data/builtin';
import { completionInsertText, idCompletionContext, linesOf } from '../../src/core/linking/completionContext';
import { declarationIdRange, findingsByKind, idAt } from '../../src/core/linking/locate';
import { FRONT_MATTER_LINK_KEYS, RELATION_TARGET_KINDS, targetKindsOf } from '../../src/core/linking/relations';

/** The context at the "‸" marker of a one- or many-line text. */
function contextAt(textWithCursor: string) {
  const offset = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return idCompletionContext(linesOf(text), before.length - 1, before[before.length - 1].length);
}

describe('linking: relation words', () => {
  it('knows what kind of finding follows every relation word the annotation reader accepts', () => {
    for (const word of RELATION_WORDS) assert.ok(word in RELATION_TARGET_KINDS, `no target kinds for "${word}"`);
    assert.deepEqual(Object.keys(RELATION_TARGET_KINDS).sort(), [...RELATION_WORDS].sort());
  });

  it('lists the front matter keys the analyser reads references from', () => {
    for (const key of FRONT_MATTER_LINK_KEYS) {
      const analysis = analyzeText('file:///ws/fm.md', `---\n${key}: [P7]\n---\n\n# Plan\n`, builtinData());
      assert.deepEqual(analysis.references.map((r) => [r.id, r.via]), [['P7', 'front-matter']], `key ${key}`);
    }
  });

  it('expects causes after "caused by" and problems first after "causes"', () => {
    assert.deepEqual(targetKindsOf('Caused  By'), ['cause']);
    assert.deepEqual(targetKindsOf('causes'), ['problem', 'cause']);
    assert.deepEqual(targetKindsOf('证据'), ['evidence']);
    assert.deepEqual(targetKindsOf('not a relation'), []);
  });
});

describe('linking: completion context', () => {
  it('opens after [[ with what is typed as the query', () => {
    assert.deepEqual(contextAt('Closing the gap in [[‸'), { trigger: 'wikilink', relationWord: undefined, kinds: [], query: '', queryStart: 21, closed: false });
    const typed = contextAt('See [[ distribution cen‸');
    assert.equal(typed?.query, 'distribution cen');
    assert.equal(typed?.queryStart, 7);
  });

  it('notices a wikilink that is already closed, and leaves a finished one alone', () => {
    assert.equal(contextAt('See [[C‸]] for more')?.closed, true);
    assert.equal(contextAt('See [[C1]] and then ‸'), undefined);
    assert.equal(contextAt('See [[C1|label]] now‸'), undefined);
  });

  it('takes the relation word before a wikilink into account', () => {
    const context = contextAt('- [S9] Renegotiate terms. addresses: [[‸');
    assert.equal(context?.trigger, 'wikilink');
    assert.equal(context?.relationWord, 'addresses');
    assert.deepEqual(context?.kinds, ['problem', 'cause']);
  });

  it('opens after relation keywords in English and Chinese, also after IDs already listed', () => {
    assert.deepEqual(contextAt('- [C4] Too many approvals. causes:‸'), { trigger: 'relation', relationWord: 'causes', kinds: ['problem', 'cause'], query: '', queryStart: 34 });
    assert.equal(contextAt('- [C4] Too many approvals. Caused by: C‸')?.relationWord, 'caused by');
    const listed = contextAt('- [S4] One system. addresses: C1, [[C2]], P‸');
    assert.equal(listed?.query, 'P');
    assert.equal(listed?.queryStart, 42);
    const chinese = contextAt('- [OKR-S3] 统一审批。解决：OKR-C1、‸');
    assert.equal(chinese?.relationWord, '解决');
    assert.equal(chinese?.query, '');
    assert.equal(contextAt('- 审批周期长。导致： 配送‸')?.query, '配送');
  });

  it('reads long lists in linear time, including lines that end in something else', () => {
    const spaced = `- [S1] Plan. causes: ${Array.from({ length: 60 }, (_, i) => `P${i}      `).join('')}`;
    // A backtracking pattern would take hours on the first line; the test's time-out would stop it.
    assert.equal(contextAt(`${spaced}!‸`), undefined);
    assert.equal(contextAt(`${spaced}P6‸`)?.query, 'P6');
  });

  it('stays out of ordinary prose, so Markdown completion is undisturbed', () => {
    assert.equal(contextAt('Note: the market‸'), undefined);
    assert.equal(contextAt('We should see the market shift‸'), undefined);
    assert.equal(contextAt('It causes: more work for the team‸'), undefined);
    assert.equal(contextAt('A link to [a page](./‸'), undefined);
    assert.equal(contextAt('Because:‸'), undefined);
  });

  it('opens inside front matter lists of IDs, inline and as a block list', () => {
    assert.deepEqual(contextAt('---\ntitle: Plan\naddresses: [P1, ‸\n---\n# Plan\n'), { trigger: 'front-matter', relationWord: 'addresses', kinds: ['problem', 'cause'], query: '', queryStart: 16 });
    assert.equal(contextAt('---\naddresses: C‸\n---\n')?.query, 'C');
    const block = contextAt('---\naddresses:\n  - P1\n  - ‸\nowner: me\n---\n');
    assert.equal(block?.trigger, 'front-matter');
    assert.equal(block?.queryStart, 4);
  });

  it('stays out of other front matter keys and of the key itself', () => {
    assert.equal(contextAt('---\ntitle: Fixing ‸\n---\n'), undefined);
    assert.equal(contextAt('---\naddre‸sses: [P1]\n---\n'), undefined);
    assert.equal(contextAt('---\nowner: me\n  - ‸\n---\n'), undefined);
  });

  it('treats unclosed front matter as prose, where a relation keyword still opens the list', () => {
    // No closing fence: the first line is a rule, and "addresses:" is a relation keyword in prose.
    assert.equal(contextAt('---\naddresses: ‸\n')?.trigger, 'relation');
  });

  it('inserts an ID, closing a wikilink that is not closed yet', () => {
    assert.equal(completionInsertText(contextAt('[[‸')!, 'P1'), 'P1]]');
    assert.equal(completionInsertText(contextAt('[[‸]]')!, 'P1'), 'P1');
    assert.equal(completionInsertText(contextAt('causes: ‸')!, 'P1'), 'P1');
  });
});

describe('linking: IDs at a position', () => {
  const analysis = analyzeText('file:///ws/d.md', '---\naddresses: [P1]\n---\n\n- [C1] Approvals are slow. causes: P1, as in [[P2]]\n', builtinData());

  it('finds the ID inside a declaration, without its brackets', () => {
    const declaration = analysis.declarations[0];
    assert.deepEqual(declarationIdRange(declaration), { start: { line: 4, character: 3 }, end: { line: 4, character: 5 } });
    assert.equal(idAt(analysis, 4, 3)?.role, 'declaration');
    assert.equal(idAt(analysis, 4, 5)?.id, 'C1', 'the cursor just after the ID still counts');
    assert.equal(idAt(analysis, 4, 2), undefined, 'the bracket itself does not');
  });

  it('finds references in relations, wikilinks and front matter', () => {
    const line = '- [C1] Approvals are slow. causes: P1, as in [[P2]]';
    assert.deepEqual(idAt(analysis, 4, line.indexOf('P1') + 1), { id: 'P1', range: { start: { line: 4, character: 35 }, end: { line: 4, character: 37 } }, role: 'reference', reference: analysis.references.find((r) => r.id === 'P1' && r.via === 'keyword') });
    assert.equal(idAt(analysis, 4, line.indexOf('P2'))?.reference?.via, 'wikilink');
    assert.equal(idAt(analysis, 1, 13)?.reference?.via, 'front-matter');
    assert.equal(idAt(analysis, 4, 10), undefined);
  });

  it('answers from a per-line index that callers cannot change, on every line of a long document', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `- [C${i + 1}] Cause ${i + 1}. causes: P${i + 1}, P${i + 2}`);
    const long = analyzeText('file:///ws/long.md', `## Root causes\n\n${lines.join('\n')}\n`, builtinData());
    for (const row of [0, 1, 199, 399]) {
      const line = row + 2;
      assert.equal(idAt(long, line, 3)?.id, `C${row + 1}`);
      assert.equal(idAt(long, line, lines[row].lastIndexOf('P') + 1)?.id, `P${row + 2}`, 'the second reference on the line');
    }
    assert.equal(idAt(long, 0, 3), undefined, 'a heading without IDs');
    const first = idAt(long, 2, 3)!;
    first.id = 'changed';
    first.range.start.character = 99;
    assert.equal(idAt(long, 2, 3)?.id, 'C1', 'changing an answer does not change the next one');
  });

  it('groups findings by kind in a fixed order, each in document order', () => {
    const doc = analyzeText('file:///ws/o.md', '# Review\n\n- [S1] Hire a team.\n- [P2] Sales fell.\n- [P1] Costs rose.\n- [C1] Old systems. causes: P1\n', builtinData());
    const groups = findingsByKind(doc.findings);
    assert.deepEqual(groups.map((g) => g.kind), ['problem', 'cause', 'solution']);
    assert.deepEqual(groups[0].findings.map((f) => f.id), ['P2', 'P1']);
  });
});
