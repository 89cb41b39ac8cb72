// Helpers for the reliability tests in the extension host: documents written at test time (so the shared
// fixture workspace, which other suites count on, stays as it is), the bytes on disk read with node's fs,
// and putting dirty editors back before the next test.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';

// The extension's API and workspace paths, as the linking tests get them.
import { causeway, fixtureUri as workspaceUri } from './linking-helpers';

export { causeway, workspaceUri };

/**
 * Writes documents and has Causeway index them. The index is rebuilt from disk rather than waiting on file
 * watchers, which can miss a file written right after its new folder was created.
 */
export async function writeDocuments(api: CausewayApi, files: Record<string, string>): Promise<vscode.Uri[]> {
  const uris: vscode.Uri[] = [];
  for (const [relativePath, text] of Object.entries(files)) {
    const uri = workspaceUri(relativePath);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    uris.push(uri);
  }
  api.service.restart();
  await api.service.whenReady();
  for (const [i, text] of Object.values(files).entries()) assert.strictEqual(api.service.workspace.get(uris[i].toString())?.model.text, text, `${uris[i].path} is indexed`);
  return uris;
}

/**
 * Deletes files written by a test. A document the extension host still holds (it keeps documents for a
 * while after their editors close) stays in the index until it is released, so each suite uses its own IDs.
 */
export function removeDocuments(uris: vscode.Uri[]): void {
  for (const uri of uris) fs.rmSync(uri.fsPath, { force: true });
}

/**
 * Turns auto save off for a suite: the web workbench saves after a second by default, and these tests need
 * to see that nothing but an explicit save reaches the disk. Returns what restores the setting.
 */
export async function withoutAutoSave(): Promise<() => Promise<void>> {
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect('autoSave')?.globalValue;
  await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  return async () => vscode.workspace.getConfiguration('files').update('autoSave', before, vscode.ConfigurationTarget.Global);
}

/** The file as it is on disk, read past VS Code. */
export function diskText(uri: vscode.Uri): string {
  return fs.readFileSync(uri.fsPath, 'utf8');
}

export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens a document in the first editor column and waits until Causeway has analysed this version of it. */
export async function openEditor(api: CausewayApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
  await waitFor(() => api.service.analysedVersion(uri) === document.version && api.service.workspace.get(uri.toString()), `analysis of ${uri.path}`);
  return editor;
}

/** Runs the `undo` command once in the document's editor. */
export async function undoOnce(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('undo');
}

/** Throws away unsaved changes in every document (a dirty editor would make closing it ask), then closes all editors. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, `${document.uri.path} to be reverted`, 5000);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Lines of the "Causeway" output channel that match, waiting for one to appear. */
export async function logLines(api: CausewayApi, pattern: RegExp, what: string): Promise<string[]> {
  return waitFor(() => {
    const found = api.editing.recentLog().filter((line) => pattern.test(line));
    return found.length > 0 ? found : undefined;
  }, `a log line matching ${pattern} (${what})`);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}
