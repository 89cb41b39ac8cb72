// Completion of finding IDs after "[[", after relation keywords and in front matter lists. Anywhere else it
// returns undefined at once, so Markdown's own completions are undisturbed.
import * as vscode from 'vscode';
import { completionInsertText, idCompletionContext } from '../../core/linking/completionContext';
import { clip, COMPLETION_KIND, kindLabel, type LinkingShared } from './shared';

export const COMPLETION_TRIGGERS = ['[', ':', '：', ',', ' '];
const MAX_ITEMS = 100;

export class IdCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly shared: LinkingShared) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    if (!this.shared.service.isMarkdown(document)) return undefined;
    const context = idCompletionContext({ lineCount: document.lineCount, lineAt: (line) => document.lineAt(line).text }, position.line, position.character);
    if (!context) return undefined;
    // IDs declared a moment ago in this very document count too.
    this.shared.service.analysisOf(document);
    const uri = document.uri.toString();
    const ranked = this.shared.catalog().search({ query: context.query, uri, kinds: context.kinds, explicitOnly: true, excludeAt: position, limit: MAX_ITEMS });
    const range = new vscode.Range(position.line, context.queryStart, position.line, position.character);
    const width = String(ranked.length).length;
    const items = ranked.map(({ entry }, rank) => {
      const file = this.shared.relativePath(entry.uri);
      const item = new vscode.CompletionItem({ label: entry.id, description: file }, COMPLETION_KIND[entry.kind]);
      item.detail = clip(entry.text, 120);
      const documentation = new vscode.MarkdownString();
      documentation.appendText(`${kindLabel(entry.kind)} · ${file}:${entry.range.start.line + 1}\n\n${clip(entry.text, 400)}`);
      item.documentation = documentation;
      item.insertText = completionInsertText(context, entry.id);
      item.range = range;
      item.sortText = String(rank).padStart(width, '0');
      // The catalog already chose and ranked these by ID and text; starting the filter text with the typed
      // query keeps VS Code's fuzzy filter from dropping a text match or reordering the ranking.
      item.filterText = context.query ? `${context.query} ${entry.id}` : entry.id;
      return item;
    });
    // Typing narrows the search in the whole index, not just in the items already shown.
    return new vscode.CompletionList(items, true);
  }
}
