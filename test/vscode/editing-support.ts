// Helpers for the editing features' extension-host tests: the API, opening fixture documents, waiting for
// asynchronous results, and settings that are restored afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'causeway.causeway';

export async function causeway(): Promise<CausewayApi> {
  const extension = vscode.extensions.getExtension<CausewayApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.service.whenReady();
  return api;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a fixture document in an editor and waits until Causeway has analysed this version of it. */
export async function openDocument(relativePath: string): Promise<vscode.TextEditor> {
  const api = await causeway();
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitFor(() => api.service.analysisOf(document) !== undefined && api.service.analysedVersion(document.uri) === document.version, `analysis of ${relativePath}`);
  return editor;
}

/** Polls until `check` returns a truthy value, failing with `what` after the timeout. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** Causeway's diagnostics of a document, once at least one matches `accept`. */
export async function diagnosticsOf(uri: vscode.Uri, accept: (all: vscode.Diagnostic[]) => boolean = (all) => all.length > 0): Promise<vscode.Diagnostic[]> {
  const api = await causeway();
  return waitFor(async () => {
    await api.editing.flushDiagnostics();
    const all = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Causeway');
    return accept(all) ? all : undefined;
  }, `diagnostics of ${vscode.workspace.asRelativePath(uri)}`);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Sets a causeway.* setting for the duration of `body`, then restores it. */
export async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('causeway');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration('causeway').update(key, before, vscode.ConfigurationTarget.Global);
  }
}

/** The plain text of hover contents, whatever form each part has. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n---\n');
}

/** The position of the first occurrence of `needle` in a document, `offset` characters into it. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  return document.positionAt(at + offset);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Hover text with Markdown backslash escapes removed, as a reader sees the words. */
export function hoverWords(hovers: vscode.Hover[]): string {
  return hoverText(hovers).replace(/\\([\\`*_{}[\]()<>#+\-.!|~&])/g, '$1');
}
