// The benchmark corpus: single documents of fixed sizes and whole workspaces, written under
// bench/.corpus/ (git-ignored). Everything follows from one seed; a workspace already on disk with
// the same fingerprint is reused, so repeated runs do not pay for writing tens of megabytes again.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDocument, type DocumentLanguage, type DocumentStyle, type GeneratedDocument } from './documents';
import { hashString, Random } from './random';

/** Bump when the generator changes in a way the fingerprint of the first documents might miss. */
const GENERATOR_VERSION = 1;
export const CORPUS_ROOT = join(__dirname, '..', '..', 'bench', '.corpus');

export interface WorkspaceSpec {
  name: string;
  seed: number;
  /** Stop after this many documents... */
  documents?: number;
  /** ...or once the documents add up to this many bytes. */
  totalBytes?: number;
}

export interface WorkspaceFile {
  /** Path relative to the workspace folder, with "/" separators. */
  path: string;
  bytes: number;
  ids: number;
}

export interface Workspace {
  name: string;
  dir: string;
  files: WorkspaceFile[];
  bytes: number;
  ids: number;
  fingerprint: string;
  /** True when the files were written by this run, false when reused. */
  generated: boolean;
  generateMs: number;
}

/** What a workspace document looks like: size, language and style drawn from fixed mixes. */
export function workspaceDocumentSpec(spec: WorkspaceSpec, index: number, foreignIds: readonly string[]) {
  const rng = new Random(spec.seed * 1_000_003 + index);
  // Most notes are a few kilobytes; some are long reports (mean about 4 KB).
  const roll = rng.next();
  const targetBytes = Math.round(roll < 0.85 ? rng.logUniform(2_000, 4_000) : roll < 0.98 ? rng.logUniform(4_000, 14_000) : rng.logUniform(14_000, 60_000));
  const language: DocumentLanguage = rng.pick(['en', 'en', 'zh', 'zh', 'mixed']);
  const style: DocumentStyle = rng.pick(['annotated', 'annotated', 'plain', 'plain', 'summary', 'varied']);
  return { seed: rng.uint32(), targetBytes, language, style, namespace: `D${index}-`, foreignIds };
}

/** Folder and file name of document `index`: teams, years and topics, about 40 files per folder. */
function workspacePath(seed: number, index: number): string {
  const rng = new Random(seed * 7919 + index);
  const team = ['strategy', 'retail', 'health', 'logistics', 'finance', 'platform', 'board', 'ops'][index % 8];
  const year = 2018 + (Math.floor(index / 8) % 8);
  const batch = Math.floor(index / 320);
  const topic = rng.pick(['diagnosis', 'review', 'plan', 'memo', 'post-mortem', 'okr', 'briefing', 'notes']);
  return `${team}/${year}/batch-${batch}/${topic}-${index}.md`;
}

function* workspaceDocuments(spec: WorkspaceSpec): Generator<{ path: string; document: GeneratedDocument }> {
  // A pool of IDs declared by earlier documents, for references across documents.
  const foreign: string[] = [];
  let total = 0;
  for (let index = 0; ; index++) {
    if (spec.documents !== undefined && index >= spec.documents) return;
    if (spec.totalBytes !== undefined && total >= spec.totalBytes) return;
    const document = generateDocument(workspaceDocumentSpec(spec, index, foreign.slice(-200)));
    for (const id of document.ids) if (/-[PC]1$/.test(id) && foreign.length < 100_000) foreign.push(id);
    total += document.bytes;
    yield { path: workspacePath(spec.seed, index), document };
  }
}

function fingerprintOf(spec: WorkspaceSpec): string {
  const sample = generateDocument(workspaceDocumentSpec(spec, 0, [])).text + generateDocument(workspaceDocumentSpec(spec, 1, [])).text;
  return `v${GENERATOR_VERSION}-${hashString(JSON.stringify(spec)).toString(16)}-${hashString(sample).toString(16)}`;
}

/** Writes the workspace unless the same one is already on disk. */
export function ensureWorkspace(spec: WorkspaceSpec, log: (line: string) => void = () => undefined): Workspace {
  const dir = join(CORPUS_ROOT, spec.name);
  const manifestPath = join(dir, 'corpus-manifest.json');
  const fingerprint = fingerprintOf(spec);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Workspace;
    if (manifest.fingerprint === fingerprint) return { ...manifest, dir, generated: false, generateMs: 0 };
  }
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const files: WorkspaceFile[] = [];
  const folders = new Set<string>();
  let bytes = 0;
  let ids = 0;
  for (const { path, document } of workspaceDocuments(spec)) {
    const folder = join(dir, path.slice(0, path.lastIndexOf('/')));
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(join(dir, path), document.text);
    files.push({ path, bytes: document.bytes, ids: document.ids.length });
    bytes += document.bytes;
    ids += document.ids.length;
    if (files.length % 2000 === 0) log(`  ${spec.name}: ${files.length} documents, ${(bytes / 1e6).toFixed(1)} MB`);
  }
  // markdownlint-cli2 reads this file: its default rules, nothing switched off.
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true } }\n');
  const workspace: Workspace = { name: spec.name, dir, files, bytes, ids, fingerprint, generated: true, generateMs: performance.now() - started };
  writeFileSync(manifestPath, JSON.stringify({ ...workspace, dir: undefined }));
  return workspace;
}

/** Workspace documents in memory, for in-process measures that should not wait on the disk. */
export function readWorkspace(workspace: Workspace): { uri: string; text: string }[] {
  return workspace.files.map((file) => ({ uri: `file://${join(workspace.dir, file.path)}`, text: readFileSync(join(workspace.dir, file.path), 'utf8') }));
}

export const DOCUMENT_SIZES = { '2 KB': 2_000, '10 KB': 10_000, '100 KB': 100_000, '1 MB': 1_000_000, '10 MB': 10_000_000 } as const;
export type DocumentSize = keyof typeof DOCUMENT_SIZES;

/**
 * One mixed Chinese and English document of about the given size, chapters annotated, plain and
 * in news-summary form, also written to bench/.corpus/documents/ for profiling by hand.
 */
export function sizedDocument(size: DocumentSize, seed: number): GeneratedDocument & { path: string } {
  const document = generateDocument({ seed: seed + DOCUMENT_SIZES[size], targetBytes: DOCUMENT_SIZES[size], language: 'mixed', style: 'varied', namespace: 'BIG-' });
  const folder = join(CORPUS_ROOT, 'documents');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `strategy-${size.replace(' ', '').toLowerCase()}.md`);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== document.text) writeFileSync(path, document.text);
  return { ...document, path };
}
