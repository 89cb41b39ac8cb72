// Document links on ID references (to their declaration) and on tracker references (to the issue), and a
// hover that shows where a tracker reference leads.
import * as vscode from 'vscode';
import { declarationIdRange } from '../../core/linking/locate';
import { findTrackerReferences, type CompiledTracker } from '../../core/linking/trackers';
import { toVsRange, type LinkingShared } from './shared';

export class IdAndTrackerLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly shared: LinkingShared) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const analysis = this.shared.service.analysisOf(document);
    if (!analysis) return [];
    const index = this.shared.service.workspace;
    const links: vscode.DocumentLink[] = [];
    for (const reference of analysis.references) {
      if (reference.range.start.line !== reference.range.end.line) continue;
      const declaration = index.declarationsOf(reference.id)[0];
      if (!declaration) continue;
      const at = declarationIdRange(declaration.item).start;
      // A file URI with an #L line,column fragment opens the declaration without a command.
      const target = vscode.Uri.parse(declaration.uri).with({ fragment: `L${at.line + 1},${at.character + 1}` });
      const link = new vscode.DocumentLink(toVsRange(reference.range), target);
      link.tooltip = vscode.l10n.t('Go to {0} in {1}', reference.id, this.shared.relativePath(declaration.uri));
      links.push(link);
    }
    const { trackers } = this.shared.trackers();
    if (trackers.length > 0) {
      const text = document.getText();
      for (const match of findTrackerReferences(text, trackers)) {
        const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(match.start), document.positionAt(match.end)), vscode.Uri.parse(match.url, true));
        link.tooltip = vscode.l10n.t('Open {0} in the issue tracker', match.text);
        links.push(link);
      }
    }
    return links;
  }
}

export class TrackerHoverProvider implements vscode.HoverProvider {
  constructor(private readonly shared: LinkingShared) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.shared.service.isMarkdown(document)) return undefined;
    const { trackers } = this.shared.trackers();
    if (trackers.length === 0) return undefined;
    // References are short; the cursor's line is enough and keeps hovers cheap on long documents.
    const line = document.lineAt(position.line).text;
    const match = findTrackerReferences(line, trackers).find((m) => m.start <= position.character && position.character <= m.end);
    if (!match) return undefined;
    const tracker = trackers.find((t) => t.index === match.tracker);
    const content = new vscode.MarkdownString();
    content.appendText(`${match.text} · ${trackerName(tracker)}\n\n`);
    content.appendMarkdown(`[${escapeLinkText(match.url)}](${escapeLinkTarget(match.url)})`);
    return new vscode.Hover(content, new vscode.Range(position.line, match.start, position.line, match.end));
  }
}

function trackerName(tracker: CompiledTracker | undefined): string {
  switch (tracker?.kind) {
    case 'github':
      return 'GitHub';
    case 'gitlab':
      return 'GitLab';
    case 'jira':
      return 'Jira';
    case 'linear':
      return 'Linear';
    default:
      return vscode.l10n.t('Issue tracker');
  }
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\`*_{}\[\]()#+\-.!<>|~]/g, (c) => `\\${c}`);
}

/** Parentheses, spaces and angle brackets would end or break a Markdown link target. */
function escapeLinkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}
