#!/usr/bin/env node
'use strict';
// The CLI is bundled by `npm run build` into dist/cli.js.
const { main } = require('../dist/cli.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`causeway: ${String(error)}\n`);
    process.exitCode = 3;
  },
);
