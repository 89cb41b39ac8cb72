// Default look of the map: a light theme. Every colour is read from a --cw-* custom property with
// a light fallback, so the webview can map them to VS Code theme variables (dark and high-contrast
// included) without touching the SVG. Kept free of '<', '>' and '&' so it reads the same whether
// the SVG is parsed as XML or inlined into HTML.

export const MAP_STYLE = `
.cw-map { font-family: var(--cw-font, system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif); background: var(--cw-background, #ffffff); }
.cw-node-box { fill: var(--cw-node-fill, #ffffff); stroke: var(--cw-node-border, #8c959f); stroke-width: 1.2; }
.cw-cause .cw-node-box { fill: var(--cw-cause-fill, #fff1e5); stroke: var(--cw-cause-border, #bc4c00); }
.cw-problem .cw-node-box { fill: var(--cw-problem-fill, #ffebe9); stroke: var(--cw-problem-border, #cf222e); }
.cw-solution .cw-node-box { fill: var(--cw-solution-fill, #dafbe1); stroke: var(--cw-solution-border, #1a7f37); }
.cw-evidence .cw-node-box { fill: var(--cw-evidence-fill, #ddf4ff); stroke: var(--cw-evidence-border, #0969da); }
.cw-symptom .cw-node-box { fill: var(--cw-symptom-fill, #fbefff); stroke: var(--cw-symptom-border, #8250df); }
.cw-node-header { font-size: 11px; fill: var(--cw-muted, #57606a); }
.cw-node-label { font-size: 13px; fill: var(--cw-foreground, #1f2328); }
.cw-gap .cw-node-box { stroke-dasharray: 5 3; stroke-width: 2; }
.cw-gap-marker circle { fill: var(--cw-gap, #d1242f); }
.cw-gap-marker text { fill: var(--cw-gap-text, #ffffff); font-size: 11px; font-weight: bold; }
.cw-badge rect { fill: var(--cw-badge-fill, #8250df); }
.cw-badge text { fill: var(--cw-badge-text, #ffffff); font-size: 10px; }
.cw-node:focus { outline: none; }
.cw-node:focus .cw-node-box, .cw-node.cw-selected .cw-node-box { stroke: var(--cw-focus, #0969da); stroke-width: 3; }
.cw-edge-line { fill: none; stroke: var(--cw-edge, #6e7781); stroke-width: 1.5; }
.cw-causes .cw-edge-line { stroke: var(--cw-causes, #bc4c00); }
.cw-addresses .cw-edge-line { stroke: var(--cw-addresses, #1a7f37); stroke-dasharray: 7 4; }
.cw-supports .cw-edge-line { stroke: var(--cw-supports, #0969da); }
.cw-references .cw-edge-line { stroke: var(--cw-references, #6e7781); stroke-dasharray: 2 3; }
.cw-inferred .cw-edge-line { stroke-dasharray: 1.5 3.5; stroke-linecap: round; opacity: 0.6; }
.cw-arrowhead { fill: var(--cw-edge, #6e7781); }
.cw-arrowhead-causes { fill: var(--cw-causes, #bc4c00); }
.cw-arrowhead-addresses { fill: var(--cw-addresses, #1a7f37); }
.cw-arrowhead-supports { fill: var(--cw-supports, #0969da); }
.cw-arrowhead-inferred { opacity: 0.6; }
`;
