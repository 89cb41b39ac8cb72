// Hostile input in the real extension host: `command:` links and HTML written in a document or a rule pack stay
// inert text in every kind of hover; the map panel rejects and logs malformed, unknown and forged messages and
// never runs a command for them; a nested-quantifier regex in a rule pack cannot hang the analysis of a long
// line; and the "Causeway" output channel names the file whenever a rule pack or a document cannot be used.
import * as assert from 'assert';
import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { CausewayApi } from '../../src/extension/extension';
import { parseWebviewMessage } from '../../src/webview/protocol';
import { causeway, openEditor, removeDocuments, revertAndCloseAll, waitFor, withoutAutoSave, workspaceUri, writeDocuments } from './reliability-support';

const INJECTED = 'command:workbench.action.terminal.new';
const HOSTILE = `# Review [title](${INJECTED})

## Problems

- [HOS-P1] Delivery costs rose from 10% to 15% in 2024, see [the dashboard](${INJECTED}) and <img src=x onerror=alert(1)> [1].

## Root causes

- [HOS-C1] Regional teams work in silos [run](${INJECTED}). causes: HOS-P1
- [HOS-C2] Prices are set centrally ](${INJECTED}) and \`](command:x)\`. causes: HOS-P1

## Solutions

- [HOS-S1] Share route data weekly, tracked as HOS-T-42](${INJECTED}). addresses: HOS-C1, [[HOS-C2]]

## References

[1] Quarterly report [open](${INJECTED}) <b>bold</b>
`;

const REVEAL = 'causeway.revealFinding';
const markdown = new MarkdownIt({ html: true, linkify: true });

/** What a Markdown string renders to: its link targets, its raw HTML, and its visible text. */
function rendered(value: string): { links: string[]; html: string[]; text: string } {
  const result = { links: [] as string[], html: [] as string[], text: '' };
  const walk = (tokens: ReturnType<MarkdownIt['parse']>): void => {
    for (const token of tokens) {
      if (token.type === 'link_open') result.links.push(token.attrGet('href') ?? '');
      if (token.type === 'html_inline' || token.type === 'html_block') result.html.push(token.content);
      if (token.type === 'text' || token.type === 'code_inline') result.text += token.content;
      if (token.children) walk(token.children);
    }
  };
  walk(markdown.parse(value, {}));
  return result;
}

async function hoverStrings(uri: vscode.Uri, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
}

function positionOf(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

/**
 * A Causeway hover: trusted for its own reveal command only, no HTML, and every link one it made itself: a
 * reveal of a finding in the workspace. Document text may show the injected command, but only as text.
 */
function assertInertCausewayHover(hover: vscode.MarkdownString, what: string): void {
  assert.deepEqual(hover.isTrusted, { enabledCommands: [REVEAL] }, `${what}: trusted for more than the reveal command`);
  assert.ok(!hover.supportHtml, `${what}: HTML enabled`);
  const { links, html } = rendered(hover.value);
  assert.deepEqual(html, [], `${what}: raw HTML in ${hover.value}`);
  for (const link of links) {
    assert.ok(link.startsWith(`command:${REVEAL}?`), `${what}: a link to ${link} in ${hover.value}`);
    const [target] = JSON.parse(decodeURIComponent(link.slice(`command:${REVEAL}?`.length))) as [{ uri: string; id?: string }];
    assert.ok(target.uri.startsWith(workspaceUri('').toString()), `${what}: a reveal outside the workspace: ${target.uri}`);
  }
}

describe('reliability: document text is inert in hovers', function () {
  this.timeout(60_000);
  let api: CausewayApi;
  let hostile: vscode.TextDocument;

  before(async () => {
    api = await causeway();
    const [uri] = await writeDocuments(api, { 'reliability/hostile.md': HOSTILE });
    hostile = (await openEditor(api, uri)).document;
  });
  after(async () => {
    await revertAndCloseAll();
    removeDocuments([hostile.uri]);
  });

  const kinds: [string, string, number, RegExp][] = [
    ['a finding', 'Delivery costs rose', 2, /^\*\*Problem\*\* · `HOS-P1`/],
    ['a finding whose causes quote command links', 'Delivery costs rose', 2, /caused by:\*\* \[HOS\\?-C1 Regional teams work in silos \\?\[run/],
    ['an ID reference', 'causes: HOS-P1', 10, /^\*\*Cause\*\* · `HOS-C1`/],
    ['a [[link]] to an ID', '[[HOS-C2]]', 4, /^\*\*Solution\*\* · `HOS-S1`/],
    ['a catalog term', 'silos', 2, /^\*\*Catalog: /],
    ['a citation', '[1].', 1, /^\*\*Citation \\?\[1\\?\]\*\*/],
    ['a figure', 'from 10% to 15%', 6, /^\*\*Figure\*\*/],
  ];
  for (const [what, needle, offset, expected] of kinds) {
    it(`keeps command links and HTML inert in the hover of ${what}`, async () => {
      const hovers = await hoverStrings(hostile.uri, positionOf(hostile, needle, offset));
      const ours = hovers.filter((h) => expected.test(h.value));
      assert.strictEqual(ours.length, 1, `no Causeway hover matching ${expected} among: ${hovers.map((h) => h.value).join('\n---\n')}`);
      assertInertCausewayHover(ours[0], what);
    });
  }

  it('shows the injected link as text, not as a link, in a finding hover', async () => {
    const [hover] = (await hoverStrings(hostile.uri, positionOf(hostile, 'Delivery costs rose', 2))).filter((h) => /^\*\*Problem\*\*/.test(h.value));
    const { links, text } = rendered(hover.value);
    assert.ok(text.includes(`[the dashboard](${INJECTED})`), text);
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), text);
    assert.ok(links.length >= 2 && links.every((link) => !link.includes('workbench')), links.join(', '));
  });

  it('gives a tracker hover no trust at all, and only the tracker address as a link', async () => {
    const trackers = [{ pattern: 'HOS-T-(\\S+)', url: 'https://tracker.example/issues/$1' }];
    await vscode.workspace.getConfiguration('causeway').update('trackers', trackers, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => api.service.currentSettings.trackers.length === 1, 'the tracker setting');
      const hovers = await hoverStrings(hostile.uri, positionOf(hostile, 'HOS-T-42', 3));
      const [hover] = hovers.filter((h) => h.value.includes('tracker.example'));
      assert.ok(hover, hovers.map((h) => h.value).join('\n---\n'));
      assert.ok(!hover.isTrusted, 'a tracker hover needs no command');
      const { links, html } = rendered(hover.value);
      assert.deepEqual(html, []);
      assert.strictEqual(links.length, 1, hover.value);
      assert.ok(links[0].startsWith('https://tracker.example/issues/42'), links[0]);
      assert.ok(!/\(command:/.test(links[0]), `the document's link became part of the address: ${links[0]}`);
    } finally {
      await vscode.workspace.getConfiguration('causeway').update('trackers', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('reliability: the map panel rejects what its page should not send', function () {
  this.timeout(60_000);
  let api: CausewayApi;
  let spyCalls = 0;
  const executed: string[] = [];
  const originalExecute = vscode.commands.executeCommand;
  const disposables: vscode.Disposable[] = [];

  before(async () => {
    api = await causeway();
    // A map left open by another suite would be reused, and reusing one sets no context.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => api.map.panels().length === 0, 'earlier maps to close');
    disposables.push(vscode.commands.registerCommand('reliability.spy', () => spyCalls++));
    // The extension and these tests share one vscode API object: every command the extension runs passes here.
    (vscode.commands as { executeCommand: typeof vscode.commands.executeCommand }).executeCommand = (<T>(command: string, ...rest: unknown[]) => {
      executed.push(command);
      return originalExecute.call(vscode.commands, command, ...rest) as Thenable<T>;
    }) as typeof vscode.commands.executeCommand;
    const document = await vscode.workspace.openTextDocument(workspaceUri('diagnosis.md'));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await originalExecute.call(vscode.commands, 'causeway.openMapToSide');
    await waitFor(() => api.map.panels()[0]?.ready, 'the map page to start');
    await api.map.whenDrawn(0, 15_000);
  });
  after(async () => {
    (vscode.commands as { executeCommand: typeof vscode.commands.executeCommand }).executeCommand = originalExecute;
    disposables.forEach((d) => d.dispose());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sees the commands the extension runs (the check below would otherwise prove nothing)', () => {
    assert.ok(executed.includes('setContext'), `opening the map ran ${executed.join(', ') || 'nothing'} through the patched executeCommand`);
  });

  const malformed: [string, unknown][] = [
    ['null', null],
    ['a string', 'reveal'],
    ['an array', [{ type: 'reveal', id: 'P1' }]],
    ['no type', { id: 'P1' }],
    ['a command request', { type: 'runCommand', command: 'reliability.spy', args: [] }],
    ['an executeCommand request', { type: 'executeCommand', command: 'reliability.spy' }],
    ['an inherited property as type', { type: '__proto__' }],
    ['a reveal without an id', { type: 'reveal' }],
    ['a reveal of a number', { type: 'reveal', id: 7 }],
    ['an oversized id', { type: 'reveal', id: 'P'.repeat(10_000) }],
    ['an unknown scope', { type: 'scope', scope: { scope: 'all', direction: 'both', depth: 2 } }],
    ['a scope too deep', { type: 'scope', scope: { scope: 'neighbourhood', direction: 'both', depth: 1e9 } }],
    ['a lock that is not a boolean', { type: 'lock', locked: 'yes' }],
    ['an export to an unknown format', { type: 'export', format: 'command:reliability.spy', ids: [] }],
    ['a PNG that is not base64', { type: 'png', requestId: 1, data: 'not base64!' }],
    ['a state with a command in its scope', { type: 'state', state: { scope: 'command:reliability.spy' } }],
  ];
  for (const [what, message] of malformed) {
    it(`rejects and logs ${what}`, async () => {
      const parsed = parseWebviewMessage(message);
      assert.ok(!parsed.ok, 'the protocol must reject this message');
      const before = api.map.panels()[0];
      const mark = api.editing.logMark();
      executed.length = 0;
      await api.map.receive(0, message);
      assert.deepEqual(api.editing.recentLog(mark), [`[warn] Map: ignored a malformed message from the map webview (${parsed.error})`]);
      assert.deepEqual(executed, [], 'no command ran');
      assert.strictEqual(spyCalls, 0);
      const after = api.map.panels()[0];
      assert.deepEqual([after.scope, after.locked, after.postedVersion], [before.scope, before.locked, before.postedVersion], 'the panel did not change');
    });
  }

  it('handles well-formed messages that carry a command as data without running anything', async () => {
    const forged: [unknown, string | undefined][] = [
      [{ type: 'reveal', id: 'command:reliability.spy' }, '[warn] Map: cannot show command:reliability.spy: it is not on the map'],
      [{ type: 'error', message: `[x](command:reliability.spy)\n[error] forged line` }, `[warn] Map: the map webview reported an error: ${JSON.stringify('[x](command:reliability.spy)\n[error] forged line')}`],
      [{ type: 'pngFailed', requestId: 4242, message: 'command:reliability.spy' }, '[warn] Map: ignored a PNG for unknown request 4242'],
      [{ type: 'export', format: 'svg', ids: ['command:reliability.spy'] }, undefined],
    ];
    for (const [message, logged] of forged) {
      const mark = api.editing.logMark();
      executed.length = 0;
      await api.map.receive(0, message);
      assert.deepEqual(api.editing.recentLog(mark), logged ? [logged] : [], JSON.stringify(message));
      assert.deepEqual(executed, [], `no command ran for ${JSON.stringify(message)}`);
    }
    assert.strictEqual(spyCalls, 0);
  });

  it('never exports the map over a document open in an editor, or into a file that is not an image', async () => {
    const open = workspaceUri('diagnosis.md');
    const closed = workspaceUri('reliability/not-an-image.md');
    const before = fs.readFileSync(open.fsPath, 'utf8');
    for (const [target, reason] of [[open, 'diagnosis.md is open in an editor; choose another file.'], [closed, 'reliability/not-an-image.md does not end in .svg; choose a .svg file.']] as const) {
      const mark = api.editing.logMark();
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('causeway.exportMapSvg', target);
      assert.strictEqual(written, undefined, `exported to ${target.path}`);
      assert.deepEqual(api.editing.recentLog(mark), [`[warn] Map: refused to export to ${target.fsPath}: ${reason}`]);
    }
    assert.strictEqual(fs.readFileSync(open.fsPath, 'utf8'), before);
    assert.ok(!fs.existsSync(closed.fsPath));
  });
});

/** A rule pack in the format of seeds/catalog, with hostile display text and a nested-quantifier regex. */
const RUNAWAY_PACK = `id: reliability-runaway
severity: info
name: { en: "Runaway letters [open](${INJECTED})", zh: "失控的字母" }
explanation:
  en: "One letter repeated for a whole line. <img src=x onerror=alert(1)> [run](${INJECTED})"
  zh: "同一个字母重复成行。"
signals:
  en: ["runaway letters", "letter flood", "repeated letters", "letter storm", "endless letters", "letter pileup"]
  zh: ["失控的字母", "字母泛滥", "重复字母", "字母风暴", "无尽字母", "字母堆积"]
  regex:
    - { lang: en, pattern: "(?:a|aa)+$" }
typicalCauses:
  - { en: "A key is stuck [x](${INJECTED}).", zh: "按键卡住。", related: [] }
  - { en: "A script looped.", zh: "脚本死循环。", related: [] }
typicalRemedies:
  - { en: "Unstick the key.", zh: "修好按键。", related: [] }
  - { en: "Stop the script.", zh: "停止脚本。", related: [] }
related: []
`;

const PACK_DIR = '.causeway/catalog';

async function writePack(name: string, yaml: string): Promise<vscode.Uri> {
  const uri = workspaceUri(`${PACK_DIR}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(yaml));
  return uri;
}

/**
 * Waits for the index to settle after a rule pack changed. The service restarts by itself when its watcher
 * sees a pack change; a watcher can miss a file in a folder created just before it, so after a while the
 * index is restarted by hand instead.
 */
async function afterPackChange(api: CausewayApi, settled: () => boolean, what: string): Promise<void> {
  try {
    await waitFor(() => settled(), what, 5000);
  } catch {
    api.service.restart();
  }
  await api.service.whenReady();
  await waitFor(() => settled(), what);
}

function catalogHas(api: CausewayApi, patternId: string): boolean {
  return api.editing.catalogSnapshot().some((node) => node.id === `pattern:${patternId}`);
}

/** Removes test rule packs, and waits until the index is built without them. */
async function removePacks(api: CausewayApi, packs: vscode.Uri[], patternId: string): Promise<void> {
  for (const pack of packs) await vscode.workspace.fs.delete(pack).then(undefined, () => undefined);
  await afterPackChange(api, () => !catalogHas(api, patternId) && api.service.rulePackStatus === undefined, 'the rule packs to be unloaded');
}

describe('reliability: workspace rule packs', function () {
  this.timeout(180_000);
  let api: CausewayApi;
  const packs: vscode.Uri[] = [];
  const documents: vscode.Uri[] = [];
  let restoreAutoSave: (() => Promise<void>) | undefined;

  before(async function () {
    api = await causeway();
    // Rule packs are read only in a trusted workspace; the default test host does not restrict it.
    if (!vscode.workspace.isTrusted) this.skip();
    // The test types on the long line; auto save would write it out again for nothing.
    restoreAutoSave = await withoutAutoSave();
    documents.push(...(await writeDocuments(api, {
      // The "!" makes (?:a|aa)+$ fail on the long line, which is what sends a backtracking engine into
      // exponential time; the short line after it shows that the pattern does run.
      'reliability/runaway.md': `# Letters\n\n${'a'.repeat(100_000)}!\n\naaaa\n`,
      'reliability/term.md': '# Typing review\n\n## Problems\n\nThe runaway letters came back in every report this quarter.\n',
    })));
    packs.push(await writePack('reliability-runaway.yaml', RUNAWAY_PACK));
    await afterPackChange(api, () => catalogHas(api, 'reliability-runaway'), 'the rule pack to be loaded');
  });
  after(async () => {
    await revertAndCloseAll();
    removeDocuments(documents);
    await removePacks(api, packs, 'reliability-runaway');
    await restoreAutoSave?.();
  });

  it('analyses a line of 100,000 letters against the regex (?:a|aa)+$ and stays responsive', async () => {
    const [runaway] = documents;
    // The index was rebuilt with the pack before this test began: getting here means that analysis finished.
    const symptomLines = async () => {
      const findings = await waitFor(() => api.service.workspace.get(runaway.toString())?.findings, 'the analysis of the long line');
      return findings.filter((f) => f.kind === 'symptom' && f.patternId === 'reliability-runaway').map((f) => f.range.start.line);
    };
    assert.deepEqual(await symptomLines(), [4], 'the pattern matched the short line only');
    const editor = await openEditor(api, runaway);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', runaway);
    assert.ok(Array.isArray(symbols), 'the extension host still answers requests');
    // Typing on the long line analyses it again, as the editor's text now.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(runaway, editor.document.lineAt(2).range.end, ' and a');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => api.service.analysedVersion(runaway) === editor.document.version, 'the analysis of the edited line');
    assert.deepEqual(await symptomLines(), [2, 4]);
  });

  it('keeps the rule pack\'s own command links and HTML inert in the catalog hover', async () => {
    const term = (await openEditor(api, documents[1])).document;
    const hovers = await hoverStrings(term.uri, positionOf(term, 'runaway letters', 3));
    const ours = hovers.filter((h) => /^\*\*Catalog: Runaway letters/.test(h.value));
    assert.strictEqual(ours.length, 1, hovers.map((h) => h.value).join('\n---\n'));
    assertInertCausewayHover(ours[0], 'a rule pack term');
    const { text } = rendered(ours[0].value);
    assert.ok(text.includes(`[open](${INJECTED})`) && text.includes(`[x](${INJECTED})`) && text.includes('<img src=x onerror=alert(1)>'), text);
  });
});

describe('reliability: workspace indexing', function () {
  this.timeout(90_000);

  it('honours cancellation: a restart during indexing stops the run it overtakes, and only the last run completes', async () => {
    const api = await causeway();
    await api.service.whenReady();
    const before = api.service.workspace.uris().length;
    const mark = api.editing.logMark();
    api.service.restart();
    api.service.restart();
    api.service.restart();
    await api.service.whenReady();
    const completed = api.editing.recentLog(mark).filter((line) => /Indexed \d+ documents/.test(line));
    assert.strictEqual(completed.length, 1, completed.join('\n'));
    assert.strictEqual(api.service.workspace.uris().length, before, 'the index holds every document once');
  });
});

describe('reliability: the output channel names the file', function () {
  this.timeout(90_000);
  let api: CausewayApi;

  before(async () => {
    api = await causeway();
  });

  it('logs a rule pack error with its file, line and field', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const yaml = RUNAWAY_PACK.replace('id: reliability-runaway', 'id: reliability-broken').replace('severity: info', 'severity: critical');
    const mark = api.editing.logMark();
    const pack = await writePack('reliability-broken.yaml', yaml);
    try {
      await afterPackChange(api, () => /reliability-broken\.yaml/.test(api.service.rulePackStatus ?? ''), 'the rule pack error');
      const lines = api.editing.recentLog(mark).filter((line) => line.includes('reliability-broken.yaml'));
      assert.ok(lines.some((line) => /^\[warn\] Some rule packs have errors: \.causeway\/catalog\/reliability-broken\.yaml:2: severity must be equal to one of the allowed values/.test(line)), api.editing.recentLog(mark).join('\n'));
      assert.match(api.service.rulePackStatus ?? '', /reliability-broken\.yaml:2: severity/);
    } finally {
      await removePacks(api, [pack], 'reliability-broken');
    }
  });

  it('refuses the nested quantifier (a+)+$ in a rule pack, naming the file and line, and keeps analysing', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const yaml = RUNAWAY_PACK.replace('id: reliability-runaway', 'id: reliability-nested').replace('"(?:a|aa)+$"', '"(a+)+$"');
    const long = workspaceUri('reliability/nested.md');
    await vscode.workspace.fs.writeFile(long, new TextEncoder().encode(`# Letters\n\n${'a'.repeat(100_000)}!\n`));
    const mark = api.editing.logMark();
    const pack = await writePack('reliability-nested.yaml', yaml);
    try {
      await afterPackChange(api, () => /reliability-nested\.yaml/.test(api.service.rulePackStatus ?? ''), 'the rule pack error');
      assert.match(api.service.rulePackStatus ?? '', /reliability-nested\.yaml:\d+: signals\.regex\.0\.pattern: nested quantifier "\(a\+\)\+"/);
      assert.ok(api.editing.recentLog(mark).some((line) => line.includes('reliability-nested.yaml') && line.includes('nested quantifier')), api.editing.recentLog(mark).join('\n'));
      assert.ok(!catalogHas(api, 'reliability-nested'), 'the refused pattern is not in the catalog');
      api.service.restart();
      await api.service.whenReady();
      assert.ok(api.service.workspace.get(long.toString()), 'the long document was analysed with the built-in catalog');
    } finally {
      await removePacks(api, [pack], 'reliability-nested');
      removeDocuments([long]);
    }
  });

  it('logs each document it cannot decode with its path and why', async () => {
    const latin1 = workspaceUri('reliability/latin1.md');
    const binary = workspaceUri('reliability/binary.md');
    const mark = api.editing.logMark();
    await vscode.workspace.fs.writeFile(latin1, Uint8Array.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    await vscode.workspace.fs.writeFile(binary, Uint8Array.from([0x23, 0x20, 0x00, 0x01, 0x0a]));
    try {
      api.service.restart();
      await api.service.whenReady();
      const lines = api.editing.recentLog(mark);
      assert.ok(lines.some((line) => line.startsWith(`[info] Skipped ${latin1.fsPath}: File is not valid UTF-8`)), lines.join('\n'));
      assert.ok(lines.some((line) => line.startsWith(`[info] Skipped ${binary.fsPath}: File holds binary data`)), lines.join('\n'));
    } finally {
      removeDocuments([latin1, binary]);
    }
  });
});

describe('reliability: a document Causeway skips', function () {
  this.timeout(60_000);
  let api: CausewayApi;
  let large: vscode.Uri;

  before(async () => {
    api = await causeway();
    large = workspaceUri('reliability/over-the-limit.md');
    await vscode.workspace.fs.writeFile(large, new TextEncoder().encode(`# Over the limit\n\n${'Delivery costs rose 15% in 2024. '.repeat(120)}\n`));
    await vscode.workspace.getConfiguration('causeway').update('maxFileSize', 1024, vscode.ConfigurationTarget.Global);
    await waitFor(() => api.service.currentSettings.maxFileSize === 1024, 'the smaller size limit');
    await api.service.whenReady();
  });
  after(async () => {
    await revertAndCloseAll();
    removeDocuments([large]);
    await vscode.workspace.getConfiguration('causeway').update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    await api.service.whenReady();
  });

  it('is looked at once per version when it is open and over causeway.maxFileSize, never again and again', async () => {
    const document = (await vscode.window.showTextDocument(large, { preview: false })).document;
    await waitFor(() => api.service.analysedVersion(large) === document.version, 'the first look at the document');
    assert.strictEqual(api.service.workspace.get(large.toString()), undefined, 'it is skipped, not analysed');
    let announced = 0;
    const listener = api.service.onDidChange((change) => {
      if (change.uris.includes(large.toString())) announced++;
    });
    try {
      // The skipped version has been looked at once: asking again must not look again, or each look
      // would announce a change whose listeners ask again, until the stack overflows.
      assert.strictEqual(api.service.analysisOf(document), undefined);
      await api.editing.flushDiagnostics();
      assert.strictEqual(announced, 0);
      assert.ok(api.service.workspace.isSkipped(large.toString()), 'still reported as skipped');
    } finally {
      listener.dispose();
    }
  });
});
