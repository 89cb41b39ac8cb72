// Builds live SVG DOM from the core's SVG model with createElementNS, setAttribute and textContent.
// The model is checked against the core's allowlist on the way, exactly as the string serialiser
// checks it, so nothing the document says can become markup, an event handler or a link.

import { isAllowedAttribute, isAllowedTag, SVG_NAMESPACE, type SvgElement } from '../core/map/svg';

export class SvgModelError extends Error {}

export function buildSvgDom(doc: Document, model: SvgElement): SVGElement {
  if (!isAllowedTag(model.tag)) throw new SvgModelError(`tag not allowed: ${String(model.tag)}`);
  const element = doc.createElementNS(SVG_NAMESPACE, model.tag);
  for (const name of Object.keys(model.attrs)) {
    const value = model.attrs[name];
    // xmlns is implied by createElementNS; setting it as an attribute would throw.
    if (name === 'xmlns') continue;
    if (typeof value !== 'string' || !isAllowedAttribute(model.tag, name, value)) throw new SvgModelError(`attribute not allowed on <${model.tag}>: ${name}`);
    element.setAttribute(name, value);
  }
  if (model.text !== undefined) element.textContent = model.text;
  for (const child of model.children) element.appendChild(buildSvgDom(doc, child));
  return element;
}
