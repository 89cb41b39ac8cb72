import * as assert from 'assert';
import { nestedQuantifier } from '../../src/core/catalog/regexSafety';

describe('nested quantifiers in rule-pack regexes', () => {
  it('finds a quantified group that holds an unbounded quantifier', () => {
    const cases: [string, string][] = [
      ['(a+)+$', '(a+)+'],
      ['^(\\w*x)*y', '(\\w*x)*'],
      ['(?:[a-z]+ ?){2,}$', '(?:[a-z]+ ?){2,}'],
      ['x((ab)+c)*', '((ab)+c)*'],
      ['(a|b+)+?', '(a|b+)+?'],
    ];
    for (const [source, part] of cases) assert.equal(nestedQuantifier(source), part, source);
  });

  it('lets ordinary patterns through', () => {
    for (const source of ['(a+)$', '(ab){2}c+', '[(+)]+', '\\(a+\\)+', '(?:layers|levels) of (?:management|approval)', '(?:a|aa)+$', '(a+){3}', '(a?)+']) {
      assert.equal(nestedQuantifier(source), undefined, source);
    }
  });
});
