// Everything except the two entry files must be loadable without Electron (the unit tests run on plain
// Node, where `require('electron')` would try to download a binary). Type-only imports are erased.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRIES = new Set(['src/main/index.ts', 'src/preload/index.ts']);
const root = path.resolve(__dirname, '../..');
const sources = ['src/main', 'src/preload']
  .flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

// A value import, a require() or a dynamic import() of electron or one of its subpaths.
const RUNTIME_ELECTRON_IMPORT = new RegExp(
  [
    String.raw`^\s*import\s+(?!type\b)[^;]*?from\s+['"]electron(\/[^'"]*)?['"]`,
    String.raw`require\(\s*['"]electron['"]\s*\)`,
    String.raw`import\(\s*['"]electron['"]\s*\)`,
  ].join('|'),
  'm',
);

describe('electron-free modules', () => {
  it('finds the host sources', () => {
    expect(sources).toContain('src/main/index.ts');
    expect(sources).toContain('src/main/ipc-dispatch.ts');
    expect(sources).toContain('src/preload/bridge.ts');
  });

  it('the pattern catches value imports and lets type imports through', () => {
    expect(RUNTIME_ELECTRON_IMPORT.test("import { app } from 'electron';")).toBe(true);
    expect(RUNTIME_ELECTRON_IMPORT.test("import electron from 'electron';")).toBe(true);
    expect(RUNTIME_ELECTRON_IMPORT.test("const e = require('electron');")).toBe(true);
    expect(RUNTIME_ELECTRON_IMPORT.test("import type { WebContents } from 'electron';")).toBe(false);
  });

  it.each(sources.filter((f) => !ENTRIES.has(f)))('%s does not load electron at run time', (file) => {
    expect(fs.readFileSync(path.join(root, file), 'utf8')).not.toMatch(RUNTIME_ELECTRON_IMPORT);
  });
});
