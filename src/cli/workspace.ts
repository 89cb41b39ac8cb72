import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatRulePackError, readRulePack, setPatternSchema, type RulePackError } from '../core/catalog/rulePacks';
import type { CatalogPattern } from '../core/catalog/types';
import { dataWithPatterns } from '../core/data/builtin';
import { decodeDocument, DEFAULT_MAX_FILE_SIZE } from '../core/io/decode';
import { WorkspaceIndex } from '../core/index/workspace';
import type { AnalyzerData } from '../core/analyze';
// @ts-ignore -- the schema file arrives with the catalog data
import schema from '../../schemas/catalog-pattern.schema.json';
import { positiveInteger, UsageError, type ParsedArgs } from './args';
import { discoverFiles } from './files';

export interface LoadedWorkspace {
  cwd: string;
  index: WorkspaceIndex;
  data: AnalyzerData;
  /** URIs in the order the files were found. */
  uris: string[];
  pathOf(uri: string): string;
}

const READ_CONCURRENCY = 32;

/** Finds, reads and analyses the files a command names. Rule-pack errors are usage errors (exit 2). */
export async function loadWorkspace(args: ParsedArgs, extraFiles: string[] = []): Promise<LoadedWorkspace> {
  const cwd = resolve(typeof args.flags.get('cwd') === 'string' ? String(args.flags.get('cwd')) : process.cwd());
  const maxFileSize = positiveInteger(args, 'max-file-size', DEFAULT_MAX_FILE_SIZE);
  const patterns = args.flags.has('no-rules') ? [] : loadRulePacks(typeof args.flags.get('rules') === 'string' ? resolve(cwd, String(args.flags.get('rules'))) : join(cwd, '.causeway', 'catalog'), cwd);
  const data = dataWithPatterns(patterns);
  const files = await discoverFiles([...args.positionals, ...extraFiles], cwd, !args.flags.has('no-gitignore'));
  const index = new WorkspaceIndex(data);
  const uris = files.map((file) => pathToFileURL(file).href);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      try {
        const bytes = await readFile(files[i]);
        const decoded = decodeDocument(bytes, maxFileSize);
        if ('skipped' in decoded) index.skip(uris[i], decoded.skipped);
        else index.update(uris[i], decoded.text);
      } catch (error) {
        // One unreadable or broken file never stops the others.
        index.skip(uris[i], `Could not be analysed: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  const byUri = new Map(uris.map((uri, i) => [uri, files[i]]));
  const pathOf = (uri: string) => {
    const file = byUri.get(uri);
    return file ? relative(cwd, file).split(sep).join('/') : uri;
  };
  return { cwd, index, data, uris, pathOf };
}

/** Patterns from .causeway/catalog/*.yaml; any error stops the command with its file and line. */
export function loadRulePacks(folder: string, cwd: string): CatalogPattern[] {
  if (!existsSync(folder)) return [];
  setPatternSchema(schema);
  const patterns: CatalogPattern[] = [];
  const errors: RulePackError[] = [];
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const file = join(folder, name);
    const result = readRulePack(relative(cwd, file).split(sep).join('/'), readFileSync(file, 'utf8'));
    patterns.push(...result.patterns);
    errors.push(...result.errors);
  }
  if (errors.length) throw new UsageError(`invalid rule pack:\n${errors.map(formatRulePackError).join('\n')}`);
  return patterns;
}
