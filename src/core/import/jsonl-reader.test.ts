// JSON Lines reader: line numbers, reads of any size, bad lines, NaN/Infinity and the record size limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { writeFile } from './import-test-helpers';
import { readJsonl } from './jsonl-reader';
import type { ReaderOptions, SourceItem } from './types';

async function readAll(file: string, options?: ReaderOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const batch of readJsonl(file, options)) items.push(...batch.items);
  return items;
}

describe('readJsonl', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('reads records with their line numbers, counting blank lines, with or without a final newline', async () => {
    const file = writeFile(tmp.dir, 'a.jsonl', '{"q":"a"}\n\n   \n{"q":"b"}\n{"q":"c"}');
    const items = await readAll(file);
    expect(items.map((i) => [i.line, i.value])).toEqual([
      [1, { q: 'a' }],
      [4, { q: 'b' }],
      [5, { q: 'c' }],
    ]);
  });

  it(
    'gives the same records whatever the read size (lines spanning reads, multi-byte ' + 'characters cut in two)',
    async () => {
      const rows = Array.from({ length: 40 }, (_, i) => ({ q: `√${i} ∑ «${'é'.repeat(i)}» 数学`, n: i }));
      const file = writeFile(tmp.dir, 'b.jsonl', `\uFEFF${rows.map((r) => JSON.stringify(r)).join('\r\n')}\r\n`);
      for (const chunkBytes of [1, 2, 3, 7, 64, 1 << 20]) {
        const items = await readAll(file, { chunkBytes });
        expect(items.map((i) => i.value)).toEqual(rows);
        expect(items.map((i) => i.line)).toEqual(rows.map((_, i) => i + 1));
      }
    },
  );

  it('reports invalid JSON, non-objects and invalid UTF-8 per line and keeps reading', async () => {
    const parts = [
      Buffer.from('{"q":"ok1"}\n{"q": oops}\n[1,2]\n{"q":"bad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}\n{"q":"ok2"}\n'),
    ];
    const file = writeFile(tmp.dir, 'c.jsonl', Buffer.concat(parts));
    for (const chunkBytes of [5, 1 << 20]) {
      const items = await readAll(file, { chunkBytes });
      expect(items.map((i) => [i.line, i.error?.code ?? null])).toEqual([
        [1, null],
        [2, 'PARSE_ERROR'],
        [3, 'PARSE_ERROR'],
        [4, 'ENCODING_ERROR'],
        [5, null],
      ]);
      expect(items[1]?.error?.message).toMatch(/invalid JSON/);
      expect(items[1]?.error?.excerpt).toBe('{"q": oops}');
      expect(items[2]?.error?.message).toMatch(/expected a JSON object per line, got an array/);
      expect(items[4]?.value).toEqual({ q: 'ok2' });
    }
  });

  it("reads Python's NaN and Infinity as null and flags the record", async () => {
    const file = writeFile(
      tmp.dir,
      'd.jsonl',
      '{"q":"x","p":NaN,"w":[Infinity,-Infinity,1],"s":"NaN stays text"}\n{"q":"y","p":0.5}\n',
    );
    const items = await readAll(file);
    expect(items[0]?.value).toEqual({ q: 'x', p: null, w: [null, null, 1], s: 'NaN stays text' });
    expect(items.map((i) => i.nonFinite)).toEqual([true, false]);
  });

  it('reports a line over the size limit without holding it, then goes on', async () => {
    const file = writeFile(tmp.dir, 'e.jsonl', `{"q":"short"}\n{"q":"${'x'.repeat(5000)}"}\n{"q":"after"}\n`);
    for (const chunkBytes of [256, 1 << 20]) {
      const items = await readAll(file, { chunkBytes, maxRecordBytes: 1000 });
      expect(items.map((i) => [i.line, i.error?.code ?? null])).toEqual([
        [1, null],
        [2, 'PARSE_ERROR'],
        [3, null],
      ]);
      expect(items[1]?.error?.message).toMatch(/records over .* are not supported/);
    }
  });

  it('keeps the raw line text for exact number literals', async () => {
    const file = writeFile(tmp.dir, 'f.jsonl', '{"q":"x","answer":27.0}\n');
    const [item] = await readAll(file);
    expect(item?.value).toEqual({ q: 'x', answer: 27 });
    expect(item?.raw).toBe('{"q":"x","answer":27.0}');
  });
});
