import type * as vscode from 'vscode';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';

/** What the linking features expose to tests and other extensions. */
export interface LinkingApi {}

export function registerLinking(context: vscode.ExtensionContext, service: CausewayService, logger: Logger): LinkingApi {
  void context;
  void service;
  void logger;
  return {};
}
