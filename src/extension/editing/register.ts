import type * as vscode from 'vscode';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';

/** What the editing features expose to tests and other extensions. */
export interface EditingApi {}

export function registerEditing(context: vscode.ExtensionContext, service: CausewayService, logger: Logger): EditingApi {
  void context;
  void service;
  void logger;
  return {};
}
