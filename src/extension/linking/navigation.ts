// Go to Definition, Find All References and Rename for finding IDs, answered from the workspace index.
import * as vscode from 'vscode';
import { declarationIdRange, idAt, type IdOccurrence } from '../../core/linking/locate';
import { planIdRename, type RenameConflict, type RenameEditCategory } from '../../core/linking/rename';
import { blockedTargets, describeBlocked, type RenameReport } from './renameTargets';
import { kindLabel, toVsRange, type LinkingShared } from './shared';

abstract class IdProvider {
  constructor(protected readonly shared: LinkingShared) {}

  protected occurrenceAt(document: vscode.TextDocument, position: vscode.Position): IdOccurrence | undefined {
    const analysis = this.shared.service.analysisOf(document);
    return analysis ? idAt(analysis, position.line, position.character) : undefined;
  }

  /** Where an ID is declared: the whole finding as the target, its "[P1]" as what is selected. */
  protected declarations(id: string): vscode.LocationLink[] {
    return this.shared.service.workspace.definitionsOf(id).map(({ uri, declaration, finding }) => {
      const selection = toVsRange(declarationIdRange(declaration));
      const target = finding ? toVsRange(finding.range).union(selection) : selection;
      return { targetUri: vscode.Uri.parse(uri), targetRange: target, targetSelectionRange: selection };
    });
  }
}

export class IdDefinitionProvider extends IdProvider implements vscode.DefinitionProvider {
  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const occurrence = this.occurrenceAt(document, position);
    if (!occurrence) return undefined;
    const origin = toVsRange(occurrence.range);
    return this.declarations(occurrence.id).map((link) => ({ ...link, originSelectionRange: origin }));
  }
}

export class IdReferenceProvider extends IdProvider implements vscode.ReferenceProvider {
  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const occurrence = this.occurrenceAt(document, position);
    if (!occurrence) return undefined;
    this.shared.refreshOpenDocuments();
    const locations: vscode.Location[] = [];
    if (context.includeDeclaration) {
      for (const link of this.declarations(occurrence.id)) locations.push(new vscode.Location(link.targetUri, link.targetSelectionRange!));
    }
    for (const { uri, item } of this.shared.service.workspace.referencesTo(occurrence.id)) {
      locations.push(new vscode.Location(vscode.Uri.parse(uri), toVsRange(item.range)));
    }
    return locations;
  }
}

export class IdRenameProvider extends IdProvider implements vscode.RenameProvider {
  /** The message of the last refused rename, for tests. */
  lastRefusal: string | undefined;
  /** The files the last rename left out, and the message shown about them, for tests. */
  lastReport: RenameReport | undefined;

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const occurrence = this.occurrenceAt(document, position);
    // Not an ID: rejecting lets the Markdown extension rename headings and links here.
    if (!occurrence) throw new Error(vscode.l10n.t('Only a finding ID such as P1 or AH-C2 can be renamed here.'));
    return { range: toVsRange(occurrence.range), placeholder: occurrence.id };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const occurrence = this.occurrenceAt(document, position);
    if (!occurrence) throw new Error(vscode.l10n.t('Only a finding ID such as P1 or AH-C2 can be renamed here.'));
    // Other open editors may hold text newer than their last analysis.
    this.shared.refreshOpenDocuments();
    const plan = planIdRename(this.shared.service.workspace, occurrence.id, newName);
    this.lastReport = undefined;
    if ('conflict' in plan) {
      // A thrown error would make VS Code ask the next rename provider, and the Markdown extension renames
      // "[P1]" as link text, declaring a duplicate. An empty edit ends the rename; the message says why.
      return this.refuse(conflictMessage(occurrence.id, plan.conflict, this.shared));
    }
    const newId = newName.trim();
    const blocked = await blockedTargets(plan.edits, this.shared);
    const blockedUris = new Set(blocked.map((file) => file.uri));
    if (blocked.length > 0) {
      for (const file of blocked) this.shared.logger.warn(`Rename ${occurrence.id} → ${newId}: cannot change ${vscode.Uri.parse(file.uri).fsPath} (${file.reason})`);
      // Renaming the references without the declaration would break every one of them: refuse instead.
      const declaration = blocked.find((file) => plan.edits.some((change) => change.uri === file.uri && change.category === 'declaration'));
      if (declaration || blocked.length === new Set(plan.edits.map((change) => change.uri)).size) {
        return this.refuse(vscode.l10n.t('{0} was not renamed: Causeway cannot change {1}.', occurrence.id, describeBlocked(blocked)));
      }
      const message = vscode.l10n.t('Renaming {0} to {1} leaves out {2} file(s) Causeway cannot change: {3}', occurrence.id, newId, blocked.length, describeBlocked(blocked));
      this.lastReport = { oldId: occurrence.id, newId, blocked, message };
      void vscode.window.showWarningMessage(message);
    }
    this.lastRefusal = undefined;
    const edit = new vscode.WorkspaceEdit();
    const labels: Record<RenameEditCategory, string> = {
      declaration: vscode.l10n.t('Declaration of {0}', occurrence.id),
      reference: vscode.l10n.t('References to {0}', occurrence.id),
      wikilink: vscode.l10n.t('Links to {0}', occurrence.id),
      'front-matter': vscode.l10n.t('Front matter lists naming {0}', occurrence.id),
    };
    for (const change of plan.edits) {
      if (blockedUris.has(change.uri)) continue;
      // Labels group the changes in the refactor preview (Shift+Enter in the rename box). needsConfirmation
      // stays false: when true, VS Code opens the preview with every such change unticked.
      edit.replace(vscode.Uri.parse(change.uri), toVsRange(change.range), change.newText, { needsConfirmation: false, label: labels[change.category], description: this.shared.relativePath(change.uri) });
    }
    return edit;
  }

  private refuse(message: string): vscode.WorkspaceEdit {
    this.lastRefusal = message;
    this.shared.logger.warn(`Rename refused: ${message}`);
    void vscode.window.showErrorMessage(message);
    return new vscode.WorkspaceEdit();
  }
}

function conflictMessage(oldId: string, conflict: RenameConflict, shared: LinkingShared): string {
  switch (conflict.code) {
    case 'invalid':
      return vscode.l10n.t('"{0}" is not a valid ID. An ID is a kind letter (P, C, S or E) and a number, optionally after a prefix: P3, C12, AH-S2.', conflict.newId);
    case 'unchanged':
      return vscode.l10n.t('The new ID is the same as the old one.');
    case 'taken':
      return vscode.l10n.t('{0} is already taken: it is declared in {1}, line {2}.', conflict.newId, shared.relativePath(conflict.uri), conflict.range.start.line + 1);
    case 'referenced':
      return vscode.l10n.t('{0} is already used by references in {1} document(s) without a declaration; renaming {2} to it would silently link them.', conflict.newId, conflict.documents, oldId);
    case 'kind-change':
      return vscode.l10n.t('Renaming {0} would change its kind from {1} to {2}: the letter before the number gives an ID its kind.', oldId, kindLabel(conflict.oldKind), kindLabel(conflict.newKind));
    case 'unknown':
      return vscode.l10n.t('{0} is neither declared nor referenced anywhere in the workspace.', conflict.oldId);
  }
}
