// Large export files are written and hashed on a second thread (write-behind.ts): the bytes, size and
// sha256 must be exactly those of inline writing, the caller may reuse its buffer at once, more than the
// in-flight limit can be written, and an abort leaves no file.
import { createHash, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { AtomicFile } from './atomic-file';

describe('write-behind export files', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('writes the same bytes and sha256 as inline writing, beyond the in-flight limit', () => {
    const behind = new AtomicFile(tmp.dir, 'behind.bin', 1, { writeBehind: true });
    const inline = new AtomicFile(tmp.dir, 'inline.bin', 1);
    const expected = createHash('sha256');
    // One buffer refilled for every chunk (as the text sink does): 48 chunks of up to 1 MiB, 36+ MiB in all.
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let i = 0; i < 48; i++) {
      const chunk = buffer.subarray(0, (1 << 20) - i * 1000);
      randomFillSync(chunk);
      behind.write(chunk);
      inline.write(chunk);
      expected.update(chunk);
    }
    const a = behind.close();
    const b = inline.close();
    behind.commit();
    inline.commit();
    expect(a.sha256).toBe(expected.digest('hex'));
    expect(a).toEqual({ ...b, name: 'behind.bin' });
    const bytes = fs.readFileSync(path.join(tmp.dir, 'behind.bin'));
    expect(bytes.length).toBe(a.bytes);
    expect(bytes.equals(fs.readFileSync(path.join(tmp.dir, 'inline.bin')))).toBe(true);
  });

  it('an abort removes the file, also with writes in flight', () => {
    const file = new AtomicFile(tmp.dir, 'gone.bin', 2, { writeBehind: true });
    const chunk = randomFillSync(Buffer.allocUnsafe(1 << 20));
    for (let i = 0; i < 20; i++) file.write(chunk);
    file.abort();
    expect(fs.readdirSync(tmp.dir)).toEqual([]);
    expect(() => file.write(chunk)).toThrow(/already closed/);
  });

  it('an empty file still gets the checksum of no bytes', () => {
    const file = new AtomicFile(tmp.dir, 'empty.bin', 3, { writeBehind: true });
    expect(file.close()).toEqual({ name: 'empty.bin', bytes: 0, sha256: createHash('sha256').digest('hex') });
    file.abort();
    expect(fs.readdirSync(tmp.dir)).toEqual([]);
  });
});
