import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { builtinData } from '../../src/core/data/builtin';
import { WorkspaceIndex } from '../../src/core/index/workspace';
import { FindingCatalog } from '../../src/core/linking/findingCatalog';
import { compareIds, indexTokens, naturalKey, queryTokens } from '../../src/core/linking/searchText';
import { SortedBlocks } from '../../src/core/linking/sortedBlocks';

const DIAGNOSIS = `# Diagnosis

## Problems

- [P1] New stores in the eastern region missed their first-year sales plan by 30%.
- [P2] Delivery lead times to eastern stores rose from two days to five.
- [P10] Supplier invoices are paid 20 days late on average.

## Root causes

- [C1] Sites were chosen on rent alone, without footfall data. causes: P1
- [C2] A single distribution centre serves both regions and runs at full capacity. causes: P2
`;
const PLAN = `# Plan

- [S1] Open a second distribution centre close to the eastern stores. addresses: C2
`;
const OKR = `# 财务部 OKR

- [OKR-C1] 东部门店的补货单需要总部人工审批，审批周期长达两天。导致：P2
- [OKR-S1] 上线统一的电子发票审批系统。解决：OKR-C1
`;

function indexOf(documents: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex(builtinData());
  for (const [name, text] of Object.entries(documents)) index.update(`file:///ws/${name}`, text);
  return index;
}

function catalogOf(index: WorkspaceIndex): FindingCatalog {
  const catalog = new FindingCatalog();
  catalog.replaceAll(index.all());
  return catalog;
}

const uri = (name: string) => `file:///ws/${name}`;

describe('linking: search text', () => {
  it('indexes English words and Chinese bigrams, lower-cased', () => {
    assert.deepEqual(indexTokens('a single distribution centre 配送中心'), ['single', 'distribution', 'centre', '配送', '送中', '中心']);
  });

  it('treats the last word of a query as a prefix still being typed', () => {
    assert.deepEqual(queryTokens('Distribution cen'), { exact: ['distribution'], prefixes: ['cen'] });
    assert.deepEqual(queryTokens('distribution '), { exact: ['distribution'], prefixes: [] });
    assert.deepEqual(queryTokens('审批周期'), { exact: ['审批', '批周', '周期'], prefixes: [] });
    assert.deepEqual(queryTokens('审'), { exact: [], prefixes: ['审'] });
  });

  it('orders IDs by their numbers, not their characters', () => {
    assert.deepEqual(['P10', 'P2', 'C1', 'P1', 'AH-P3', 'P1.2'].sort(compareIds), ['AH-P3', 'C1', 'P1', 'P1.2', 'P2', 'P10']);
  });

  it('gives IDs sort keys whose string order is the same ID order', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(?:[A-Z]{1,3}\d{0,3}-)?[PCSE]\d{1,5}(?:\.\d{1,3})?$/), fc.stringMatching(/^(?:[A-Z]{1,3}\d{0,3}-)?[PCSE]\d{1,5}(?:\.\d{1,3})?$/), (a, b) => {
        const byKey = naturalKey(a) < naturalKey(b) ? -1 : naturalKey(a) > naturalKey(b) ? 1 : 0;
        assert.equal(byKey, Math.sign(compareIds(a, b)), `${a} vs ${b}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('linking: finding catalog', () => {
  const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN, 'okr.md': OKR });
  const catalog = catalogOf(index);

  it('offers the asking document first, then fitting kinds, in ID order, for an empty query', () => {
    const ids = catalog.search({ query: '', uri: uri('plan.md'), kinds: ['problem', 'cause'], explicitOnly: true }).map((r) => r.entry.id);
    assert.equal(ids[0], 'S1');
    assert.deepEqual(ids.slice(1, 4), ['P1', 'P2', 'P10']);
    assert.deepEqual(ids.slice(4, 7), ['C1', 'C2', 'OKR-C1']);
    assert.ok(ids.indexOf('OKR-S1') > ids.indexOf('OKR-C1'), 'solutions come after the kinds that fit');
  });

  it('finds IDs by prefix, also after a namespace, case-insensitively', () => {
    const ids = catalog.search({ query: 'c1', explicitOnly: true }).map((r) => r.entry.id);
    assert.deepEqual(ids, ['C1', 'OKR-C1']);
    const namespaced = catalog.search({ query: 'OKR', explicitOnly: true }).map((r) => r.entry.id);
    assert.deepEqual(namespaced, ['OKR-C1', 'OKR-S1']);
  });

  it('puts an exact ID first even when another document asks', () => {
    const ranked = catalog.search({ query: 'P1', uri: uri('plan.md'), explicitOnly: true });
    assert.equal(ranked[0].entry.id, 'P1');
    assert.equal(ranked[0].exact, true);
    assert.deepEqual(ranked.map((r) => r.entry.id), ['P1', 'P10']);
  });

  it('finds findings by words of their text, the last word as a prefix', () => {
    const ids = catalog.search({ query: 'distribution cen', explicitOnly: true }).map((r) => r.entry.id);
    assert.deepEqual(ids.sort(), ['C2', 'S1']);
    assert.deepEqual(catalog.search({ query: 'footfall', explicitOnly: true }).map((r) => r.entry.id), ['C1']);
    assert.deepEqual(catalog.search({ query: 'no such words here', explicitOnly: true }), []);
  });

  it('finds Chinese text by bigrams and by a single character', () => {
    assert.deepEqual(catalog.search({ query: '审批周期', explicitOnly: true }).map((r) => r.entry.id), ['OKR-C1']);
    assert.deepEqual(catalog.search({ query: '审', explicitOnly: true }).map((r) => r.entry.id).sort(), ['OKR-C1', 'OKR-S1']);
  });

  it('ranks a fitting kind above a better text match of another kind', () => {
    const ranked = catalog.search({ query: 'distribution', kinds: ['cause'], explicitOnly: true }).map((r) => r.entry.id);
    assert.deepEqual(ranked, ['C2', 'S1']);
  });

  it('leaves out the finding being written at the cursor, which cannot refer to itself', () => {
    const atS1 = { line: 2, character: 40 };
    assert.deepEqual(catalog.search({ query: 'distribution', uri: uri('plan.md'), explicitOnly: true, excludeAt: atS1 }).map((r) => r.entry.id), ['C2']);
    assert.ok(!catalog.search({ query: '', uri: uri('plan.md'), explicitOnly: true, excludeAt: atS1 }).some((r) => r.entry.id === 'S1'));
    assert.ok(catalog.search({ query: '', uri: uri('diagnosis.md'), explicitOnly: true, excludeAt: atS1 }).some((r) => r.entry.id === 'S1'), 'only in the asking document');
  });

  it('leaves out findings without a written ID unless asked for them', () => {
    const withImplicit = indexOf({ 'memo.md': '# Memo\n\n## Problems\n\nOnline orders fell 12% in the second half of 2024.\n' });
    const memo = catalogOf(withImplicit);
    assert.deepEqual(memo.search({ query: 'online orders', explicitOnly: true }), []);
    const found = memo.search({ query: 'online orders' });
    assert.ok(found.length > 0);
    assert.ok(found.every((r) => !r.entry.explicit));
    assert.ok(found.some((r) => r.entry.kind === 'problem'));
  });

  it('removes a document from every structure', () => {
    const local = catalogOf(index);
    local.removeDocument(uri('okr.md'));
    assert.deepEqual(local.search({ query: 'OKR', explicitOnly: true }), []);
    assert.deepEqual(local.search({ query: '审批' }), []);
    assert.equal(local.declarationsOf('OKR-C1').length, 0);
    assert.equal(local.idCount, catalog.idCount - 2);
  });

  it('keeps duplicate declarations apart, so removing one leaves the other', () => {
    const duplicated = indexOf({ 'a.md': '- [P1] Margins fell.\n', 'b.md': '- [P1] Costs rose.\n' });
    const local = catalogOf(duplicated);
    assert.equal(local.declarationsOf('P1').length, 2);
    local.removeDocument(uri('a.md'));
    assert.deepEqual(local.declarationsOf('P1').map((e) => e.text), ['Costs rose.']);
    assert.deepEqual(local.search({ query: 'P1', explicitOnly: true }).map((r) => r.entry.uri), [uri('b.md')]);
  });
});

describe('linking: catalog updates one document at a time', () => {
  const ID_LETTERS = ['P', 'C', 'S', 'E'];
  const WORDS = ['margin', 'drift', 'supplier', 'invoice', 'store', 'centre', '审批', '配送', '合规', '服务'];
  const documentArb = fc.array(
    fc.record({ letter: fc.constantFrom(...ID_LETTERS), number: fc.integer({ min: 1, max: 30 }), words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 }) }),
    { minLength: 1, maxLength: 6 },
  ).map((items) => items.map((item) => `- [${item.letter}${item.number}] ${item.words.join(' ')} grew.`).join('\n') + '\n');
  const stepArb = fc.oneof(
    fc.record({ op: fc.constant('set' as const), doc: fc.integer({ min: 0, max: 4 }), text: documentArb }),
    fc.record({ op: fc.constant('remove' as const), doc: fc.integer({ min: 0, max: 4 }) }),
  );
  const QUERIES = ['', 'P', 'C1', 'S2', 'marg', 'supplier inv', '审', '配送', 'e'];

  it('answers every query as a catalog built from scratch does', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), (steps) => {
        const index = new WorkspaceIndex(builtinData());
        const incremental = new FindingCatalog();
        for (const step of steps) {
          const key = uri(`d${step.doc}.md`);
          if (step.op === 'set') {
            incremental.setDocument(index.update(key, step.text));
          } else {
            index.remove(key);
            incremental.removeDocument(key);
          }
        }
        const fresh = catalogOf(index);
        for (const query of QUERIES) {
          for (const asking of [undefined, uri('d0.md')]) {
            const options = { query, uri: asking, kinds: ['cause', 'problem'] as const, limit: 1000 };
            const a = incremental.search({ ...options, kinds: [...options.kinds] }).map((r) => `${r.entry.uri}|${r.entry.id}|${r.entry.range.start.line}`);
            const b = fresh.search({ ...options, kinds: [...options.kinds] }).map((r) => `${r.entry.uri}|${r.entry.id}|${r.entry.range.start.line}`);
            assert.deepEqual(a, b, `query "${query}"`);
          }
        }
        assert.equal(incremental.idCount, fresh.idCount);
      }),
      { numRuns: 150 },
    );
  });

  it('finds every declared ID that starts with an ID query, as a full scan would', () => {
    fc.assert(
      fc.property(fc.array(documentArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('P', 'C1', 'S', 'E2', 'C'), (documents, query) => {
        const index = new WorkspaceIndex(builtinData());
        documents.forEach((text, i) => index.update(uri(`d${i}.md`), text));
        const found = new Set(catalogOf(index).search({ query, explicitOnly: true, limit: 10_000 }).map((r) => r.entry.id));
        const expected = new Set([...index.ids()].filter((id) => id.startsWith(query)));
        assert.deepEqual([...found].sort(), [...expected].sort());
      }),
      { numRuns: 100 },
    );
  });
});

describe('linking: sorted blocks', () => {
  it('stays sorted like one array under any inserts and removals, in blocks of any size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.oneof(fc.record({ add: fc.integer({ min: 0, max: 40 }) }), fc.record({ removeAt: fc.nat() })), { maxLength: 200 }),
        (blockSize, steps) => {
          const blocks = new SortedBlocks<{ value: number }>((a, b) => a.value - b.value, blockSize);
          const model: { value: number }[] = [];
          for (const step of steps) {
            if ('add' in step) {
              const item = { value: step.add };
              blocks.insert(item);
              let at = model.length;
              while (at > 0 && model[at - 1].value > item.value) at--;
              model.splice(at, 0, item);
            } else if (model.length > 0) {
              const item = model[step.removeAt % model.length];
              assert.equal(blocks.remove(item), true);
              model.splice(model.indexOf(item), 1);
            }
          }
          assert.equal(blocks.size, model.length);
          assert.deepEqual([...blocks.values()], model, 'same items, same order, equal ones in insertion order');
          for (const probe of [0, 7, 20, 41]) {
            assert.deepEqual([...blocks.from((item) => item.value < probe)], model.filter((item) => item.value >= probe));
          }
          assert.equal(blocks.remove({ value: 3 }), false, 'an equal but different item is not removed');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('linking: catalog sync with the index', () => {
  it('re-indexes only documents whose analysis changed, and drops removed ones', () => {
    const index = indexOf({ 'diagnosis.md': DIAGNOSIS, 'plan.md': PLAN });
    const catalog = new FindingCatalog();
    catalog.sync(index.all());
    const planEntries = catalog.entriesOf(uri('plan.md'));
    index.update(uri('okr.md'), OKR);
    index.update(uri('diagnosis.md'), DIAGNOSIS.replace('[C2]', '[C9]'));
    index.remove(uri('plan.md'));
    catalog.sync(index.all());
    assert.equal(catalog.entriesOf(uri('plan.md')).length, 0);
    assert.deepEqual(catalog.search({ query: 'C9', explicitOnly: true }).map((r) => r.entry.id), ['C9']);
    assert.deepEqual(catalog.search({ query: 'OKR', explicitOnly: true }).map((r) => r.entry.id), ['OKR-C1', 'OKR-S1']);
    const okrEntries = catalog.entriesOf(uri('okr.md'));
    catalog.sync(index.all());
    assert.strictEqual(catalog.entriesOf(uri('okr.md')), okrEntries, 'an unchanged analysis is not indexed again');
    assert.ok(planEntries.length > 0);
  });
});
