// Optional, subtle marks on problem, cause and solution statements (setting causeway.decorations.enabled).
import * as vscode from 'vscode';
import type { StatementKind } from '../../core/model';
import { toVsRange, type EditingShared } from './shared';

const UPDATE_DELAY_MS = 150;
const KINDS: StatementKind[] = ['problem', 'cause', 'solution'];

export class FindingDecorations implements vscode.Disposable {
  private readonly types = new Map<StatementKind, vscode.TextEditorDecorationType>();
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly shared: EditingShared) {
    for (const kind of KINDS) {
      const color = new vscode.ThemeColor(`causeway.${kind}Background`);
      this.types.set(kind, vscode.window.createTextEditorDecorationType({
        backgroundColor: color,
        overviewRulerColor: new vscode.ThemeColor(`causeway.${kind}Ruler`),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.disposables.push(
      ...this.types.values(),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule(0)),
      shared.service.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('causeway.decorations') && this.schedule(0)),
    );
    this.schedule(0);
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  /** The ranges each kind is drawn on in an editor; empty when decorations are off. */
  rangesFor(editor: vscode.TextEditor): Map<StatementKind, vscode.Range[]> {
    const ranges = new Map<StatementKind, vscode.Range[]>(KINDS.map((k) => [k, []]));
    if (!this.shared.service.currentSettings.decorations) return ranges;
    const analysis = this.shared.service.analysisOf(editor.document);
    for (const finding of analysis?.findings ?? []) {
      if (finding.kind === 'problem' || finding.kind === 'cause' || finding.kind === 'solution') ranges.get(finding.kind)!.push(toVsRange(finding.range));
    }
    return ranges;
  }

  update(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.shared.service.isMarkdown(editor.document)) continue;
      for (const [kind, ranges] of this.rangesFor(editor)) editor.setDecorations(this.types.get(kind)!, ranges);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
