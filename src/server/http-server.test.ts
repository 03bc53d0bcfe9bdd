// The loopback server's guards: token, Host (DNS rebinding), Origin (CSRF), static path escapes.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-workspace';
import { createCore } from '../core/index';
import type { Core } from '../core/index';
import { startServer } from './http-server';
import type { RunningServer } from './http-server';
import { resolveStaticPath } from '../node-shared/static-files';

/** Raw requests, so Host and Origin can be set to anything (fetch forbids that). */
function request(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('serve', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let server: RunningServer;
  let host: string;
  beforeAll(async () => {
    tmp = tempDir();
    const web = path.join(tmp.dir, 'web');
    fs.mkdirSync(web);
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'secret');
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    server = await startServer({ core, staticDir: web, uploadDir: path.join(tmp.dir, 'uploads') });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    tmp.cleanup();
  });

  const call = (headers: Record<string, string>) =>
    request(server.port, {
      path: '/api/call',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    });

  it('binds loopback and prints a URL carrying the token', () => {
    expect(server.loginUrl).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses requests without the token', async () => {
    expect((await call({ Host: host })).status).toBe(401);
    expect((await call({ Host: host, Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await request(server.port, { path: '/', headers: { Host: host } })).status).toBe(401);
    expect((await request(server.port, { path: '/?token=nope', headers: { Host: host } })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly SameSite cookie', async () => {
    const login = await request(server.port, { path: `/?token=${server.token}`, headers: { Host: host } });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(server.port, {
      path: '/',
      headers: { Host: host, Cookie: cookie.split(';')[0] as string },
    });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const info = await call({ Host: host, Cookie: cookie.split(';')[0] as string, Origin: `http://${host}` });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { name: 'RL Curator' } });
  });

  it('refuses foreign Host headers (DNS rebinding) even with the token', async () => {
    const res = await call({ Host: `evil.example:${server.port}`, Authorization: `Bearer ${server.token}` });
    expect(res.status).toBe(403);
    expect((await call({ Host: `localhost:${server.port}`, Authorization: `Bearer ${server.token}` })).status).toBe(
      200,
    );
  });

  it('refuses cross-origin requests (CSRF) even with the token', async () => {
    expect(
      (await call({ Host: host, Origin: 'http://evil.example', Authorization: `Bearer ${server.token}` })).status,
    ).toBe(403);
    expect((await call({ Host: host, Origin: 'null', Authorization: `Bearer ${server.token}` })).status).toBe(403);
  });

  it('keeps static files inside the web folder', async () => {
    const auth = { Host: host, Authorization: `Bearer ${server.token}` };
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%5c..%5csecret.txt']) {
      const res = await request(server.port, { path: p, headers: auth });
      expect(res.body).not.toContain('secret');
    }
    expect(resolveStaticPath('/srv/web', '/../etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(resolveStaticPath('/srv/web', '/%2e%2e/etc/passwd')).toMatchObject({ ok: false, status: 403 });
    expect(resolveStaticPath('/srv/web', '/a%00b')).toMatchObject({ ok: false, status: 400 });
    expect(resolveStaticPath('/srv/web', '/assets/app.js')).toEqual({ ok: true, filePath: '/srv/web/assets/app.js' });
  });

  it('accepts uploads into the workspace upload folder only', async () => {
    const content = '{"question":"1+1?","answer":"2"}\n';
    const res = await request(server.port, {
      path: `/api/upload?name=${encodeURIComponent('../../evil name.jsonl')}`,
      method: 'POST',
      headers: { Host: host, Authorization: `Bearer ${server.token}` },
      body: content,
    });
    const body = JSON.parse(res.body) as { ok: boolean; value: { path: string; bytes: number } };
    expect(body.ok).toBe(true);
    expect(path.dirname(body.value.path)).toBe(path.join(tmp.dir, 'uploads'));
    expect(body.value.bytes).toBe(Buffer.byteLength(content));
    expect(fs.readFileSync(body.value.path, 'utf8')).toBe(content);
  });
});
