import { coverageToJson, coverageToMarkdown, coverageToText } from '../core/export/coverage';
import { computeCoverage } from '../core/index/coverage';
import { choice, type ParsedArgs } from './args';
import { loadWorkspace } from './workspace';

export async function runCoverage(args: ParsedArgs): Promise<number> {
  const format = choice(args, 'format', ['text', 'json', 'markdown'] as const, 'text');
  const workspace = await loadWorkspace(args);
  const entries = computeCoverage(workspace.index);
  const render = format === 'json' ? coverageToJson : format === 'markdown' ? coverageToMarkdown : coverageToText;
  process.stdout.write(`${render(entries, workspace.pathOf)}\n`);
  return 0;
}
