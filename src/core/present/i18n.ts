// Words that Causeway writes into hovers, tree labels, diagnostics and inserted text, in both languages.
// These follow the `causeway.language` setting, which may differ from VS Code's display language, so they
// cannot go through vscode.l10n (that follows the display language only).
import type { FindingKind, GapCode } from '../model';

export type Lang = 'en' | 'zh';

interface Bi {
  en: string;
  zh: string;
}

const KIND: Record<FindingKind, Bi> = {
  problem: { en: 'Problem', zh: '问题' },
  cause: { en: 'Cause', zh: '原因' },
  solution: { en: 'Solution', zh: '对策' },
  evidence: { en: 'Evidence', zh: '证据' },
  symptom: { en: 'Symptom', zh: '病症' },
};

const KIND_PLURAL: Record<FindingKind | 'gap', Bi> = {
  problem: { en: 'Problems', zh: '问题' },
  cause: { en: 'Causes', zh: '原因' },
  solution: { en: 'Solutions', zh: '对策' },
  evidence: { en: 'Evidence', zh: '证据' },
  symptom: { en: 'Catalog symptoms', zh: '目录病症' },
  gap: { en: 'Gaps', zh: '缺口' },
};

/** How one finding relates to another, seen from the first. */
export type RelationRole = 'causedBy' | 'causes' | 'addressedBy' | 'addresses' | 'evidence' | 'supports' | 'referencedBy' | 'references';

const RELATION: Record<RelationRole, Bi> = {
  causedBy: { en: 'caused by', zh: '源于' },
  causes: { en: 'causes', zh: '导致' },
  addressedBy: { en: 'addressed by', zh: '对策' },
  addresses: { en: 'addresses', zh: '解决' },
  evidence: { en: 'evidence', zh: '证据' },
  supports: { en: 'supports', zh: '支持' },
  referencedBy: { en: 'referenced by', zh: '被引用于' },
  references: { en: 'refers to', zh: '参见' },
};

const GAP_TITLE: Record<GapCode, Bi> = {
  'problem-without-cause': { en: 'Problem without a cause', zh: '问题缺少原因' },
  'cause-without-solution': { en: 'Cause without a solution', zh: '原因缺少对策' },
  'solution-without-target': { en: 'Solution without a target', zh: '对策没有针对的问题' },
  'problem-without-evidence': { en: 'Problem without evidence', zh: '问题缺少证据' },
  'unresolved-citation': { en: 'Unresolved citation', zh: '引用无出处' },
  'duplicate-id': { en: 'Duplicate ID', zh: 'ID 重复' },
  'broken-reference': { en: 'Broken reference', zh: '引用的 ID 不存在' },
  cycle: { en: 'Causal cycle', zh: '因果循环' },
  'id-kind-mismatch': { en: 'ID prefix contradicts its section', zh: 'ID 前缀与所在章节不符' },
  'file-skipped': { en: 'File skipped', zh: '文件被跳过' },
};

// Everything else, keyed by a short English name. {0}, {1}… are filled in by `t`.
const TEXT = {
  confidence: { en: 'confidence {0}', zh: '置信度 {0}' },
  why: { en: 'Why', zh: '判断依据' },
  whyAnnotation: { en: 'annotation', zh: '标注' },
  whyHeading: { en: 'heading “{0}”', zh: '标题“{0}”' },
  whyCue: { en: 'cue phrase “{0}”', zh: '提示词“{0}”' },
  whyCatalog: { en: 'catalog phrase “{0}”', zh: '目录短语“{0}”' },
  whyMetric: { en: 'figure {0}', zh: '数据 {0}' },
  whyPosition: { en: 'where it sits in the document and what surrounds it', zh: '它在文档中的位置及前后语句' },
  whyContext: { en: 'background wording “{0}”', zh: '背景性措辞“{0}”' },
  whyNegation: { en: 'ruled out: “{0}”', zh: '被否定：“{0}”' },
  catalog: { en: 'Catalog', zh: '病症目录' },
  typicalCauses: { en: 'Typical causes', zh: '常见原因' },
  typicalRemedies: { en: 'Typical remedies', zh: '常见对策' },
  matchedPhrase: { en: 'Matched “{0}”', zh: '匹配到“{0}”' },
  citation: { en: 'Citation [{0}]', zh: '引用 [{0}]' },
  citationMissing: { en: 'No entry [{0}] in the reference list of this document.', zh: '本文档的参考资料中没有条目 [{0}]。' },
  metric: { en: 'Figure', zh: '数据' },
  metricPercent: { en: 'share or rate', zh: '比例' },
  metricMoney: { en: 'amount of money', zh: '金额' },
  metricChange: { en: 'change', zh: '变化' },
  metricCount: { en: 'count', zh: '数量' },
  metricYear: { en: 'year', zh: '年份' },
  notDeclared: { en: '{0} (not declared anywhere)', zh: '{0}（未在任何文档中声明）' },
  inferred: { en: 'inferred', zh: '推断' },
  line: { en: 'line {0}', zh: '第 {0} 行' },
  moreRelations: { en: '… and {0} more', zh: '……另有 {0} 项' },
  symptomMessage: { en: 'Looks like “{0}” (catalog): “{1}”. {2}', zh: '疑似“{0}”（病症目录）：“{1}”。{2}' },
  counts: { en: '{0} problems, {1} causes, {2} solutions, {3} gaps', zh: '{0} 个问题，{1} 个原因，{2} 项对策，{3} 个缺口' },
  notInCatalog: { en: 'Not in the catalog', zh: '未匹配病症目录' },
  statusTooltip: { en: 'Causeway: {0} in this document. Click to open the map.', zh: 'Causeway：本文档中有 {0}。单击打开关系图。' },
  sectionSolutions: { en: 'Solutions', zh: '解决方案' },
  sectionCauses: { en: 'Root causes', zh: '问题根源' },
  stubSolution: { en: '(Describe the action that removes this cause, who owns it and by when.)', zh: '（写下消除此原因的举措、负责人和完成时间。）' },
  stubCause: { en: '(Describe the root cause behind {0}.)', zh: '（写下导致 {0} 的根本原因。）' },
  relAddresses: { en: 'addresses', zh: '解决' },
  relCauses: { en: 'causes', zh: '导致' },
  source: { en: 'Source', zh: '出处' },
} satisfies Record<string, Bi>;

export type TextKey = keyof typeof TEXT;

/** A phrase in the given language with {0}, {1}… replaced by the arguments. */
export function t(lang: Lang, key: TextKey, ...args: (string | number)[]): string {
  return fill(TEXT[key][lang], args);
}

export function kindName(lang: Lang, kind: FindingKind): string {
  return KIND[kind][lang];
}

export function kindGroupName(lang: Lang, kind: FindingKind | 'gap'): string {
  return KIND_PLURAL[kind][lang];
}

export function relationName(lang: Lang, role: RelationRole): string {
  return RELATION[role][lang];
}

export function gapTitle(lang: Lang, code: GapCode): string {
  return GAP_TITLE[code]?.[lang] ?? code;
}

/** The colon after a label: full width in Chinese. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

function fill(template: string, args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

/** Every table, for the unit test that checks both languages are filled in with the same placeholders. */
export const ALL_PHRASES: Record<string, Bi> = {
  ...Object.fromEntries(Object.entries(KIND).map(([k, v]) => [`kind.${k}`, v])),
  ...Object.fromEntries(Object.entries(KIND_PLURAL).map(([k, v]) => [`group.${k}`, v])),
  ...Object.fromEntries(Object.entries(RELATION).map(([k, v]) => [`relation.${k}`, v])),
  ...Object.fromEntries(Object.entries(GAP_TITLE).map(([k, v]) => [`gap.${k}`, v])),
  ...TEXT,
};
