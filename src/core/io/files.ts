// Opening and reading input files: large fresh Buffers from any offset, the UTF-8 byte-order mark removed, and
// file-system errors turned into messages a user can act on. Every importer reads through here.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CuratorError } from '../../shared/errors';
import { READ_CHUNK_BYTES } from './limits';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

/** Maps ENOENT and friends to CuratorErrors that name the file. */
export function fileError(err: unknown, file: string): Error {
  if (err instanceof CuratorError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const name = path.basename(file);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new CuratorError('FILE_NOT_FOUND', `File not found: ${file}`, { file });
  if (code === 'EACCES' || code === 'EPERM')
    return new CuratorError('FILE_NOT_FOUND', `Cannot read ${name}: permission denied.`, { file });
  if (code === 'EISDIR') return new CuratorError('INVALID_INPUT', `${name} is a folder, not a file.`, { file });
  return err instanceof Error ? err : new Error(String(err));
}

export async function fileSize(file: string): Promise<number> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return stat.size;
  } catch (err) {
    throw fileError(err, file);
  }
}

export async function openFile(file: string): Promise<fs.FileHandle> {
  try {
    return await fs.open(file, 'r');
  } catch (err) {
    throw fileError(err, file);
  }
}

/**
 * Yields the file in fresh Buffers of up to `chunkBytes` (fresh, because readers keep slices of the previous
 * chunk while a record spans two reads), from `from` on. A BOM at the start of the file is dropped; `end` of each
 * chunk is the file offset just after it, so byte progress and resume points stay exact.
 */
export async function* readChunks(
  file: string,
  chunkBytes = READ_CHUNK_BYTES,
  from = 0,
): AsyncGenerator<{ bytes: Buffer; end: number }, void, undefined> {
  const handle = await openFile(file);
  try {
    let position = from;
    let first = from === 0;
    for (;;) {
      // The first read takes at least the 3 bytes of a BOM, so the mark is never split.
      const size = first ? Math.max(chunkBytes, 3) : chunkBytes;
      const buf = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(buf, 0, size, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      let bytes = buf.subarray(0, bytesRead);
      if (first && hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
      first = false;
      yield { bytes, end: position };
    }
  } finally {
    await handle.close();
  }
}

/** The first `n` bytes (or fewer) of a file, for sniffing. */
export async function readHead(file: string, n: number): Promise<Buffer> {
  const handle = await openFile(file);
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CuratorError('CANCELLED', 'The import was cancelled.');
}
