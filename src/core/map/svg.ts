// A small SVG element tree and its serialiser. Document text is untrusted: it reaches the output
// only as escaped text or escaped attribute values. Tag and attribute names come from code and
// must be on the allowlist below; values of attributes that browsers interpret (ids, classes,
// references, numbers, path data, transforms, roles) must match strict patterns. Anything else is
// a programming error and throws.

export type SvgTag =
  | 'svg'
  | 'style'
  | 'defs'
  | 'marker'
  | 'g'
  | 'title'
  | 'desc'
  | 'rect'
  | 'circle'
  | 'path'
  | 'text'
  | 'tspan';

export interface SvgElement {
  tag: SvgTag;
  attrs: Record<string, string>;
  children: SvgElement[];
  /** Text content, written before the children. */
  text?: string;
}

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

const NUMBER = /^-?\d+(\.\d+)?$/;
const ATTRIBUTE_RULES: Record<string, RegExp | null> = {
  // null: free text (escaped); a pattern: the value must match it.
  id: /^cw-[A-Za-z0-9_-]+$/,
  class: /^[A-Za-z0-9_ -]*$/,
  transform: /^translate\(-?\d+(\.\d+)? -?\d+(\.\d+)?\)$/,
  role: /^(img|group|graphics-document|graphics-symbol|presentation)$/,
  tabindex: /^-?\d+$/,
  focusable: /^(true|false)$/,
  'aria-hidden': /^(true|false)$/,
  'aria-label': null,
  'data-id': null,
  'data-kind': /^[a-z-]+$/,
  'data-source': /^[a-z-]+$/,
  'data-from': null,
  'data-to': null,
  'data-type': /^[a-z-]+$/,
  'data-route': /^[a-z-]+$/,
  'data-gap': /^[a-z -]+$/,
  'data-inferred': /^(true|false)$/,
  'data-confidence': NUMBER,
  xmlns: new RegExp(`^${SVG_NAMESPACE.replace(/[./]/g, '\\$&')}$`),
  viewBox: /^-?\d+(\.\d+)?( -?\d+(\.\d+)?){3}$/,
  preserveAspectRatio: /^[A-Za-z ]+$/,
  x: NUMBER,
  y: NUMBER,
  dx: NUMBER,
  dy: NUMBER,
  width: NUMBER,
  height: NUMBER,
  rx: NUMBER,
  ry: NUMBER,
  cx: NUMBER,
  cy: NUMBER,
  r: NUMBER,
  refX: NUMBER,
  refY: NUMBER,
  markerWidth: NUMBER,
  markerHeight: NUMBER,
  markerUnits: /^(strokeWidth|userSpaceOnUse)$/,
  orient: /^(auto|auto-start-reverse)$/,
  d: /^[MLCZ0-9 .,-]*$/,
  'marker-end': /^url\(#cw-[A-Za-z0-9_-]+\)$/,
  'text-anchor': /^(start|middle|end)$/,
};

const COMMON_ATTRIBUTES = ['id', 'class', 'transform', 'role', 'tabindex', 'focusable', 'aria-hidden', 'aria-label'];
const DATA_ATTRIBUTES = ['data-id', 'data-kind', 'data-source', 'data-from', 'data-to', 'data-type', 'data-route', 'data-gap', 'data-inferred', 'data-confidence'];

const TAG_ATTRIBUTES: Record<SvgTag, readonly string[]> = {
  svg: ['xmlns', 'viewBox', 'width', 'height', 'preserveAspectRatio', 'class', 'role', 'aria-label'],
  style: [],
  defs: [],
  marker: ['id', 'viewBox', 'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient', 'class'],
  g: [...COMMON_ATTRIBUTES, ...DATA_ATTRIBUTES],
  title: [],
  desc: [],
  rect: ['class', 'x', 'y', 'width', 'height', 'rx', 'ry', 'aria-hidden'],
  circle: ['class', 'cx', 'cy', 'r', 'aria-hidden'],
  path: ['class', 'd', 'marker-end', 'aria-hidden'],
  text: ['class', 'x', 'y', 'dx', 'dy', 'text-anchor', 'aria-hidden'],
  tspan: ['class', 'x', 'y', 'dx', 'dy'],
};

/** Tags whose content is text: no indentation inside, since whitespace there is visible. */
const TEXT_TAGS = new Set<SvgTag>(['style', 'title', 'desc', 'text', 'tspan']);

export function isAllowedTag(tag: string): tag is SvgTag {
  return Object.prototype.hasOwnProperty.call(TAG_ATTRIBUTES, tag);
}

export function isAllowedAttribute(tag: SvgTag, name: string, value: string): boolean {
  if (!isAllowedTag(tag) || !TAG_ATTRIBUTES[tag].includes(name)) return false;
  const rule = ATTRIBUTE_RULES[name];
  return rule === null || (rule !== undefined && rule.test(value));
}

/** Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Anything escapeText or escapeAttribute might change; most values have none of it. */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Serialises the tree as standalone SVG/XML. Throws on a tag or attribute off the allowlist. */
export function renderSvgString(root: SvgElement): string {
  const out: string[] = [];
  write(root, 0, false, out);
  return out.join('');
}

function write(element: SvgElement, depth: number, inText: boolean, out: string[]): void {
  const { tag } = element;
  if (!isAllowedTag(tag)) throw new Error(`svg: tag not allowed: ${String(tag)}`);
  if (!inText && depth > 0) out.push('\n', '  '.repeat(depth));
  out.push('<', tag);
  for (const name of Object.keys(element.attrs)) {
    const value = element.attrs[name];
    if (typeof value !== 'string' || !isAllowedAttribute(tag, name, value)) {
      throw new Error(`svg: attribute not allowed on <${tag}>: ${name}=${JSON.stringify(value)}`);
    }
    out.push(' ', name, '="', escapeAttribute(value), '"');
  }
  if (element.text === undefined && element.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  if (element.text !== undefined) out.push(escapeText(element.text));
  const childrenInText = inText || TEXT_TAGS.has(tag);
  for (const child of element.children) write(child, depth + 1, childrenInText, out);
  if (!childrenInText && element.children.length > 0) out.push('\n', '  '.repeat(depth));
  out.push('</', tag, '>');
}

/** Shorthand for building trees in code. */
export function el(tag: SvgTag, attrs: Record<string, string> = {}, children: SvgElement[] = [], text?: string): SvgElement {
  return text === undefined ? { tag, attrs, children } : { tag, attrs, children, text };
}
