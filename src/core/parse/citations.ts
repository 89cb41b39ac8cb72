import type { Citation, ReferenceEntry, Section } from '../model';
import type { LineMap } from '../text/lines';

// [5] or [^5]; not a link "[5](…)" and not a definition "[5]: …".
const CITATION = /\[\^?(\d{1,4})\](?![(:])|【(\d{1,4})】/g;

export function findCitations(text: string, offset: number, lines: LineMap): Citation[] {
  if (text.indexOf('[') < 0 && text.indexOf('【') < 0) return [];
  const found: Citation[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
    const span = { start: offset + m.index, end: offset + m.index + m[0].length };
    found.push({ label: m[1] ?? m[2], span, range: lines.rangeOf(span) });
  }
  return found;
}

const REFERENCE_HEADING = /^(?:\d+[.)、]?\s*|[一二三四五六七八九十]+[、.]\s*)?(?:references?|sources?|notes?|bibliography|citations?|footnotes?|works cited|参考(?:资料|文献|来源)?|资料来源|来源|注释|引用|出处|附注)\s*[:：]?$/i;

export function isReferenceHeading(title: string): boolean {
  return REFERENCE_HEADING.test(title.trim());
}

// "[1] text", "[^1]: text", "1. text" (the last only inside a references section).
const BRACKET_ENTRY = /^[ \t]*(?:[-*+][ \t]+)?\[\^?(\d{1,4})\][:：]?[ \t]*(\S.*)$/;
const NUMBERED_ENTRY = /^[ \t]*(?:[-*+][ \t]+)?(\d{1,4})[.)、][ \t]+(\S.*)$/;

/**
 * The document's reference list: entries in a References section, and footnote-style
 * definitions "[^n]: …" / "[n]: …" anywhere.
 */
export function readReferenceList(lines: LineMap, sections: Section[], referenceSections: Set<number>, sectionOfLine: (line: number) => number): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [];
  const seen = new Set<string>();
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const first = lines.text.charCodeAt(start);
    // Cheap filter: entries start with "[", a digit, a bullet or indentation.
    if (!(first === 0x5b || first === 0x20 || first === 0x09 || first === 0x2d || first === 0x2a || first === 0x2b || (first >= 48 && first <= 57))) continue;
    const text = lines.lineText(line);
    const inReferences = referenceSections.has(sectionOfLine(line));
    let match = BRACKET_ENTRY.exec(text);
    if (match && !inReferences && !/^[ \t]*\[\^?\d{1,4}\][:：]/.test(text)) match = null;
    if (!match && inReferences) match = NUMBERED_ENTRY.exec(text);
    if (!match || seen.has(match[1])) continue;
    seen.add(match[1]);
    entries.push({ label: match[1], text: match[2].trim(), range: { start: { line, character: 0 }, end: { line, character: text.length } } });
  }
  void sections;
  return entries;
}
