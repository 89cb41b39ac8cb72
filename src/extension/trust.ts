// Restricted Mode: the status bar notice that workspace rule packs are not loaded, the command that reloads
// them, and the refusal that commands acting on workspace-provided content give instead of acting.
import * as vscode from 'vscode';
import type { CausewayService, RulePackLoad } from './service';

export const RELOAD_RULE_PACKS = 'causeway.reloadRulePacks';
const MANAGE_TRUST = 'workbench.trust.manage';
const UPDATE_DELAY_MS = 100;

/** What a command returns instead of acting, when the workspace is not trusted. */
export interface RestrictedModeRefusal {
  refused: 'restricted-mode';
  message: string;
}

/** The rule-pack notice as the status bar shows it, for tests. */
export interface RulePackNoticeState {
  visible: boolean;
  text: string;
  tooltip: string;
  command?: string;
}

export interface TrustApi {
  rulePackNotice(): RulePackNoticeState;
}

/**
 * Undefined in a trusted workspace. Otherwise shows `message` with a way to manage trust, and returns the
 * refusal for the command to hand back, so that a caller of executeCommand can tell it was refused.
 */
export function refuseInRestrictedMode(message: string): RestrictedModeRefusal | undefined {
  if (vscode.workspace.isTrusted) return undefined;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(message, manage).then((choice) => {
    if (choice === manage) void vscode.commands.executeCommand(MANAGE_TRUST);
  });
  return { refused: 'restricted-mode', message };
}

/** A status bar item while rule packs are not in use: Restricted Mode, or rule packs with errors. */
class RulePackNotice implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('causeway.rulePacks', vscode.StatusBarAlignment.Left, -100);
  visible = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: CausewayService) {
    this.item.name = vscode.l10n.t('Causeway Rule Packs');
    this.disposables.push(
      this.item,
      service.onDidChange(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
    );
    this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
  }

  update(): void {
    const notice = this.service.rulePackStatus;
    if (!notice) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const restricted = !vscode.workspace.isTrusted;
    this.item.text = restricted ? `$(workspace-untrusted) ${vscode.l10n.t('Rule packs off')}` : `$(warning) ${vscode.l10n.t('Rule pack errors')}`;
    this.item.tooltip = `${notice}\n\n${restricted ? vscode.l10n.t('Click to manage Workspace Trust.') : vscode.l10n.t('Click to reload the rule packs.')}`;
    this.item.command = restricted ? MANAGE_TRUST : RELOAD_RULE_PACKS;
    this.item.accessibilityInformation = { label: `${this.item.name}: ${notice}` };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function registerTrust(context: vscode.ExtensionContext, service: CausewayService): TrustApi {
  const notice = new RulePackNotice(service);
  context.subscriptions.push(
    notice,
    vscode.commands.registerCommand(RELOAD_RULE_PACKS, async (): Promise<RulePackLoad | RestrictedModeRefusal> => {
      const refusal = refuseInRestrictedMode(rulePacksNotLoaded());
      if (refusal) return refusal;
      service.restart();
      await service.whenReady();
      const load = service.rulePacks ?? { state: 'cancelled', files: 0, patterns: 0, errors: [] };
      void vscode.window.showInformationMessage(describeLoad(load));
      return load;
    }),
  );
  return {
    rulePackNotice: () => ({
      visible: notice.visible,
      text: notice.item.text,
      tooltip: typeof notice.item.tooltip === 'string' ? notice.item.tooltip : notice.item.tooltip?.value ?? '',
      command: typeof notice.item.command === 'string' ? notice.item.command : notice.item.command?.command,
    }),
  };
}

function rulePacksNotLoaded(): string {
  return vscode.l10n.t('Restricted Mode: Causeway does not load the rule packs in .causeway/catalog until you trust this workspace.');
}

function describeLoad(load: RulePackLoad): string {
  switch (load.state) {
    case 'loaded':
      return load.errors.length
        ? vscode.l10n.t('Loaded {0} patterns from {1} rule pack file(s); {2} problem(s) are listed in the Causeway output.', load.patterns, load.files, load.errors.length)
        : vscode.l10n.t('Loaded {0} patterns from {1} rule pack file(s).', load.patterns, load.files);
    case 'none':
      return vscode.l10n.t('There are no rule packs in .causeway/catalog.');
    case 'disabled':
      return vscode.l10n.t('Rule packs are turned off by the causeway.rulePacks.enabled setting.');
    case 'restricted':
      return rulePacksNotLoaded();
    case 'cancelled':
      return vscode.l10n.t('The rule packs were not reloaded because the workspace changed meanwhile. Try again.');
  }
}
