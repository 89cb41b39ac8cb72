import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './args';

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];
const MARKDOWN = '**/*.{md,markdown}';

/**
 * The Markdown files a command should read: every Markdown file under the current folder when no
 * path is given, else the files, folders and globs given. Git-ignored files are left out.
 */
export async function discoverFiles(inputs: string[], cwd: string, useGitignore: boolean): Promise<string[]> {
  const found = new Set<string>();
  const patterns = inputs.length ? inputs : ['.'];
  for (const input of patterns) {
    const absolute = resolve(cwd, input);
    if (existsSync(absolute)) {
      const stat = statSync(absolute);
      if (stat.isFile()) {
        found.add(absolute);
        continue;
      }
      if (stat.isDirectory()) {
        for (const file of await fg(MARKDOWN, { cwd: absolute, absolute: true, ignore: ALWAYS_SKIPPED, dot: false, followSymbolicLinks: false, suppressErrors: true })) found.add(resolve(file));
        continue;
      }
    }
    if (!fg.isDynamicPattern(input)) throw new UsageError(`no such file or folder: ${input}`);
    const base = isAbsolute(input) ? '/' : cwd;
    const pattern = isAbsolute(input) ? input.slice(1) : input;
    for (const file of await fg(pattern, { cwd: base, absolute: true, ignore: ALWAYS_SKIPPED, dot: false, suppressErrors: true })) {
      if (/\.(md|markdown)$/i.test(file)) found.add(resolve(file));
    }
  }
  let files = [...found].sort();
  if (useGitignore) {
    const root = gitRoot(cwd);
    if (root) {
      const rules = new GitignoreRules(root);
      files = files.filter((file) => !rules.ignores(file));
    }
  }
  return files;
}

function gitRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** .gitignore files from the repository root down to each file's folder, read once each. */
class GitignoreRules {
  private readonly byFolder = new Map<string, Ignore | null>();

  constructor(private readonly root: string) {}

  ignores(file: string): boolean {
    const rel = relative(this.root, file);
    if (rel.startsWith('..')) return false;
    const parts = rel.split(sep);
    let folder = this.root;
    for (let i = 0; i < parts.length; i++) {
      const rules = this.rulesIn(folder);
      const relToFolder = parts.slice(i).join('/');
      if (rules && rules.ignores(relToFolder)) return true;
      folder = join(folder, parts[i]);
    }
    return false;
  }

  private rulesIn(folder: string): Ignore | null {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder)!;
    const path = join(folder, '.gitignore');
    const rules = existsSync(path) ? ignore().add(readFileSync(path, 'utf8')) : null;
    this.byFolder.set(folder, rules);
    return rules;
  }
}
