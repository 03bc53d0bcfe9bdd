// Serves the built renderer (out/web) through the one static-file server (../node-shared/static-files.ts): never
// outside its folder, symlinks included. Hashed assets are cached for good; everything else is revalidated.
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { findStaticFile } from '../node-shared/static-files';

/** Streams the file for `urlPath` and returns true, or returns false (not found, or refused) without answering. */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  const found = await findStaticFile(root, urlPath);
  if (!found.ok) return false;
  const immutable = urlPath.startsWith('/assets/');
  res.writeHead(200, {
    ...headers,
    'Content-Type': found.contentType,
    'Content-Length': String(found.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(found.filePath).pipe(res);
  return true;
}
