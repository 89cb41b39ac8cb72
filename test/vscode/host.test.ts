// Smoke test of the extension host itself: the real VS Code API is there, the extension under test is the
// one from this repository, and it activates and hands back its API.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';

const EXTENSION_ID = 'causeway.causeway';
/** out/test/vscode -> repository root, which the launchers pass as the extension development path. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

describe('VS Code extension host', () => {
  it('runs a real VS Code and reports its version', () => {
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.UIKind[vscode.env.uiKind]})`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || minor >= 90, `VS Code ${vscode.version} is older than the engine the manifest asks for`);
  });

  it('loads causeway.causeway from this repository', () => {
    const extension = vscode.extensions.getExtension<CausewayApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded; extensions present: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.strictEqual(path.resolve(extension.extensionUri.fsPath), REPO_ROOT);
    assert.strictEqual(extension.packageJSON.main, './dist/extension.js');
  });

  it('activates causeway.causeway and returns its API', async () => {
    const extension = vscode.extensions.getExtension<CausewayApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    assert.strictEqual(extension.isActive, true);
    assert.ok(api && typeof api === 'object', 'activate() returned no API object');
    assert.strictEqual(api.version, extension.packageJSON.version);
  });

  it('opens a throw-away copy of the fixture workspace, never the repository itself', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'the launcher should open exactly one folder');
    const opened = path.resolve(folders[0].uri.fsPath);
    assert.ok(!opened.startsWith(REPO_ROOT + path.sep), `tests must not edit the repository, but ${opened} is inside it`);
    assert.strictEqual(path.basename(opened), 'workspace');
  });
});
