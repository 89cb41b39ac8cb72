// Words shown to the user: gap messages and severities, symptom messages, counts, Copy as Markdown, and
// that every string exists in English and Simplified Chinese (core tables, manifest, runtime bundle).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinData } from '../../src/core/data/builtin';
import { countFindings, countsSentence, findingAsMarkdown } from '../../src/core/present/copy';
import { gapMessage, gapSeverity, ruleDocUrl, symptomMessage, symptomSeverity } from '../../src/core/present/gapText';
import { ALL_PHRASES } from '../../src/core/present/i18n';
import { claimText, shorten } from '../../src/core/present/markdown';
import { relationsOf } from '../../src/core/present/relations';
import { GAP_RULES } from '../../src/core/export/rules';
import { indexOf, REPO_ROOT, uriOf } from './helpers';

const DOCS = {
  'd.md': '## Problems\n\n- [P1] Sales fell 30% in 2024 [4].\n- [P2] Complaints doubled.\n\n## Root causes\n\n- [C1] Teams work in silos. causes: P1, P9\n\n## References\n\n[1] Report\n',
  'e.md': '- [C1] Another declaration of C1.\n',
};

describe('present: gap and symptom text', () => {
  const index = indexOf(DOCS);
  const analysis = index.get(uriOf('d.md'))!;
  const gaps = index.gaps(uriOf('d.md'));
  const byCode = (code: string) => gaps.find((g) => g.code === code)!;

  it('keeps the core wording in English and writes every code in Chinese', () => {
    for (const gap of gaps) assert.equal(gapMessage(gap, 'en', analysis), gap.message);
    assert.equal(gapMessage(byCode('broken-reference'), 'zh', analysis), 'P9 没有在工作区的任何文档中声明。');
    assert.equal(gapMessage(byCode('duplicate-id'), 'zh', analysis), 'C1 在工作区中被声明了 2 次。');
    assert.equal(gapMessage(byCode('unresolved-citation'), 'zh', analysis), '引用 [4] 在参考资料中没有对应条目。');
    assert.equal(gapMessage(byCode('problem-without-cause'), 'zh', analysis), '这个问题没有给出原因：“Complaints doubled.”。');
    assert.equal(gapMessage(byCode('cause-without-solution'), 'zh', analysis), '没有对策针对这个原因：“Teams work in silos.”。');
    for (const gap of gaps) assert.match(gapMessage(gap, 'zh', analysis), /[\u4e00-\u9fff]/, `${gap.code} has no Chinese message`);
  });

  it('applies severity overrides per code, with off silencing a code', () => {
    const gap = byCode('problem-without-cause');
    assert.equal(gapSeverity(gap, {}), 'warning');
    assert.equal(gapSeverity(gap, { 'problem-without-cause': 'error' }), 'error');
    assert.equal(gapSeverity(gap, { 'problem-without-cause': 'off' }), 'off');
    assert.equal(gapSeverity(gap, { 'problem-without-cause': 'loud' as never }), 'warning', 'an unknown level is ignored');
    const pattern = builtinData().catalog.get('silos')!;
    assert.equal(symptomSeverity(pattern, {}), pattern.severity);
    assert.equal(symptomSeverity(pattern, { symptom: 'info' }), 'info');
  });

  it('names the pattern, the matched words and the gist of the explanation for a symptom', () => {
    const symptom = analysis.findings.find((f) => f.kind === 'symptom' && f.patternId === 'silos')!;
    const pattern = builtinData().catalog.get('silos')!;
    const en = symptomMessage(symptom, pattern, 'en');
    assert.ok(en.startsWith(`Looks like “${pattern.name.en}” (catalog): “${symptom.matched}”.`), en);
    assert.ok(symptomMessage(symptom, pattern, 'zh').startsWith(`疑似“${pattern.name.zh}”（病症目录）`));
  });

  it('links every gap code to its rule page, which exists', () => {
    for (const rule of GAP_RULES) {
      assert.equal(ruleDocUrl(rule.code, 'file:///ext/docs'), `file:///ext/docs/rules/${rule.code}.md`);
      assert.ok(readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).includes(`${rule.code}.md`), `docs/rules/${rule.code}.md is missing`);
    }
  });

  it('counts findings and writes Copy as Markdown with the relations', () => {
    const counts = countFindings(analysis, gaps.length);
    assert.equal(countsSentence(counts, 'en'), `2 problems, 1 cause, 0 solutions, ${gaps.length} gaps`);
    assert.equal(countsSentence(counts, 'zh'), `2 个问题，1 个原因，0 项对策，${gaps.length} 个缺口`);
    const c1 = analysis.findings.find((f) => f.id === 'C1')!;
    const text = findingAsMarkdown(c1, relationsOf(c1, analysis, index), (uri) => uri.replace('file:///workspace/', ''), analysis.uri, 'en');
    assert.equal(text, ['**Cause C1**: Teams work in silos.', '- causes: P1 — Sales fell 30% in 2024 [4]. (d.md:3)', '- causes: P9 (not declared anywhere)', '', 'Source: d.md:8'].join('\n'));
  });

  it('shortens by characters, never splitting a Chinese character or an emoji', () => {
    assert.equal(shorten('Margins   fell.', 20), 'Margins fell.');
    assert.equal(shorten('abcdef', 5), 'abcd…');
    assert.equal(shorten('abcde', 5), 'abcde');
    assert.equal(shorten('用户黏性下降明显', 5), '用户黏性…');
    assert.equal(shorten('😀😀😀😀😀😀', 4), '😀😀😀…');
    assert.equal(shorten(`${'a'.repeat(500)} end`, 10), 'aaaaaaaaa…');
  });

  it('strips written relations from a claim, in both languages', () => {
    assert.equal(claimText('Score sites on footfall. addresses: C1, C2'), 'Score sites on footfall.');
    assert.equal(claimText('上线审批系统。解决：C3'), '上线审批系统。');
    assert.equal(claimText('Scale grew through injections. causes: AH-P1, AH-P4 [6]'), 'Scale grew through injections. [6]');
    assert.equal(claimText('It causes delays.'), 'It causes delays.');
    assert.equal(claimText('[AH-P1] Strategic drift: a company that sells drugs.'), 'Strategic drift: a company that sells drugs.');
  });
});

describe('present: both languages everywhere', () => {
  it('fills every core phrase in both languages with the same placeholders', () => {
    for (const [key, phrase] of Object.entries(ALL_PHRASES)) {
      assert.ok(phrase.en.trim() && phrase.zh.trim(), `${key} is empty in one language`);
      const holes = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join();
      assert.equal(holes(phrase.zh), holes(phrase.en), `${key} has different placeholders`);
    }
  });

  it('translates every runtime string of the editing features', () => {
    const bundle = JSON.parse(readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const folder = path.join(REPO_ROOT, 'src', 'extension', 'editing');
    const missing: string[] = [];
    let seen = 0;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(folder, file), 'utf8');
      for (const match of source.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) {
        seen++;
        const key = match[1].replace(/\\'/g, "'");
        if (!bundle[key]) missing.push(`${file}: ${key}`);
      }
    }
    assert.ok(seen > 20, `only ${seen} strings found`);
    assert.deepEqual(missing, []);
  });

  it('has a Chinese manifest string for every %key% the manifest uses', () => {
    const manifest = readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
    const en = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const keys = [...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.includes('command.checkWorkspace') && keys.includes('walkthrough.linkPlan.description'));
    for (const key of keys) {
      assert.ok(en[key], `package.nls.json lacks ${key}`);
      assert.ok(zh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
  });
});
