// Every change Causeway makes to a document goes through a vscode.WorkspaceEdit, so it lands in the open
// document (keeping unsaved text and one undo step) and never behind the editor's back on disk. This scans the
// extension's sources with the TypeScript parser for any other way to write, delete, move or save a file.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './helpers';

const EXTENSION_SOURCES = path.join(REPO_ROOT, 'src', 'extension');

/** Names that write, whatever they are called on: node's fs in all its forms, and VS Code's file system. */
const WRITERS = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'write', 'writeSync', 'writev', 'writevSync',
  'copyFile', 'copyFileSync', 'cp', 'cpSync', 'truncate', 'truncateSync', 'ftruncate', 'ftruncateSync',
  'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'renameSync', 'symlink', 'symlinkSync', 'link', 'linkSync',
  'onWillSaveTextDocument',
]);
/** Names that write only on a file system: `fs.rename`, `vscode.workspace.fs.delete`, `fs.copy` (Map#delete is fine). */
const FILE_SYSTEM_OPERATIONS = new Set(['rename', 'delete', 'copy']);
const FILE_SYSTEM_RECEIVER = /(^|\.)(fs|fsp|fsPromises|promises)$/;
/** A document saved by Causeway would put text on disk the person did not choose to save. */
const SAVERS = new Set(['save', 'saveAll', 'saveAs']);

/**
 * The writes that are allowed, each with why it cannot lose a document's text. The count must match exactly,
 * so a new write in one of these files is questioned too.
 */
const ALLOWED: { file: string; call: string; count: number; why: string }[] = [
  {
    file: 'map/exportMap.ts',
    call: 'vscode.workspace.fs.writeFile',
    count: 1,
    why: 'writes an exported SVG or PNG to the file the person picked in the save dialog (or a caller passed); unsafeTarget() refuses a document open in an editor and any file that is not an .svg or .png',
  },
  {
    file: 'editing/commands.ts',
    call: 'vscode.workspace.fs.copy',
    count: 1,
    why: "copies the sample documents into the extension's own global storage folder, and never over a file that exists",
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every write-like call in a source file, as "receiver.name" (or the bare name of an imported function). */
export function writesIn(text: string, fileName = 'source.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const receiver = node.expression.getText(source);
      if (WRITERS.has(name) || SAVERS.has(name) || (FILE_SYSTEM_OPERATIONS.has(name) && FILE_SYSTEM_RECEIVER.test(receiver))) found.push(`${receiver}.${name}`);
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      const name = node.argumentExpression.text;
      if (WRITERS.has(name) || SAVERS.has(name) || FILE_SYSTEM_OPERATIONS.has(name)) found.push(`${node.expression.getText(source)}[${name}]`);
    } else if (ts.isImportSpecifier(node)) {
      const name = (node.propertyName ?? node.name).text;
      if (WRITERS.has(name) || FILE_SYSTEM_OPERATIONS.has(name)) found.push(`import ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('reliability: every edit is a WorkspaceEdit', () => {
  it('finds the writes it looks for, however they are spelled', () => {
    const sample = [
      "import { writeFileSync as save, promises as fsp } from 'fs';",
      "import { rm } from 'node:fs/promises';",
      'await vscode.workspace.fs.writeFile(uri, bytes);',
      'await fsp.rename(a, b);',
      "fs['unlink'](file);",
      'await document.save();',
      'vscode.workspace.onWillSaveTextDocument((e) => e.waitUntil(edits));',
      'this.pending.delete(key);',
      'edit.replace(uri, range, text);',
      '// fs.writeFileSync(path, text) in a comment is not code',
    ].join('\n');
    assert.deepEqual(writesIn(sample), [
      'import writeFileSync', 'import rm', 'vscode.workspace.fs.writeFile', 'fsp.rename', 'fs[unlink]', 'document.save', 'vscode.workspace.onWillSaveTextDocument',
    ]);
  });

  it('finds no write to a file in src/extension but the allowed exports and sample copies', () => {
    const files = sourceFiles(EXTENSION_SOURCES);
    assert.ok(files.length > 20, `only ${files.length} files under src/extension`);
    const unexpected: string[] = [];
    const seen = new Map<string, number>();
    for (const file of files) {
      const relative = path.relative(EXTENSION_SOURCES, file).split(path.sep).join('/');
      for (const call of writesIn(readFileSync(file, 'utf8'), file)) {
        const allowed = ALLOWED.find((a) => a.file === relative && a.call === call);
        if (allowed) seen.set(`${relative} ${call}`, (seen.get(`${relative} ${call}`) ?? 0) + 1);
        else unexpected.push(`${relative}: ${call}`);
      }
    }
    assert.deepEqual(unexpected, [], 'change documents with a vscode.WorkspaceEdit and vscode.workspace.applyEdit, never on disk; see ALLOWED for the exceptions');
    for (const allowed of ALLOWED) {
      assert.strictEqual(seen.get(`${allowed.file} ${allowed.call}`) ?? 0, allowed.count, `${allowed.file}: ${allowed.call} (${allowed.why})`);
    }
  });
});
