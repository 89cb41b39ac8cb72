// Helpers for the linking tests in the extension host: the API, fixture documents, positions, waiting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';

export async function causeway(): Promise<CausewayApi> {
  const extension = vscode.extensions.getExtension<CausewayApi>('causeway.causeway');
  assert.ok(extension, 'causeway.causeway is not loaded');
  const api = await extension.activate();
  await api.service.whenReady();
  await api.linking.providersReady();
  return api;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fixtureUri(relativePath));
}

/** The position of the `occurrence`-th appearance of `text`, moved `offset` characters into it. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = document.getText().indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (#${i + 1}) is not in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Replaces a document's whole text and saves it, so the test leaves disk and editor as they were. */
export async function restoreText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${document.uri.path}`);
  }
  if (document.isDirty) await document.save();
}

export async function insertAt(document: vscode.TextDocument, position: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

export function targetOf(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in location ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange } : { uri: location.uri, range: location.range };
}

export function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}
