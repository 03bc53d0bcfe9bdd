import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-workspace';
import { contentTypeFor } from '../node-shared/static-files';
import { createBundleHandler, resolveBundlePath } from './bundle-protocol';

const ROOT = path.resolve('/srv/bundle');

describe('resolveBundlePath', () => {
  it.each([
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/', 'index.html'],
    ['app://bundle', 'index.html'],
    ['app://bundle/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://bundle/assets/', 'assets/index.html'],
    ['app://bundle/fonts/KaTeX%20Main.woff2', 'fonts/KaTeX Main.woff2'],
    ['app://bundle/index.html?x=1#y', 'index.html'],
    // The URL parser collapses dot segments before we see the path; the result stays inside the root.
    ['app://bundle/assets/../index.html', 'index.html'],
  ])('%s -> <root>/%s', (url, rel) => {
    expect(resolveBundlePath(ROOT, url)).toEqual({ ok: true, filePath: path.join(ROOT, rel) });
  });

  // The URL parser collapses plain and %2e-spelled dot segments before we see the path, so these land
  // on a file *inside* the root (which then 404s), never outside it.
  it.each([
    ['app://bundle/../../etc/passwd', 'etc/passwd'],
    ['app://bundle/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    ['app://bundle/%2E%2E/secret', 'secret'],
  ])('dot-dot spelled %s stays inside the root', (url, rel) => {
    expect(resolveBundlePath(ROOT, url)).toEqual({ ok: true, filePath: path.join(ROOT, rel) });
  });

  it.each<[string, number]>([
    ['app://bundle/..%2f..%2fetc%2fpasswd', 403],
    ['app://bundle/assets/..%2F..%2F..%2Fetc/passwd', 403],
    ['app://bundle/%2e%2e%2f%2e%2e%2fetc/passwd', 403],
    ['app://bundle/..%5c..%5cwindows%5cwin.ini', 400],
    ['app://bundle/assets\\..\\..\\secret', 400],
    ['app://bundle/index.html%00.png', 400],
    ['app://bundle/%E0%A4%A', 400],
    ['app://bundle.evil/index.html', 404],
    ['app://other/index.html', 404],
    ['app://user@bundle/index.html', 404],
    ['file:///etc/passwd', 404],
    ['https://app.attacker.com/index.html', 404],
    ['javascript:alert(1)', 404],
    ['data:text/html,hi', 404],
    ['::::', 400],
  ])('%s is refused with %i', (url, status) => {
    const result = resolveBundlePath(ROOT, url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(status);
  });

  it('treats an absolute-looking path as relative to the root', () => {
    const result = resolveBundlePath(ROOT, 'app://bundle//etc/passwd');
    expect(result).toEqual({ ok: true, filePath: path.join(ROOT, 'etc/passwd') });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['KaTeX_Main-Regular.woff2', 'font/woff2'],
    ['logo.svg', 'image/svg+xml'],
    ['x.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createBundleHandler (real files)', () => {
  const tmp = tempDir('rl-curator-bundle-');
  const root = path.join(tmp.dir, 'renderer');
  const secret = path.join(tmp.dir, 'secret.txt');
  const csp = "default-src 'none'";
  const handle = createBundleHandler({ root, csp });

  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>RL Curator</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(secret, 'top secret');
    fs.symlinkSync(secret, path.join(root, 'assets', 'leak.txt'));
    fs.symlinkSync(tmp.dir, path.join(root, 'up'));
  });
  afterAll(() => tmp.cleanup());

  it('serves index.html with the CSP header, content type and nosniff', async () => {
    const res = await handle({ url: 'app://bundle/', method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>RL Curator</title>');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets, and HEAD without a body', async () => {
    const res = await handle({ url: 'app://bundle/assets/app.js' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    const head = await handle({ url: 'app://bundle/assets/app.js', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log(1)'.length));
    expect(await head.text()).toBe('');
  });

  it.each<[string, number]>([
    ['app://bundle/assets/leak.txt', 403],
    ['app://bundle/up/secret.txt', 403],
    ['app://bundle/missing.js', 404],
    ['app://bundle/assets/', 404],
    ['app://bundle/..%2fsecret.txt', 403],
    ['app://bundle/index.html%00', 400],
    ['app://bundle.evil/index.html', 404],
  ])('%s -> %i, with the CSP header and no secret in the body', async (url, status) => {
    const res = await handle({ url, method: 'GET' });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(await res.text()).not.toContain('top secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await handle({ url: 'app://bundle/index.html', method: 'POST' });
    expect(res.status).toBe(405);
  });
});
