// The TextMate injection grammar, tokenised with the same engine VS Code uses (vscode-textmate + oniguruma),
// injected into VS Code's own Markdown grammar when the host is installed, else into a minimal stand-in.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { REPO_ROOT } from './helpers';

const INJECTION = path.join(REPO_ROOT, 'syntaxes', 'causeway.injection.json');
const HOST_DIR = path.join(REPO_ROOT, '.vscode-test');
/** VS Code's Markdown grammar from the installed test host (npm run host:install), if any. */
const HOST_MARKDOWN = (existsSync(HOST_DIR) ? readdirSync(HOST_DIR) : [])
  .filter((name) => name.startsWith('code-server-'))
  .map((name) => path.join(HOST_DIR, name, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'))
  .find((file) => existsSync(file));
// Enough of Markdown to check that fenced code and inline code are left alone.
const STAND_IN = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
  ],
};

interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
      loadGrammar: async (scopeName) => {
        if (scopeName === 'markdown.causeway.injection') return textmate.parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION);
        if (scopeName === 'text.html.markdown') {
          if (HOST_MARKDOWN) return textmate.parseRawGrammar(readFileSync(HOST_MARKDOWN, 'utf8'), HOST_MARKDOWN);
          return textmate.parseRawGrammar(JSON.stringify(STAND_IN), 'stand-in.json');
        }
        return null;
      },
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['markdown.causeway.injection'] : undefined),
    });
    const grammar = await registry.loadGrammar('text.html.markdown');
    assert.ok(grammar, 'the Markdown grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let stack = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The texts of the tokens on a line that carry a scope starting with `scope`. */
function scoped(line: Token[], scope: string): string[] {
  return line.filter((t) => t.scopes.some((s) => s.startsWith(scope))).map((t) => t.text);
}

describe('present: TextMate injection grammar', function () {
  this.timeout(20_000);

  it('marks declared IDs, relation keywords and the IDs they name', async () => {
    const [line] = await tokenize('- [AH-C1] Scale grew through asset injections. causes: AH-P1, AH-P4 [6]');
    assert.deepEqual(scoped(line, 'entity.name.tag.causeway.id'), ['AH-C1', 'AH-P1', 'AH-P4']);
    assert.deepEqual(scoped(line, 'keyword.other.relation.causeway'), ['causes']);
    assert.deepEqual(scoped(line, 'constant.numeric.citation.causeway'), ['6']);
  });

  it('knows the reversed and Chinese keywords, with full-width colons', async () => {
    const lines = await tokenize('- [OKR-S1] 上线统一的审批系统。解决：C3、OKR-C1\n- The slump is caused by: C2\n- [P1] Margins fell. 源于：[[C4]]');
    assert.deepEqual(scoped(lines[0], 'keyword.other.relation.causeway'), ['解决']);
    assert.deepEqual(scoped(lines[0], 'entity.name.tag.causeway.id'), ['OKR-S1', 'C3', 'OKR-C1']);
    assert.deepEqual(scoped(lines[1], 'keyword.other.relation.causeway'), ['caused by']);
    assert.deepEqual(scoped(lines[2], 'keyword.other.relation.causeway'), ['源于']);
    assert.ok(scoped(lines[2], 'entity.name.tag.causeway.id').includes('C4'));
  });

  it('marks wiki links with an optional label, and citations in both bracket styles', async () => {
    const [line] = await tokenize('Building on [[AH-S3|the service loop]] and the figures in [4][5] and 【7】.');
    assert.deepEqual(scoped(line, 'markup.underline.link.causeway'), ['AH-S3']);
    assert.deepEqual(scoped(line, 'string.other.link.description.causeway'), ['the service loop']);
    assert.deepEqual(scoped(line, 'constant.numeric.citation.causeway'), ['4', '5', '7']);
  });

  it('leaves ordinary words, links and code alone', async () => {
    const lines = await tokenize('It causes delays, see the [annex](annex.md) and [1]: a definition.\n\n```\ncauses: P1 [P2]\n```\n\nInline `[P3]` code.');
    const all = lines.flat();
    assert.deepEqual(all.filter((t) => t.scopes.some((s) => s.endsWith('.causeway') || s.includes('.causeway.'))).map((t) => t.text), []);
  });
});
