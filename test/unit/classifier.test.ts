// The zero-config classifier: headings, cue phrases, negation, lead verbs, pseudo-headings, one kind
// per statement. The sentences are written for these tests, not taken from the evaluation corpus.
import { strict as assert } from 'node:assert';
import { analyze, kindOf } from './helpers';

/** Each sentence as its own paragraph, so that no neighbour lends it a topic. */
function kindsOf(sentences: string[]): string[] {
  const analysis = analyze(sentences.join('\n\n') + '\n');
  return sentences.map((s) => kindOf(analysis, s));
}

function expectAll(sentences: string[], kind: string): void {
  const kinds = kindsOf(sentences);
  const wrong = sentences.filter((_, i) => kinds[i] !== kind).map((s, i) => `${s} → ${kinds[sentences.indexOf(s)] ?? i}`);
  assert.deepEqual(wrong, [], `expected ${kind}`);
}

describe('classifier: cue phrases', () => {
  it('finds causes from causal connectives in English', () => {
    expectAll(
      [
        'The backlog stems from a hiring freeze in the support team.',
        'Late deliveries are due to a single overloaded depot.',
        'Customers churned because the app kept crashing.',
        'The root of the trouble is a commission plan that pays for volume.',
        'Ticket volumes climbed, driven by a rushed billing migration.',
      ],
      'cause',
    );
  });

  it('finds causes from causal connectives in Chinese', () => {
    expectAll(['成本高企源于采购分散。', '门店亏损的根源在于选址失误。', '由于缺少统一的会员系统，复购率偏低。', '频繁换帅造成战略摇摆。', '价格战导致毛利下降。'], 'cause');
  });

  it('finds solutions from prescriptive phrases in both languages', () => {
    expectAll(
      [
        'The company should close the kiosks that never broke even.',
        'Marketing needs to refocus on repeat buyers.',
        'We recommend a single owner for each product line.',
        'We propose merging the two logistics teams.',
        'To recover share, the chain must renovate its stores.',
        '公司应当收缩非核心业务。',
        '总部需要下放采购权限。',
        '建议设立独立的质量委员会。',
        '通过数字化改造提升门店效率。',
      ],
      'solution',
    );
  });

  it('finds problems from words of decline, loss, risk and complaint', () => {
    expectAll(
      [
        'Same-store sales declined for six straight quarters.',
        'The unit booked a loss for the third year.',
        'Regulators flag a growing risk in its lending book.',
        'Complaints about refunds doubled.',
        'Audits found shortcomings in cold-chain checks.',
        '门店客流持续下滑。',
        '新业务连续三年亏损。',
        '售后团队人手不足。',
        '用户投诉集中在退款环节。',
        '公司因虚假宣传被处罚。',
      ],
      'problem',
    );
  });

  it('leaves history, background and greetings unclassified', () => {
    expectAll(['The firm was founded in 1987 by two pharmacists.', 'Thank you all for joining the offsite.', '公司总部位于杭州。', 'The board meets every quarter in Lisbon.'], 'none');
  });

  it('keeps the reasons, with the cue phrase and its range', () => {
    const analysis = analyze('Late deliveries are due to a single overloaded depot.\n');
    const finding = analysis.findings.find((f) => f.kind === 'cause')!;
    assert.equal(finding.source, 'cue');
    assert.ok(finding.confidence > 0 && finding.confidence < 1);
    const cue = finding.reasons.find((r) => r.signal === 'cue' && r.kind === 'cause');
    assert.ok(cue, JSON.stringify(finding.reasons));
    assert.equal(cue.detail.toLowerCase(), 'due to');
    assert.deepEqual(cue.range, { start: { line: 0, character: 20 }, end: { line: 0, character: 26 } });
  });
});

describe('classifier: negation', () => {
  it('rules out a cause that is denied', () => {
    expectAll(['The slump in bookings was not due to pricing.', '客户流失并非源于价格。'], 'none');
    const analysis = analyze('The slump in bookings was not due to pricing.\n');
    assert.equal(analysis.findings.filter((f) => f.kind === 'cause').length, 0);
  });

  it('does not let a negation far away or across a clause deny a cue', () => {
    assert.equal(kindsOf(['Margins did not recover, because the discount war went on.'])[0], 'cause');
  });
});

describe('classifier: lead verbs', () => {
  it('reads an imperative opening as a solution in both languages', () => {
    expectAll(['Build a shared customer database for all brands.', 'Consolidate the three regional warehouses.', '加强对加盟商的培训。', '优化供应链结构。'], 'solution');
  });

  it('does not treat the verb in the middle of a sentence as a lead verb', () => {
    // "consolidate" is a lead verb; here it only reports what was decided years ago.
    assert.equal(kindsOf(['In 2021 the group decided to consolidate two depots.'])[0], 'none');
    const lead = analyze('Consolidate the three regional warehouses.\n').findings.find((f) => f.kind === 'solution')!;
    assert.ok(lead.reasons.some((r) => r.kind === 'solution' && r.detail.toLowerCase() === 'consolidate'), JSON.stringify(lead.reasons));
  });
});

describe('classifier: headings', () => {
  it('gives statements without cues the kind of their English section', () => {
    const analysis = analyze(
      '# Review\n\n## Challenges\n\nThe Berlin office moved twice this year.\n\n## Why this happened\n\nThe lease terms favoured short stays.\n\n## Next steps\n\nA second site opens in Leeds next spring.\n\n## Background\n\nThe firm opened its first shop in 1990.\n',
    );
    assert.equal(kindOf(analysis, 'Berlin office'), 'problem');
    assert.equal(kindOf(analysis, 'lease terms'), 'cause');
    assert.equal(kindOf(analysis, 'second site'), 'solution');
    assert.equal(kindOf(analysis, 'first shop'), 'none');
    const fromHeading = analysis.findings.find((f) => f.text.includes('Berlin'))!;
    assert.equal(fromHeading.source, 'heading');
    assert.ok(fromHeading.reasons.some((r) => r.signal === 'heading' && r.detail === 'Challenges'));
  });

  it('gives statements without cues the kind of their Chinese section, numbered or not', () => {
    const analysis = analyze('# 报告\n\n## 一、现状与挑战\n\n公司去年搬了新办公楼。\n\n## 二、成因\n\n仓库去年换了地址。\n\n## 三、对策\n\n明年在成都开设新仓。\n\n## 四、发展历程\n\n公司成立于2001年。\n');
    assert.equal(kindOf(analysis, '新办公楼'), 'problem');
    assert.equal(kindOf(analysis, '换了地址'), 'cause');
    assert.equal(kindOf(analysis, '成都'), 'solution');
    assert.equal(kindOf(analysis, '成立于'), 'none');
  });

  it('lets a subsection inherit the kind of the section it sits in', () => {
    const analysis = analyze('# Plan\n\n## Recommendations\n\n### Stores\n\nThe Leeds shop gets a new manager.\n');
    assert.equal(kindOf(analysis, 'Leeds'), 'solution');
  });
});

describe('classifier: pseudo-headings', () => {
  it('reads a bold label paragraph as a heading for what follows', () => {
    const analysis = analyze('**Root causes**\n\nThe sales team is paid on volume only.\n\n**Next steps**\n\nA second depot opens in Leeds.\n');
    assert.equal(kindOf(analysis, 'paid on volume'), 'cause');
    assert.equal(kindOf(analysis, 'second depot'), 'solution');
    assert.equal(kindOf(analysis, 'Root causes'), 'none', 'the label itself is not a claim');
  });

  it('reads a Chinese label with a colon, and a numbered label, as headings', () => {
    const analysis = analyze('对策建议：\n\n明年在成都开设新仓。\n\n一、主要问题\n\n仓库今年搬到城郊。\n');
    assert.equal(kindOf(analysis, '成都'), 'solution');
    assert.equal(kindOf(analysis, '城郊'), 'problem');
  });
});

describe('classifier: one kind per statement', () => {
  it('never gives a statement two of problem, cause and solution', () => {
    const text = [
      '## Problems',
      '',
      '- Revenue declined because the core product aged, and we should replace it.',
      '- 由于考核只看销量，利润下滑，建议调整考核。',
      '- Losses widened due to subsidies; management needs to stop them.',
      '',
      '## Root causes',
      '',
      'Complaints rose because staff were cut. We recommend rehiring.',
    ].join('\n');
    const analysis = analyze(text);
    const perStatement = new Map<number, string[]>();
    for (const f of analysis.findings) {
      if (f.kind !== 'problem' && f.kind !== 'cause' && f.kind !== 'solution') continue;
      perStatement.set(f.statement, [...(perStatement.get(f.statement) ?? []), f.kind]);
    }
    assert.ok(perStatement.size >= 4);
    for (const [statement, kinds] of perStatement) assert.equal(kinds.length, 1, `statement ${statement} has ${kinds.join(' and ')}`);
  });

  it('reads a causal statement about a problem as the cause, not the problem', () => {
    assert.equal(kindsOf(['Revenue declined because the core product aged.'])[0], 'cause');
  });
});
