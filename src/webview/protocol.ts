// Every message between the map panel (extension host) and its webview, in both directions, with
// the validators each side runs on receipt. Pure: no DOM, no vscode. A message that fails
// validation is dropped by the receiver and logged; nothing from the webview reaches the editor
// or a command without passing through here.

import type { Finding, FindingKind, FindingSource, GapCode, LinkType, Range, Severity } from '../core/model';
import { MAX_NEIGHBOURHOOD_DEPTH, type MapScopeKind, type MapScopeRequest } from '../core/graph/mapScope';
import type { NeighbourhoodDirection } from '../core/graph/neighbourhood';

export const MAP_VIEW_TYPE = 'causeway.map';

export const FINDING_KINDS: readonly FindingKind[] = ['cause', 'problem', 'solution', 'evidence', 'symptom'];
const SOURCES: readonly FindingSource[] = ['annotation', 'heading', 'cue', 'catalog'];
const LINK_TYPES: readonly LinkType[] = ['causes', 'addresses', 'supports', 'references'];
const SCOPES: readonly MapScopeKind[] = ['document', 'workspace', 'neighbourhood'];
const DIRECTIONS: readonly NeighbourhoodDirection[] = ['causes', 'effects', 'both'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const GAP_CODES: readonly GapCode[] = [
  'problem-without-cause', 'cause-without-solution', 'solution-without-target', 'problem-without-evidence', 'unresolved-citation',
  'duplicate-id', 'broken-reference', 'cycle', 'id-kind-mismatch', 'file-skipped',
];
/** The two gaps the map marks on nodes; the only gaps sent to the webview. */
export const MARKED_GAP_CODES = ['problem-without-cause', 'cause-without-solution'] as const;
export const EXPORT_FORMATS = ['svg', 'png', 'mermaid'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Limits that keep a runaway or hostile peer from flooding the other side. */
export const LIMITS = {
  id: 512,
  text: 20_000,
  uri: 4_096,
  notice: 2_000,
  findings: 50_000,
  links: 200_000,
  gaps: 100_000,
  svg: 64 * 1024 * 1024,
  png: 96 * 1024 * 1024,
  search: 500,
  zoom: { min: 0.05, max: 8 },
  pan: 1e7,
} as const;

// ---- data carried by the messages ---------------------------------------------------------------

/** A finding as the map needs it: the model's fields without the reasons, plus its document. */
export interface MapFindingData extends Pick<Finding, 'id' | 'explicitId' | 'kind' | 'text' | 'range' | 'source' | 'confidence' | 'statement' | 'patternId'> {
  /** The document the finding is written in. */
  uri: string;
}

export interface MapLinkData {
  from: string;
  to: string;
  type: LinkType;
  inferred: boolean;
  confidence: number;
  reason?: string;
}

export interface MapGapData {
  code: GapCode;
  message: string;
  range: Range;
  findingIds: string[];
  severity: Severity;
}

export interface MapFilters {
  kinds: FindingKind[];
  /** Only findings with a gap marker. */
  gapsOnly: boolean;
  /** Only catalog symptoms and findings matched by the catalog. */
  symptomsOnly: boolean;
  /** Show links Causeway inferred (dotted), not only those written in the text. */
  inferred: boolean;
}

export const DEFAULT_FILTERS: MapFilters = { kinds: [...FINDING_KINDS], gapsOnly: false, symptomsOnly: false, inferred: true };

/** What the webview keeps with setState, so a reload restores the same picture. */
export interface MapViewState {
  documentUri?: string;
  locked: boolean;
  scope: MapScopeRequest;
  filters: MapFilters;
  collapsed: string[];
  zoom: number;
  panX: number;
  panY: number;
  /** True until the person pans or zooms: new content is then fitted to the view. */
  fitted: boolean;
  search: string;
  selected?: string;
}

// ---- extension host → webview -------------------------------------------------------------------

export interface GraphMessage {
  type: 'graph';
  /** Increases with every graph sent; the webview draws only the newest. */
  version: number;
  document?: { uri: string; name: string };
  locked: boolean;
  /** What the person asked for. */
  requested: MapScopeRequest;
  /** What is shown (a capped map shows a neighbourhood). */
  shown: MapScopeRequest;
  findings: MapFindingData[];
  links: MapLinkData[];
  gaps: MapGapData[];
  /** Localised sentence shown above the map, e.g. why it shows a neighbourhood. */
  notice?: string;
  /** The finding under the editor cursor. */
  selected?: string;
}

export interface SelectMessage {
  type: 'select';
  id: string | null;
}

export interface RasterizeMessage {
  type: 'rasterize';
  requestId: number;
  svg: string;
  width: number;
  height: number;
  scale: number;
}

export type HostMessage = GraphMessage | SelectMessage | RasterizeMessage;

// ---- webview → extension host -------------------------------------------------------------------

export type WebviewMessage =
  | { type: 'ready'; state?: MapViewState }
  | { type: 'reveal'; id: string }
  | { type: 'scope'; scope: MapScopeRequest }
  | { type: 'lock'; locked: boolean }
  | { type: 'export'; format: ExportFormat; ids: string[] }
  | { type: 'png'; requestId: number; data: string }
  | { type: 'pngFailed'; requestId: number; message: string }
  | { type: 'rendered'; version: number; ids: string[]; edges: number; ms: number }
  | { type: 'state'; state: MapViewState }
  | { type: 'error'; message: string };

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

// ---- validation ---------------------------------------------------------------------------------

class Invalid extends Error {}

type Obj = Record<string, unknown>;

function object(value: unknown, where: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(`${where}: not an object`);
  return value as Obj;
}

function string(value: unknown, where: string, max: number, min = 0): string {
  if (typeof value !== 'string') throw new Invalid(`${where}: not a string`);
  if (value.length > max || value.length < min) throw new Invalid(`${where}: length ${value.length} outside ${min}..${max}`);
  return value;
}

function optionalString(value: unknown, where: string, max: number): string | undefined {
  return value === undefined ? undefined : string(value, where, max);
}

function boolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new Invalid(`${where}: not a boolean`);
  return value;
}

function number(value: unknown, where: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Invalid(`${where}: not a finite number`);
  if (value < min || value > max) throw new Invalid(`${where}: ${value} outside ${min}..${max}`);
  if (integer && !Number.isInteger(value)) throw new Invalid(`${where}: not a whole number`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw new Invalid(`${where}: not one of ${allowed.join(', ')}`);
  return value as T;
}

function array<T>(value: unknown, where: string, max: number, item: (v: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) throw new Invalid(`${where}: not an array`);
  if (value.length > max) throw new Invalid(`${where}: more than ${max} items`);
  return value.map((v, i) => item(v, `${where}[${i}]`));
}

const id = (value: unknown, where: string) => string(value, where, LIMITS.id, 1);

function position(value: unknown, where: string) {
  const o = object(value, where);
  return { line: number(o.line, `${where}.line`, 0, 1e9, true), character: number(o.character, `${where}.character`, 0, 1e9, true) };
}

function range(value: unknown, where: string): Range {
  const o = object(value, where);
  return { start: position(o.start, `${where}.start`), end: position(o.end, `${where}.end`) };
}

export function parseScope(value: unknown, where = 'scope'): MapScopeRequest {
  const o = object(value, where);
  const scope: MapScopeRequest = {
    scope: oneOf(o.scope, SCOPES, `${where}.scope`),
    direction: oneOf(o.direction, DIRECTIONS, `${where}.direction`),
    depth: number(o.depth, `${where}.depth`, 0, MAX_NEIGHBOURHOOD_DEPTH, true),
  };
  const root = o.root === undefined ? undefined : id(o.root, `${where}.root`);
  if (root !== undefined) scope.root = root;
  return scope;
}

function filters(value: unknown, where: string): MapFilters {
  const o = object(value, where);
  const kinds = array(o.kinds, `${where}.kinds`, FINDING_KINDS.length, (v, w) => oneOf(v, FINDING_KINDS, w));
  return {
    kinds: FINDING_KINDS.filter((k) => kinds.includes(k)),
    gapsOnly: boolean(o.gapsOnly, `${where}.gapsOnly`),
    symptomsOnly: boolean(o.symptomsOnly, `${where}.symptomsOnly`),
    inferred: boolean(o.inferred, `${where}.inferred`),
  };
}

export function parseViewState(value: unknown, where = 'state'): MapViewState {
  const o = object(value, where);
  const state: MapViewState = {
    locked: boolean(o.locked, `${where}.locked`),
    scope: parseScope(o.scope, `${where}.scope`),
    filters: filters(o.filters, `${where}.filters`),
    collapsed: array(o.collapsed, `${where}.collapsed`, LIMITS.findings, id),
    zoom: number(o.zoom, `${where}.zoom`, LIMITS.zoom.min, LIMITS.zoom.max),
    panX: number(o.panX, `${where}.panX`, -LIMITS.pan, LIMITS.pan),
    panY: number(o.panY, `${where}.panY`, -LIMITS.pan, LIMITS.pan),
    fitted: boolean(o.fitted, `${where}.fitted`),
    search: string(o.search, `${where}.search`, LIMITS.search),
  };
  const documentUri = optionalString(o.documentUri, `${where}.documentUri`, LIMITS.uri);
  if (documentUri !== undefined) state.documentUri = documentUri;
  if (o.selected !== undefined) state.selected = id(o.selected, `${where}.selected`);
  return state;
}

function finding(value: unknown, where: string): MapFindingData {
  const o = object(value, where);
  const data: MapFindingData = {
    id: id(o.id, `${where}.id`),
    explicitId: boolean(o.explicitId, `${where}.explicitId`),
    kind: oneOf(o.kind, FINDING_KINDS, `${where}.kind`),
    text: string(o.text, `${where}.text`, LIMITS.text),
    range: range(o.range, `${where}.range`),
    source: oneOf(o.source, SOURCES, `${where}.source`),
    confidence: number(o.confidence, `${where}.confidence`, 0, 1),
    statement: number(o.statement, `${where}.statement`, -1, 1e9, true),
    uri: string(o.uri, `${where}.uri`, LIMITS.uri, 1),
  };
  if (o.patternId !== undefined) data.patternId = id(o.patternId, `${where}.patternId`);
  return data;
}

function link(value: unknown, where: string): MapLinkData {
  const o = object(value, where);
  const data: MapLinkData = {
    from: id(o.from, `${where}.from`),
    to: id(o.to, `${where}.to`),
    type: oneOf(o.type, LINK_TYPES, `${where}.type`),
    inferred: boolean(o.inferred, `${where}.inferred`),
    confidence: number(o.confidence, `${where}.confidence`, 0, 1),
  };
  const reason = optionalString(o.reason, `${where}.reason`, LIMITS.text);
  if (reason !== undefined) data.reason = reason;
  return data;
}

function gap(value: unknown, where: string): MapGapData {
  const o = object(value, where);
  return {
    code: oneOf(o.code, GAP_CODES, `${where}.code`),
    message: string(o.message, `${where}.message`, LIMITS.text),
    range: range(o.range, `${where}.range`),
    findingIds: array(o.findingIds, `${where}.findingIds`, LIMITS.findings, id),
    severity: oneOf(o.severity, SEVERITIES, `${where}.severity`),
  };
}

function guard<T>(parse: () => T): Parsed<T> {
  try {
    return { ok: true, message: parse() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

/** Validates a message the webview received from the extension host. */
export function parseHostMessage(value: unknown): Parsed<HostMessage> {
  return guard((): HostMessage => {
    const o = object(value, 'message');
    switch (o.type) {
      case 'graph': {
        const message: GraphMessage = {
          type: 'graph',
          version: number(o.version, 'version', 0, Number.MAX_SAFE_INTEGER, true),
          locked: boolean(o.locked, 'locked'),
          requested: parseScope(o.requested, 'requested'),
          shown: parseScope(o.shown, 'shown'),
          findings: array(o.findings, 'findings', LIMITS.findings, finding),
          links: array(o.links, 'links', LIMITS.links, link),
          gaps: array(o.gaps, 'gaps', LIMITS.gaps, gap),
        };
        if (o.document !== undefined) {
          const d = object(o.document, 'document');
          message.document = { uri: string(d.uri, 'document.uri', LIMITS.uri, 1), name: string(d.name, 'document.name', LIMITS.uri) };
        }
        const notice = optionalString(o.notice, 'notice', LIMITS.notice);
        if (notice !== undefined) message.notice = notice;
        if (o.selected !== undefined) message.selected = id(o.selected, 'selected');
        return message;
      }
      case 'select':
        return { type: 'select', id: o.id === null ? null : id(o.id, 'id') };
      case 'rasterize':
        return {
          type: 'rasterize',
          requestId: number(o.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER, true),
          svg: string(o.svg, 'svg', LIMITS.svg, 1),
          width: number(o.width, 'width', 1, 100_000),
          height: number(o.height, 'height', 1, 100_000),
          scale: number(o.scale, 'scale', 0.1, 8),
        };
      default:
        throw new Invalid(`unknown message type ${JSON.stringify(String(o.type)).slice(0, 60)}`);
    }
  });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Validates a message the extension host received from the webview. */
export function parseWebviewMessage(value: unknown): Parsed<WebviewMessage> {
  return guard((): WebviewMessage => {
    const o = object(value, 'message');
    switch (o.type) {
      case 'ready':
        return o.state === undefined ? { type: 'ready' } : { type: 'ready', state: parseViewState(o.state) };
      case 'reveal':
        return { type: 'reveal', id: id(o.id, 'id') };
      case 'scope':
        return { type: 'scope', scope: parseScope(o.scope) };
      case 'lock':
        return { type: 'lock', locked: boolean(o.locked, 'locked') };
      case 'export':
        return { type: 'export', format: oneOf(o.format, EXPORT_FORMATS, 'format'), ids: array(o.ids, 'ids', LIMITS.findings, id) };
      case 'png': {
        const data = string(o.data, 'data', LIMITS.png, 1);
        if (data.length % 4 !== 0 || !BASE64.test(data)) throw new Invalid('data: not base64');
        return { type: 'png', requestId: number(o.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER, true), data };
      }
      case 'pngFailed':
        return { type: 'pngFailed', requestId: number(o.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER, true), message: string(o.message, 'message', LIMITS.notice) };
      case 'rendered':
        return {
          type: 'rendered',
          version: number(o.version, 'version', 0, Number.MAX_SAFE_INTEGER, true),
          ids: array(o.ids, 'ids', LIMITS.findings, id),
          edges: number(o.edges, 'edges', 0, LIMITS.links, true),
          ms: number(o.ms, 'ms', 0, 600_000),
        };
      case 'state':
        return { type: 'state', state: parseViewState(o.state) };
      case 'error':
        return { type: 'error', message: string(o.message, 'message', LIMITS.notice) };
      default:
        throw new Invalid(`unknown message type ${JSON.stringify(String(o.type)).slice(0, 60)}`);
    }
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when the bytes start like a PNG file (the signature and an IHDR chunk). */
export function looksLikePng(bytes: Uint8Array): boolean {
  if (bytes.length < 24) return false;
  for (let i = 0; i < PNG_SIGNATURE.length; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return false;
  return String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) === 'IHDR';
}
