#!/usr/bin/env node
// Launcher for the built CLI (out/node/cli.mjs); `npm run build:node` produces it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const entry = path.join(__dirname, '..', 'out', 'node', 'cli.mjs');
if (!fs.existsSync(entry)) {
  process.stderr.write(`rl-curator: not built yet. Run \`npm run build:node\` in ${path.resolve(__dirname, '..')}.\n`);
  process.exit(2);
}
import(pathToFileURL(entry).href)
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`error INTERNAL: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  });
