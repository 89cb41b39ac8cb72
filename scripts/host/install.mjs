#!/usr/bin/env node
// Installs the offline VS Code host (code-server, pinned) into `.vscode-test/`.
// code-server's own postinstall downloads ripgrep from the internet, which this machine cannot reach,
// so its steps are done here by hand: native modules are rebuilt from source and ripgrep comes from Debian.
// Does nothing when the host is already complete. `--force` reinstalls from scratch.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_VERSION, HOST_DIR, READY_MARKER, VSCODE_DIR,
} from './paths.mjs';

const SYSTEM_RIPGREP = process.env.RIPGREP_PATH || '/usr/bin/rg';
const LOG_FILE = path.join(path.dirname(HOST_DIR), `install-code-server-${CODE_SERVER_VERSION}.log`);

export function isHostInstalled() {
  if (!fs.existsSync(READY_MARKER) || !fs.existsSync(CODE_SERVER_ENTRY)) return false;
  try {
    return JSON.parse(fs.readFileSync(READY_MARKER, 'utf8')).codeServerVersion === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

function fail(message) {
  throw new Error(`host install: ${message}`);
}

/** Runs one command, appending its output to the install log; on failure shows the log's tail and stops. */
function run(title, command, args, cwd, extraEnv = {}) {
  const started = Date.now();
  process.stdout.write(`host install: ${title} ... `);
  fs.appendFileSync(LOG_FILE, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.appendFileSync(LOG_FILE, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    console.log('FAILED');
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    fail(`"${command} ${args.join(' ')}" exited with ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}\n${tail}\nfull log: ${LOG_FILE}`);
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(1)}s`);
}

function checkPrerequisites() {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) fail(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is Node ${process.versions.node}`);
  if (!fs.existsSync(SYSTEM_RIPGREP)) fail(`ripgrep not found at ${SYSTEM_RIPGREP}: apt-get install -y ripgrep (or set RIPGREP_PATH)`);
}

/** Links a platform script the way code-server's postinstall does, so `code` works in the integrated terminal. */
function linkPlatformScript(folder, source, dest) {
  const link = path.join(VSCODE_DIR, 'bin', folder, dest);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(source, link);
}

export function installHost({ force = false } = {}) {
  if (!force && isHostInstalled()) {
    console.log(`host install: code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(process.cwd(), HOST_DIR) || HOST_DIR}`);
    return;
  }
  checkPrerequisites();
  const started = Date.now();
  fs.rmSync(HOST_DIR, { recursive: true, force: true });
  fs.mkdirSync(HOST_DIR, { recursive: true });
  fs.writeFileSync(LOG_FILE, `code-server ${CODE_SERVER_VERSION} install, ${new Date().toISOString()}\n`);
  // A private package.json keeps npm from walking up into the project's own manifest.
  fs.writeFileSync(path.join(HOST_DIR, 'package.json'), JSON.stringify({ name: 'causeway-vscode-host', private: true }, null, 2));

  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  run(`npm install code-server@${CODE_SERVER_VERSION}`, 'npm',
    ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--save-exact', ...quiet], HOST_DIR);
  // argon2 is loaded at startup even with --auth none.
  run('rebuild argon2', 'npm', ['rebuild', 'argon2'], HOST_DIR);
  run('install VS Code server dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], VSCODE_DIR);
  // node-pty's build script calls `npx node-gyp`, which must not stop to ask.
  run('rebuild native modules (watcher, spdlog, node-pty, deviceid, native-watchdog)', 'npm',
    ['rebuild', '@parcel/watcher', '@vscode/spdlog', 'node-pty', '@vscode/deviceid', 'native-watchdog'], VSCODE_DIR, { npm_config_yes: 'true' });

  const ripgrepBin = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(ripgrepBin, { recursive: true });
  fs.copyFileSync(SYSTEM_RIPGREP, path.join(ripgrepBin, 'rg'));
  fs.chmodSync(path.join(ripgrepBin, 'rg'), 0o755);
  // VS Code and some built-in extensions look for files under node_modules.asar.
  const asarLink = path.join(VSCODE_DIR, 'node_modules.asar');
  fs.rmSync(asarLink, { recursive: true, force: true });
  fs.symlinkSync('node_modules', asarLink);
  linkPlatformScript('remote-cli', 'code-linux.sh', 'code-server');
  linkPlatformScript('helpers', 'browser-linux.sh', 'browser.sh');

  run('install built-in extension dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], path.join(VSCODE_DIR, 'extensions'));
  verifyInstall();

  const seconds = Math.round((Date.now() - started) / 1000);
  fs.writeFileSync(READY_MARKER, JSON.stringify({ codeServerVersion: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), seconds }, null, 2));
  console.log(`host install: code-server ${CODE_SERVER_VERSION} ready in ${seconds}s (${HOST_DIR})`);
}

/** Loads each native module once so a broken build is caught here, not as a blank workbench later. */
function verifyInstall() {
  const load = (name, from) => `require(require.resolve(${JSON.stringify(name)}, { paths: [${JSON.stringify(from)}] }))`;
  const probe = [
    load('argon2', CODE_SERVER_DIR),
    ...['@parcel/watcher', '@vscode/spdlog', 'node-pty', 'native-watchdog'].map((name) => load(name, VSCODE_DIR)),
  ].join(';');
  run('check native modules load', process.execPath, ['-e', probe], HOST_DIR);
  run('check ripgrep runs', path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), ['--version'], HOST_DIR);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    installHost({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
