import type { Analysis } from '../analyze';
import type { FindingKind, Position, Range } from '../model';
import { rangeContains } from '../text/lines';
import { KIND_ORDER } from './locate';
import { compareStrings, indexTokens, naturalKey, oneLine, queryTokens, searchableText, type QueryTokens } from './searchText';
import { SortedBlocks } from './sortedBlocks';

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
  /** The ID with its numbers zero-padded, so plain string order is ID order (P2 before P10). */
  readonly sortKey: string;
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

type KindSets = Map<FindingKind, Set<CatalogEntry>>;

const DEFAULT_LIMIT = 100;
const ID_QUERY = /^[A-Za-z0-9.-]+$/;
/** A query that looks like the start of an ID (a letter first, a digit somewhere: "P1", "D12", "AH-C"); texts are not searched for it. */
const ID_ONLY_QUERY = /^[A-Za-z][A-Za-z.-]*\d[A-Za-z0-9.-]*$/;

// Total orders: thousands of IDs share a key such as "P1" (D1-P1, D2-P1…), and removing one must not
// walk past all the others.
const byId = (a: CatalogEntry, b: CatalogEntry) =>
  compareStrings(a.sortKey, b.sortKey) || compareStrings(a.uri, b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
const byKey = (a: IdKey, b: IdKey) => compareStrings(a.key, b.key) || byId(a.entry, b.entry);
const sameKey = (a: IdKey, b: IdKey) => a.entry === b.entry && a.key === b.key;

/**
 * Every finding of the workspace, indexed for searches that must answer on each keystroke. Per kind:
 * explicit IDs under sorted keys (prefix search by binary search), explicit findings in ID order, and
 * an inverted index from the words of each finding's text, with a sorted token list for prefixes. The
 * sorted lists are kept in blocks, so patching one document costs the same in any size of workspace.
 * A search gathers a bounded number of candidates, fitting kinds first, so its work does not grow with
 * the workspace either; within a kind, prefix and text hits beyond that budget are not considered.
 */
export class FindingCatalog {
  private readonly byUri = new Map<string, CatalogEntry[]>();
  /** The analysis each document's entries were made from, so a sync can tell what changed. */
  private readonly sources = new Map<string, DocumentFindings>();
  private readonly declared = new Map<string, CatalogEntry[]>();
  private readonly idKeys = new Map<FindingKind, SortedBlocks<IdKey>>();
  private readonly byKind = new Map<FindingKind, SortedBlocks<CatalogEntry>>();
  private readonly postings = new Map<string, KindSets>();
  private readonly tokenList = new SortedBlocks<string>(compareStrings);

  /** Replaces everything with these documents, sorting each structure once. */
  replaceAll(documents: Iterable<DocumentFindings>): void {
    this.byUri.clear();
    this.sources.clear();
    this.declared.clear();
    this.postings.clear();
    const keys = new Map<FindingKind, IdKey[]>();
    const kinds = new Map<FindingKind, CatalogEntry[]>();
    for (const document of documents) {
      const entries = entriesOf(document);
      this.byUri.set(document.uri, entries);
      this.sources.set(document.uri, document);
      for (const entry of entries) {
        if (entry.explicit) {
          for (const key of keysOf(entry.id)) listIn(keys, entry.kind).push({ key, entry });
          listIn(kinds, entry.kind).push(entry);
          push(this.declared, entry.id, entry);
        }
        for (const token of entry.tokens) this.post(token, entry);
      }
    }
    this.idKeys.clear();
    this.byKind.clear();
    for (const [kind, list] of keys) this.keysOf(kind).reset(list);
    for (const [kind, list] of kinds) this.kindList(kind).reset(list);
    this.tokenList.reset([...this.postings.keys()]);
  }

  /**
   * Brings the catalog in line with these documents: only documents whose analysis object changed are
   * indexed again, and documents no longer listed are dropped. An empty catalog is built in one go.
   */
  sync(documents: Iterable<DocumentFindings>): void {
    if (this.byUri.size === 0) {
      this.replaceAll(documents);
      return;
    }
    const seen = new Set<string>();
    for (const document of documents) {
      seen.add(document.uri);
      if (this.sources.get(document.uri) !== document) this.setDocument(document);
    }
    for (const uri of [...this.byUri.keys()]) if (!seen.has(uri)) this.removeDocument(uri);
  }

  /** Adds or replaces one document's findings. */
  setDocument(document: DocumentFindings): void {
    this.removeDocument(document.uri);
    const entries = entriesOf(document);
    this.byUri.set(document.uri, entries);
    this.sources.set(document.uri, document);
    for (const entry of entries) {
      if (entry.explicit) {
        for (const key of keysOf(entry.id)) this.keysOf(entry.kind).insert({ key, entry });
        this.kindList(entry.kind).insert(entry);
        push(this.declared, entry.id, entry);
      }
      for (const token of entry.tokens) if (this.post(token, entry)) this.tokenList.insert(token);
    }
  }

  removeDocument(uri: string): void {
    const entries = this.byUri.get(uri);
    if (!entries) return;
    this.byUri.delete(uri);
    this.sources.delete(uri);
    for (const entry of entries) {
      if (entry.explicit) {
        const keys = this.keysOf(entry.kind);
        for (const key of keysOf(entry.id)) keys.remove({ key, entry }, sameKey);
        this.kindList(entry.kind).remove(entry);
        const list = this.declared.get(entry.id)?.filter((e) => e !== entry) ?? [];
        if (list.length) this.declared.set(entry.id, list);
        else this.declared.delete(entry.id);
      }
      for (const token of entry.tokens) {
        const sets = this.postings.get(token);
        const set = sets?.get(entry.kind);
        if (!sets || !set) continue;
        set.delete(entry);
        if (set.size === 0) sets.delete(entry.kind);
        if (sets.size === 0) {
          this.postings.delete(token);
          this.tokenList.remove(token);
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
    // Candidates per source; ranking more than this many would only cost time on every keystroke.
    const budget = limit;
    const query = oneLine(options.query);
    const kinds = options.kinds ?? [];
    const order = [...kinds, ...KIND_ORDER.filter((kind) => !kinds.includes(kind))];
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
      for (const kind of order) this.firstOfKind(kind, limit, candidates);
    } else {
      for (const entry of own) if (wanted(entry)) candidates.add(entry);
      for (const entry of this.declarationsOf(idQuery)) candidates.add(entry);
      for (const kind of order) {
        if (idQuery) this.idPrefixCandidates(kind, idQuery, budget, candidates);
        this.textCandidates(kind, tokens, budget, wanted, candidates);
        if (candidates.size >= budget + own.length) break;
      }
    }

    const ranked: (RankedEntry & { score: number })[] = [];
    for (const entry of candidates) {
      if (!wanted(entry)) continue;
      const match = query ? matchStrength(entry, idQuery, lowerQuery, tokens) : 0;
      if (query && match === 0) continue;
      const fit = kinds.indexOf(entry.kind);
      const exact = idQuery !== '' && entry.id === idQuery;
      const sameDocument = entry.uri === options.uri;
      const kindFit = fit < 0 ? 0 : kinds.length - fit;
      ranked.push({ entry, exact, sameDocument, kindFit, match, score: rankScore(exact, sameDocument, kindFit, match, entry.explicit) });
    }
    ranked.sort(compareRanked);
    return ranked.slice(0, limit).map(({ score, ...rest }) => rest);
  }

  private firstOfKind(kind: FindingKind, count: number, into: Set<CatalogEntry>): void {
    let taken = 0;
    for (const entry of this.byKind.get(kind)?.values() ?? []) {
      if (taken++ >= count) break;
      into.add(entry);
    }
  }

  private idPrefixCandidates(kind: FindingKind, prefix: string, budget: number, into: Set<CatalogEntry>): void {
    let added = 0;
    for (const item of this.idKeys.get(kind)?.from((candidate) => candidate.key < prefix) ?? []) {
      if (!item.key.startsWith(prefix) || added >= budget) break;
      into.add(item.entry);
      added++;
    }
  }

  /**
   * Findings of a kind whose text holds every query token. The rarest token drives the walk (its
   * postings, or the union of postings of the indexed tokens it prefixes); the others are checked on
   * the entry's text.
   */
  private textCandidates(kind: FindingKind, tokens: QueryTokens, budget: number, wanted: (entry: CatalogEntry) => boolean, into: Set<CatalogEntry>): void {
    const all = [...tokens.exact.map((token) => ({ token, prefix: false })), ...tokens.prefixes.map((token) => ({ token, prefix: true }))];
    if (all.length === 0) return;
    let driver = all[0];
    let driverSize = Infinity;
    // With one token there is nothing to choose; sizing a prefix would walk every token it starts.
    for (const candidate of all.length > 1 ? all : []) {
      const size = candidate.prefix ? this.prefixSize(candidate.token, kind, driverSize) : this.postings.get(candidate.token)?.get(kind)?.size ?? 0;
      if (size === 0) return;
      if (size < driverSize) {
        driver = candidate;
        driverSize = size;
      }
    }
    const others = all.filter((c) => c !== driver).map((c) => c.token);
    const sets = driver.prefix ? this.prefixPostings(driver.token, kind) : [this.postings.get(driver.token)?.get(kind) ?? new Set<CatalogEntry>()];
    let added = 0;
    for (const set of sets) {
      for (const entry of set) {
        if (into.has(entry) || !wanted(entry) || !others.every((token) => entry.lower.includes(token))) continue;
        into.add(entry);
        if (++added >= budget) return;
      }
    }
  }

  private prefixSize(prefix: string, kind: FindingKind, stopAbove: number): number {
    let total = 0;
    for (const set of this.prefixPostings(prefix, kind)) {
      total += set.size;
      if (total > stopAbove) break;
    }
    return total;
  }

  private *prefixPostings(prefix: string, kind: FindingKind): Generator<Set<CatalogEntry>> {
    for (const token of this.tokenList.from((candidate) => candidate < prefix)) {
      if (!token.startsWith(prefix)) return;
      const set = this.postings.get(token)?.get(kind);
      if (set) yield set;
    }
  }

  /** Records a token of an entry; true when the token is new to the catalog. */
  private post(token: string, entry: CatalogEntry): boolean {
    let sets = this.postings.get(token);
    const added = !sets;
    if (!sets) this.postings.set(token, (sets = new Map()));
    let set = sets.get(entry.kind);
    if (!set) sets.set(entry.kind, (set = new Set()));
    set.add(entry);
    return added;
  }

  private keysOf(kind: FindingKind): SortedBlocks<IdKey> {
    let list = this.idKeys.get(kind);
    if (!list) this.idKeys.set(kind, (list = new SortedBlocks(byKey)));
    return list;
  }

  private kindList(kind: FindingKind): SortedBlocks<CatalogEntry> {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = new SortedBlocks(byId)));
    return list;
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
      sortKey: naturalKey(finding.id),
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
    for (let dash = entry.id.indexOf('-'); dash >= 0; dash = entry.id.indexOf('-', dash + 1)) if (entry.id.startsWith(idQuery, dash + 1)) return 4;
  }
  if (tokens.exact.length + tokens.prefixes.length === 0) return 0;
  if (entry.lower.startsWith(lowerQuery)) return 3;
  if (entry.lower.includes(lowerQuery)) return 2;
  return tokens.exact.every((token) => entry.lower.includes(token)) && tokens.prefixes.every((token) => entry.lower.includes(token)) ? 1 : 0;
}

/** The ranking criteria packed into one number, most significant first (kind fit is at most 5). */
function rankScore(exact: boolean, sameDocument: boolean, kindFit: number, match: number, explicit: boolean): number {
  return (Number(exact) << 12) | (Number(sameDocument) << 11) | (kindFit << 5) | (match << 1) | Number(explicit);
}

function compareRanked(a: RankedEntry & { score: number }, b: RankedEntry & { score: number }): number {
  return b.score - a.score || byId(a.entry, b.entry);
}

function listIn<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
