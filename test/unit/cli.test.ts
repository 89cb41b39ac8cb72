// The `causeway` CLI, run as users run it: `node bin/causeway.js` on the bundled dist/cli.js.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, rulePackYaml, validateSarif } from './helpers';

const BIN = path.join(REPO_ROOT, 'bin/causeway.js');
const CLEAN = '# Notes\n\nThe team met on Tuesday in the main office.\n';
const BROKEN = '## Solutions\n\n- [S1] Hire two buyers. addresses: C9\n';
const WARNING_ONLY = '## Causes\n\n- [C1] Sites were chosen on rent alone.\n';
const INFO_ONLY = '## Solutions\n\n- [S1] Hire two buyers for the east.\n';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = REPO_ROOT): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'causeway-cli-'));
  folders.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

function paths(json: string): string[] {
  return JSON.parse(json).files.map((f: { path: string }) => f.path);
}

describe('cli', function () {
  // Every test spawns the CLI, often several times; a busy machine makes each spawn slow.
  this.timeout(120000);

  before(function () {
    this.timeout(180000);
    execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  after(() => {
    for (const root of folders) rmSync(root, { recursive: true, force: true });
  });

  describe('check on the sample documents', () => {
    let json: { version: number; files: { path: string; findings: { kind: string }[]; links: unknown[]; gaps: unknown[] }[] };
    before(() => {
      const result = run(['check', 'seeds', '--format', 'json', '--fail-on', 'never']);
      assert.equal(result.status, 0, result.stderr);
      json = JSON.parse(result.stdout);
    });

    it('gives problems, causes, solutions, symptoms, links and gaps for every sample', () => {
      const samples = readdirSync(path.join(REPO_ROOT, 'seeds/samples')).filter((n) => n.endsWith('.md'));
      assert.ok(samples.length >= 4);
      const missing: string[] = [];
      for (const name of samples) {
        const file = json.files.find((f) => f.path === `seeds/samples/${name}`);
        assert.ok(file, `${name} is not in the output`);
        for (const kind of ['problem', 'cause', 'solution', 'symptom']) if (!file.findings.some((f) => f.kind === kind)) missing.push(`${name}: no ${kind}`);
        if (file.links.length === 0) missing.push(`${name}: no links`);
        if (file.gaps.length === 0) missing.push(`${name}: no gaps`);
      }
      assert.deepEqual(missing, []);
    });

    it('writes SARIF that validates against the official 2.1.0 schema', () => {
      const result = run(['check', 'seeds', '--format', 'sarif', '--fail-on', 'never']);
      assert.equal(result.status, 0, result.stderr);
      const log = JSON.parse(result.stdout);
      assert.deepEqual(validateSarif(log), []);
      assert.ok(log.runs[0].results.length > 0);
    });

    it('writes linter-style text and a Mermaid chart per file', () => {
      const text = run(['check', 'seeds/samples', '--fail-on', 'never', '--no-color']).stdout.trimEnd().split('\n');
      assert.match(text.at(-1)!, /^4 file\(s\): \d+ problems, \d+ causes, \d+ solutions, \d+ symptoms, \d+ gaps$/);
      for (const line of text.slice(0, -1)) assert.match(line, /^seeds\/samples\/[\w.-]+\.md:\d+:\d+ {2}(problem|cause|solution|symptom|error|warning|info) +.+$/);
      const mermaid = run(['check', 'seeds/samples/alibaba-health-annotated.en.md', '--format', 'mermaid']).stdout;
      assert.match(mermaid, /^%% seeds\/samples\/alibaba-health-annotated\.en\.md\nflowchart LR\n/);
      assert.match(mermaid, /-->\|causes\|/);
    });

    it('reports coverage as text, JSON and Markdown', () => {
      const text = run(['coverage', 'seeds/samples']);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /\d+ problems and causes, \d+ not addressed\n$/);
      const data = JSON.parse(run(['coverage', 'seeds/samples', '--format', 'json']).stdout);
      assert.equal(data.version, 1);
      const c3 = data.entries.find((e: { id: string }) => e.id === 'AH-C3');
      assert.equal(c3.status, 'addressed');
      assert.ok(c3.addressedBy.some((a: { path: string }) => a.path === 'seeds/samples/strategy-plan-2025.md'));
      const markdown = run(['coverage', 'seeds/samples', '--format', 'markdown']).stdout;
      assert.match(markdown, /^# Coverage report\n/);
      assert.match(markdown, /\| Issue \| Kind \| Addressed by \| Status \|/);
      assert.equal(run(['coverage', 'seeds/samples', '--format', 'sarif']).status, 2);
    });
  });

  describe('exit codes', () => {
    it('exits 0 on a clean folder whatever --fail-on says', () => {
      const root = folder({ 'notes.md': CLEAN });
      for (const level of ['error', 'warning', 'gap', 'never']) {
        const result = run(['check', '--fail-on', level], root);
        assert.equal(result.status, 0, `${level}: ${result.stdout}${result.stderr}`);
      }
      assert.match(run(['check'], root).stdout, /1 file\(s\): 0 problems, 0 causes, 0 solutions, 0 symptoms, 0 gaps/);
    });

    it('exits 1 when findings reach the threshold', () => {
      const cases: [string, Record<string, number>][] = [
        [BROKEN, { error: 1, warning: 1, gap: 1, never: 0 }],
        [WARNING_ONLY, { error: 0, warning: 1, gap: 1, never: 0 }],
        [INFO_ONLY, { error: 0, warning: 0, gap: 1, never: 0 }],
      ];
      for (const [text, expected] of cases) {
        const root = folder({ 'doc.md': text });
        for (const [level, status] of Object.entries(expected)) assert.equal(run(['check', '--fail-on', level], root).status, status, `${level} on ${JSON.stringify(text)}`);
      }
      // The default threshold is error.
      assert.equal(run(['check'], folder({ 'doc.md': BROKEN })).status, 1);
    });

    it('exits 2 with a clear message on usage errors', () => {
      const root = folder({ 'notes.md': CLEAN });
      const cases: [string[], RegExp][] = [
        [['check', '--bogus'], /unknown option --bogus/],
        [['check', '--format', 'xml'], /--format must be one of text, json, sarif, mermaid \(got xml\)/],
        [['check', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, gap, never/],
        [['check', '--format'], /--format needs a value/],
        [['check', 'missing.md'], /no such file or folder: missing\.md/],
        [['check', '--severity', 'no-such-gap=error'], /unknown gap code/],
        [['check', '--max-file-size', '-3'], /--max-file-size must be a positive whole number/],
        [['frobnicate'], /unknown command "frobnicate"/],
      ];
      for (const [args, message] of cases) {
        const result = run(args, root);
        assert.equal(result.status, 2, args.join(' '));
        assert.match(result.stderr, message, args.join(' '));
        assert.equal(result.stdout, '', args.join(' '));
      }
    });

    it('lets --severity change or silence a gap', () => {
      const root = folder({ 'doc.md': BROKEN });
      assert.equal(run(['check', '--severity', 'broken-reference=info', '--fail-on', 'warning'], root).status, 0);
      const json = JSON.parse(run(['check', '--format', 'json', '--severity', 'broken-reference=off,solution-without-target=off'], root).stdout);
      assert.deepEqual(json.files[0].gaps, []);
    });

    it('writes to --output instead of standard output', () => {
      const root = folder({ 'doc.md': BROKEN });
      const result = run(['check', '--format', 'json', '--output', 'report.json'], root);
      assert.equal(result.stdout, '');
      assert.deepEqual(paths(readFileSync(path.join(root, 'report.json'), 'utf8')), ['doc.md']);
    });
  });

  describe('file discovery', () => {
    it('checks **/*.md under the current folder and skips node_modules, .git and git-ignored files', () => {
      const root = folder({
        'a.md': CLEAN,
        'sub/b.md': CLEAN,
        'sub/deeper/c.markdown': CLEAN,
        'sub/secret.md': CLEAN,
        'sub/.gitignore': 'secret.md\n',
        'ignored/d.md': CLEAN,
        'e.draft.md': CLEAN,
        '.gitignore': 'ignored/\n*.draft.md\n',
        'node_modules/pkg/README.md': CLEAN,
        'notes.txt': CLEAN,
      });
      execFileSync('git', ['init', '-q'], { cwd: root });
      writeFileSync(path.join(root, '.git', 'description.md'), CLEAN);
      const result = run(['check', '--format', 'json'], root);
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(paths(result.stdout), ['a.md', 'sub/b.md', 'sub/deeper/c.markdown']);
      const all = paths(run(['check', '--format', 'json', '--no-gitignore'], root).stdout);
      assert.deepEqual(all, ['a.md', 'e.draft.md', 'ignored/d.md', 'sub/b.md', 'sub/deeper/c.markdown', 'sub/secret.md']);
    });

    it('accepts files, folders and globs', () => {
      const root = folder({ 'a.md': CLEAN, 'docs/b.md': CLEAN, 'docs/c.md': CLEAN, 'other/d.md': CLEAN });
      assert.deepEqual(paths(run(['check', 'a.md', 'other', '--format', 'json'], root).stdout), ['a.md', 'other/d.md']);
      assert.deepEqual(paths(run(['check', 'docs/*.md', '--format', 'json'], root).stdout), ['docs/b.md', 'docs/c.md']);
    });

    it('reports binary, invalid UTF-8 and oversized files as skipped and still analyses the others', () => {
      const root = folder({
        'good.md': BROKEN,
        'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
        'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
        'big.md': `${'Sales fell. '.repeat(200)}\n`,
      });
      const result = run(['check', '--format', 'json', '--max-file-size', '1024'], root);
      assert.equal(result.status, 1, 'the broken reference in good.md still counts');
      const files: { path: string; findings: unknown[]; gaps: { code: string; message: string }[] }[] = JSON.parse(result.stdout).files;
      const byPath = new Map(files.map((f) => [f.path, f]));
      assert.deepEqual([...byPath.keys()].sort(), ['big.md', 'binary.md', 'good.md', 'latin1.md']);
      assert.match(byPath.get('binary.md')!.gaps[0].message, /binary data \(a NUL byte at offset 4\)/);
      assert.match(byPath.get('latin1.md')!.gaps[0].message, /not valid UTF-8 \(first bad byte near offset 3\)/);
      assert.match(byPath.get('big.md')!.gaps[0].message, /over the 1\.0 KB limit/);
      for (const name of ['binary.md', 'latin1.md', 'big.md']) assert.deepEqual(byPath.get(name)!.gaps.map((g) => g.code), ['file-skipped']);
      assert.ok(byPath.get('good.md')!.gaps.some((g) => g.code === 'broken-reference'));
      const text = run(['check', '--max-file-size', '1024', '--fail-on', 'never'], root).stdout;
      assert.match(text, /^binary\.md:1:1 {2}warning {3}File holds binary data/m);
    });
  });

  describe('rule packs', () => {
    const pack = (yaml: string, doc = CLEAN) => folder({ '.causeway/catalog/widgets.yaml': yaml, 'doc.md': doc });

    it('uses a valid rule pack from .causeway/catalog', () => {
      const root = pack(rulePackYaml({ id: 'widget-backlog', severity: 'error' }), 'The widget backlog keeps growing on line 3.\n');
      const result = run(['check', '--format', 'json'], root);
      assert.equal(result.status, 1, 'an error-level symptom reaches the default threshold');
      const findings: { kind: string; patternId?: string }[] = JSON.parse(result.stdout).files[0].findings;
      assert.ok(findings.some((f) => f.kind === 'symptom' && f.patternId === 'widget-backlog'));
      assert.equal(run(['check', '--no-rules'], root).status, 0);
    });

    it('exits 2 naming the file, line and field of a bad field', () => {
      const yaml = rulePackYaml({ id: 'widget-backlog' }).replace('severity: warning', 'severity: critical');
      const result = run(['check'], pack(yaml));
      assert.equal(result.status, 2);
      assert.match(result.stderr, /invalid rule pack/);
      assert.match(result.stderr, /\.causeway\/catalog\/widgets\.yaml:2: severity must be equal to one of the allowed values/);
    });

    it('exits 2 on a regex with a backreference or lookaround', () => {
      for (const [pattern, message] of [
        [String.raw`(a+)+\1$`, /backreferences are not allowed/],
        [String.raw`(?=a)(a+)+$`, /lookahead and lookbehind are not allowed/],
        [String.raw`(?<!b)(a+)+$`, /lookahead and lookbehind are not allowed/],
      ] as const) {
        const result = run(['check'], pack(rulePackYaml({ id: 'widget-backlog', regex: [{ lang: 'en', pattern }] })));
        assert.equal(result.status, 2, pattern);
        assert.match(result.stderr, /widgets\.yaml:\d+: signals\.regex\.0\.pattern: /, pattern);
        assert.match(result.stderr, message, pattern);
      }
    });

    it('exits 2 with a message on the nested quantifier (a+)+$, without running it on a line of 100,000 characters', function () {
      this.timeout(180000);
      const root = pack(rulePackYaml({ id: 'widget-backlog', severity: 'info', regex: [{ lang: 'en', pattern: '(a+)+$' }] }), `${'a'.repeat(100000)}!\n`);
      const result = run(['check', '--format', 'json'], root);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /widgets\.yaml:\d+: signals\.regex\.0\.pattern: nested quantifier "\(a\+\)\+"/);
    });

    it('runs a pattern that backtracking engines explode on over a line of 100,000 characters and finishes', function () {
      this.timeout(180000);
      const root = pack(rulePackYaml({ id: 'widget-backlog', severity: 'info', regex: [{ lang: 'en', pattern: '(?:a|aa)+$' }] }), `${'a'.repeat(100000)}!\n\naaaa\n`);
      const result = run(['check', '--format', 'json'], root);
      assert.equal(result.status, 0, result.stderr);
      const findings: { kind: string; patternId?: string; range: { start: { line: number } } }[] = JSON.parse(result.stdout).files[0].findings;
      assert.deepEqual(findings.filter((f) => f.patternId === 'widget-backlog').map((f) => f.range.start.line), [2]);
    });
  });
});
