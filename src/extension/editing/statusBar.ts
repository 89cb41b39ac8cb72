// P/C/S/gap counts of the current document in the status bar; a click opens the map.
import * as vscode from 'vscode';
import { countFindings, countsSentence } from '../../core/present/copy';
import { t } from '../../core/present/i18n';
import type { EditingShared } from './shared';

const UPDATE_DELAY_MS = 100;

export class CountsStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('causeway.counts', vscode.StatusBarAlignment.Right, 100);
  private timer: NodeJS.Timeout | undefined;
  /** Whether the item is on screen: only while a strategy document is the active editor. */
  visible = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly shared: EditingShared) {
    this.item.name = 'Causeway';
    this.item.command = 'causeway.statusBar.openMap';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      shared.service.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('causeway') && this.schedule()),
    );
    this.update();
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && this.shared.service.analysisOf(document);
    if (!document || !analysis) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const counts = countFindings(analysis, this.shared.shownGaps(document.uri.toString()).length);
    this.item.text = `$(issues) ${counts.problem}  $(symbol-event) ${counts.cause}  $(lightbulb) ${counts.solution}  $(warning) ${counts.gap}`;
    const sentence = countsSentence(counts, this.shared.lang);
    this.item.tooltip = t(this.shared.lang, 'statusTooltip', sentence);
    this.item.accessibilityInformation = { label: `Causeway: ${sentence}` };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
