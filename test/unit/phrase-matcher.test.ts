// The phrase automaton that scans every statement for cues and catalog signals. Its fast paths
// (dense tables at the root and for Latin characters, maps for CJK) must find exactly what a
// plain search for each phrase finds, boundaries and stems included.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isWordChar, PhraseMatcher } from '../../src/core/text/ahoCorasick';

/** Every occurrence of every phrase, found one phrase at a time, with the same boundary rules. */
function naiveMatches(phrases: string[], text: string): string[] {
  const found: string[] = [];
  phrases.forEach((raw, index) => {
    let phrase = raw.trim().toLowerCase();
    const stem = phrase.endsWith('*');
    if (stem) phrase = phrase.slice(0, -1);
    if (!phrase) return;
    const boundaryStart = isWordChar(phrase.charCodeAt(0));
    const boundaryEnd = isWordChar(phrase.charCodeAt(phrase.length - 1)) && !stem;
    for (let start = text.indexOf(phrase); start >= 0; start = text.indexOf(phrase, start + 1)) {
      const end = start + phrase.length;
      if (boundaryStart && start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
      if (boundaryEnd && end < text.length && isWordChar(text.charCodeAt(end))) continue;
      found.push(`${start}:${end}:${index}`);
    }
  });
  return found.sort();
}

function automatonMatches(phrases: string[], text: string): string[] {
  const matcher = new PhraseMatcher<number>();
  phrases.forEach((phrase, index) => matcher.add(phrase, index));
  return matcher.findAll(text).map((m) => `${m.start}:${m.end}:${m.entry.value}`).sort();
}

// A small alphabet so that phrases overlap, share prefixes and fail over to each other often.
const LETTERS = ['a', 'b', 'n', ' ', '-', 'é', '降', '低', '本', '成', '1', '.'];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));

describe('phrase automaton', () => {
  it('finds what a plain search for each phrase finds, on random phrases and texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.boolean()).map(([w, stem]) => (stem ? `${w}*` : w)), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...LETTERS), { maxLength: 60 }).map((chars) => chars.join('')),
        (phrases, text) => {
          assert.deepEqual(automatonMatches(phrases, text), naiveMatches(phrases, text));
        },
      ),
      { seed: 20261125, numRuns: 400 },
    );
  });

  it('reports overlapping matches, words only at boundaries, stems with any ending, in both scripts', () => {
    const phrases = ['cost', 'low cost', 'declin*', 'margin', '成本', '降低成本', 'coût'];
    const text = 'low cost, costly; declining margins; 降低成本 and coût.';
    assert.deepEqual(automatonMatches(phrases, text), naiveMatches(phrases, text));
    const found = automatonMatches(phrases, text).map((key) => {
      const [start, end] = key.split(':').map(Number);
      return text.slice(start, end);
    });
    assert.deepEqual([...found].sort(), ['coût', 'cost', 'declin', 'low cost', '成本', '降低成本'].sort());
  });

  it('keeps the Latin letters of a large alphabet apart (more than a byte can number)', () => {
    // Every printable character below U+0250 that lower-casing leaves alone, each in a phrase of its own.
    const letters = Array.from({ length: 0x250 - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => c !== '*' && c.toLowerCase() === c && c.trim() === c);
    assert.ok(letters.length > 255, `${letters.length} characters`);
    const phrases = letters.map((c) => `q${c}*`);
    const text = letters.map((c) => `q${c}`).join(' ');
    assert.deepEqual(automatonMatches(phrases, text), naiveMatches(phrases, text));
  });

  it('gives the same answers when asked again and after more phrases are added', () => {
    const matcher = new PhraseMatcher<string>();
    matcher.add('supply chain', 'a');
    const text = 'the supply chain and the supply base';
    const first = matcher.findAll(text).map((m) => m.start);
    assert.deepEqual(matcher.findAll(text).map((m) => m.start), first, 'tables filled by the first scan change nothing');
    matcher.add('supply base', 'b');
    assert.deepEqual(matcher.findAll(text).map((m) => `${m.start}:${m.entry.value}`), ['4:a', '25:b']);
  });
});
