// Serves the built renderer (out/renderer) on app://bundle/… with the CSP as a response header.
// Pure Node (Response is a global since Node 18), so every traversal case is unit-tested without Electron.
// Checks follow the protocol.handle docs: resolve, then require the path to stay inside the root, and
// re-check after resolving symlinks.
import fs from 'node:fs';
import path from 'node:path';
import { APP_HOST } from './origins';

export type BundleResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/** Map an app://bundle/… URL to a file under `root`, or say why not. Does not touch the disk. */
export function resolveBundlePath(root: string, requestUrl: string): BundleResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable URL' };
  }
  if (url.protocol !== 'app:' || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { ok: false, status: 404, reason: `not an ${APP_HOST} URL` };
  }
  // Backslashes are separators on Windows; an encoded one (%5c) would become one after decoding.
  if (url.pathname.includes('\\') || /%5c/i.test(url.pathname))
    return { ok: false, status: 400, reason: 'backslash in path' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'backslash in path' };
  if (decoded.split('/').some((segment) => segment === '..'))
    return { ok: false, status: 403, reason: 'parent segment in path' };
  const relative = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const absoluteRoot = path.resolve(root);
  const filePath = path.resolve(absoluteRoot, `.${relative.startsWith('/') ? '' : '/'}${relative}`);
  if (!isInside(absoluteRoot, filePath)) return { ok: false, status: 403, reason: 'path escapes the bundle root' };
  return { ok: true, filePath };
}

/** `child` is strictly below `parent` (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface BundleRequest {
  readonly url: string;
  readonly method?: string;
}

/** A protocol.handle handler for app://bundle. Every response, errors included, carries the CSP. */
export function createBundleHandler(options: {
  root: string;
  csp: string;
}): (request: BundleRequest) => Promise<Response> {
  const baseHeaders = {
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const reply = (status: number, body: string) =>
    new Response(body, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return reply(405, 'Method not allowed');
    const resolved = resolveBundlePath(options.root, request.url);
    if (!resolved.ok) return reply(resolved.status, resolved.reason);
    realRoot ??= fs.promises.realpath(options.root);
    let realFile: string;
    try {
      realFile = await fs.promises.realpath(resolved.filePath);
    } catch {
      return reply(404, 'Not found');
    }
    // A symlink inside the bundle must not lead outside it.
    if (!isInside(await realRoot, realFile)) return reply(403, 'path escapes the bundle root');
    const stat = await fs.promises.stat(realFile);
    if (!stat.isFile()) return reply(404, 'Not found');
    const headers = { ...baseHeaders, 'Content-Type': contentTypeFor(realFile), 'Content-Length': String(stat.size) };
    if (method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(await fs.promises.readFile(realFile), { status: 200, headers });
  };
}
