// Export of what a map panel shows: an SVG file, a PNG file (drawn by the page on a canvas from the
// same SVG and checked to be a PNG before it is written) or Mermaid text on the clipboard. The
// files are built here from the core layout and SVG model, the same code the CLI uses.

import * as path from 'path';
import * as vscode from 'vscode';
import { openDocument } from '../openDocuments';
import { toMermaid } from '../../core/export/mermaid';
import { layoutMapGraph } from '../../core/layout/map-graph';
import { buildMapSvg } from '../../core/map/map-svg';
import { renderSvgString } from '../../core/map/svg';
import type { Finding, Gap, Link } from '../../core/model';
import { looksLikePng, type ExportFormat } from '../../webview/protocol';
import { toFinding, toGap, toLink } from '../../webview/viewModel';
import type { Logger } from '../logger';
import type { MapPanel } from './panel';

/** Pixel density of exported PNGs: sharp on high-resolution screens and in slides. */
const PNG_SCALE = 2;

export interface ExportedMap {
  findings: Finding[];
  links: Link[];
  gaps: Gap[];
}

/**
 * The findings to export: the ids the page reports as drawn (so filters and collapsed subtrees
 * carry over), else everything posted. Ids the panel never sent are ignored.
 */
export function exportedMap(panel: MapPanel, ids: readonly string[] | undefined): ExportedMap | undefined {
  const graph = panel.posted;
  if (!graph || graph.findings.length === 0) return undefined;
  const chosen = ids && ids.length > 0 ? ids : panel.rendered?.version === graph.version ? panel.rendered.ids : graph.findings.map((f) => f.id);
  const wanted = new Set(chosen);
  const findings = graph.findings.filter((f) => wanted.has(f.id)).map(toFinding);
  if (findings.length === 0) return undefined;
  const kept = new Set(findings.map((f) => f.id));
  const showInferred = panel.webviewState?.filters.inferred ?? true;
  const links = graph.links.filter((l) => kept.has(l.from) && kept.has(l.to) && (showInferred || !l.inferred)).map(toLink);
  return { findings, links, gaps: graph.gaps.map(toGap) };
}

export function mapSvgText(map: ExportedMap, label: string): { svg: string; width: number; height: number } {
  const model = buildMapSvg(layoutMapGraph(map.findings, map.links), { gaps: map.gaps, label });
  return { svg: `${renderSvgString(model)}\n`, width: Number(model.attrs.width), height: Number(model.attrs.height) };
}

function defaultTarget(panel: MapPanel, extension: string): vscode.Uri | undefined {
  const document = panel.documentUri;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!document) return folder ? vscode.Uri.joinPath(folder, `causeway-map.${extension}`) : undefined;
  const base = path.posix.basename(document.path).replace(/\.(md|markdown)$/i, '');
  return vscode.Uri.joinPath(document, '..', `${base}-map.${extension}`);
}

/**
 * Why an export must not write to `target`, if it must not: the export only ever writes an image file,
 * never over a document open in an editor (its unsaved text would be lost) or a file of another type.
 */
export function unsafeTarget(target: vscode.Uri, format: 'svg' | 'png'): string | undefined {
  const name = vscode.workspace.asRelativePath(target, false);
  if (openDocument(target)) {
    return vscode.l10n.t('{0} is open in an editor; choose another file.', name);
  }
  if (!target.path.toLowerCase().endsWith(`.${format}`)) return vscode.l10n.t('{0} does not end in .{1}; choose a .{1} file.', name, format);
  return undefined;
}

/**
 * Exports the panel's map. With `target` given (a command called with a URI) no dialog is shown;
 * otherwise the person picks the file. Returns the file written, if any.
 */
export async function exportMap(panel: MapPanel, format: ExportFormat, logger: Logger, options: { ids?: readonly string[]; target?: vscode.Uri } = {}): Promise<vscode.Uri | undefined> {
  const map = exportedMap(panel, options.ids);
  if (!map) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The map is empty: there is nothing to export.'));
    return undefined;
  }
  if (format === 'mermaid') {
    await vscode.env.clipboard.writeText(toMermaid(map.findings, map.links));
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the map as Mermaid ({0} findings).', map.findings.length));
    return undefined;
  }
  const label = panel.documentUri ? vscode.l10n.t('Cause map of {0}', path.posix.basename(panel.documentUri.path)) : vscode.l10n.t('Cause map');
  const { svg, width, height } = mapSvgText(map, label);
  const chosen =
    options.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(panel, format),
      filters: format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
      title: format === 'svg' ? vscode.l10n.t('Export Map as SVG') : vscode.l10n.t('Export Map as PNG'),
    }));
  if (!chosen) return undefined;
  // A name typed without an extension gets the format's; any other extension is refused below.
  const target = path.posix.basename(chosen.path).includes('.') ? chosen : chosen.with({ path: `${chosen.path}.${format}` });
  const refusal = unsafeTarget(target, format);
  if (refusal) {
    logger.warn(`Map: refused to export to ${target.fsPath}: ${refusal}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the map: {0}', refusal));
    return undefined;
  }
  try {
    let bytes: Uint8Array;
    if (format === 'svg') {
      bytes = new TextEncoder().encode(svg);
    } else {
      const started = Date.now();
      bytes = Buffer.from(await panel.rasterize(svg, width, height, PNG_SCALE), 'base64');
      if (!looksLikePng(bytes)) throw new Error('the webview returned something that is not a PNG');
      logger.info(`Map: drew a ${width}×${height} PNG at ${PNG_SCALE}× in ${Date.now() - started} ms`);
    }
    await vscode.workspace.fs.writeFile(target, bytes);
    if (!options.target) void vscode.window.showInformationMessage(vscode.l10n.t('Saved the map to {0}.', vscode.workspace.asRelativePath(target, false)));
    return target;
  } catch (error) {
    logger.error(`Map: could not export ${target.fsPath}`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the map: {0}', (error as Error).message));
    return undefined;
  }
}
