import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../../test/temp-workspace';
import { writeText } from '../testing';
import { readJsonLines } from './json-lines';

describe('readJsonLines', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('numbers lines from 1, skips blank lines, strips CR and a BOM, and gives exact end offsets', async () => {
    const text = '\ufeff{"a":1}\r\n\n  \n{"a":"数"}\n{"a":3}';
    const file = writeText(tmp.dir, 'a.jsonl', text);
    const entries = [];
    for await (const e of readJsonLines(file)) entries.push(e);
    expect(entries.map((e) => [e.line, e.text])).toEqual([
      [1, '{"a":1}'],
      [4, '{"a":"数"}'],
      [5, '{"a":3}'],
    ]);
    const bytes = Buffer.from(text, 'utf8');
    expect(entries[0]?.endOffset).toBe(bytes.indexOf('\n') + 1);
    expect(entries[2]?.endOffset).toBe(bytes.length);
  });

  it('stops when the signal is aborted', async () => {
    const file = writeText(tmp.dir, 'b.jsonl', '{"a":1}\n');
    const controller = new AbortController();
    controller.abort();
    await expect(async () => {
      for await (const _ of readJsonLines(file, controller.signal)) void _;
    }).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
