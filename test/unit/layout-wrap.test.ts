import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { measureText, splitGraphemes, wrapLabel } from '../../src/core/layout/wrap';

const NO_LINE_START = [...'。，、；：！？）」』'];
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The original text with whitespace collapsed, as wrapLabel reads it. */
function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('wrapLabel', () => {
  it('wraps English between words and keeps every word whole', () => {
    const text = 'Management does not execute the strategy and business units do not share resources';
    const wrapped = wrapLabel(text, 160, 13, 10);
    assert.ok(wrapped.lines.length > 1);
    assert.equal(wrapped.lines.join(' '), text);
    for (const line of wrapped.lines) {
      assert.ok(measureText(line, 13) <= 160, `"${line}" is too wide`);
      assert.equal(line, line.trim());
    }
    assert.equal(wrapped.truncated, false);
  });

  it('wraps Chinese between characters, counting each as 1em', () => {
    const text = '公司长期依赖低毛利的硬件业务，战略重心不断漂移，管理层不执行既定战略。';
    const wrapped = wrapLabel(text, 130, 13, 10);
    assert.equal(wrapped.lines.join(''), text);
    // 130 px at 13 px per character: ten characters per line.
    assert.deepEqual(
      wrapped.lines.map((l) => [...l].length),
      [10, 10, 10, 5],
    );
  });

  it('never starts a line with closing CJK punctuation', () => {
    // At ten characters a line, the comma would open line two; it stays with 业务 instead.
    const wrapped = wrapLabel('公司依赖低毛利的硬件业务，战略不断漂移。', 130, 13, 10);
    assert.equal(wrapped.lines[0], '公司依赖低毛利的硬件');
    assert.equal(wrapped.lines[1][0], '业');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'大厂病战略漂移资源共享合规风险', ...NO_LINE_START, ' ', 'a', 'B'), { maxLength: 80 }), fc.integer({ min: 13, max: 200 }), (chars, width) => {
        const wrapped = wrapLabel(chars.join(''), width, 13, 100);
        wrapped.lines.forEach((line, i) => {
          if (i > 0) assert.ok(!NO_LINE_START.includes(line[0]), `line ${i} starts with ${line[0]}: ${JSON.stringify(wrapped.lines)}`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('mixes Chinese and English sensibly', () => {
    const wrapped = wrapLabel('大厂病 (big-company disease) 让组织失去执行力', 150, 13, 10);
    assert.ok(wrapped.lines.some((l) => l.includes('(big-company')), JSON.stringify(wrapped.lines));
    for (const word of '(big-company disease)'.split(' ')) assert.ok(wrapped.lines.some((l) => l.includes(word)), `${word} was split`);
    assert.equal(wrapped.lines.join(''), '大厂病 (big-company disease) 让组织失去执行力'.replace(/(?<=[a-z]) (?=[a-z])/, ''));
  });

  it('never splits a surrogate pair, a combining sequence or an emoji sequence', () => {
    const text = '𠮷野家 café 👍🏽👨‍👩‍👧 e\u0301\u0301x 𩸽𩸽𩸽𩸽';
    for (const width of [1, 10, 13, 20, 30, 60]) {
      const wrapped = wrapLabel(text, width, 13, 50);
      assert.equal(wrapped.lines.join('').replace(/ /g, ''), text.replace(/ /g, ''), `width ${width}`);
      for (const line of wrapped.lines) {
        assert.ok(!LONE_SURROGATE.test(line), `lone surrogate in ${JSON.stringify(line)}`);
        assert.ok(!/^[\u0300-\u036f\u200d\u{1f3fb}-\u{1f3ff}]/u.test(line), `line starts inside a cluster: ${JSON.stringify(line)}`);
      }
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 120 }), (input, width) => {
        const wrapped = wrapLabel(input, width, 13, 100);
        const clusters = new Set(splitGraphemes(collapsed(input)));
        for (const line of wrapped.lines) {
          for (const cluster of splitGraphemes(line)) if (cluster !== ' ') assert.ok(clusters.has(cluster), `${JSON.stringify(cluster)} was cut from a cluster`);
        }
        assert.equal(wrapped.lines.join('').replace(/ /g, ''), collapsed(input).replace(/ /g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('stops at maxLines and ends with an ellipsis that fits', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    const wrapped = wrapLabel(text, 80, 13, 2);
    assert.equal(wrapped.lines.length, 2);
    assert.ok(wrapped.lines[1].endsWith('…'));
    assert.ok(!wrapped.lines[1].endsWith(' …'));
    assert.equal(wrapped.truncated, true);
    assert.ok(wrapped.width <= 80);
    const chinese = wrapLabel('战略漂移、依赖低毛利业务、管理层不执行战略、事业部不共享资源、合规风险、服务差', 91, 13, 2);
    assert.equal(chinese.lines.length, 2);
    assert.ok(chinese.lines[1].endsWith('…') && measureText(chinese.lines[1], 13) <= 91);
  });

  it('breaks a word longer than a line, and keeps lines within the width', () => {
    const wrapped = wrapLabel('Supercalifragilisticexpialidocious', 50, 10, 20);
    assert.equal(wrapped.lines.join(''), 'Supercalifragilisticexpialidocious');
    for (const line of wrapped.lines) assert.ok(measureText(line, 10) <= 50);
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 20, max: 300 }), (input, width) => {
        for (const line of wrapLabel(input, width, 12, 100).lines) {
          // Only a closing mark may hang past the edge, and only by itself.
          assert.ok(measureText(line, 12) <= width + 12, `${JSON.stringify(line)} is too wide for ${width}`);
        }
      }),
    );
  });

  it('gives no lines for empty or blank text', () => {
    assert.deepEqual(wrapLabel('', 100, 13), { lines: [], width: 0, truncated: false });
    assert.deepEqual(wrapLabel(' \n\t ', 100, 13), { lines: [], width: 0, truncated: false });
  });
});
