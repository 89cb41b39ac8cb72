import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildReport, reachesThreshold, type FailOn } from '../core/export/report';
import { toJson } from '../core/export/json';
import { toMermaid } from '../core/export/mermaid';
import { toSarif } from '../core/export/sarif';
import { toText } from '../core/export/text';
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
  let output: string;
  switch (format) {
    case 'json':
      output = toJson(report);
      break;
    case 'sarif':
      output = toSarif(report, { version, catalog: workspace.data.catalog, rootUri: `${pathToFileURL(workspace.cwd).href}/` });
      break;
    case 'mermaid':
      output = report.files.map((file) => `%% ${file.path}\n${toMermaid(file.findings, file.links)}`).join('\n\n');
      break;
    default:
      output = toText(report, { gapsOnly: args.flags.has('gaps-only'), color: !args.flags.has('no-color') && Boolean(process.stdout.isTTY) && !args.flags.has('output') });
  }
  const destination = args.flags.get('output');
  if (typeof destination === 'string') writeFileSync(destination, `${output}\n`);
  else process.stdout.write(`${output}\n`);
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
