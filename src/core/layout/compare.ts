// A locale-free "natural" string order (P2 before P10), so layouts never depend on the host's
// locale or ICU data. Ties fall back to plain code-unit order, which makes the order total.

const DIGIT_RUN = /(\d+)/;

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const partsA = a.split(DIGIT_RUN);
  const partsB = b.split(DIGIT_RUN);
  const count = Math.min(partsA.length, partsB.length);
  for (let i = 0; i < count; i++) {
    const partA = partsA[i];
    const partB = partsB[i];
    if (partA === partB) continue;
    // split() with a capturing group puts digit runs at odd indices.
    if (i % 2 === 1) {
      const byValue = compareDigitRuns(partA, partB);
      if (byValue !== 0) return byValue;
    } else {
      return partA < partB ? -1 : 1;
    }
  }
  if (partsA.length !== partsB.length) return partsA.length - partsB.length;
  return a < b ? -1 : 1;
}

/** Compares two runs of ASCII digits by value without converting (runs may exceed 2^53). */
function compareDigitRuns(a: string, b: string): number {
  const trimmedA = a.replace(/^0+(?=\d)/, '');
  const trimmedB = b.replace(/^0+(?=\d)/, '');
  if (trimmedA.length !== trimmedB.length) return trimmedA.length - trimmedB.length;
  if (trimmedA !== trimmedB) return trimmedA < trimmedB ? -1 : 1;
  return 0;
}
