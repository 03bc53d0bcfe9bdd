import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../../test/temp-workspace';
import { writeText } from '../testing';
import { ConcatenatedJsonSplitter, readJsonValues } from './json-values';
import type { RawEntry } from './raw-entry';

const PRETTY = [
  JSON.stringify({ reward_mean: 0.5, total_len: 2 }, null, 2),
  JSON.stringify({ prompt: 'a { tricky } "quoted" [x]', response: 'é ü 数学 \\boxed{1}', reward: 1 }, null, 2),
  JSON.stringify([1, { nested: [2, 3] }], null, 2),
].join('\n');

function splitInChunks(text: string, size: number): RawEntry[] {
  const bytes = Buffer.from(text, 'utf8');
  const splitter = new ConcatenatedJsonSplitter();
  const out: RawEntry[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...splitter.push(bytes.subarray(i, i + size)));
  out.push(...splitter.end());
  return out;
}

describe('ConcatenatedJsonSplitter', () => {
  it('cuts pretty-printed values apart and reports the line each starts on', () => {
    const entries = splitInChunks(PRETTY, 1 << 20);
    expect(entries.map((e) => JSON.parse(e.text as string))).toEqual([
      { reward_mean: 0.5, total_len: 2 },
      { prompt: 'a { tricky } "quoted" [x]', response: 'é ü 数学 \\boxed{1}', reward: 1 },
      [1, { nested: [2, 3] }],
    ]);
    const lines = PRETTY.split('\n');
    expect(entries.map((e) => e.line)).toEqual([1, lines.indexOf('{', 1) + 1, lines.indexOf('[') + 1]);
    expect(entries.at(-1)?.endOffset).toBe(Buffer.byteLength(PRETTY));
  });

  it('gives the same result whatever the chunk boundaries (1-byte chunks split UTF-8 and escapes)', () => {
    const whole = splitInChunks(PRETTY, 1 << 20);
    expect(splitInChunks(PRETTY, 1)).toEqual(whole);
    expect(splitInChunks(PRETTY, 7)).toEqual(whole);
  });

  it('reads JSONL as well (one value per line)', () => {
    const entries = splitInChunks('{"a":1}\n{"a":2}\n\n{"a":3}', 3);
    expect(entries.map((e) => [e.line, JSON.parse(e.text as string).a])).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
  });

  it('reports stray text between values and a value cut off by the end of the file', () => {
    const entries = splitInChunks('{"a":1}\ngarbage here\n{"b":\n  2}\n{"c": [1,', 5);
    expect(entries[0]?.text).toBe('{"a":1}');
    expect(entries[1]).toMatchObject({ line: 2, text: null });
    expect(entries[1]?.error).toContain('"garbage here"');
    expect(entries[2]).toMatchObject({ line: 3, text: '{"b":\n  2}' });
    expect(entries[3]).toMatchObject({ line: 5, text: null });
    expect(entries[3]?.error).toContain('not closed');
  });

  it('keeps counting lines across raw newlines inside strings (invalid JSON, still located)', () => {
    const entries = splitInChunks('{"a": "x\ny\\\\"}\n{"b": 1}', 4); // ends in an escaped backslash
    expect(entries.map((e) => e.line)).toEqual([1, 3]);
  });

  it('skips a UTF-8 byte-order mark', () => {
    const entries = splitInChunks('\ufeff{"a":1}', 2);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.text as string)).toEqual({ a: 1 });
  });
});

describe('readJsonValues', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('streams a file of pretty-printed objects', async () => {
    const file = writeText(tmp.dir, 'pretty.jsonl', PRETTY + '\n');
    const lines: number[] = [];
    for await (const entry of readJsonValues(file)) lines.push(entry.line);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(1);
  });
});
