import { parse as parseYaml } from 'yaml';
import type { FrontMatter } from '../model';
import type { LineMap } from '../text/lines';

export interface FrontMatterResult {
  frontMatter?: FrontMatter;
  /** Number of lines the front matter block occupies, including both fences; 0 when absent. */
  lineCount: number;
}

/** Reads a leading `---` YAML block. Broken YAML is reported, never thrown. */
export function readFrontMatter(lines: LineMap): FrontMatterResult {
  if (lines.lineCount < 2) return { lineCount: 0 };
  const first = lines.lineText(0).replace(/^\uFEFF/, '');
  if (first.trimEnd() !== '---') return { lineCount: 0 };
  // Front matter is short; a closing fence far down is more likely a horizontal rule.
  const limit = Math.min(lines.lineCount, 500);
  for (let line = 1; line < limit; line++) {
    const current = lines.lineText(line).trimEnd();
    if (current !== '---' && current !== '...') continue;
    const bodyStart = lines.lineStarts[1];
    const bodyEnd = lines.lineStarts[line];
    const source = lines.text.slice(bodyStart, bodyEnd);
    const range = { start: { line: 0, character: 0 }, end: { line, character: current.length } };
    try {
      const parsed: unknown = source.trim() ? parseYaml(source, { maxAliasCount: 50 }) : {};
      const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      return { frontMatter: { data, range }, lineCount: line + 1 };
    } catch (error) {
      return { frontMatter: { data: {}, range, error: (error as Error).message.split('\n')[0] }, lineCount: line + 1 };
    }
  }
  return { lineCount: 0 };
}

/** Values of a front matter key that holds one ID or a list of IDs. */
export function frontMatterList(frontMatter: FrontMatter | undefined, key: string): string[] {
  const value = frontMatter?.data[key];
  if (typeof value === 'string') return value.split(/[,，\s]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
  return [];
}
