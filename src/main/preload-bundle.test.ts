// Artifact check on the built preload (npx electron-vite build): a sandboxed preload must be CommonJS
// and may require only 'electron' (Electron's sandbox docs; ESM preloads do not load in a sandbox).
// (Lives in src/main because the preload layer may not import Node built-ins, even in tests.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BUNDLE = path.resolve(__dirname, '../../out/preload/index.js');
const built = fs.existsSync(BUNDLE);
const SKIP = `out/preload/index.js not built (run \`npx electron-vite build\`)`;

describe('preload bundle', () => {
  if (!built) console.warn(`preload-bundle.test: skipped: ${SKIP}`);
  const source = built ? fs.readFileSync(BUNDLE, 'utf8') : '';

  it.skipIf(!built)(`is CommonJS with no import statements or dynamic imports (skipped if ${SKIP})`, () => {
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/^\s*export\s/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/import\.meta/);
  });

  it.skipIf(!built)(`requires only electron (skipped if ${SKIP})`, () => {
    const required = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
  });

  it.skipIf(!built)(`exposes window.curator and never ipcRenderer itself (skipped if ${SKIP})`, () => {
    expect(source).toMatch(/exposeInMainWorld\(\s*["']curator["']/);
    expect(source.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*,\s*[\w.]*ipcRenderer\s*\)/);
  });
});
