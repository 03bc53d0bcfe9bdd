// Worker scripts are found beside the calling bundle or one folder up, as .mjs (Node build) or .js (desktop build).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { findSiblingScript } from './sibling-script';

describe('findSiblingScript', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
    fs.mkdirSync(path.join(tmp.dir, 'chunks'));
  });
  afterEach(() => tmp.cleanup());
  const chunkUrl = () => pathToFileURL(path.join(tmp.dir, 'chunks', 'execute-abc.js')).href;

  it('finds the ES module build one folder above a chunk', () => {
    fs.writeFileSync(path.join(tmp.dir, 'parse-worker.mjs'), '');
    expect(findSiblingScript('parse-worker.mjs', chunkUrl())).toBe(path.join(tmp.dir, 'parse-worker.mjs'));
  });

  it("finds the desktop build's CommonJS twin", () => {
    fs.writeFileSync(path.join(tmp.dir, 'parse-worker.js'), '');
    expect(findSiblingScript('parse-worker.mjs', chunkUrl())).toBe(path.join(tmp.dir, 'parse-worker.js'));
  });

  it('prefers a script beside the module', () => {
    fs.writeFileSync(path.join(tmp.dir, 'parse-worker.mjs'), '');
    fs.writeFileSync(path.join(tmp.dir, 'chunks', 'parse-worker.mjs'), '');
    expect(findSiblingScript('parse-worker.mjs', chunkUrl())).toBe(path.join(tmp.dir, 'chunks', 'parse-worker.mjs'));
  });

  it('returns null when nothing is built, or for a module that is not a file', () => {
    expect(findSiblingScript('parse-worker.mjs', chunkUrl())).toBeNull();
    expect(findSiblingScript('parse-worker.mjs', 'data:text/javascript,0')).toBeNull();
  });
});
