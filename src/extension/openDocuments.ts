import * as vscode from 'vscode';

/**
 * The document an editor holds for a URI, if any. Its text (saved or not) is what the person sees,
 * so it wins over the file on disk wherever Causeway reads, analyses or writes.
 */
export function openDocument(uri: vscode.Uri | string): vscode.TextDocument | undefined {
  const key = typeof uri === 'string' ? uri : uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
}
