// Run as its own process by bench/measure-extension.ts: loads an extension bundle with the fake
// `vscode` module, times require() and activate(), prints one JSON line and exits at once, before
// the work activation deferred (indexing the workspace) would start.
// Usage: node out/bench/activate-probe.js <bundle.js>

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeExtensionContext, installFakeVscode } from './fake-vscode';

export interface ActivationProbe {
  requireMs: number;
  activateMs: number;
  /** Distinct vscode API members activation touched. */
  apiMembers: number;
  subscriptions: number;
  error?: string;
}

async function probe(bundle: string): Promise<ActivationProbe> {
  const root = join(__dirname, '..', '..');
  const packageJSON = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown;
  const fake = installFakeVscode(root);
  const context = fakeExtensionContext(fake, root, packageJSON);
  let started = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(bundle) as { activate(context: unknown): unknown };
  const requireMs = Number(process.hrtime.bigint() - started) / 1e6;
  started = process.hrtime.bigint();
  // VS Code waits for a returned promise before it counts the extension active.
  await extension.activate(context);
  const activateMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { requireMs, activateMs, apiMembers: fake.touched.size, subscriptions: (context.subscriptions as unknown[]).length };
}

if (require.main === module) {
  probe(process.argv[2]).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stdout.write(`${JSON.stringify({ requireMs: NaN, activateMs: NaN, apiMembers: 0, subscriptions: 0, error: error instanceof Error ? error.stack : String(error) })}\n`);
      process.exit(0);
    },
  );
}
