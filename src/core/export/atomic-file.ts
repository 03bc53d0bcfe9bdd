// An output file written under a temporary name in the target folder, hashed as it is written, and
// renamed into place only when the whole export succeeded. Temporary names carry the job id so a rollback
// (also after a crash) can find and remove them.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WriteBehind } from './write-behind';

const TEMP_PREFIX = '.rlc-export-';

export function tempName(jobId: number, finalName: string): string {
  return `${TEMP_PREFIX}${jobId}-${finalName}.tmp`;
}

/** Removes every temporary file of this job from the folder (idempotent). */
export function removeTempFiles(dir: string, jobId: number): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `${TEMP_PREFIX}${jobId}-`;
  for (const name of names)
    if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
}

export interface WrittenFile {
  name: string;
  bytes: number;
  sha256: string;
}

export class AtomicFile {
  readonly tempPath: string;
  readonly finalPath: string;
  private fd: number | null;
  /** Inline: written and hashed here. Large exports hand both to a second thread (write-behind.ts). */
  private readonly hash: Hash | null;
  private readonly behind: WriteBehind | null;
  private sha256 = '';
  private bytes = 0;

  constructor(
    dir: string,
    readonly name: string,
    jobId: number,
    options: { writeBehind?: boolean } = {},
  ) {
    this.finalPath = path.join(dir, name);
    this.tempPath = path.join(dir, tempName(jobId, name));
    this.fd = fs.openSync(this.tempPath, 'w');
    this.behind = options.writeBehind ? new WriteBehind(this.fd) : null;
    this.hash = this.behind ? null : createHash('sha256');
  }

  get size(): number {
    return this.bytes;
  }

  write(chunk: Uint8Array): void {
    if (this.fd === null) throw new Error(`export: ${this.name} is already closed`);
    if (this.behind) this.behind.write(chunk);
    else {
      let offset = 0;
      while (offset < chunk.byteLength) offset += fs.writeSync(this.fd, chunk, offset, chunk.byteLength - offset);
      this.hash?.update(chunk);
    }
    this.bytes += chunk.byteLength;
  }

  /** Flushes to disk and closes; the file keeps its temporary name until commit(). */
  close(): WrittenFile {
    if (this.fd !== null) {
      const fd = this.fd;
      this.fd = null;
      try {
        if (this.behind) this.sha256 = this.behind.close();
        else {
          fs.fsyncSync(fd);
          this.sha256 = this.hash?.digest('hex') ?? '';
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    return { name: this.name, bytes: this.bytes, sha256: this.sha256 };
  }

  commit(): void {
    fs.renameSync(this.tempPath, this.finalPath);
  }

  abort(): void {
    if (this.fd !== null) {
      // The writer thread must be done with the descriptor before it is closed (and its number reused).
      this.behind?.abort();
      fs.closeSync(this.fd);
      this.fd = null;
    }
    fs.rmSync(this.tempPath, { force: true });
  }
}

/** Where written bytes go: an export file, or a second read thread's block of bytes (read-helper-entry.ts). */
export interface ByteSink {
  write(chunk: Uint8Array): void;
}

/**
 * Encodes text straight into a reused 1 MiB buffer and writes it when full. Each row's string dies at
 * once (no pending string kept alive into the old generation), and there is one UTF-8 encode per byte.
 */
export class TextSink {
  private readonly buffer: Buffer;
  private used = 0;

  constructor(
    private readonly file: ByteSink,
    size = 1 << 20,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  write(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        this.file.write(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    this.file.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}
