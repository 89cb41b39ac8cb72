// Bundles the extension, the CLI and the webview with esbuild. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const targets = [
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2020' },
  { entryPoints: ['src/webview/previewPlugin.ts'], outfile: 'dist/preview-plugin.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/webview/previewScript.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2020' },
].filter((t) => existsSync(t.entryPoints[0]));

for (const t of targets) {
  const options = { ...common, ...t };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
if (!watch) console.log(`bundled ${targets.map((t) => t.outfile).join(', ')}`);
