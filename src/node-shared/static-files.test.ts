// The one static-file server logic, on real files: paths stay inside the root, symlinks are checked again
// after resolving, folders and missing files are not found. (The app:// URL cases are in
// src/main/bundle-protocol.test.ts, the HTTP ones in src/server/http-server.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-workspace';
import { findStaticFile, resolveStaticPath } from './static-files';

describe('findStaticFile', () => {
  const tmp = tempDir('rl-curator-static-');
  const root = path.join(tmp.dir, 'web');
  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'top secret');
    fs.symlinkSync(path.join(tmp.dir, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
    fs.symlinkSync(tmp.dir, path.join(root, 'up'));
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
  });
  afterAll(() => tmp.cleanup());

  it('finds files under the root with their size and type; a link inside the root is fine', async () => {
    expect(await findStaticFile(root, '/')).toMatchObject({ ok: true, contentType: 'text/html; charset=utf-8' });
    expect(await findStaticFile(root, '/assets/app.js')).toMatchObject({ ok: true, size: 14 });
    expect(await findStaticFile(root, '/alias.js')).toMatchObject({
      ok: true,
      filePath: fs.realpathSync(path.join(root, 'assets', 'app.js')),
    });
  });

  it.each<[string, number]>([
    ['/assets/leak.txt', 403],
    ['/up/secret.txt', 403],
    ['/..%2fsecret.txt', 403],
    ['/missing.js', 404],
    ['/assets/', 404],
    ['/assets', 404],
    ['/index.html%00', 400],
    ['/%5c..%5csecret.txt', 400],
    ['/%E0%A4%A', 400],
  ])('%s is refused with %i', async (urlPath, status) => {
    expect(await findStaticFile(root, urlPath)).toMatchObject({ ok: false, status });
  });

  it('maps without touching the disk', () => {
    expect(resolveStaticPath('/srv/web', '/fonts/KaTeX%20Main.woff2')).toEqual({
      ok: true,
      filePath: path.resolve('/srv/web/fonts/KaTeX Main.woff2'),
    });
  });
});
