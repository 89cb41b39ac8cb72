// Starts and stops code-server on a free loopback port with a fresh, throw-away user data folder.
// Network calls that cannot work offline (gallery, update check, telemetry) are switched off so runs are clean.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER_ENTRY, CODE_SERVER_VERSION, REPO_ROOT } from './paths.mjs';
import { isHostInstalled } from './install.mjs';

/** User settings every run gets; a caller's settings are merged over these. */
export const OFFLINE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** Asks the OS for a port nobody is listening on. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves with the HTTP status of GET url, or undefined when nothing answers. */
function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts code-server serving `folder`.
 * options.settings: user settings merged over OFFLINE_SETTINGS.
 * options.locale: display language (e.g. 'zh-cn'): passed as --locale and written to argv.json, plus an empty
 *   language pack (see installDisplayLanguage), without which code-server 4.100.3 falls back to 'en'.
 * options.extensionsDir: where installed extensions live (default: a fresh empty folder).
 * options.port: a fixed port (default: a free one). options.env: extra environment for the server and its extension host.
 * options.workspaceTrust: true runs with Workspace Trust on, as users have it (default off, so the folder is trusted);
 *   the folder then opens in Restricted Mode until trust is granted in the workbench.
 * Returns { url, port, folder, userDataDir, extensionsDir, logFile, process, stop(), logTail() }.
 */
export async function startServer(folder, options = {}) {
  if (!isHostInstalled()) {
    throw new Error('the VS Code host is not installed: run `npm run host:install`');
  }
  if (!fs.existsSync(folder)) throw new Error(`workspace folder does not exist: ${folder}`);
  const port = options.port ?? await findFreePort();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'causeway-host-'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  const logFile = path.join(runDir, 'server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const trustSettings = options.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {};
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...OFFLINE_SETTINGS, ...trustSettings, ...(options.settings ?? {}) }, null, 2));
  if (options.locale) {
    fs.writeFileSync(path.join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale: options.locale }, null, 2));
    if (!options.locale.toLowerCase().startsWith('en')) installDisplayLanguage(options.locale, userDataDir, extensionsDir);
  }
  // Our own config file, so code-server does not write a default one (with a password) into $HOME.
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const args = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(options.locale ? ['--locale', options.locale] : []),
    folder,
  ];
  const log = fs.openSync(logFile, 'a');
  // Own process group, so stop() can end the server with its extension host and pty host, and
  // a Ctrl-C in the terminal reaches our launcher first, which then stops the server in order.
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      // An empty gallery turns the extension gallery off instead of letting it time out offline.
      EXTENSIONS_GALLERY: '{}',
      ...(options.env ?? {}),
    },
  });
  fs.closeSync(log);
  let exitInfo;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => { exitInfo = { code, signal }; resolve(exitInfo); }));

  const logTail = (lines = 40) => {
    try {
      return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  let stopped = false;
  const stop = async ({ keepFiles = false } = {}) => {
    if (!stopped) {
      stopped = true;
      if (!exitInfo) {
        signalGroup(child.pid, 'SIGTERM');
        let timer;
        const done = await Promise.race([exited, new Promise((resolve) => { timer = setTimeout(resolve, 10000); })]);
        clearTimeout(timer);
        if (!done) {
          signalGroup(child.pid, 'SIGKILL');
          await exited;
        }
      }
      // Helpers the server forked may linger a moment after it exits; the group id reaches them.
      signalGroup(child.pid, 'SIGKILL');
    }
    if (!keepFiles) fs.rmSync(runDir, { recursive: true, force: true });
    return exitInfo;
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60000);
  for (;;) {
    if (exitInfo) {
      throw new Error(`code-server exited during start-up (${JSON.stringify(exitInfo)}):\n${logTail()}`);
    }
    const status = await httpStatus(url);
    // code-server answers the root with a redirect to ?folder=... once it is ready.
    if (status !== undefined && status < 500) break;
    if (Date.now() > deadline) {
      await stop({ keepFiles: true });
      throw new Error(`code-server did not answer on ${url} within the time limit; log ${logFile}:\n${logTail()}`);
    }
    await sleep(250);
  }
  return {
    url, port, folder, userDataDir, extensionsDir, logFile, runDir,
    process: child,
    exited,
    version: CODE_SERVER_VERSION,
    stop,
    logTail,
  };
}

/**
 * VS Code only switches its display language (and so `vscode.env.language`, which picks an extension's
 * package.nls.<locale>.json and l10n bundle) when a language pack for that locale is installed; --locale and
 * argv.json alone leave it at 'en'. Microsoft's packs cannot be downloaded here, so this installs a pack with no
 * translations: the workbench's own strings stay English, while extensions see the requested locale.
 * It writes what VS Code's language-pack service records after an install (languagepacks.json in user data).
 */
function installDisplayLanguage(locale, userDataDir, extensionsDir) {
  const languageId = locale.toLowerCase();
  const id = `causeway-test.display-language-${languageId}`;
  const version = '0.0.0';
  const packDir = path.join(extensionsDir, `${id}-${version}`);
  const translations = path.join(packDir, 'translations', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(packDir, 'package.json'), JSON.stringify({
    name: `display-language-${languageId}`,
    publisher: 'causeway-test',
    version,
    engines: { vscode: '*' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId, languageName: languageId, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  }, null, 2));
  const languagePacks = {
    [languageId]: {
      hash: `${id}-${version}`,
      extensions: [{ extensionIdentifier: { id }, version }],
      translations: { vscode: translations },
      label: languageId,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks));
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Builds the vscode-remote:// URI the workbench expects for a path on the server. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench URL for a folder, optionally in extension development / test mode.
 * extensionDevelopmentPath loads the extension from that folder; extensionTestsPath runs its run().
 */
export function workbenchUrl(server, { folder = server.folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  let url = `${server.url}?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
