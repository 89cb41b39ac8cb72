/**
 * A sorted list kept in blocks of a few hundred items, so that inserting or removing one item costs a
 * binary search and a short splice however long the list grows (a single array would move half of
 * itself on every change). Items that compare equal keep their insertion order.
 */
export class SortedBlocks<T> {
  private blocks: T[][] = [];
  private count = 0;

  constructor(private readonly compare: (a: T, b: T) => number, private readonly blockSize = 256) {}

  get size(): number {
    return this.count;
  }

  /** Replaces the contents with these items, sorting them once. */
  reset(items: T[]): void {
    const sorted = [...items].sort(this.compare);
    this.blocks = [];
    for (let i = 0; i < sorted.length; i += this.blockSize) this.blocks.push(sorted.slice(i, i + this.blockSize));
    this.count = sorted.length;
  }

  insert(item: T): void {
    if (this.blocks.length === 0) {
      this.blocks.push([item]);
      this.count = 1;
      return;
    }
    // After every equal item, so equal items stay in insertion order.
    let b = this.blockIndex((last) => this.compare(last, item) <= 0);
    if (b === this.blocks.length) b--;
    const block = this.blocks[b];
    let low = 0;
    let high = block.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(block[mid], item) <= 0) low = mid + 1;
      else high = mid;
    }
    block.splice(low, 0, item);
    this.count++;
    if (block.length > 2 * this.blockSize) this.blocks.splice(b, 1, block.slice(0, this.blockSize), block.slice(this.blockSize));
  }

  /** Removes the item `same` as this one (by default, this very object); returns whether it was there. */
  remove(item: T, same: (a: T, b: T) => boolean = (a, b) => a === b): boolean {
    for (const [b, i] of this.positionsFrom((candidate) => this.compare(candidate, item) < 0)) {
      const candidate = this.blocks[b][i];
      if (this.compare(candidate, item) !== 0) return false;
      if (!same(candidate, item)) continue;
      this.blocks[b].splice(i, 1);
      if (this.blocks[b].length === 0) this.blocks.splice(b, 1);
      this.count--;
      return true;
    }
    return false;
  }

  /** Items from the first one for which `before` is false, in order. */
  *from(before: (item: T) => boolean): Generator<T> {
    for (const [b, i] of this.positionsFrom(before)) yield this.blocks[b][i];
  }

  *values(): Generator<T> {
    for (const block of this.blocks) yield* block;
  }

  private *positionsFrom(before: (item: T) => boolean): Generator<[number, number]> {
    let b = this.blockIndex((last) => before(last));
    if (b === this.blocks.length) return;
    const block = this.blocks[b];
    let low = 0;
    let high = block.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(block[mid])) low = mid + 1;
      else high = mid;
    }
    for (let i = low; b < this.blocks.length; b++, i = 0) {
      // A block may shrink while a caller removes from it; re-read it on every step.
      for (; i < this.blocks[b].length; i++) yield [b, i];
    }
  }

  /** The first block whose last item does not satisfy `lastBefore`, or blocks.length. */
  private blockIndex(lastBefore: (last: T) => boolean): number {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const block = this.blocks[mid];
      if (lastBefore(block[block.length - 1])) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
