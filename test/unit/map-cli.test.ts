import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './helpers';
import { allElements, parseXml, textContent } from './map-svg-xml';

const SAMPLES = path.join(REPO_ROOT, 'seeds', 'samples');

/** Runs the CLI in-process with --output, returning the exit code and the file written. */
async function run(args: string[]): Promise<{ code: number; output: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-map-'));
  const out = path.join(dir, 'out.txt');
  const errors: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    errors.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main([...args, '--output', out, '--cwd', REPO_ROOT]);
    return { code, output: fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '', stderr: errors.join('') };
  } finally {
    process.stderr.write = write;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface JsonFinding {
  id: string;
  kind: string;
  text: string;
}

async function jsonFindings(file: string): Promise<JsonFinding[]> {
  const result = await run(['check', file, '--format', 'json', '--fail-on', 'never']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.output).files[0].findings;
}

function nodes(svg: string) {
  return allElements(parseXml(svg)).filter((e) => (e.attrs.get('class') ?? '').split(' ').includes('cw-node'));
}

describe('causeway map (CLI)', () => {
  const samples = fs.readdirSync(SAMPLES).filter((name) => name.endsWith('.md'));

  it('has sample documents to draw', () => assert.ok(samples.length >= 3));

  for (const name of samples) {
    it(`draws ${name} as valid SVG whose nodes are the JSON findings`, async () => {
      const file = path.join('seeds', 'samples', name);
      const result = await run(['map', file, '--format', 'svg']);
      assert.equal(result.code, 0, result.stderr);
      const root = parseXml(result.output.trim());
      assert.equal(root.name, 'svg');
      assert.equal(root.attrs.get('xmlns'), 'http://www.w3.org/2000/svg');
      const findings = await jsonFindings(file);
      const drawn = nodes(result.output.trim());
      assert.deepEqual(drawn.map((n) => n.attrs.get('data-id')).sort(), [...new Set(findings.map((f) => f.id))].sort());
      for (const node of drawn) {
        const finding = findings.find((f) => f.id === node.attrs.get('data-id'))!;
        assert.equal(node.attrs.get('data-kind'), finding.kind);
        assert.ok(textContent(node).includes(finding.id));
      }
    });
  }

  it('draws only a neighbourhood with --root', async () => {
    const file = path.join('seeds', 'samples', 'alibaba-health-annotated.en.md');
    const result = await run(['map', file, '--root', 'AH-P2', '--direction', 'causes', '--depth', '1']);
    assert.equal(result.code, 0, result.stderr);
    const ids = nodes(result.output.trim()).map((n) => n.attrs.get('data-id')).sort();
    assert.ok(ids.includes('AH-P2'));
    assert.ok(ids.length < (await jsonFindings(file)).length);
    assert.ok(!ids.some((id) => id?.includes('-S')), 'no solutions upstream of a problem');
  });

  it('writes Mermaid with the same findings', async () => {
    const file = path.join('seeds', 'samples', 'alibaba-health-annotated.en.md');
    const result = await run(['map', file, '--format', 'mermaid']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.output, /^flowchart LR/);
    assert.match(result.output, /AH-C1: /);
  });

  it('rejects bad use with exit code 2', async () => {
    const file = path.join('seeds', 'samples', 'alibaba-health-annotated.en.md');
    assert.equal((await run(['map'])).code, 2);
    assert.equal((await run(['map', file, '--format', 'png'])).code, 2);
    assert.equal((await run(['map', file, '--depth', 'lots'])).code, 2);
    const missing = await run(['map', file, '--root', 'AH-P99']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no finding AH-P99/);
    assert.equal((await run(['map', 'seeds/samples'])).code, 2, 'a folder holds several files');
  });
});
