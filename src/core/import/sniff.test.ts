// Format sniffing from extension and content, and the refusals (empty, unknown, gzip, binary, UTF-16, missing).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { writeFile } from './import-test-helpers';
import { sniffFile } from './sniff';

describe('sniffFile', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('takes the format from the extension when the content agrees', async () => {
    expect((await sniffFile(writeFile(tmp.dir, 'a.jsonl', '{"q":1}\n'))).format).toBe('jsonl');
    expect((await sniffFile(writeFile(tmp.dir, 'a.ndjson', '{"q":1}\n'))).format).toBe('jsonl');
    expect((await sniffFile(writeFile(tmp.dir, 'a.json', '\uFEFF  [{"q":1}]'))).format).toBe('json');
    expect((await sniffFile(writeFile(tmp.dir, 'a.csv', 'q,a\n1,2\n'))).format).toBe('csv');
    expect((await sniffFile(writeFile(tmp.dir, 'a.tsv', 'q\ta\n'))).format).toBe('csv');
    expect((await sniffFile(writeFile(tmp.dir, 'a.parquet', 'PAR1....PAR1'))).format).toBe('parquet');
  });

  it('follows the content when the extension is misleading or missing, and says so', async () => {
    const jsonLines = await sniffFile(writeFile(tmp.dir, 'lines.json', '{"q":1}\n{"q":2}\n'));
    expect(jsonLines.format).toBe('jsonl');
    expect(jsonLines.warnings[0]).toMatch(/holds JSON Lines despite its extension/);
    expect((await sniffFile(writeFile(tmp.dir, 'array.jsonl', '[{"q":1}]'))).format).toBe('json');
    expect((await sniffFile(writeFile(tmp.dir, 'data.txt', '{"q":1}\n'))).format).toBe('jsonl');
    expect((await sniffFile(writeFile(tmp.dir, 'data', 'question,answer\n'))).format).toBe('csv');
    expect((await sniffFile(writeFile(tmp.dir, 'pq.bin', 'PAR1xxxxPAR1'))).format).toBe('parquet');
  });

  it('uses the format the user chose, but not against the Parquet magic', async () => {
    expect((await sniffFile(writeFile(tmp.dir, 'x.txt', '{"q":1}\n'), 'json')).format).toBe('json');
    await expect(sniffFile(writeFile(tmp.dir, 'y.jsonl', '{"q":1}\n'), 'parquet')).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
    });
    await expect(sniffFile(writeFile(tmp.dir, 'z.parquet', 'PAR1xxxx'), 'csv')).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
      message: /is a Parquet file, not CSV/,
    });
  });

  it('refuses empty, unknown, compressed, binary, UTF-16 and missing files with clear codes', async () => {
    await expect(sniffFile(writeFile(tmp.dir, 'empty.jsonl', ''))).rejects.toMatchObject({
      code: 'EMPTY_FILE',
      message: 'empty.jsonl is empty (0 bytes).',
    });
    await expect(sniffFile(writeFile(tmp.dir, 'blank.jsonl', '\uFEFF\n \r\n\n'))).rejects.toMatchObject({
      code: 'EMPTY_FILE',
      message: /only blank lines/,
    });
    await expect(
      sniffFile(writeFile(tmp.dir, 'notes.txt', 'just some prose\nwithout structure\n')),
    ).rejects.toMatchObject({ code: 'FORMAT_UNKNOWN', message: /cannot tell the format/ });
    await expect(sniffFile(writeFile(tmp.dir, 'x.json', 'hello'))).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
      message: /does not look like JSON/,
    });
    await expect(sniffFile(writeFile(tmp.dir, 'fake.parquet', '{"q":1}'))).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
      message: /not a Parquet file/,
    });
    await expect(sniffFile(writeFile(tmp.dir, 'a.jsonl.gz', zlib.gzipSync('{"q":1}\n')))).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
      message: /gzip-compressed/,
    });
    await expect(
      sniffFile(writeFile(tmp.dir, 'bin.jsonl', Buffer.from([0x7b, 0x00, 0x01, 0x02]))),
    ).rejects.toMatchObject({ code: 'FORMAT_UNKNOWN', message: /binary/ });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"q":1}\n', 'utf16le')]);
    await expect(sniffFile(writeFile(tmp.dir, 'wide.jsonl', utf16))).rejects.toMatchObject({
      code: 'ENCODING_ERROR',
      message: /line 1: the file is UTF-16 encoded/,
    });
    await expect(sniffFile(path.join(tmp.dir, 'nope.jsonl'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: /File not found: .*nope\.jsonl/,
    });
    fs.mkdirSync(path.join(tmp.dir, 'folder.jsonl'));
    await expect(sniffFile(path.join(tmp.dir, 'folder.jsonl'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: /is a folder/,
    });
  });
});
