// The Outline (findings of a document grouped by kind) and Go to Symbol in Workspace (by ID or text).
import * as vscode from 'vscode';
import { declarationIdRange, findingsByKind } from '../../core/linking/locate';
import { oneLine } from '../../core/linking/searchText';
import { clip, kindGroupLabel, kindLabel, SYMBOL_KIND, toVsRange, type LinkingShared } from './shared';

const MAX_WORKSPACE_SYMBOLS = 200;
const NAME_LENGTH = 80;

export class FindingDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly shared: LinkingShared) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const analysis = this.shared.service.analysisOf(document);
    if (!analysis) return [];
    const declarations = new Map(analysis.declarations.map((d) => [`${d.statement}\u0000${d.id}`, d]));
    return findingsByKind(analysis.findings).map((group) => {
      const children = group.findings.map((finding) => {
        const declaration = finding.explicitId ? declarations.get(`${finding.statement}\u0000${finding.id}`) : undefined;
        const selection = declaration ? toVsRange(declarationIdRange(declaration)) : toVsRange(finding.range);
        const text = clip(oneLine(finding.text), NAME_LENGTH);
        const name = finding.explicitId ? `${finding.id} ${text}` : text;
        return new vscode.DocumentSymbol(name || finding.id, kindLabel(finding.kind), SYMBOL_KIND[finding.kind], toVsRange(finding.range).union(selection), selection);
      });
      const range = children.reduce((all, child) => all.union(child.range), children[0].range);
      const parent = new vscode.DocumentSymbol(kindGroupLabel(group.kind), String(children.length), vscode.SymbolKind.Namespace, range, children[0].selectionRange);
      parent.children = children;
      return parent;
    });
  }
}

export class FindingWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly shared: LinkingShared) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const ranked = this.shared.catalog().search({ query, limit: MAX_WORKSPACE_SYMBOLS });
    return ranked.map(({ entry }) => {
      const text = clip(entry.text, NAME_LENGTH);
      const name = entry.explicit ? `${entry.id} ${text}` : text;
      const location = new vscode.Location(vscode.Uri.parse(entry.uri), toVsRange(entry.declaration ?? entry.range));
      return new vscode.SymbolInformation(name || entry.id, SYMBOL_KIND[entry.kind], `${kindLabel(entry.kind)} · ${this.shared.relativePath(entry.uri)}`, location);
    });
  }
}
