// Every user-visible string of the map exists in English and Simplified Chinese.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGLISH_STRINGS } from '../../src/webview/strings';
import { REPO_ROOT } from './helpers';

const MAP_SOURCES = path.join(REPO_ROOT, 'src', 'extension', 'map');

function read(relative: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8');
}

function l10nLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of fs.readdirSync(MAP_SOURCES).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(MAP_SOURCES, name), 'utf8');
    for (const match of text.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) found.set(match[1].replace(/\\'/g, "'"), name);
  }
  return found;
}

describe('map strings in English and Chinese', () => {
  it('translates every runtime string of the map to Simplified Chinese', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const literals = l10nLiterals();
    assert.ok(literals.size > 40, `found only ${literals.size} strings`);
    const missing = [...literals].filter(([text]) => typeof bundle[text] !== 'string' || bundle[text].trim() === '').map(([text, file]) => `${file}: ${text}`);
    assert.deepEqual(missing, []);
    for (const [text] of literals) {
      const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(placeholders(bundle[text]), placeholders(text), `placeholders differ for "${text}"`);
    }
  });

  it('gives the webview every string it has an English default for', () => {
    const source = read('src/extension/map/strings.ts');
    for (const [key, english] of Object.entries(ENGLISH_STRINGS)) {
      const line = source.split('\n').find((l) => l.trimStart().startsWith(`${key}: `));
      assert.ok(line, `mapStrings() lacks ${key}`);
      assert.ok(line.includes(`l10n.t('${english.replace(/'/g, "\\'")}')`), `${key} is not "${english}"`);
    }
  });

  it('titles every map command in both manifests', () => {
    const manifest = JSON.parse(read('package.json'));
    const english = JSON.parse(read('package.nls.json'));
    const chinese = JSON.parse(read('package.nls.zh-cn.json'));
    const commands = (manifest.contributes.commands as { command: string; title: string }[]).filter((c) => /^causeway\.(openMapToSide|showInMap|toggleMapLock|exportMap|copyMap)/.test(c.command));
    assert.equal(commands.length, 6);
    for (const command of commands) {
      const key = command.title.replace(/^%|%$/g, '');
      assert.ok(english[key] && chinese[key], `${command.command}: ${key} missing in a manifest language`);
      assert.notEqual(english[key], chinese[key]);
    }
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:causeway.map'));
    assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
    for (const file of [...manifest.contributes['markdown.previewScripts'], ...manifest.contributes['markdown.previewStyles']]) {
      assert.ok(file.startsWith('./dist/') || fs.existsSync(path.join(REPO_ROOT, file)), `${file} does not exist`);
    }
  });
});
