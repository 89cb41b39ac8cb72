// The words of the map panel. The extension host fills them in the display language (through
// vscode.l10n) and the HTML builder embeds them as JSON; the webview falls back to English for any
// key that is missing or not a string.

export const ENGLISH_STRINGS = {
  toolbar: 'Map controls',
  scope: 'Scope',
  scopeDocument: 'This document',
  scopeWorkspace: 'Workspace',
  scopeNeighbourhood: 'Neighbourhood of the selected finding',
  direction: 'Direction',
  directionCauses: 'Causes',
  directionEffects: 'Effects',
  directionBoth: 'Causes and effects',
  depth: 'Depth',
  lockLabel: 'Lock',
  lock: 'Lock to this document',
  unlock: 'Locked: click to follow the active document again',
  search: 'Search findings',
  searchCount: '{0} of {1}',
  searchNone: 'No match',
  filters: 'Filters',
  kindCause: 'Causes',
  kindProblem: 'Problems',
  kindSolution: 'Solutions',
  kindEvidence: 'Evidence',
  kindSymptom: 'Symptoms',
  gapsOnly: 'Only findings with a gap',
  symptomsOnly: 'Only catalog symptoms',
  inferred: 'Inferred links',
  fit: 'Fit to view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  exportSvg: 'Export SVG…',
  exportPng: 'Export PNG…',
  copyMermaid: 'Copy Mermaid',
  map: 'Cause map',
  waiting: 'Open a Markdown strategy document to see its map.',
  empty: 'No findings to show.',
  emptyFiltered: 'The filters and collapsed findings hide all {0} findings.',
  status: '{0} findings, {1} links',
  statusHidden: '{0} hidden',
  collapse: 'Collapse what follows from {0}',
  expand: 'Expand {0}: {1} hidden',
  keyboardHelp: 'Arrow keys move between connected findings; Enter shows the statement in the editor; minus collapses, plus expands; Escape clears.',
  gapProblem: 'Gap: no cause found',
  gapCause: 'Gap: no solution addresses it',
  cause: 'cause',
  problem: 'problem',
  solution: 'solution',
  evidence: 'evidence',
  symptom: 'symptom',
  pngFailed: 'The PNG could not be drawn: {0}',
} as const;

export type MapStringKey = keyof typeof ENGLISH_STRINGS;
export type MapStrings = Record<MapStringKey, string>;

/** Known keys with string values; English for the rest. Unknown keys are dropped. */
export function parseStrings(value: unknown): MapStrings {
  const strings: MapStrings = { ...ENGLISH_STRINGS };
  if (typeof value !== 'object' || value === null) return strings;
  for (const key of Object.keys(ENGLISH_STRINGS) as MapStringKey[]) {
    const candidate = (value as Record<string, unknown>)[key];
    if (typeof candidate === 'string' && candidate.length <= 1000) strings[key] = candidate;
  }
  return strings;
}

/** Replaces {0}, {1}… with the arguments, as vscode.l10n.t does. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
