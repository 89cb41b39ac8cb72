// A small seeded random source for the corpus generator. The same seed gives the same corpus on
// every machine and Node version, which Math.random cannot promise.

export class Random {
  private state: number;

  constructor(seed: number) {
    // A zero state would still work (the Weyl step moves it), but keep seeds distinct from 0 anyway.
    this.state = (seed ^ 0x5bd1e995) >>> 0;
  }

  /**
   * One 32-bit value: a Weyl sequence (add the golden-ratio constant) passed through a
   * multiply-xorshift finaliser, which spreads every input bit over the output.
   */
  uint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
    z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A value from [min, max] with a log-uniform spread, so small values are as common as large ones per decade. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }

  /** An independent stream for a sub-task, so adding draws in one place does not shift another. */
  fork(label: number): Random {
    return new Random(Math.imul(this.uint32() ^ label, 0x27d4eb2d) >>> 0);
  }
}

/** A stable 32-bit hash of a string (FNV-1a), for fingerprints and for seeds derived from names. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
