// A file's content fingerprint, to recognise an import of a file that was imported before. Files up to
// FULL_HASH_BYTES (every prompt set we know of) are hashed whole; a larger file (a GB rollout log) is hashed
// from its size and SAMPLES evenly spaced 64 KiB blocks, first and last included, so recognising it costs
// ~1 MiB of reading rather than a second pass over the file. The prefix says which it is.
import { createHash } from 'node:crypto';
import { openFile } from './files';

export const FULL_HASH_BYTES = 64 * 1024 * 1024;
const SAMPLES = 16;
const SAMPLE_BYTES = 64 * 1024;

export interface Fingerprint {
  size: number;
  hash: string;
}

export async function fingerprintFile(file: string): Promise<Fingerprint> {
  const handle = await openFile(file);
  try {
    const size = (await handle.stat()).size;
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(size <= FULL_HASH_BYTES ? 1024 * 1024 : SAMPLE_BYTES);
    if (size <= FULL_HASH_BYTES) {
      for (let at = 0; at < size;) {
        const { bytesRead } = await handle.read(buf, 0, buf.length, at);
        if (bytesRead === 0) break;
        hash.update(buf.subarray(0, bytesRead));
        at += bytesRead;
      }
      return { size, hash: `sha256:${hash.digest('hex')}` };
    }
    hash.update(String(size));
    for (let k = 0; k < SAMPLES; k++) {
      const at = Math.floor(((size - SAMPLE_BYTES) * k) / (SAMPLES - 1));
      const { bytesRead } = await handle.read(buf, 0, SAMPLE_BYTES, at);
      hash.update(buf.subarray(0, bytesRead));
    }
    return { size, hash: `sampled-sha256:${hash.digest('hex')}` };
  } finally {
    await handle.close();
  }
}
