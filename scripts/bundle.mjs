// Bundles the extension, the CLI and the webview with esbuild. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// --outdir=DIR builds somewhere else than dist/ (the benchmark measures a production build apart).
const outdir = (process.argv.find((a) => a.startsWith('--outdir=')) ?? '--outdir=dist').slice('--outdir='.length);
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// The extension bundle leaves out what only some sessions need, and loads it from dist/ on first
// use: the compiled catalog and lexicons, RE2 (user rule packs and tracker patterns) and Ajv
// (rule-pack validation). The CLI bundles everything, since its size does not matter.
const LAZY = {
  're2js': 'vendor-re2js.js',
  'ajv': 'vendor-ajv.js',
};
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^(re2js|ajv)$/ }, (args) => ({ path: `./${LAZY[args.path]}`, external: true }));
    build.onResolve({ filter: /builtin\.generated\.json$/ }, () => ({ path: './builtin-data.json', external: true }));
  },
};

const targets = [
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], plugins: [lazyModules] },
  { entryPoints: ['node_modules/re2js/build/index.cjs'], outfile: 'dist/vendor-re2js.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['node_modules/ajv/dist/ajv.js'], outfile: 'dist/vendor-ajv.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2020' },
  { entryPoints: ['src/webview/previewPlugin.ts'], outfile: 'dist/preview-plugin.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/webview/previewScript.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2020' },
].filter((t) => existsSync(t.entryPoints[0]));

mkdirSync(outdir, { recursive: true });
copyFileSync('src/core/data/builtin.generated.json', `${outdir}/builtin-data.json`);

for (const t of targets) {
  const options = { ...common, ...t, outfile: t.outfile.replace(/^dist\//, `${outdir}/`) };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
if (!watch) console.log(`bundled ${targets.map((t) => t.outfile).join(', ')}`);
