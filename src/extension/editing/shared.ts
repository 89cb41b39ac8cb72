// What the editing features share: conversions between core and VS Code types, the reader's language,
// the catalog in use, and gaps with the user's severity settings applied.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import type { AnalyzerData } from '../../core/analyze';
import type { Catalog } from '../../core/catalog/catalog';
import type { Finding, Range } from '../../core/model';
import { gapMessage, gapSeverity } from '../../core/present/gapText';
import type { ShownGap } from '../../core/present/findingsTree';
import type { Lang } from '../../core/present/i18n';
import { relationsOf, type Relation } from '../../core/present/relations';
import { displayLanguage } from '../config';
import type { Logger } from '../logger';
import type { CausewayService } from '../service';

/** How a finding travels between views and commands (tree items, menus, the map, tracker issues). */
export interface FindingRef {
  /** The document, as `uri.toString()`. */
  uri: string;
  id: string;
  kind: Finding['kind'];
  range: Range;
  explicitId: boolean;
  text: string;
}

export class EditingShared {
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly service: CausewayService,
    readonly logger: Logger,
  ) {}

  get lang(): Lang {
    return displayLanguage(this.service.currentSettings);
  }

  /** The catalog the index matches with: the built-in one plus trusted rule packs. */
  get catalog(): Catalog {
    // The index owns its analyzer data and does not expose it; reading it is cheaper than rebuilding rule packs here.
    return (this.service.workspace as unknown as { data: AnalyzerData }).data.catalog;
  }

  pathOf(uri: string): string {
    try {
      return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
    } catch {
      return uri;
    }
  }

  relations(finding: Finding, analysis: Analysis): Relation[] {
    return relationsOf(finding, analysis, this.service.workspace);
  }

  /** The gaps of a document as the user wants to see them: silenced codes dropped, severities overridden. */
  shownGaps(uri: string): ShownGap[] {
    const overrides = this.service.currentSettings.severity;
    const analysis = this.service.workspace.get(uri);
    const lang = this.lang;
    const shown: ShownGap[] = [];
    for (const gap of this.service.workspace.gaps(uri)) {
      const severity = gapSeverity(gap, overrides);
      if (severity === 'off') continue;
      shown.push({ gap, severity, message: gapMessage(gap, lang, analysis) });
    }
    return shown;
  }

  refOf(finding: Finding, uri: string): FindingRef {
    return { uri, id: finding.id, kind: finding.kind, range: finding.range, explicitId: finding.explicitId, text: finding.text };
  }

  /** The finding a reference points to, as the index knows it now. */
  resolve(ref: FindingRef): { finding: Finding; analysis: Analysis } | undefined {
    const analysis = this.service.analysisOfUri(vscode.Uri.parse(ref.uri));
    const finding = analysis?.findings.find((f) => f.id === ref.id) ?? analysis?.findings.find((f) => f.kind === ref.kind && f.range.start.line === ref.range.start.line);
    return analysis && finding ? { finding, analysis } : undefined;
  }
}

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toVsSeverity(severity: 'error' | 'warning' | 'info'): vscode.DiagnosticSeverity {
  return severity === 'error' ? vscode.DiagnosticSeverity.Error : severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** Accepts what menus and links pass: a FindingRef, a tree node holding one, or nothing (the cursor's finding). */
export function isFindingRef(value: unknown): value is FindingRef {
  const ref = value as FindingRef | undefined;
  return Boolean(ref && typeof ref.uri === 'string' && typeof ref.id === 'string' && ref.range && typeof ref.range.start?.line === 'number');
}
