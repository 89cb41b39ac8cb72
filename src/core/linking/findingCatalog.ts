import type { Analysis } from '../analyze';
import type { FindingKind, Position, Range } from '../model';
import { rangeContains } from '../text/lines';
import {
  compareIds, compareStrings, indexTokens, insertSorted, lowerBound, oneLine, queryTokens, removeSorted, searchableText, type QueryTokens,
} from './searchText';

/** One finding as searches see it. */
export interface CatalogEntry {
  readonly id: string;
  readonly explicit: boolean;
  readonly kind: FindingKind;
  /** The finding's text on one line. */
  readonly text: string;
  readonly lower: string;
  readonly uri: string;
  readonly range: Range;
  /** Where an explicit ID is written, e.g. the "[P1]" of "- [P1] ...". */
  readonly declaration?: Range;
  readonly tokens: readonly string[];
}

export interface CatalogSearch {
  query: string;
  /** The document asking; its own findings rank first. */
  uri?: string;
  /** Kinds that fit where the result will be used, best first. */
  kinds?: readonly FindingKind[];
  /** Only findings with an ID written in a document (the ones a reference can name). */
  explicitOnly?: boolean;
  /** A position in `uri`: the finding being written there is left out, as it cannot refer to itself. */
  excludeAt?: Position;
  limit?: number;
}

export interface RankedEntry {
  entry: CatalogEntry;
  /** The query is exactly this ID. */
  exact: boolean;
  sameDocument: boolean;
  /** Higher for a kind earlier in `kinds`; 0 when it does not fit. */
  kindFit: number;
  /** 5 ID prefix, 4 prefix after a namespace, 3 text starts with the query, 2 text contains it, 1 every word found. */
  match: number;
}

export type DocumentFindings = Pick<Analysis, 'uri' | 'findings' | 'declarations'>;

interface IdKey {
  key: string;
  entry: CatalogEntry;
}

const DEFAULT_LIMIT = 100;
/** Candidates gathered per source before ranking; bounds the work of one keystroke. */
const CANDIDATE_CAP = 2000;
const ID_QUERY = /^[A-Za-z0-9.-]+$/;
/** A query that can only be the start of an ID (a kind letter and a digit); its words are not searched in texts. */
const ID_ONLY_QUERY = /^(?:[A-Za-z][A-Za-z0-9]*-)*[PCSEpcse]\d[\d.]*$/;

const byKey = (a: IdKey, b: IdKey) => compareStrings(a.key, b.key);
const byId = (a: CatalogEntry, b: CatalogEntry) => compareIds(a.id, b.id) || compareStrings(a.uri, b.uri);

/**
 * Every finding of the workspace, indexed for searches that must answer on each keystroke:
 * explicit IDs in a sorted array of keys (prefix search by binary search), per kind in ID order,
 * and the words of each finding's text in an inverted index with a sorted token list for prefixes.
 * Documents are added and removed one at a time; a full rebuild sorts once.
 */
export class FindingCatalog {
  private readonly byUri = new Map<string, CatalogEntry[]>();
  private readonly declared = new Map<string, CatalogEntry[]>();
  private idKeys: IdKey[] = [];
  private readonly byKind = new Map<FindingKind, CatalogEntry[]>();
  private readonly postings = new Map<string, Set<CatalogEntry>>();
  private tokenList: string[] = [];

  /** Replaces everything with these documents, sorting each structure once. */
  replaceAll(documents: Iterable<DocumentFindings>): void {
    this.byUri.clear();
    this.declared.clear();
    this.byKind.clear();
    this.postings.clear();
    this.idKeys = [];
    for (const document of documents) {
      const entries = entriesOf(document);
      this.byUri.set(document.uri, entries);
      for (const entry of entries) this.addUnsorted(entry);
    }
    this.idKeys.sort(byKey);
    for (const list of this.byKind.values()) list.sort(byId);
    this.tokenList = [...this.postings.keys()].sort(compareStrings);
  }

  /** Adds or replaces one document's findings. */
  setDocument(document: DocumentFindings): void {
    this.removeDocument(document.uri);
    const entries = entriesOf(document);
    this.byUri.set(document.uri, entries);
    for (const entry of entries) {
      if (entry.explicit) {
        for (const key of keysOf(entry.id)) insertSorted(this.idKeys, { key, entry }, byKey);
        insertSorted(this.kindList(entry.kind), entry, byId);
        push(this.declared, entry.id, entry);
      }
      for (const token of entry.tokens) {
        const set = this.postings.get(token);
        if (set) set.add(entry);
        else {
          this.postings.set(token, new Set([entry]));
          insertSorted(this.tokenList, token, compareStrings);
        }
      }
    }
  }

  removeDocument(uri: string): void {
    const entries = this.byUri.get(uri);
    if (!entries) return;
    this.byUri.delete(uri);
    for (const entry of entries) {
      if (entry.explicit) {
        for (const key of keysOf(entry.id)) {
          const at = lowerBound(this.idKeys, key, (item, probe) => compareStrings(item.key, probe));
          for (let i = at; i < this.idKeys.length && this.idKeys[i].key === key; i++) {
            if (this.idKeys[i].entry === entry) {
              this.idKeys.splice(i, 1);
              break;
            }
          }
        }
        removeSorted(this.kindList(entry.kind), entry, byId);
        const list = this.declared.get(entry.id)?.filter((e) => e !== entry) ?? [];
        if (list.length) this.declared.set(entry.id, list);
        else this.declared.delete(entry.id);
      }
      for (const token of entry.tokens) {
        const set = this.postings.get(token);
        if (!set) continue;
        set.delete(entry);
        if (set.size === 0) {
          this.postings.delete(token);
          removeSorted(this.tokenList, token, compareStrings);
        }
      }
    }
  }

  get documentCount(): number {
    return this.byUri.size;
  }

  /** Number of distinct explicit IDs. */
  get idCount(): number {
    return this.declared.size;
  }

  /** Explicit IDs, each once, in no particular order. */
  explicitIds(): IterableIterator<string> {
    return this.declared.keys();
  }

  entriesOf(uri: string): readonly CatalogEntry[] {
    return this.byUri.get(uri) ?? [];
  }

  declarationsOf(id: string): readonly CatalogEntry[] {
    return this.declared.get(id) ?? [];
  }

  /** The best findings for a query, ranked: exact ID, same document, fitting kind, match strength, ID order. */
  search(options: CatalogSearch): RankedEntry[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const query = oneLine(options.query);
    const kinds = options.kinds ?? [];
    const idQuery = ID_QUERY.test(query) ? query.toUpperCase() : '';
    const lowerQuery = query.toLowerCase();
    const tokens = ID_ONLY_QUERY.test(query) ? { exact: [], prefixes: [] } : queryTokens(query);
    const excludeAt = options.excludeAt;
    const wanted = (entry: CatalogEntry) =>
      (entry.explicit || !options.explicitOnly) && !(excludeAt && entry.uri === options.uri && rangeContains(entry.range, excludeAt));
    const candidates = new Set<CatalogEntry>();
    const own = options.uri ? this.entriesOf(options.uri) : [];

    if (!query) {
      for (const entry of own) if (entry.explicit && wanted(entry)) candidates.add(entry);
      for (const kind of kinds) this.firstOfKind(kind, limit, candidates);
      for (const kind of this.byKind.keys()) if (!kinds.includes(kind)) this.firstOfKind(kind, limit, candidates);
    } else {
      for (const entry of own) if (wanted(entry)) candidates.add(entry);
      if (idQuery) this.idPrefixCandidates(idQuery, candidates);
      for (const entry of this.textCandidates(tokens)) if (wanted(entry)) candidates.add(entry);
    }

    const ranked: RankedEntry[] = [];
    for (const entry of candidates) {
      if (!wanted(entry)) continue;
      const match = query ? matchStrength(entry, idQuery, lowerQuery, tokens) : 0;
      if (query && match === 0) continue;
      const fit = kinds.indexOf(entry.kind);
      ranked.push({ entry, exact: idQuery !== '' && entry.id === idQuery, sameDocument: entry.uri === options.uri, kindFit: fit < 0 ? 0 : kinds.length - fit, match });
    }
    ranked.sort(compareRanked);
    return ranked.slice(0, limit);
  }

  private firstOfKind(kind: FindingKind, count: number, into: Set<CatalogEntry>): void {
    const list = this.byKind.get(kind) ?? [];
    for (let i = 0; i < list.length && i < count; i++) into.add(list[i]);
  }

  private idPrefixCandidates(prefix: string, into: Set<CatalogEntry>): void {
    let added = 0;
    const start = lowerBound(this.idKeys, prefix, (item, probe) => compareStrings(item.key, probe));
    for (let i = start; i < this.idKeys.length && added < CANDIDATE_CAP && this.idKeys[i].key.startsWith(prefix); i++) {
      into.add(this.idKeys[i].entry);
      added++;
    }
  }

  /**
   * Findings whose text holds every query token. The rarest token drives the walk (its postings, or the
   * union of postings of the indexed tokens it prefixes); the others are checked on the entry's text.
   */
  private textCandidates(tokens: QueryTokens): CatalogEntry[] {
    const all = [...tokens.exact.map((token) => ({ token, prefix: false })), ...tokens.prefixes.map((token) => ({ token, prefix: true }))];
    if (all.length === 0) return [];
    let driver = all[0];
    let driverSize = Infinity;
    for (const candidate of all) {
      const size = candidate.prefix ? this.prefixSize(candidate.token, driverSize) : this.postings.get(candidate.token)?.size ?? 0;
      if (size === 0) return [];
      if (size < driverSize) {
        driver = candidate;
        driverSize = size;
      }
    }
    const others = all.filter((c) => c !== driver).map((c) => c.token);
    const found: CatalogEntry[] = [];
    const seen = new Set<CatalogEntry>();
    for (const set of driver.prefix ? this.prefixPostings(driver.token) : [this.postings.get(driver.token)!]) {
      for (const entry of set) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        if (!others.every((token) => entry.lower.includes(token))) continue;
        found.push(entry);
        if (found.length >= CANDIDATE_CAP) return found;
      }
    }
    return found;
  }

  private prefixSize(prefix: string, stopAbove: number): number {
    let total = 0;
    for (const set of this.prefixPostings(prefix)) {
      total += set.size;
      if (total > stopAbove) break;
    }
    return total;
  }

  private *prefixPostings(prefix: string): Generator<Set<CatalogEntry>> {
    for (let i = lowerBound(this.tokenList, prefix, compareStrings); i < this.tokenList.length && this.tokenList[i].startsWith(prefix); i++) {
      yield this.postings.get(this.tokenList[i])!;
    }
  }

  private kindList(kind: FindingKind): CatalogEntry[] {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = []));
    return list;
  }

  private addUnsorted(entry: CatalogEntry): void {
    if (entry.explicit) {
      for (const key of keysOf(entry.id)) this.idKeys.push({ key, entry });
      this.kindList(entry.kind).push(entry);
      push(this.declared, entry.id, entry);
    }
    for (const token of entry.tokens) {
      const set = this.postings.get(token);
      if (set) set.add(entry);
      else this.postings.set(token, new Set([entry]));
    }
  }
}

function entriesOf(document: DocumentFindings): CatalogEntry[] {
  const declarations = new Map(document.declarations.map((d) => [`${d.statement}\u0000${d.id}`, d.range]));
  return document.findings.map((finding) => {
    const lower = searchableText(finding.text);
    return {
      id: finding.id,
      explicit: finding.explicitId,
      kind: finding.kind,
      text: oneLine(finding.text),
      lower,
      uri: document.uri,
      range: finding.range,
      declaration: finding.explicitId ? declarations.get(`${finding.statement}\u0000${finding.id}`) : undefined,
      tokens: indexTokens(lower),
    };
  });
}

/** The keys an ID is found under: itself and what follows each namespace ("AH-P1" also as "P1"). */
function keysOf(id: string): string[] {
  const keys = [id];
  for (let i = id.indexOf('-'); i >= 0; i = id.indexOf('-', i + 1)) if (i + 1 < id.length) keys.push(id.slice(i + 1));
  return keys;
}

function matchStrength(entry: CatalogEntry, idQuery: string, lowerQuery: string, tokens: QueryTokens): number {
  if (idQuery && entry.explicit) {
    if (entry.id.startsWith(idQuery)) return 5;
    if (keysOf(entry.id).some((key) => key.startsWith(idQuery))) return 4;
  }
  if (tokens.exact.length + tokens.prefixes.length === 0) return 0;
  if (entry.lower.startsWith(lowerQuery)) return 3;
  if (entry.lower.includes(lowerQuery)) return 2;
  const words = [...tokens.exact, ...tokens.prefixes];
  return words.length > 0 && words.every((token) => entry.lower.includes(token)) ? 1 : 0;
}

function compareRanked(a: RankedEntry, b: RankedEntry): number {
  return (
    Number(b.exact) - Number(a.exact) ||
    Number(b.sameDocument) - Number(a.sameDocument) ||
    b.kindFit - a.kindFit ||
    b.match - a.match ||
    Number(b.entry.explicit) - Number(a.entry.explicit) ||
    compareIds(a.entry.id, b.entry.id) ||
    compareStrings(a.entry.uri, b.entry.uri) ||
    a.entry.range.start.line - b.entry.range.start.line
  );
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
