import * as vscode from 'vscode';
import schema from '../../schemas/catalog-pattern.schema.json';
import { registerEditing, type EditingApi } from './editing/register';
import { registerLinking, type LinkingApi } from './linking/register';
import { Logger } from './logger';
import { registerMap, type MapApi } from './map/register';
import { CausewayService } from './service';
import { registerTrust, type TrustApi } from './trust';

/** What other extensions and the extension-host tests can reach. */
export interface CausewayApi {
  readonly version: string;
  readonly service: CausewayService;
  readonly editing: EditingApi;
  readonly linking: LinkingApi;
  readonly map: MapApi;
  /** Restricted Mode: the rule-pack notice. */
  readonly trust: TrustApi;
  /** The markdown-it plugin that draws ```causeway-map fences in the built-in preview. */
  readonly extendMarkdownIt: MapApi['extendMarkdownIt'];
}

/**
 * Activation only wires things up; the index is built in the background afterwards, so opening a
 * Markdown file never waits on the whole workspace.
 */
export function activate(context: vscode.ExtensionContext): CausewayApi {
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const logger = new Logger();
  const service = new CausewayService(logger, schema);
  context.subscriptions.push(logger, service);
  const editing = registerEditing(context, service, logger);
  const linking = registerLinking(context, service, logger);
  const map = registerMap(context, service, logger);
  const trust = registerTrust(context, service);
  setTimeout(() => {
    service.whenReady().catch((error) => logger.error('Indexing the workspace failed', error));
  }, 0);
  return { version, service, editing, linking, map, trust, extendMarkdownIt: map.extendMarkdownIt };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
