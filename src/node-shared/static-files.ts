// The one static-file server logic, for `serve` (out/web over HTTP) and the Electron app:// protocol
// (out/renderer): a URL path maps to a regular file under the root or is refused, and the check is made again
// after resolving symlinks, so a link inside the folder cannot lead outside it. Node only, no Electron: both
// hosts import it, and every traversal case is unit-tested without either.
import fs from 'node:fs';
import path from 'node:path';

export type StaticPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404; reason: string };
export type StaticFile =
  { ok: true; filePath: string; size: number; contentType: string } | (StaticPath & { ok: false });

/** `child` is strictly below `parent` (both absolute). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Maps a URL's (still percent-encoded) path to a file path under `root`, or says why not. Does not touch the disk. */
export function resolveStaticPath(root: string, urlPath: string): StaticPath {
  // Backslashes are separators on Windows; an encoded one (%5c) would become one after decoding.
  if (urlPath.includes('\\') || /%5c/i.test(urlPath)) return { ok: false, status: 400, reason: 'backslash in path' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
  if (decoded.split('/').some((segment) => segment === '..'))
    return { ok: false, status: 403, reason: 'parent segment in path' };
  const relative = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const absoluteRoot = path.resolve(root);
  const filePath = path.resolve(absoluteRoot, `.${relative.startsWith('/') ? '' : '/'}${relative}`);
  if (!isInside(absoluteRoot, filePath)) return { ok: false, status: 403, reason: 'path escapes the root' };
  return { ok: true, filePath };
}

/** resolveStaticPath, then on disk: the real path (symlinks resolved) must still be a regular file under the root. */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const resolved = resolveStaticPath(root, urlPath);
  if (!resolved.ok) return resolved;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.promises.realpath(root);
    realFile = await fs.promises.realpath(resolved.filePath);
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  // A symlink inside the folder must not lead outside it.
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403, reason: 'path escapes the root' };
  const stat = await fs.promises.stat(realFile);
  if (!stat.isFile()) return { ok: false, status: 404, reason: 'not found' };
  return { ok: true, filePath: realFile, size: stat.size, contentType: contentTypeFor(realFile) };
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
