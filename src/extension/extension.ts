import * as vscode from 'vscode';

/** The API other extensions and the extension-host tests can read. Grows with the features. */
export interface CausewayApi {
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): CausewayApi {
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  return { version };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
