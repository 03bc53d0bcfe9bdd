// An acknowledged label survives a hard kill: a child process opens the workspace through core, toggles
// a label, prints the acknowledgement, and is killed with SIGKILL the moment the parent reads it. The
// workspace, reopened, must hold the label and its history. (The child loads core's TypeScript through
// Vite's SSR loader, as the built hosts would load the bundle.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import { idsOf, labelId, loadDemo, unwrap } from './curation-test-kit';

const ROOT = path.resolve(__dirname, '../../..');
const VITE = pathToFileURL(createRequire(path.join(ROOT, 'package.json')).resolve('vite')).href;

const CHILD =
  `
const [dbPath, promptId, labelId] = process.argv.slice(2);
const { createServer } = await import(${JSON.stringify(VITE)});
const server = await createServer({ root: ${JSON.stringify(ROOT)}, configFile: false, logLevel: ` +
  `'error', appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] } });
const { createCore } = await server.ssrLoadModule('/src/core/index.ts');
const core = createCore({ dbPath });
const result = await core.invoke('labels.toggle', { item: { target: 'prompt', id: ` +
  `Number(promptId) }, labelId: Number(labelId), annotator: 'kill-test' });
process.stdout.write(JSON.stringify(result) + '\\n');
setInterval(() => {}, 1000); // stay alive until killed
`;

describe('label durability', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('keeps a label acknowledged just before kill -9', async () => {
    const dbPath = path.join(tmp.dir, 'ws.db');
    const setup = createCore({ dbPath });
    await loadDemo(setup, 50, 3);
    const [promptId] = (await idsOf(setup, {}, 1)) as [number];
    const drop = await labelId(setup, 'prompt', 'drop');
    await setup.close();

    const script = path.join(tmp.dir, 'child.mjs');
    fs.writeFileSync(script, CHILD);
    const child = spawn(process.execPath, [script, dbPath, String(promptId), String(drop)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const ack = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) {
          // Kill before doing anything else with the answer: nothing gets a chance to flush or close.
          child.kill('SIGKILL');
          resolve(out.slice(0, nl));
        }
      });
      child.on('exit', () => reject(new Error(`child exited before acknowledging: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    const result = JSON.parse(ack) as { ok: boolean; value: { batchId: number } };
    expect(result.ok).toBe(true);

    const reopened = createCore({ dbPath });
    try {
      const [annotations] = unwrap(await reopened.invoke('annotations.get', { target: 'prompt', ids: [promptId] }));
      expect(annotations?.labels).toEqual([expect.objectContaining({ labelId: drop, annotator: 'kill-test' })]);
      const [entry] = unwrap(await reopened.invoke('history.forItem', { target: 'prompt', id: promptId }));
      expect(entry).toMatchObject({ batchId: result.value.batchId, oldValue: 'off', newValue: 'on' });
      expect(unwrap(await reopened.invoke('history.status', { annotator: 'kill-test' })).undo?.id).toBe(
        result.value.batchId,
      );
    } finally {
      await reopened.close();
    }
  });
});
