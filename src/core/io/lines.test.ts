// The one line splitter: line numbers, exact end offsets (resume points), BOM, CRLF, blank lines, a last line
// without '\n', any block size (lines and multi-byte characters cut across reads), invalid UTF-8 and overlong
// lines reported per line, resuming from an offset, and cancelling. (Cases of the former prompt JSONL splitter,
// the rollout adapters' json-lines reader and the native block reader, together.)
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { LinePosition, LineRef } from './lines';
import { forEachLine, readLineBlocks, readTextLines } from './lines';
import type { TextRecord } from './records';

async function textLines(file: string, from?: LinePosition, blockBytes = 1 << 20, maxLineBytes?: number) {
  const out: TextRecord[] = [];
  const options = { blockBytes, ...(maxLineBytes !== undefined ? { maxLineBytes } : {}) };
  for await (const batch of readTextLines(file, from, options)) out.push(...batch.records);
  return out;
}

/** The byte-level walk (decode off), as the native parse workers see lines. */
async function byteLines(file: string, blockBytes: number) {
  const out: { line: number; endOffset: number; text: string }[] = [];
  for await (const block of readLineBlocks(file, undefined, { blockBytes }))
    forEachLine(block, {
      line: (ref: LineRef) =>
        out.push({ line: ref.line, endOffset: ref.endOffset, text: ref.buf.toString('utf8', ref.from, ref.to) }),
      bad: () => undefined,
    });
  return out;
}

describe('line splitter', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('numbers lines from 1, skips blank lines, strips CR and a BOM, and gives exact end offsets', async () => {
    const text = '\ufeff{"a":1}\r\n\n  \n{"a":"数"}\n{"a":3}';
    const file = write('a.jsonl', text);
    const records = await textLines(file);
    expect(records.map((r) => [r.line, r.text])).toEqual([
      [1, '{"a":1}'],
      [4, '{"a":"数"}'],
      [5, '{"a":3}'],
    ]);
    const bytes = Buffer.from(text, 'utf8');
    expect(records.map((r) => r.endOffset)).toEqual([
      bytes.indexOf('\n') + 1,
      bytes.indexOf('\n', bytes.indexOf('数')) + 1,
      bytes.length,
    ]);
  });

  it('gives the same lines and offsets whatever the block size (lines and characters cut across reads)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ q: `√${i} ∑ «${'é'.repeat(i)}» 数学 𝑥²`, n: i }),
    );
    const file = write('b.jsonl', `\uFEFF${rows.join('\r\n')}\r\n`);
    const whole = await textLines(file);
    expect(whole.map((r) => r.text)).toEqual(rows);
    expect(whole.map((r) => r.line)).toEqual(rows.map((_, i) => i + 1));
    for (const blockBytes of [1, 2, 3, 7, 64]) {
      expect(await textLines(file, undefined, blockBytes)).toEqual(whole);
      // Decoded once per block or per line as bytes: the same lines.
      expect(await byteLines(file, blockBytes)).toEqual(
        whole.map(({ line, endOffset, text }) => ({ line, endOffset, text })),
      );
    }
  });

  it('reports invalid UTF-8 per line, with its line, and keeps reading', async () => {
    const file = write(
      'c.jsonl',
      Buffer.concat([
        Buffer.from('{"q":"ok1"}\n{"q":"bad '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}\n{"q":"ok2"}\n'),
      ]),
    );
    for (const blockBytes of [5, 1 << 20]) {
      const records = await textLines(file, undefined, blockBytes);
      expect(records.map((r) => [r.line, r.error?.code ?? null])).toEqual([
        [1, null],
        [2, 'ENCODING_ERROR'],
        [3, null],
      ]);
      expect(records[1]?.error?.message).toMatch(/not valid UTF-8/);
      expect(records[2]?.text).toBe('{"q":"ok2"}');
    }
  });

  it('reports a line over the limit without holding it, then goes on (in a block, and across reads)', async () => {
    const long = `{"q":"${'x'.repeat(5000)}"}`;
    const file = write('d.jsonl', `{"q":"short"}\n${long}\n{"q":"after"}\n${long}`);
    for (const blockBytes of [256, 1 << 20]) {
      const records = await textLines(file, undefined, blockBytes, 1000);
      expect(records.map((r) => [r.line, r.error?.code ?? null])).toEqual([
        [1, null],
        [2, 'PARSE_ERROR'],
        [3, null],
        [4, 'PARSE_ERROR'],
      ]);
      expect(records[1]?.error?.message).toMatch(/line is .* long; records over .* are not supported/);
      expect(records[2]?.text).toBe('{"q":"after"}');
      expect(records[3]?.endOffset).toBe(fs.statSync(file).size);
    }
  });

  it('resumes from a committed offset and line without re-reading earlier lines', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => JSON.stringify({ i, pad: 'é'.repeat(i) }));
    const file = write('e.jsonl', `${rows.join('\n')}\n`);
    const all = await textLines(file, undefined, 64);
    const cut = all[19] as TextRecord;
    const rest = await textLines(file, { offset: cut.endOffset, line: cut.line }, 64);
    expect(rest).toEqual(all.slice(20));
  });

  it('stops when the signal is aborted', async () => {
    const file = write('f.jsonl', '{"a":1}\n');
    const controller = new AbortController();
    controller.abort();
    await expect(async () => {
      for await (const _ of readTextLines(file, undefined, { signal: controller.signal })) void _;
    }).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('names a missing file', async () => {
    await expect(textLines(path.join(tmp.dir, 'missing.jsonl'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
