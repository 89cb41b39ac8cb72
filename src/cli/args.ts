/** A small, strict argument parser: unknown flags and bad values are usage errors (exit 2). */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  positionals: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['format', 'fail-on', 'max-file-size', 'output', 'cwd', 'rules', 'severity', 'scope', 'root', 'direction', 'depth']);
const BOOLEAN_FLAGS = new Set(['help', 'version', 'no-color', 'color', 'gaps-only', 'quiet', 'no-gitignore', 'no-rules']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  let command = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.set('help', true);
      continue;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (BOOLEAN_FLAGS.has(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags.set(name, true);
      } else if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
        const previous = flags.get(name);
        flags.set(name, typeof previous === 'string' && name === 'severity' ? `${previous},${value}` : value);
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
      continue;
    }
    if (!command) command = arg;
    else positionals.push(arg);
  }
  return { command, positionals, flags };
}

export function choice<T extends string>(args: ParsedArgs, flag: string, allowed: readonly T[], fallback: T): T {
  const value = args.flags.get(flag);
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got ${String(value)})`);
  }
  return value as T;
}

export function positiveInteger(args: ParsedArgs, flag: string, fallback: number): number {
  const value = args.flags.get(flag);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(parsed) || parsed <= 0) throw new UsageError(`--${flag} must be a positive whole number of bytes`);
  return parsed;
}
