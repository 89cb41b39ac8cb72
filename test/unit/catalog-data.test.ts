// Checks the catalog of organisational diseases in seeds/catalog/ as data: schema, ids,
// cross-references, coverage of the required topics, and the quality of the signals.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { RE2JS } from 're2js';

// The compiled test runs from out/test/unit/, three levels below the repository root.
const repoRoot = path.resolve(__dirname, '../../..');
const catalogDir = path.join(repoRoot, 'seeds', 'catalog');
const schemaPath = path.join(repoRoot, 'schemas', 'catalog-pattern.schema.json');
const indexPath = path.join(repoRoot, 'docs', 'catalog.md');

type Lang = 'en' | 'zh';
const LANGS: readonly Lang[] = ['en', 'zh'];

interface Bilingual {
  en: string;
  zh: string;
}
interface LinkedItem extends Bilingual {
  related: string[];
}
interface RegexSignal {
  lang: Lang;
  pattern: string;
}
interface CatalogPatternData {
  id: string;
  severity: 'error' | 'warning' | 'info';
  name: Bilingual;
  explanation: Bilingual;
  signals: { en: string[]; zh: string[]; regex?: RegexSignal[]; metrics?: unknown[] };
  typicalCauses: LinkedItem[];
  typicalRemedies: LinkedItem[];
  related: string[];
  references?: string[];
}

interface LoadedFile {
  file: string;
  /** File name without .yaml; must equal the pattern id. */
  stem: string;
  data: unknown;
  parseError?: string;
}

function loadCatalogFiles(): LoadedFile[] {
  return fs
    .readdirSync(catalogDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const stem = file.slice(0, -'.yaml'.length);
      try {
        return { file, stem, data: parseYaml(fs.readFileSync(path.join(catalogDir, file), 'utf8')) };
      } catch (error) {
        return { file, stem, data: undefined, parseError: String(error) };
      }
    });
}

/** Each topic the product issue requires, with the pattern id chosen to cover it. */
const REQUIRED_TOPICS: ReadonlyArray<[topic: string, id: string]> = [
  ['strategic drift', 'strategic-drift'],
  ['revenue concentration', 'revenue-concentration'],
  ['dependence on a low-margin business', 'low-margin-dependence'],
  ['growth by asset injection or acquisitions never integrated', 'unintegrated-acquisitions'],
  ['execution deviating from strategy', 'execution-deviation'],
  ['business units not sharing resources (silos)', 'silos'],
  ['too many management layers and slow decisions', 'management-layers'],
  ['targets measuring volume only (GMV-only KPIs)', 'volume-only-kpis'],
  ['subsidy-driven growth', 'subsidy-driven-growth'],
  ["new ventures losing money at the core's expense", 'new-venture-losses'],
  ['weak operations', 'weak-operations'],
  ['poor customer service', 'poor-customer-service'],
  ['quality-control failures', 'quality-control-failures'],
  ['advertising violations', 'advertising-violations'],
  ['traceability gaps', 'traceability-gaps'],
  ['prescription-drug sales and licensing', 'prescription-drug-compliance'],
  ['general regulatory penalties', 'regulatory-penalties'],
  ['data-security and privacy risk', 'data-privacy-risk'],
  ['talent loss', 'talent-loss'],
  ['lack of professional staff', 'professional-talent-shortage'],
  ['falling behind a named rival', 'falling-behind-rival'],
  ['innovation stagnation', 'innovation-stagnation'],
];

/** Words too common to be a symptom on their own; a signal equal to one of them would fire everywhere. */
const TOO_GENERIC: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['risk', 'risks', 'problem', 'problems', 'issue', 'issues', 'challenge', 'challenges', 'growth', 'strategy', 'management', 'decline', 'loss', 'losses', 'cost', 'costs', 'revenue', 'competition']),
  zh: new Set(['问题', '风险', '挑战', '增长', '战略', '管理', '下降', '亏损', '成本', '营收', '收入', '竞争', '不足']),
};

function normalisePhrase(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Phrase matching as the catalog promises it: case-insensitive on word boundaries for English, substring for Chinese. */
function phraseOccurs(lang: Lang, phrase: string, text: string): boolean {
  if (lang === 'zh') return text.toLowerCase().includes(phrase.toLowerCase());
  return new RegExp(`\\b${escapeRegExp(phrase)}\\b`, 'i').test(text);
}

/** English counts ., ! and ? that end a sentence; Chinese counts 。！？. */
function countSentences(lang: Lang, text: string): number {
  const terminators = lang === 'zh' ? /[。！？]/g : /[.!?](?=\s|$)/g;
  return (text.match(terminators) ?? []).length;
}

function compileOrNull(pattern: string): RE2JS | null {
  try {
    return RE2JS.compile(pattern);
  } catch {
    return null; // reported by the RE2 test; here it must not hide the other results
  }
}

function patternsMatching(patterns: readonly CatalogPatternData[], lang: Lang, text: string): Set<string> {
  const hits = new Set<string>();
  for (const pattern of patterns) {
    if ((pattern.signals?.[lang] ?? []).some((phrase) => phraseOccurs(lang, phrase, text))) hits.add(pattern.id);
    for (const rule of pattern.signals?.regex ?? []) {
      if (rule.lang === lang && compileOrNull(rule.pattern)?.matcher(text).find()) hits.add(pattern.id);
    }
  }
  return hits;
}

/** One line per schema error, naming the offending property so a YAML author can find it. */
function describeSchemaErrors(errors: readonly ErrorObject[]): string {
  return errors
    .map((e) => {
      const extra = typeof e.params.additionalProperty === 'string' ? ` (${e.params.additionalProperty})` : '';
      return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
    })
    .join('; ');
}

describe('catalog data (seeds/catalog/*.yaml)', () => {
  const files = loadCatalogFiles();
  const patterns = files.filter((f) => f.parseError === undefined).map((f) => f.data as CatalogPatternData);
  const ids = new Set(patterns.map((p) => p.id));

  it('every file is valid YAML', () => {
    const broken = files.filter((f) => f.parseError !== undefined).map((f) => `${f.file}: ${f.parseError}`);
    assert.deepEqual(broken, []);
  });

  it('every pattern matches schemas/catalog-pattern.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
    const failures: string[] = [];
    for (const f of files) {
      if (f.parseError !== undefined) continue;
      if (!validate(f.data)) failures.push(`${f.file}: ${describeSchemaErrors(validate.errors ?? [])}`);
    }
    assert.deepEqual(failures, []);
  });

  it('holds at least 30 patterns', () => {
    assert.ok(patterns.length >= 30, `only ${patterns.length} patterns in ${catalogDir}`);
  });

  it('each id equals its file name', () => {
    const mismatched = files
      .filter((f) => f.parseError === undefined && (f.data as CatalogPatternData).id !== f.stem)
      .map((f) => `${f.file} declares id ${JSON.stringify((f.data as CatalogPatternData).id)}`);
    assert.deepEqual(mismatched, []);
  });

  it('every related id resolves to another pattern', () => {
    const problems: string[] = [];
    for (const p of patterns) {
      const references: Array<[where: string, ids: string[]]> = [
        ['related', p.related ?? []],
        ...(p.typicalCauses ?? []).map((c, i): [string, string[]] => [`typicalCauses[${i}].related`, c.related ?? []]),
        ...(p.typicalRemedies ?? []).map((r, i): [string, string[]] => [`typicalRemedies[${i}].related`, r.related ?? []]),
      ];
      for (const [where, related] of references) {
        for (const id of related) {
          if (!ids.has(id)) problems.push(`${p.id} ${where}: unknown id ${id}`);
          if (id === p.id) problems.push(`${p.id} ${where}: refers to itself`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('covers every topic the product issue requires', () => {
    const missing = REQUIRED_TOPICS.filter(([, id]) => !ids.has(id)).map(([topic, id]) => `${topic} (expected id ${id})`);
    assert.deepEqual(missing, []);
  });

  it('has 2-4 causes and 2-4 remedies per pattern', () => {
    const outOfRange = patterns
      .filter((p) => ![p.typicalCauses?.length ?? 0, p.typicalRemedies?.length ?? 0].every((n) => n >= 2 && n <= 4))
      .map((p) => `${p.id}: ${p.typicalCauses?.length} causes, ${p.typicalRemedies?.length} remedies`);
    assert.deepEqual(outOfRange, []);
  });

  it('has at least 6 phrase signals in each language', () => {
    const thin: string[] = [];
    for (const p of patterns) {
      for (const lang of LANGS) {
        const count = p.signals?.[lang]?.length ?? 0;
        if (count < 6) thin.push(`${p.id}: ${count} ${lang} phrases`);
      }
    }
    assert.deepEqual(thin, []);
  });

  it('explains each pattern in 2-4 sentences per language', () => {
    const wrong: string[] = [];
    for (const p of patterns) {
      for (const lang of LANGS) {
        const n = countSentences(lang, p.explanation?.[lang] ?? '');
        if (n < 2 || n > 4) wrong.push(`${p.id} ${lang}: ${n} sentences`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('uses clean, specific phrases', () => {
    const problems: string[] = [];
    for (const p of patterns) {
      for (const lang of LANGS) {
        const seen = new Set<string>();
        for (const phrase of p.signals?.[lang] ?? []) {
          const key = normalisePhrase(phrase);
          if (phrase !== phrase.trim()) problems.push(`${p.id} ${lang}: surrounding spaces in ${JSON.stringify(phrase)}`);
          if (seen.has(key)) problems.push(`${p.id} ${lang}: ${JSON.stringify(phrase)} listed twice`);
          seen.add(key);
          if (TOO_GENERIC[lang].has(key)) problems.push(`${p.id} ${lang}: ${JSON.stringify(phrase)} is too generic`);
          // Word-boundary matching only works when a phrase starts and ends with a word character.
          if (lang === 'en' && !/^\w.*\w$/.test(phrase)) problems.push(`${p.id} en: ${JSON.stringify(phrase)} must start and end with a letter or digit`);
          if (lang === 'zh' && !/\p{Script=Han}/u.test(phrase)) problems.push(`${p.id} zh: ${JSON.stringify(phrase)} has no Chinese characters`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('never lets one phrase fire two patterns (no duplicate or contained phrase across patterns)', () => {
    // Stricter than "no duplicates": a phrase contained in another pattern's phrase would also fire there.
    const clashes: string[] = [];
    for (const lang of LANGS) {
      const all = patterns.flatMap((p) => (p.signals?.[lang] ?? []).map((phrase) => ({ id: p.id, phrase })));
      for (const a of all) {
        for (const b of all) {
          if (a.id !== b.id && phraseOccurs(lang, a.phrase, b.phrase)) {
            clashes.push(`${lang}: ${a.id} ${JSON.stringify(a.phrase)} also matches ${b.id} ${JSON.stringify(b.phrase)}`);
          }
        }
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('compiles every regex signal under RE2', () => {
    const invalid: string[] = [];
    for (const p of patterns) {
      for (const rule of p.signals?.regex ?? []) {
        try {
          RE2JS.compile(rule.pattern);
        } catch (error) {
          invalid.push(`${p.id} ${rule.lang} ${JSON.stringify(rule.pattern)}: ${String(error)}`);
        }
      }
    }
    assert.deepEqual(invalid, []);
  });

  it('docs/catalog.md lists every pattern once, with its current names and severity', () => {
    // Rows look like: | `id` | English name | 中文名称 | severity |
    const rows = fs
      .readFileSync(indexPath, 'utf8')
      .split('\n')
      .map((line) => /^\|\s*`([^`]+)`\s*\|(.*)\|(.*)\|(.*)\|\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2].trim(), m[3].trim(), m[4].trim()].join(' | '))
      .sort();
    const expected = patterns.map((p) => [p.id, p.name?.en, p.name?.zh, p.severity].join(' | ')).sort();
    assert.deepEqual(rows, expected);
  });

  // Sentences written the way analysts write diagnoses; each must trigger exactly the listed patterns.
  const ANALYST_SENTENCES: ReadonlyArray<[lang: Lang, text: string, expected: string[]]> = [
    ['en', 'Management execution deviations and insufficient resource synergy explain much of the strategic drift.', ['execution-deviation', 'silos', 'strategic-drift']],
    ['en', 'Operational shortcomings, poor user service and lax quality control leave the company lagging behind JD Health.', ['weak-operations', 'poor-customer-service', 'quality-control-failures', 'falling-behind-rival']],
    ['en', 'Regulatory compliance risks keep rising: advertising violations, weak drug traceability and loopholes in prescription drug sales.', ['regulatory-penalties', 'advertising-violations', 'traceability-gaps', 'prescription-drug-compliance']],
    ['en', 'Scale came from asset injection, and the B2C arm runs on razor-thin margins.', ['unintegrated-acquisitions', 'low-margin-dependence']],
    ['zh', '集团资产注入带来的规模扩张，掩盖了执行走样和部门墙的问题。', ['unintegrated-acquisitions', 'execution-deviation', 'silos']],
    ['zh', '医药电商贡献了收入的八成以上，公司增收不增利。', ['revenue-concentration', 'low-margin-dependence']],
    ['zh', '药品追溯体系不完善，还存在先买药后开方的情况，已被监管部门责令整改。', ['traceability-gaps', 'prescription-drug-compliance', 'regulatory-penalties']],
    ['zh', '相比京东健康存在明显差距，一个订单要走5级审批。', ['falling-behind-rival', 'management-layers']],
    ['zh', '业务负责人相继离职，医疗团队专业性不足。', ['talent-loss', 'professional-talent-shortage']],
    ['en', 'The company was founded in 2011 and moved its headquarters to Hangzhou in 2014.', []],
    ['zh', '公司成立于2011年，2014年收购了一家上市公司的控股权，总部位于杭州。', []],
  ];

  for (const [lang, text, expected] of ANALYST_SENTENCES) {
    it(`recognises ${expected.length ? expected.join(', ') : 'nothing'} in "${text.slice(0, 40)}…"`, () => {
      assert.deepEqual([...patternsMatching(patterns, lang, text)].sort(), [...expected].sort());
    });
  }
});
