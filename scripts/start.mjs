#!/usr/bin/env node
// `npm start`: builds and packages Causeway (npm run package), installs the .vsix into the offline VS Code host,
// serves a fresh copy of seeds/ and prints the URL to open. Runs until Ctrl-C, then stops the server cleanly.
// Env: PORT (default 8080; a free port is used when it is taken), CAUSEWAY_LOCALE (e.g. zh-cn),
// CAUSEWAY_SKIP_PACKAGE=1 (reuse the last .vsix).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { installHost } from './host/install.mjs';
import { CACHE_DIR, CODE_SERVER_ENTRY, EXPECTED_VSCODE_VERSION, REPO_ROOT } from './host/paths.mjs';
import { findFreePort, startServer } from './host/server.mjs';
import { copyWorkspace, removeWorkspace } from './host/workspace.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const START_DIR = path.join(CACHE_DIR, 'start');
const EXTENSIONS_DIR = path.join(START_DIR, 'extensions');

function step(title, command, args) {
  console.log(`start: ${title}`);
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

function vsixPath() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return path.join(REPO_ROOT, `${name}-${version}.vsix`);
}

/** PORT if it is free, else any free port, so a second `npm start` does not collide with the first. */
async function choosePort() {
  const wanted = Number(process.env.PORT ?? 8080);
  const free = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  if (free) return wanted;
  const other = await findFreePort();
  console.log(`start: port ${wanted} is in use, using ${other}`);
  return other;
}

async function main() {
  if (process.env.CAUSEWAY_SKIP_PACKAGE !== '1') step('building and packaging the extension', npm, ['run', 'package']);
  const vsix = vsixPath();
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} was not made; run \`npm run package\``);
  installHost();

  // A fresh extensions folder each time, so the host runs exactly the package just built.
  fs.rmSync(START_DIR, { recursive: true, force: true });
  fs.mkdirSync(EXTENSIONS_DIR, { recursive: true });
  step(`installing ${path.basename(vsix)} into the host`, process.execPath, [
    CODE_SERVER_ENTRY, '--extensions-dir', EXTENSIONS_DIR, '--user-data-dir', path.join(START_DIR, 'install-user-data'),
    '--install-extension', vsix, '--force',
  ]);

  const workspace = copyWorkspace(path.join(REPO_ROOT, 'seeds'), 'seeds');
  const server = await startServer(workspace, {
    port: await choosePort(),
    extensionsDir: EXTENSIONS_DIR,
    locale: process.env.CAUSEWAY_LOCALE || undefined,
  });
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
  console.log(`\nCauseway is running in VS Code ${EXPECTED_VSCODE_VERSION} (code-server ${server.version}) on a copy of seeds/:`);
  console.log(`\n  ${url}\n`);
  console.log(`workspace copy: ${workspace}\nserver log:     ${server.logFile}\nPress Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nstart: ${signal} received, stopping the server`);
    const exit = await server.stop();
    removeWorkspace(workspace);
    console.log(`start: server stopped (${exit?.signal ?? `exit code ${exit?.code}`})`);
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const exit = await server.exited;
  if (!stopping) {
    console.error(`start: the server stopped on its own (${JSON.stringify(exit)}):\n${server.logTail()}`);
    removeWorkspace(workspace);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`start: ${error.message ?? error}`);
  process.exit(1);
});
