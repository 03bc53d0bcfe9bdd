#!/usr/bin/env node
// `npm start` (after `npm run build`): the desktop app when Electron can run here, else browser mode.
// The decision is in launch-plan.mjs; this file only gathers facts and spawns.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planLaunch } from './launch-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronDir() {
  try {
    // Resolving package.json never runs electron/index.js (which would try to download the binary).
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const isFile = (p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};
const readText = (p) => {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

const plan = planLaunch({
  platform: process.platform,
  env: process.env,
  argv: process.argv.slice(2),
  electronDir: electronDir(),
  isFile,
  readText,
  isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
});

function run(command, args, env, onSpawnError) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', onSpawnError);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowser(reason, args) {
  console.log(`rl-curator: ${reason}; starting browser mode instead (node bin/rl-curator.cjs serve).`);
  run(process.execPath, [path.join(root, 'bin', 'rl-curator.cjs'), 'serve', ...args], process.env, (err) => {
    console.error(`rl-curator: could not start browser mode: ${err.message}`);
    process.exit(1);
  });
}

if (plan.mode === 'browser') {
  startBrowser(plan.reason, plan.args);
} else if (!isFile(path.join(root, 'out', 'main', 'index.js'))) {
  console.error('rl-curator: out/main/index.js is missing; run `npm run build` first (npm start does).');
  process.exit(2);
} else {
  for (const note of plan.notes) console.log(`rl-curator: ${note}`);
  // Inherited ELECTRON_RUN_AS_NODE would make the binary behave as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(plan.executable, plan.args, env, (err) => startBrowser(`Electron failed to start (${err.message})`, []));
}
