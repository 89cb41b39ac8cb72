import type { CoverageEntry } from '../index/coverage';
import { oneLine } from './text';

const STATUS_LABEL = { addressed: 'addressed', 'via-causes': 'addressed through its causes', unaddressed: 'NOT ADDRESSED' } as const;

export function coverageToText(entries: CoverageEntry[], pathOf: (uri: string) => string): string {
  const lines = entries.map((e) => {
    const by = e.addressedBy.map((a) => a.id ?? pathOf(a.uri)).join(', ') || '—';
    return `${pathOf(e.uri)}:${e.range.start.line + 1}  ${e.kind.padEnd(7)}  ${STATUS_LABEL[e.status].padEnd(12)}  ${e.explicitId ? `${e.id} ` : ''}${oneLine(e.text, 70)}  ← ${by}`;
  });
  const open = entries.filter((e) => e.status === 'unaddressed').length;
  lines.push(`${entries.length} problems and causes, ${open} not addressed`);
  return lines.join('\n');
}

export function coverageToJson(entries: CoverageEntry[], pathOf: (uri: string) => string): string {
  return JSON.stringify(
    {
      version: 1,
      entries: entries.map((e) => ({
        id: e.id,
        kind: e.kind,
        text: e.text,
        path: pathOf(e.uri),
        range: e.range,
        status: e.status,
        addressedBy: e.addressedBy.map((a) => ({ id: a.id, path: pathOf(a.uri), via: a.via, inferred: a.inferred })),
        documents: e.documents.map(pathOf),
      })),
    },
    null,
    2,
  );
}

/** A Markdown table: issue, addressed by, status. Cell text is escaped so pipes cannot break rows. */
export function coverageToMarkdown(entries: CoverageEntry[], pathOf: (uri: string) => string, title = 'Coverage report'): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\s+/g, ' ');
  const open = entries.filter((e) => e.status === 'unaddressed').length;
  const lines = [`# ${title}`, '', `${entries.length} problems and causes; ${open} not addressed.`, '', '| Issue | Kind | Addressed by | Status |', '| --- | --- | --- | --- |'];
  for (const e of entries) {
    const issue = `${e.explicitId ? `**${e.id}** ` : ''}${cell(oneLine(e.text, 90))} (${cell(pathOf(e.uri))}:${e.range.start.line + 1})`;
    const by = e.addressedBy.map((a) => cell(a.id ? `${a.id}${a.inferred ? ' (inferred)' : ''}` : `${pathOf(a.uri)} (front matter)`)).join(', ') || '—';
    const status = e.status === 'unaddressed' ? '⚠️ not addressed' : e.status === 'via-causes' ? 'via its causes' : '✅ addressed';
    lines.push(`| ${issue} | ${e.kind} | ${by} | ${status} |`);
  }
  return lines.join('\n');
}
