import { analyzeText, type Analysis, type AnalyzerData } from '../analyze';
import { isExplicitId } from '../annotate/ids';
import type { Finding, Gap, IdDeclaration, IdReference, Link, Range } from '../model';
import { computeGaps } from '../graph/gaps';

export interface Located<T> {
  uri: string;
  item: T;
}

/** Reads documents for the index; the CLI, the tests and VS Code each supply their own. */
export interface DocumentSource {
  list(): Promise<string[]>;
  read(uri: string): Promise<string>;
}

export interface DeclaredFinding {
  uri: string;
  declaration: IdDeclaration;
  /** The finding the declaration makes; absent only while a document is half analysed. */
  finding?: Finding;
}

/** A declaration in the index, with the finding it makes resolved once, when its document is added. */
interface DeclarationEntry extends Located<IdDeclaration> {
  finding?: Finding;
}

export interface SkippedDocument {
  uri: string;
  reason: string;
}

/**
 * All analysed documents of a workspace, with IDs resolved across them. Updating a document
 * re-analyses only that document; cross-document maps are patched, not rebuilt.
 */
export class WorkspaceIndex {
  private readonly documents = new Map<string, Analysis>();
  private readonly declarations = new Map<string, DeclarationEntry[]>();
  private readonly references = new Map<string, Located<IdReference>[]>();
  private readonly incoming = new Map<string, Located<Link>[]>();
  private readonly outgoing = new Map<string, Located<Link>[]>();
  private readonly skipped = new Map<string, SkippedDocument>();
  private readonly gapCache = new Map<string, Gap[]>();
  private generation = 0;

  constructor(private data: AnalyzerData) {}

  /** Replaces the lexicon or catalog (a rule pack changed); every document is analysed again. */
  setData(data: AnalyzerData): void {
    this.data = data;
    for (const [uri, analysis] of [...this.documents]) this.update(uri, analysis.model.text);
  }

  get version(): number {
    return this.generation;
  }

  /** Reads and analyses every document a source lists; one that cannot be read is skipped, with the reason. */
  async load(source: DocumentSource): Promise<void> {
    for (const uri of await source.list()) {
      let text: string;
      try {
        text = await source.read(uri);
      } catch (error) {
        this.skip(uri, `Could not be read: ${(error as Error).message}`);
        continue;
      }
      this.update(uri, text);
    }
  }

  update(uri: string, text: string): Analysis {
    const analysis = analyzeText(uri, text, this.data);
    this.put(analysis);
    return analysis;
  }

  /** Adds an analysis made elsewhere (a worker, a cache). */
  put(analysis: Analysis): void {
    this.removeContributions(analysis.uri);
    this.skipped.delete(analysis.uri);
    this.documents.set(analysis.uri, analysis);
    const declared = explicitFindingsById(analysis);
    for (const declaration of analysis.declarations) {
      const finding = declared.get(declaration.id)?.find((f) => f.statement === declaration.statement);
      push(this.declarations, declaration.id, { uri: analysis.uri, item: declaration, finding });
    }
    for (const reference of analysis.references) push(this.references, reference.id, { uri: analysis.uri, item: reference });
    for (const link of analysis.links) {
      if (isExplicitId(link.to)) push(this.incoming, link.to, { uri: analysis.uri, item: link });
      if (isExplicitId(link.from)) push(this.outgoing, link.from, { uri: analysis.uri, item: link });
    }
    this.changed();
  }

  skip(uri: string, reason: string): void {
    this.remove(uri);
    this.skipped.set(uri, { uri, reason });
    this.changed();
  }

  remove(uri: string): void {
    if (!this.documents.has(uri) && !this.skipped.has(uri)) return;
    this.removeContributions(uri);
    this.documents.delete(uri);
    this.skipped.delete(uri);
    this.changed();
  }

  rename(oldUri: string, newUri: string, text: string): void {
    this.remove(oldUri);
    this.update(newUri, text);
  }

  get(uri: string): Analysis | undefined {
    return this.documents.get(uri);
  }

  uris(): string[] {
    return [...this.documents.keys()].sort();
  }

  /** Whether a document was left out (too large, unreadable), and so has no analysis on purpose. */
  isSkipped(uri: string): boolean {
    return this.skipped.has(uri);
  }

  skippedDocuments(): SkippedDocument[] {
    return [...this.skipped.values()].sort((a, b) => a.uri.localeCompare(b.uri));
  }

  all(): Analysis[] {
    return this.uris().map((uri) => this.documents.get(uri)!);
  }

  declarationsOf(id: string): Located<IdDeclaration>[] {
    return this.declarations.get(id) ?? [];
  }

  referencesTo(id: string): Located<IdReference>[] {
    return this.references.get(id) ?? [];
  }

  linksTo(id: string): Located<Link>[] {
    return this.incoming.get(id) ?? [];
  }

  linksFrom(id: string): Located<Link>[] {
    return this.outgoing.get(id) ?? [];
  }

  /** Every explicit ID in the workspace. */
  ids(): IterableIterator<string> {
    return this.declarations.keys();
  }

  idCount(): number {
    return this.declarations.size;
  }

  /** The finding an explicit ID declares, with its document. */
  findingById(id: string): Located<Finding> | undefined {
    const entry = this.declarations.get(id)?.find((candidate) => candidate.finding);
    return entry ? { uri: entry.uri, item: entry.finding! } : undefined;
  }

  /**
   * Each declaration of an ID with the finding it declares: what go to definition and peek show.
   * The findings were resolved when their documents were added, so answering reads one list and
   * never the documents themselves, which in a large workspace are cold in memory.
   */
  definitionsOf(id: string): DeclaredFinding[] {
    return (this.declarations.get(id) ?? []).map((entry) => ({ uri: entry.uri, declaration: entry.item, finding: entry.finding }));
  }

  /** The finding at a position of a document: the smallest range that holds it, statements first. */
  findingAt(uri: string, line: number, character: number): Finding | undefined {
    const analysis = this.documents.get(uri);
    if (!analysis) return undefined;
    let best: Finding | undefined;
    for (const finding of analysis.findings) {
      if (!contains(finding.range, line, character)) continue;
      if (!best || rank(finding) < rank(best) || (rank(finding) === rank(best) && size(finding.range) < size(best.range))) best = finding;
    }
    return best;
  }

  /** Gaps of one document, including those that need the rest of the workspace to decide. */
  gaps(uri: string): Gap[] {
    const cached = this.gapCache.get(uri);
    if (cached) return cached;
    const analysis = this.documents.get(uri);
    const skipped = this.skipped.get(uri);
    let gaps: Gap[];
    if (analysis) gaps = computeGaps(analysis, this);
    else if (skipped) gaps = [{ code: 'file-skipped', message: skipped.reason, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, findingIds: [], severity: 'warning' }];
    else gaps = [];
    this.gapCache.set(uri, gaps);
    return gaps;
  }

  private changed(): void {
    this.generation++;
    this.gapCache.clear();
  }

  private removeContributions(uri: string): void {
    const old = this.documents.get(uri);
    if (!old) return;
    for (const declaration of old.declarations) pull(this.declarations, declaration.id, uri);
    for (const reference of old.references) pull(this.references, reference.id, uri);
    for (const link of old.links) {
      if (isExplicitId(link.to)) pull(this.incoming, link.to, uri);
      if (isExplicitId(link.from)) pull(this.outgoing, link.from, uri);
    }
  }
}

/** The findings of an analysis that carry an explicit ID, by that ID. */
function explicitFindingsById(analysis: Analysis): Map<string, Finding[]> {
  const byId = new Map<string, Finding[]>();
  for (const finding of analysis.findings) if (finding.explicitId) push(byId, finding.id, finding);
  return byId;
}

function push<E>(map: Map<string, E[]>, key: string, value: E): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<E extends { uri: string }>(map: Map<string, E[]>, key: string, uri: string): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((entry) => entry.uri !== uri);
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}

function contains(range: Range, line: number, character: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && character < range.start.character) return false;
  if (line === range.end.line && character > range.end.character) return false;
  return true;
}

function rank(finding: Finding): number {
  return finding.kind === 'evidence' || finding.kind === 'symptom' ? 1 : 0;
}

function size(range: Range): number {
  return (range.end.line - range.start.line) * 10000 + (range.end.character - range.start.character);
}
