// The extension host cannot click the workbench; scripts/run-vscode-trust-tests.mjs can. A test asks it to act
// on the page by writing a request file into the folder named by CAUSEWAY_TRUST_BRIDGE, and waits for the
// answer file. Files, because the runner and the extension host share nothing else but the disk.
import * as fs from 'fs';
import * as path from 'path';

export const BRIDGE_ENV = 'CAUSEWAY_TRUST_BRIDGE';
const POLL_MS = 100;

/** What the runner can do on the workbench page. */
export type RunnerAction =
  | { action: 'statusBar' }
  | { action: 'clickTrust' }
  | { action: 'screenshot'; name: string };

/** One status bar entry as the page renders it. */
export interface StatusBarEntry {
  id: string;
  text: string;
  label: string;
}

let sequence = 0;

/** Asks the runner to act on the page; resolves with its answer, rejects with its error or on time-out. */
export async function askRunner<T>(request: RunnerAction, timeoutMs = 60_000): Promise<T> {
  const folder = process.env[BRIDGE_ENV];
  if (!folder) throw new Error(`${BRIDGE_ENV} is not set: run this suite with scripts/run-vscode-trust-tests.mjs`);
  const name = `${String(++sequence).padStart(3, '0')}-${request.action}`;
  const answerFile = path.join(folder, `${name}.answer.json`);
  // Write then rename, so the runner never reads half a request.
  const partial = path.join(folder, `${name}.partial`);
  fs.writeFileSync(partial, JSON.stringify(request));
  fs.renameSync(partial, path.join(folder, `${name}.request.json`));
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(answerFile)) {
    if (Date.now() > deadline) throw new Error(`the runner did not answer "${request.action}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const answer = JSON.parse(fs.readFileSync(answerFile, 'utf8')) as { value?: T; error?: string };
  if (answer.error) throw new Error(`the runner could not do "${request.action}": ${answer.error}`);
  return answer.value as T;
}
