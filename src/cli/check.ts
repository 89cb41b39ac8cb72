import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { buildReport, reachesThreshold, type FailOn } from '../core/export/report';
import { jsonChunks } from '../core/export/json';
import { toMermaid } from '../core/export/mermaid';
import { sarifChunks } from '../core/export/sarif';
import { textChunks } from '../core/export/text';
import type { Severity } from '../core/model';
import { GAP_RULE_BY_CODE } from '../core/export/rules';
import { choice, UsageError, type ParsedArgs } from './args';
import { loadWorkspace } from './workspace';

const FORMATS = ['text', 'json', 'sarif', 'mermaid'] as const;
const FAIL_ON = ['error', 'warning', 'gap', 'never'] as const;

export async function runCheck(args: ParsedArgs, version: string): Promise<number> {
  const format = choice(args, 'format', FORMATS, 'text');
  const failOn: FailOn = choice(args, 'fail-on', FAIL_ON, 'error');
  const overrides = severityOverrides(args);
  const workspace = await loadWorkspace(args);
  const report = buildReport(workspace.index, workspace.index.uris().concat(workspace.index.skippedDocuments().map((s) => s.uri)), workspace.pathOf, overrides);
  report.files.sort((a, b) => a.path.localeCompare(b.path));
  let chunks: Iterable<string>;
  let separator = '';
  switch (format) {
    case 'json':
      chunks = jsonChunks(report);
      break;
    case 'sarif':
      chunks = sarifChunks(report, { version, catalog: workspace.data.catalog, rootUri: `${pathToFileURL(workspace.cwd).href}/` });
      break;
    case 'mermaid':
      chunks = report.files.map((file) => `%% ${file.path}\n${toMermaid(file.findings, file.links)}`);
      separator = '\n\n';
      break;
    default:
      chunks = textChunks(report, { gapsOnly: args.flags.has('gaps-only'), color: !args.flags.has('no-color') && Boolean(process.stdout.isTTY) && !args.flags.has('output') });
      separator = '\n';
  }
  const destination = args.flags.get('output');
  await writeChunks(chunks, separator, typeof destination === 'string' ? destination : undefined);
  return reachesThreshold(report, failOn, (id) => workspace.data.catalog.get(id)?.severity) ? 1 : 0;
}

function severityOverrides(args: ParsedArgs): Partial<Record<string, Severity | 'off'>> {
  const raw = args.flags.get('severity');
  const overrides: Partial<Record<string, Severity | 'off'>> = {};
  if (typeof raw !== 'string') return overrides;
  for (const pair of raw.split(',')) {
    const [code, level] = pair.split('=');
    if (!GAP_RULE_BY_CODE.has(code as never)) throw new UsageError(`--severity: unknown gap code "${code}"`);
    if (!['error', 'warning', 'info', 'off'].includes(level)) throw new UsageError(`--severity: level must be error, warning, info or off (got "${level}")`);
    overrides[code] = level as Severity | 'off';
  }
  return overrides;
}

/** Streams the output with back-pressure, to a file or to standard output. */
async function writeChunks(chunks: Iterable<string>, separator: string, destination?: string): Promise<void> {
  const stream = destination ? createWriteStream(destination) : process.stdout;
  let first = true;
  for (const chunk of chunks) {
    if (!stream.write(first ? chunk : separator + chunk)) await once(stream, 'drain');
    first = false;
  }
  stream.write('\n');
  if (destination) {
    const file = stream as ReturnType<typeof createWriteStream>;
    file.end();
    await once(file, 'finish');
  }
}
