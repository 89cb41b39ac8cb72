/**
 * Finds a quantified group that holds a quantifier itself, such as `(a+)+` or `(\w*x)*`: the shape
 * that sends backtracking engines into exponential time. Rule packs run on RE2, which is immune,
 * but a pack is also read by people and other tools, so Causeway refuses the shape with a message
 * that says how to write it instead.
 */
export function nestedQuantifier(source: string): string | undefined {
  // For each open group: where it starts and whether it holds an unbounded quantifier.
  const stack: { start: number; unbounded: boolean }[] = [{ start: 0, unbounded: false }];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      i += 2;
      i = afterQuantifier(source, i, stack);
      continue;
    }
    if (ch === '[') {
      i = endOfClass(source, i);
      i = afterQuantifier(source, i, stack);
      continue;
    }
    if (ch === '(') {
      stack.push({ start: i, unbounded: false });
      i++;
      continue;
    }
    if (ch === ')' && stack.length > 1) {
      const group = stack.pop()!;
      const quantifier = unboundedQuantifierAt(source, i + 1);
      if (group.unbounded && quantifier) return source.slice(group.start, i + 1 + quantifier);
      if (group.unbounded) stack[stack.length - 1].unbounded = true;
      i = afterQuantifier(source, i + 1, stack);
      continue;
    }
    i = afterQuantifier(source, i + 1, stack);
  }
  return undefined;
}

/** Skips the quantifier after an atom ending at `at`, noting an unbounded one in the open group. */
function afterQuantifier(source: string, at: number, stack: { unbounded: boolean }[]): number {
  const unbounded = unboundedQuantifierAt(source, at);
  if (unbounded) {
    stack[stack.length - 1].unbounded = true;
    return at + unbounded;
  }
  const bounded = /^(?:\?|\{\d+(?:,\d+)?\})\??/.exec(source.slice(at, at + 16));
  return at + (bounded ? bounded[0].length : 0);
}

/** The length of an unbounded quantifier (`+`, `*`, `{2,}`, lazy or not) at `at`, or 0. */
function unboundedQuantifierAt(source: string, at: number): number {
  const match = /^(?:[+*]|\{\d+,\})\??/.exec(source.slice(at, at + 16));
  return match ? match[0].length : 0;
}

/** The index just past a character class that starts at `at`. */
function endOfClass(source: string, at: number): number {
  let i = at + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}
