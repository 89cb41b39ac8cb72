import { readFileSync } from 'node:fs';
import { choice, parseArgs, positiveInteger, UsageError, type ParsedArgs } from './args';
import { runCheck } from './check';
import { runCoverage } from './coverage';
import { runMap } from './map';

const HELP = `causeway — find problems, root causes, solutions and gaps in strategy documents

Usage:
  causeway check [paths or globs…]   analyse Markdown files (default: **/*.md here)
  causeway coverage [paths…]         which problems and causes are addressed, and by what
  causeway map FILE                  draw a document's cause-to-solution map

Options for check:
  --format text|json|sarif|mermaid   output format (default text)
  --fail-on error|warning|gap|never  exit 1 when findings reach this level (default error)
  --gaps-only                        text: print gaps and symptoms only
  --max-file-size BYTES              skip larger files, with a message (default 10485760)
  --severity CODE=LEVEL              change a gap's severity (error|warning|info|off); repeatable
  --no-rules                         ignore rule packs in .causeway/catalog
  --no-gitignore                     also read git-ignored files
  --output FILE                      write the result to FILE instead of standard output
  --no-color                         plain text output
Options for coverage:   --format text|json|markdown
Options for map:        --format svg|mermaid
                        --root ID [--direction causes|effects|both] [--depth N]   only the neighbourhood of ID

Exit codes: 0 clean, 1 findings reached --fail-on, 2 usage or configuration error.`;

export async function main(argv: string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (args.flags.has('version')) {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (args.flags.has('help') || !args.command) {
      process.stdout.write(`${HELP}\n`);
      return args.command || args.flags.has('help') ? 0 : 2;
    }
    switch (args.command) {
      case 'check':
        return await runCheck(args, version());
      case 'coverage':
        return await runCoverage(args);
      case 'map':
        return await runMap(args);
      default:
        throw new UsageError(`unknown command "${args.command}" (try causeway --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`causeway: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`causeway: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 3;
  }
}

export function version(): string {
  try {
    return String(JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')).version);
  } catch {
    return '0.0.0';
  }
}

export { choice, positiveInteger };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`causeway: ${String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
