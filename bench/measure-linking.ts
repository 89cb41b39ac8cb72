// Measure 4: ID completion, go-to-definition and find-references at 500 and 50,000 explicit IDs,
// through the core calls the editor features make: idCompletionContext + FindingCatalog.search for a
// keystroke; for go to definition and find references, idAt (the ID under the cursor in the open
// document) then WorkspaceIndex.definitionsOf, plus referencesTo/linksTo for references. Each query
// starts at a real reference of a random ID. Each figure is the median time of a batch of 64
// different queries, divided by 64; the batches of both scales alternate in one loop.

import { builtinData } from '../src/core/data/builtin';
import { WorkspaceIndex } from '../src/core/index/workspace';
import { idCompletionContext, linesOf } from '../src/core/linking/completionContext';
import { FindingCatalog } from '../src/core/linking/findingCatalog';
import { idAt } from '../src/core/linking/locate';
import { generateDocument } from './documents';
import { Random } from './random';
import { ratioText, type TableRow } from './results';
import { formatMs, interleaved, nowMs } from './timing';

export const ID_SCALE_TARGET = 2;
const BATCH = 64;

export interface LinkingScale {
  ids: number;
  documents: number;
  buildMs: number;
  /** Per query, median over batches. */
  completionMs: number;
  definitionMs: number;
  referencesMs: number;
  /** Completion items returned, summed over one batch: shows the searches found something. */
  completionResults: number;
}

export interface LinkingFigures {
  scales: LinkingScale[];
  ratios: { completion: number; definition: number; references: number };
}

interface LinkingWorkspace {
  index: WorkspaceIndex;
  catalog: FindingCatalog;
  ids: string[];
  uris: string[];
  documents: number;
  buildMs: number;
}

/** Annotated documents, English and Chinese, with cross-document links, until `ids` IDs are declared. */
function buildWorkspace(ids: number, seed: number): LinkingWorkspace {
  const index = new WorkspaceIndex(builtinData());
  const declared: string[] = [];
  const uris: string[] = [];
  const started = nowMs();
  for (let n = 0; declared.length < ids; n++) {
    const document = generateDocument({
      seed: seed * 31 + n,
      targetBytes: 6_000,
      language: n % 2 ? 'zh' : 'en',
      style: 'annotated',
      namespace: `L${n}-`,
      foreignIds: declared.slice(-300),
    });
    const uri = `file:///bench/linking/doc-${n}.md`;
    index.update(uri, document.text);
    declared.push(...document.ids);
    uris.push(uri);
  }
  const catalog = new FindingCatalog();
  catalog.replaceAll(index.all());
  return { index, catalog, ids: declared, uris, documents: uris.length, buildMs: nowMs() - started };
}

interface Keystroke {
  uri: string;
  line: string;
}

/** What an author types where completion opens: after a relation word, in a wikilink, IDs or words. */
function keystrokes(ws: LinkingWorkspace, rng: Random): Keystroke[] {
  const out: Keystroke[] = [];
  const words = ['margin', 'logistics', 'duplicate proj', 'complian', '毛利', '合规', 'service', 'incentive'];
  for (let i = 0; i < BATCH; i++) {
    const uri = rng.pick(ws.uris);
    const id = rng.pick(ws.ids);
    const kind = i % 8;
    if (kind < 3) out.push({ uri, line: `- [X-S1] Merge the duplicate projects. addresses: ${id.slice(0, rng.int(2, id.length))}` });
    else if (kind < 5) out.push({ uri, line: `- [X-C1] Incentives reward volume. causes: ${rng.pick(['P', 'C'])}${rng.int(1, 4)}` });
    else if (kind < 7) out.push({ uri, line: `See [[${rng.pick(words)}` });
    else out.push({ uri, line: `- [X-S2] 建立售后快速响应机制。解决：[[` });
  }
  return out;
}

interface Cursor {
  uri: string;
  line: number;
  character: number;
}

/** Where a reader asks: on a reference to a random declared ID, in the document that cites it. */
function cursors(ws: LinkingWorkspace, rng: Random): Cursor[] {
  const out: Cursor[] = [];
  for (let attempts = 0; out.length < BATCH; attempts++) {
    if (attempts > BATCH * 100) throw new Error('too few referenced IDs in the linking corpus');
    const references = ws.index.referencesTo(rng.pick(ws.ids));
    const reference = references.length ? rng.pick(references) : undefined;
    if (!reference || reference.item.range.start.line !== reference.item.range.end.line) continue;
    out.push({ uri: reference.uri, line: reference.item.range.start.line, character: reference.item.range.start.character + 1 });
  }
  return out;
}

/** The three questions at one scale, each a batch of BATCH queries. */
interface ScaleQueries {
  complete(): void;
  define(): void;
  references(): void;
  completionResults(): number;
}

function queriesFor(ws: LinkingWorkspace, seed: number): ScaleQueries {
  const rng = new Random(seed + ws.ids.length);
  const typed = keystrokes(ws, rng);
  const lookups = cursors(ws, rng);
  let completionResults = 0;
  const idUnder = ({ uri, line, character }: Cursor): string => {
    const occurrence = idAt(ws.index.get(uri)!, line, character);
    if (!occurrence) throw new Error(`no ID at ${uri}:${line}:${character}`);
    return occurrence.id;
  };
  return {
    complete() {
      let found = 0;
      for (const { uri, line } of typed) {
        const context = idCompletionContext(linesOf(line), 0, line.length);
        if (!context) throw new Error(`no completion context in "${line}"`);
        found += ws.catalog.search({ query: context.query, uri, kinds: context.kinds, explicitOnly: context.trigger !== 'wikilink', limit: 50 }).length;
      }
      completionResults = found;
    },
    define() {
      for (const cursor of lookups) {
        const id = idUnder(cursor);
        if (!ws.index.definitionsOf(id).some((d) => d.finding)) throw new Error(`no declaration of ${id}`);
      }
    },
    references() {
      let count = 0;
      for (const cursor of lookups) {
        const id = idUnder(cursor);
        count += ws.index.definitionsOf(id).length + ws.index.referencesTo(id).length + ws.index.linksTo(id).length;
      }
      if (count === 0) throw new Error('the looked-up IDs have no references; the corpus is not linked');
    },
    completionResults: () => completionResults,
  };
}

/**
 * Both scales are built first and then asked in turn, query batch by query batch, so the JIT, the
 * garbage collector and other work on the machine treat the two sides of each ratio alike.
 */
function measureScales(sizes: number[], quick: boolean, seed: number): LinkingScale[] {
  const workspaces = sizes.map((ids) => buildWorkspace(ids, seed));
  const queries = workspaces.map((ws) => queriesFor(ws, seed));
  const tasks: Record<string, () => void> = {};
  queries.forEach((q, i) => {
    tasks[`complete${i}`] = q.complete;
    tasks[`define${i}`] = q.define;
    tasks[`references${i}`] = q.references;
  });
  const samples = interleaved(tasks, { warmups: 10, runs: quick ? 15 : 41 });
  return workspaces.map((ws, i) => ({
    ids: ws.ids.length,
    documents: ws.documents,
    buildMs: ws.buildMs,
    completionMs: samples[`complete${i}`].medianMs / BATCH,
    definitionMs: samples[`define${i}`].medianMs / BATCH,
    referencesMs: samples[`references${i}`].medianMs / BATCH,
    completionResults: queries[i].completionResults(),
  }));
}

export function measureLinking(quick: boolean, seed: number, log: (line: string) => void): { figures: LinkingFigures; rows: TableRow[] } {
  const scales = measureScales([500, 50_000], quick, seed);
  for (const scale of scales) {
    log(
      `  ${scale.ids} IDs in ${scale.documents} docs (built in ${formatMs(scale.buildMs)}): completion ${formatMs(scale.completionMs)}, definition ${formatMs(scale.definitionMs)},` +
        ` references ${formatMs(scale.referencesMs)} per query (median of batches of ${BATCH}; ${scale.completionResults} completion items per batch)`,
    );
  }
  const [small, large] = scales;
  const ratios = {
    completion: large.completionMs / small.completionMs,
    definition: large.definitionMs / small.definitionMs,
    references: large.referencesMs / small.referencesMs,
  };
  const rows: TableRow[] = (['completion', 'definition', 'references'] as const).map((what) => {
    const key = `${what}Ms` as const;
    return {
      measure: `4. ${what === 'completion' ? 'ID completion' : what === 'definition' ? 'go to definition' : 'find references'}, ${large.ids.toLocaleString('en-US')} IDs`,
      figure: formatMs(large[key]),
      comparison: `${small.ids} IDs ${formatMs(small[key])}`,
      ratio: ratioText(ratios[what]),
      target: `≤ ${ID_SCALE_TARGET}×`,
      met: ratios[what] <= ID_SCALE_TARGET,
    };
  });
  return { figures: { scales, ratios }, rows };
}
