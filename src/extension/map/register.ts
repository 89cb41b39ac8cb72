import type * as vscode from 'vscode';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';

/** What the map features expose to tests and other extensions. */
export interface MapApi {}

export function registerMap(context: vscode.ExtensionContext, service: CausewayService, logger: Logger): MapApi {
  void context;
  void service;
  void logger;
  return {};
}
