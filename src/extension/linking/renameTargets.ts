// Before a rename hands its edit to VS Code: which of the files it would change cannot be changed safely.
// A file deleted on disk, read-only on disk, or changed on disk since Causeway analysed it (its ranges no
// longer fit) is left out, and the person is told which files and why.
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { openDocument } from '../openDocuments';
import { decodeDocument } from '../../core/io/decode';
import type { RenameEdit } from '../../core/linking/rename';
import type { LinkingShared } from './shared';

export type BlockReason = 'deleted' | 'read-only' | 'changed' | 'unreadable';

export interface BlockedFile {
  uri: string;
  /** Relative to the workspace folder, as shown to the person. */
  path: string;
  reason: BlockReason;
}

/** What the last rename left out, for tests and for the log. */
export interface RenameReport {
  oldId: string;
  newId: string;
  blocked: BlockedFile[];
  message: string;
}

/** The files among the edits' targets that the rename must not touch. */
export async function blockedTargets(edits: readonly RenameEdit[], shared: LinkingShared): Promise<BlockedFile[]> {
  const uris = [...new Set(edits.map((edit) => edit.uri))];
  const checked = await Promise.all(uris.map(async (uri) => ({ uri, reason: await blockReason(uri, shared) })));
  return checked.flatMap(({ uri, reason }) => (reason ? [{ uri, path: shared.relativePath(uri), reason }] : []));
}

async function blockReason(uriText: string, shared: LinkingShared): Promise<BlockReason | undefined> {
  const uri = vscode.Uri.parse(uriText);
  if (uri.scheme === 'untitled') return undefined; // only in memory: nothing on disk to protect
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return 'read-only';
  let stat: vscode.FileStat;
  let mode: number | undefined;
  try {
    stat = await vscode.workspace.fs.stat(uri);
    // VS Code treats a file without the owner's write bit as read-only; the extension API does not pass that on.
    if (uri.scheme === 'file') mode = (await fs.stat(uri.fsPath)).mode;
  } catch {
    return 'deleted';
  }
  if (stat.permissions !== undefined && (stat.permissions & vscode.FilePermission.Readonly) !== 0) return 'read-only';
  if (mode !== undefined && (mode & 0o200) === 0) return 'read-only';
  if (openDocument(uriText)) return undefined; // the editor's text is what gets changed, and it was analysed just now
  const analysed = shared.service.workspace.get(uriText)?.model.text;
  try {
    const decoded = decodeDocument(await vscode.workspace.fs.readFile(uri), Number.MAX_SAFE_INTEGER);
    return 'text' in decoded && decoded.text === analysed ? undefined : 'changed';
  } catch {
    return 'unreadable';
  }
}

export function blockReasonLabel(reason: BlockReason): string {
  switch (reason) {
    case 'deleted':
      return vscode.l10n.t('deleted on disk');
    case 'read-only':
      return vscode.l10n.t('read-only');
    case 'changed':
      return vscode.l10n.t('changed on disk since it was analysed');
    case 'unreadable':
      return vscode.l10n.t('could not be read');
  }
}

/** "a.md (read-only), b.md (deleted on disk)". */
export function describeBlocked(blocked: readonly BlockedFile[]): string {
  return blocked.map((file) => `${file.path} (${blockReasonLabel(file.reason)})`).join(', ');
}
