// Where the offline VS Code host (code-server) lives and which version it is.
// Everything here sits in `.vscode-test/`, which git ignores, like @vscode/test-electron's cache.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** code-server 4.100.3 bundles VS Code 1.100.3 and needs Node 20. Changing it means re-testing the install steps. */
export const CODE_SERVER_VERSION = '4.100.3';
export const EXPECTED_VSCODE_VERSION = '1.100.3';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const HOST_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_DIR = path.join(HOST_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const VSCODE_DIR = path.join(CODE_SERVER_DIR, 'lib', 'vscode');
/** Written last by the installer: its presence means every step finished. */
export const READY_MARKER = path.join(HOST_DIR, '.causeway-host-ready.json');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
