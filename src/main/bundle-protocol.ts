// Serves the built renderer (out/renderer) on app://bundle/… with the CSP as a response header.
// Pure Node (Response is a global since Node 18), so every traversal case is unit-tested without Electron.
// The file checks are the one static-file server's (../node-shared/static-files.ts, which `serve` uses too):
// resolve, require the path to stay inside the root, and re-check after resolving symlinks.
import fs from 'node:fs';
import { findStaticFile, resolveStaticPath } from '../node-shared/static-files';
import type { StaticPath } from '../node-shared/static-files';
import { APP_HOST } from './origins';

export type BundleResolution = StaticPath;

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
  return resolveStaticPath(root, url.pathname);
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

  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return reply(405, 'Method not allowed');
    const resolved = resolveBundlePath(options.root, request.url);
    if (!resolved.ok) return reply(resolved.status, resolved.reason);
    const found = await findStaticFile(options.root, new URL(request.url).pathname);
    if (!found.ok) return reply(found.status, found.status === 404 ? 'Not found' : found.reason);
    const headers = { ...baseHeaders, 'Content-Type': found.contentType, 'Content-Length': String(found.size) };
    if (method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(await fs.promises.readFile(found.filePath), { status: 200, headers });
  };
}
