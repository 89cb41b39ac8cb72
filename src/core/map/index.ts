// The cause map's SVG model, shared by the CLI and the webview.
export { buildMapSvg, pathData, type MapSvgOptions } from './map-svg';
export { renderSvgString, escapeText, escapeAttribute, isAllowedTag, isAllowedAttribute, el, SVG_NAMESPACE, type SvgElement, type SvgTag } from './svg';
export { MAP_STYLE } from './style';
