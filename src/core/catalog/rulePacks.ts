import Ajv, { type ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { nestedQuantifier } from './regexSafety';
import type { CatalogPattern } from './types';

export interface RulePackError {
  file: string;
  /** 1-based line of the offending node, when known. */
  line?: number;
  field?: string;
  message: string;
}

export interface RulePackResult {
  patterns: CatalogPattern[];
  errors: RulePackError[];
}

let validator: ValidateFunction | undefined;

/** The pattern schema is injected once, so the core does not need to know where files live. */
export function setPatternSchema(schema: object): void {
  validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
}

// Backreferences and lookaround have no linear-time implementation; RE2 refuses them anyway,
// but a precise message is kinder than the engine's.
const UNSAFE_REGEX: [RegExp, string][] = [
  [/\\[1-9]|\\k</, 'backreferences are not allowed'],
  [/\(\?<?[=!]/, 'lookahead and lookbehind are not allowed'],
];

/**
 * Reads one rule pack file: a single pattern, or `patterns: [...]`. Every problem is reported
 * with the file, line and field; a broken pattern is left out, the others still load.
 */
export function readRulePack(file: string, text: string): RulePackResult {
  const lineCounter = new LineCounter();
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, maxAliasCount: 50 } as never);
  } catch (error) {
    return { patterns: [], errors: [{ file, message: `cannot read YAML: ${(error as Error).message}` }] };
  }
  if (document.errors.length) {
    const first = document.errors[0];
    const line = first.pos ? lineCounter.linePos(first.pos[0]).line : undefined;
    return { patterns: [], errors: [{ file, line, message: `invalid YAML: ${first.message.split('\n')[0]}` }] };
  }
  const data = document.toJS({ maxAliasCount: 50 }) as unknown;
  const list: unknown[] = data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { patterns?: unknown }).patterns) ? (data as { patterns: unknown[] }).patterns : [data];
  const prefix: (string | number)[] = list === (data as { patterns?: unknown[] })?.patterns ? ['patterns'] : [];
  const lineOf = (path: (string | number)[]): number | undefined => {
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };

  const patterns: CatalogPattern[] = [];
  const errors: RulePackError[] = [];
  list.forEach((candidate, index) => {
    const base = [...prefix, ...(prefix.length ? [index] : [])];
    if (validator && !validator(candidate)) {
      for (const error of validator.errors ?? []) {
        const path = error.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const extra = (error.params as { additionalProperty?: string; missingProperty?: string }) ?? {};
        const field = [...base, ...path, ...(extra.additionalProperty ? [extra.additionalProperty] : []), ...(extra.missingProperty ? [extra.missingProperty] : [])].join('.');
        errors.push({ file, line: lineOf([...base, ...path]), field: field || undefined, message: `${field || 'pattern'} ${error.message ?? 'is invalid'}` });
      }
      return;
    }
    const pattern = candidate as CatalogPattern;
    let safe = true;
    (pattern.signals?.regex ?? []).forEach((entry, r) => {
      const path = [...base, 'signals', 'regex', r, 'pattern'];
      const field = path.join('.');
      const unsafe = UNSAFE_REGEX.find(([test]) => test.test(entry.pattern));
      if (unsafe) {
        errors.push({ file, line: lineOf(path), field, message: `${field}: ${unsafe[1]} in ${JSON.stringify(entry.pattern)} (patterns run on a linear-time engine)` });
        safe = false;
        return;
      }
      const nested = nestedQuantifier(entry.pattern);
      if (nested) {
        const message = `nested quantifier ${JSON.stringify(nested)} in ${JSON.stringify(entry.pattern)}: it backtracks exponentially in most engines; quantify the inner part once (for example a+ instead of (a+)+)`;
        errors.push({ file, line: lineOf(path), field, message: `${field}: ${message}` });
        safe = false;
        return;
      }
      try {
        RE2JS.compile(entry.pattern);
      } catch (error) {
        errors.push({ file, line: lineOf(path), field, message: `${field}: not a valid pattern: ${(error as Error).message}` });
        safe = false;
      }
    });
    if (safe) patterns.push({ ...pattern, origin: file });
  });
  return { patterns, errors };
}

export function formatRulePackError(error: RulePackError): string {
  return `${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}
