import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { openDocument } from './openDocuments';
import type { Analysis } from '../core/analyze';
import { readRulePack, setPatternSchema, formatRulePackError } from '../core/catalog/rulePacks';
import { builtinData, dataWithPatterns } from '../core/data/builtin';
import { decodeDocument } from '../core/io/decode';
import { WorkspaceIndex } from '../core/index/workspace';
import type { Finding } from '../core/model';
import { readSettings, type CausewaySettings } from './config';
import type { Logger } from './logger';

export interface IndexChange {
  /** Documents whose analysis changed; empty when everything may have changed. */
  uris: string[];
}

/** What the last attempt to load workspace rule packs came to. */
export interface RulePackLoad {
  /** 'restricted': files exist but the workspace is not trusted, so none was read. */
  state: 'loaded' | 'none' | 'disabled' | 'restricted' | 'cancelled';
  files: number;
  patterns: number;
  errors: string[];
}

const INDEX_SLICE_MS = 12;
const RULE_PACK_GLOB = '.causeway/catalog/*.{yaml,yml}';
const RULE_PACK_PATH = /\.causeway\/catalog\/[^/]+\.ya?ml$/;

/**
 * Keeps the core's workspace index in step with the editor: open documents as they are typed,
 * files on disk through watchers, settings and rule packs. Everything else reads from here.
 */
export class CausewayService implements vscode.Disposable {
  private index: WorkspaceIndex | undefined;
  private settings: CausewaySettings = readSettings();
  private includeMatch: (path: string) => boolean = () => true;
  private readonly versions = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly changeEmitter = new vscode.EventEmitter<IndexChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private indexing: vscode.CancellationTokenSource | undefined;
  private readyPromise: Promise<void> | undefined;
  private rulePackNotice: string | undefined;
  private lastRulePackLoad: RulePackLoad | undefined;
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly logger: Logger, private readonly schema: object) {
    this.applySettings();
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleAnalysis(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.scheduleAnalysis(document, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => this.reloadFromDisk(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('causeway')) return;
        this.applySettings();
        if (event.affectsConfiguration('causeway.include') || event.affectsConfiguration('causeway.exclude') || event.affectsConfiguration('causeway.maxFileSize') || event.affectsConfiguration('causeway.rulePacks')) this.restart();
        else this.changeEmitter.fire({ uris: [] });
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.restart()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.onDiskChange(uri)),
      watcher.onDidChange((uri) => this.onDiskChange(uri)),
      watcher.onDidDelete((uri) => this.onDiskDelete(uri)),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const file of event.files) {
          this.onDiskDelete(file.oldUri);
          void this.onDiskChange(file.newUri);
        }
      }),
    );
  }

  get currentSettings(): CausewaySettings {
    return this.settings;
  }

  /** The index, created on first use so that activation stays cheap. */
  get workspace(): WorkspaceIndex {
    // Rule packs are swapped in later by loadRulePacks, and only in a trusted workspace.
    this.index ??= new WorkspaceIndex(builtinData());
    return this.index;
  }

  /** Resolves when the first full indexing of the workspace has finished or was cancelled. */
  whenReady(): Promise<void> {
    this.readyPromise ??= this.indexWorkspace();
    return this.readyPromise;
  }

  /** The notice shown when rule packs are not loaded (Restricted Mode) or failed to load. */
  get rulePackStatus(): string | undefined {
    return this.rulePackNotice;
  }

  /** The outcome of the latest rule-pack load; undefined until the first indexing has got that far. */
  get rulePacks(): RulePackLoad | undefined {
    return this.lastRulePackLoad;
  }

  inScope(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled' && uri.scheme !== 'vscode-remote') return false;
    if (!/\.(md|markdown)$/i.test(uri.path) && uri.scheme !== 'untitled') return false;
    return uri.scheme === 'untitled' || this.includeMatch(vscode.workspace.asRelativePath(uri, false));
  }

  isMarkdown(document: vscode.TextDocument): boolean {
    return document.languageId === 'markdown' && this.inScope(document.uri);
  }

  /** The analysis of an open document as it is now, analysing it at once if typing left it stale. */
  analysisOf(document: vscode.TextDocument): Analysis | undefined {
    if (!this.isMarkdown(document)) return undefined;
    const key = document.uri.toString();
    // A skipped document keeps no analysis; asking again for the same version must not redo the work.
    if (this.versions.get(key) !== document.version || (!this.workspace.get(key) && !this.workspace.isSkipped(key))) this.analyseNow(document);
    return this.workspace.get(key);
  }

  analysisOfUri(uri: vscode.Uri): Analysis | undefined {
    const open = openDocument(uri);
    return open ? this.analysisOf(open) : this.workspace.get(uri.toString());
  }

  /** The version of the document the stored analysis was made from. */
  analysedVersion(uri: vscode.Uri): number | undefined {
    return this.versions.get(uri.toString());
  }

  findingAt(document: vscode.TextDocument, position: vscode.Position): Finding | undefined {
    if (!this.analysisOf(document)) return undefined;
    return this.workspace.findingAt(document.uri.toString(), position.line, position.character);
  }

  analyseNow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.pending.get(key);
    if (pending) clearTimeout(pending);
    this.pending.delete(key);
    const text = document.getText();
    if (text.length > this.settings.maxFileSize) {
      this.workspace.skip(key, `This document is ${Math.round(text.length / 1024)} KB, over causeway.maxFileSize; Causeway does not analyse it.`);
    } else {
      try {
        this.workspace.update(key, text);
      } catch (error) {
        this.logger.error(`Could not analyse ${document.uri.fsPath}`, error);
        this.workspace.skip(key, `Could not be analysed: ${(error as Error).message}`);
      }
    }
    this.versions.set(key, document.version);
    this.changeEmitter.fire({ uris: [key] });
  }

  private scheduleAnalysis(document: vscode.TextDocument, delay = this.settings.diagnosticsDelay): void {
    if (!this.isMarkdown(document)) return;
    const key = document.uri.toString();
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous);
    // Rapid typing keeps pushing the analysis back; only the latest text is ever analysed.
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (document.isClosed) return;
      if (this.versions.get(key) !== document.version) this.analyseNow(document);
    }, delay));
  }

  private async onDiskChange(uri: vscode.Uri): Promise<void> {
    if (RULE_PACK_PATH.test(uri.path)) {
      this.onRulePackFileChange();
      return;
    }
    if (!this.inScope(uri)) return;
    if (openDocument(uri)) return; // the editor's text wins
    await this.readFile(uri);
    this.changeEmitter.fire({ uris: [uri.toString()] });
  }

  private onDiskDelete(uri: vscode.Uri): void {
    if (RULE_PACK_PATH.test(uri.path)) {
      this.onRulePackFileChange();
      return;
    }
    const key = uri.toString();
    if (!this.workspace.get(key) && !this.workspace.isSkipped(key)) return;
    this.workspace.remove(key);
    this.versions.delete(key);
    this.changeEmitter.fire({ uris: [key] });
  }

  private async reloadFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.inScope(uri)) return;
    this.versions.delete(uri.toString());
    try {
      await vscode.workspace.fs.stat(uri);
      await this.readFile(uri);
    } catch {
      this.workspace.remove(uri.toString());
    }
    this.changeEmitter.fire({ uris: [uri.toString()] });
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    try {
      const decoded = decodeDocument(await vscode.workspace.fs.readFile(uri), this.settings.maxFileSize);
      if ('skipped' in decoded) {
        this.workspace.skip(key, decoded.skipped);
        this.logger.info(`Skipped ${uri.fsPath}: ${decoded.skipped}`);
      } else {
        this.workspace.update(key, decoded.text);
      }
    } catch (error) {
      this.logger.error(`Could not read ${uri.fsPath}`, error);
      this.workspace.skip(key, `Could not be read: ${(error as Error).message}`);
    }
  }

  /** Indexes every file in scope in short slices, so typing never waits on it. */
  private async indexWorkspace(): Promise<void> {
    this.indexing?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.indexing = source;
    const token = source.token;
    try {
      const load = await this.loadRulePacks(token);
      // A cancelled run was overtaken by a restart, whose outcome is the one that counts.
      if (!token.isCancellationRequested) this.lastRulePackLoad = load;
    } catch (error) {
      this.logger.error('Could not load rule packs', error);
    }
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Causeway: indexing strategy documents') }, async (progress) => {
      const include = `{${this.settings.include.join(',')}}`;
      const exclude = this.settings.exclude.length ? `{${this.settings.exclude.join(',')}}` : undefined;
      const files = await vscode.workspace.findFiles(include, exclude, undefined, token);
      let sliceStart = Date.now();
      for (let i = 0; i < files.length; i++) {
        if (token.isCancellationRequested) return;
        const open = openDocument(files[i]);
        if (open) this.analyseNow(open);
        else await this.readFile(files[i]);
        if (Date.now() - sliceStart > INDEX_SLICE_MS) {
          progress.report({ message: `${i + 1}/${files.length}` });
          this.changeEmitter.fire({ uris: [] });
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = Date.now();
        }
      }
      // A run overtaken by a restart stops here too, even when it had nothing left to read.
      if (token.isCancellationRequested) return;
      for (const document of vscode.workspace.textDocuments) if (this.isMarkdown(document) && this.versions.get(document.uri.toString()) !== document.version) this.analyseNow(document);
      this.logger.info(`Indexed ${files.length} documents, ${this.workspace.idCount()} IDs.`);
    });
    if (this.indexing === source) this.indexing = undefined;
    this.changeEmitter.fire({ uris: [] });
  }

  /** Settings, trust or rule packs changed: rebuild the data and the index in the background. */
  restart(): void {
    this.indexing?.cancel();
    this.index = new WorkspaceIndex(builtinData());
    this.versions.clear();
    this.readyPromise = this.indexWorkspace();
    this.changeEmitter.fire({ uris: [] });
  }

  private applySettings(): void {
    this.settings = readSettings();
    const include = picomatch(this.settings.include, { dot: false });
    const exclude = this.settings.exclude.length ? picomatch(this.settings.exclude, { dot: true }) : () => false;
    this.includeMatch = (path) => include(path) && !exclude(path);
  }

  /**
   * A rule pack was added, changed or deleted. In Restricted Mode only the notice's file count can change,
   * so the index is kept; otherwise the patterns are reloaded.
   */
  private onRulePackFileChange(): void {
    if (vscode.workspace.isTrusted) this.restart();
    else void this.loadRulePacks().then((load) => (this.lastRulePackLoad = load));
  }

  /**
   * Reads the workspace's rule packs and swaps them into the index; errors name the file and line.
   * In Restricted Mode no rule pack is read: the files are only counted, for the notice.
   */
  async loadRulePacks(token?: vscode.CancellationToken): Promise<RulePackLoad> {
    this.rulePackNotice = undefined;
    if (!this.settings.rulePacks) return { state: 'disabled', files: 0, patterns: 0, errors: [] };
    const files = await vscode.workspace.findFiles(RULE_PACK_GLOB);
    if (token?.isCancellationRequested) return { state: 'cancelled', files: files.length, patterns: 0, errors: [] };
    if (files.length === 0) return { state: 'none', files: 0, patterns: 0, errors: [] };
    // Checked after the search, so that trust granted meanwhile is honoured and never reported as missing.
    if (!vscode.workspace.isTrusted) {
      this.rulePackNotice = vscode.l10n.t('Restricted Mode: {0} workspace rule pack file(s) in .causeway/catalog are not loaded until you trust this workspace. The built-in catalog is used.', files.length);
      this.changeEmitter.fire({ uris: [] });
      return { state: 'restricted', files: files.length, patterns: 0, errors: [] };
    }
    setPatternSchema(this.schema);
    const patterns = [];
    const errors: string[] = [];
    for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      const result = readRulePack(vscode.workspace.asRelativePath(file), text);
      patterns.push(...result.patterns);
      errors.push(...result.errors.map(formatRulePackError));
    }
    if (token?.isCancellationRequested) return { state: 'cancelled', files: files.length, patterns: 0, errors };
    if (errors.length) {
      this.rulePackNotice = vscode.l10n.t('Some rule packs have errors: {0}', errors.join('; '));
      this.logger.warn(this.rulePackNotice);
      void vscode.window.showWarningMessage(this.rulePackNotice);
    }
    this.workspace.setData(dataWithPatterns(patterns));
    this.changeEmitter.fire({ uris: [] });
    return { state: 'loaded', files: files.length, patterns: patterns.length, errors };
  }

  dispose(): void {
    this.indexing?.cancel();
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
