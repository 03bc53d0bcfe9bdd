// Artifact checks on the built main process (npx electron-vite build). The core utility process is run
// for real under plain Node, with a small shim standing in for Electron's process.parentPort: that
// proves the bundle opens a workspace, answers calls and runs a job in out/main/job-worker.js.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-workspace';
import { CORE_CONFIG_ENV, encodeCoreConfig } from './core-protocol';
import type { CoreToMain } from './core-protocol';
import { createBundleHandler } from './bundle-protocol';
import { PRODUCTION_CSP } from './csp';

const OUT = path.resolve(__dirname, '../../out/main');
const entries = ['index.js', 'core-process.js', 'job-worker.js'].map((f) => path.join(OUT, f));
const built = entries.every((f) => fs.existsSync(f));
const SKIP = 'out/main not built (run `npx electron-vite build`)';
if (!built) console.warn(`main-bundle.test: skipped: ${SKIP}`);

const read = (f: string) => fs.readFileSync(path.join(OUT, f), 'utf8');
const requires = (source: string) =>
  [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string);

// Electron's parentPort delivers MessageEvent-like objects ({ data }); Node's IPC delivers the value.
const SHIM = `
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (m) => process.send(m);
process.on('message', (m) => port.emit('message', { data: m }));
process.parentPort = port;
`;

describe('main bundle', () => {
  it.skipIf(!built)(`emits CommonJS entries; only index.js loads electron (skipped if ${SKIP})`, () => {
    expect(requires(read('index.js'))).toContain('electron');
    for (const f of ['core-process.js', 'job-worker.js']) {
      expect(requires(read(f))).not.toContain('electron');
      expect(read(f)).not.toMatch(/^\s*import\s/m);
    }
    // better-sqlite3 stays external (a native addon cannot be bundled).
    const chunkSources = fs
      .readdirSync(path.join(OUT, 'chunks'))
      .map((f) => fs.readFileSync(path.join(OUT, 'chunks', f), 'utf8'));
    expect([read('core-process.js'), ...chunkSources].some((s) => requires(s).includes('better-sqlite3'))).toBe(true);
  });

  it.skipIf(!built)(`never weakens web preferences (skipped if ${SKIP})`, () => {
    const index = read('index.js');
    expect(index).toMatch(/sandbox:\s*(true|!0)/);
    expect(index).toMatch(/contextIsolation:\s*(true|!0)/);
    expect(index).not.toMatch(/nodeIntegration:\s*(true|!0)/);
    expect(index).not.toMatch(/webSecurity:\s*(false|!1)/);
    expect(index).not.toMatch(/contextIsolation:\s*(false|!1)/);
    expect(index).not.toMatch(/sandbox:\s*(false|!1)/);
    expect(index).toMatch(/enableSandbox\(\)/);
    expect(index).toMatch(/requestSingleInstanceLock\(\)/);
  });
});

describe('built core process under Node', () => {
  const tmp = tempDir('rl-curator-core-process-');
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill();
    tmp.cleanup();
  });

  it.skipIf(!built)(
    `opens the workspace, answers calls, runs a demo job in the job worker and exits on shutdown (skipped if ${SKIP})`,
    async () => {
      const shim = path.join(tmp.dir, 'parent-port-shim.cjs');
      fs.writeFileSync(shim, SHIM);
      const dbPath = path.join(tmp.dir, 'profile', 'workspace.db');
      const config = encodeCoreConfig({ dbPath, workerScript: path.join(OUT, 'job-worker.js'), version: '0.0.1-test' });
      const proc = fork(path.join(OUT, 'core-process.js'), [], {
        execArgv: ['--require', shim],
        env: { ...process.env, [CORE_CONFIG_ENV]: config },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child = proc;
      const messages: CoreToMain[] = [];
      const waiters: Array<() => void> = [];
      proc.on('message', (m) => {
        messages.push(m as CoreToMain);
        waiters.splice(0).forEach((w) => w());
      });
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      const next = (match: (m: CoreToMain) => boolean): Promise<CoreToMain> =>
        new Promise((resolve, reject) => {
          const check = () => {
            const found = messages.find(match);
            if (found) return resolve(found);
            if (proc.exitCode !== null) return reject(new Error(`core-process exited with ${proc.exitCode}`));
            waiters.push(check);
          };
          check();
        });

      await next((m) => m.type === 'ready');
      expect(messages.find((m) => m.type === 'fatal')).toBeUndefined();
      expect(fs.existsSync(dbPath)).toBe(true);

      proc.send({ type: 'call', id: 1, method: 'app.info', input: {} });
      expect(await next((m) => m.type === 'result' && m.id === 1)).toMatchObject({
        result: { ok: true, value: { host: 'electron', dbPath, version: '0.0.1-test' } },
      });

      proc.send({ type: 'call', id: 2, method: 'demo.load', input: { prompts: 50, seed: 3 } });
      const started = await next((m) => m.type === 'result' && m.id === 2);
      expect(started).toMatchObject({ result: { ok: true } });
      await next(
        (m) => m.type === 'event' && m.event === 'job.updated' && (m.payload as { status: string }).status === 'done',
      );

      proc.send({ type: 'call', id: 3, method: 'stats.get', input: {} });
      expect(await next((m) => m.type === 'result' && m.id === 3)).toMatchObject({
        result: { ok: true, value: { prompts: 50, datasets: 1 } },
      });

      proc.send({ type: 'shutdown' });
      await next((m) => m.type === 'closed');
      expect(await exited).toBe(0);
    },
  );
});

describe('built renderer over app://', () => {
  const rendererRoot = path.resolve(__dirname, '../../out/renderer');
  const indexHtml = path.join(rendererRoot, 'index.html');
  const hasRenderer = fs.existsSync(indexHtml);
  const RENDERER_SKIP = 'out/renderer not built (run `npx electron-vite build`)';
  if (!hasRenderer) console.warn(`main-bundle.test: skipped: ${RENDERER_SKIP}`);

  it.skipIf(!hasRenderer)(`has no inline script the production CSP would block (skipped if ${RENDERER_SKIP})`, () => {
    const html = fs.readFileSync(indexHtml, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect((body ?? '').trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it.skipIf(!hasRenderer)(
    `serves index.html and every asset it references with the CSP (skipped if ${RENDERER_SKIP})`,
    async () => {
      const handle = createBundleHandler({ root: rendererRoot, csp: PRODUCTION_CSP });
      const index = await handle({ url: 'app://bundle/index.html' });
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
      const html = await index.text();
      const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)]
        .map((m) => m[1] as string)
        .filter((r) => !/^[a-z]+:/i.test(r));
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        const url = new URL(ref, 'app://bundle/index.html').href;
        const res = await handle({ url });
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-type'), url).toMatch(/^(text\/javascript|text\/css|image\/|font\/)/);
      }
    },
  );
});
