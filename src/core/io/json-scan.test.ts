// The one streaming JSON scanner: pretty-printed values one after another (older xtuner dumps), JSON Lines,
// array elements, stray text, a value cut off by the end of the file, raw newlines in strings, chunk boundaries
// anywhere (inside UTF-8 characters and escapes), and the layout test that sends .jsonl files to it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { readJsonRecords } from './json-records';
import type { JsonLayout } from './json-scan';
import { JsonScanner, detectJsonLinesLayout } from './json-scan';
import type { TextRecord } from './records';

const PRETTY = [
  JSON.stringify({ reward_mean: 0.5, total_len: 2 }, null, 2),
  JSON.stringify({ prompt: 'a { tricky } "quoted" [x]', response: 'é ü 数学 \\boxed{1}', reward: 1 }, null, 2),
  JSON.stringify([1, { nested: [2, 3] }], null, 2),
].join('\n');

function scan(text: string, size: number, layout: JsonLayout = 'values'): TextRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new JsonScanner(layout, 'f.json');
  const out: TextRecord[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...scanner.push(bytes.subarray(i, i + size), i));
  out.push(...scanner.end());
  return out;
}

describe('JsonScanner', () => {
  it('cuts pretty-printed values apart and reports the line each starts on', () => {
    const records = scan(PRETTY, 1 << 20);
    expect(records.map((r) => JSON.parse(r.text as string))).toEqual([
      { reward_mean: 0.5, total_len: 2 },
      { prompt: 'a { tricky } "quoted" [x]', response: 'é ü 数学 \\boxed{1}', reward: 1 },
      [1, { nested: [2, 3] }],
    ]);
    const lines = PRETTY.split('\n');
    expect(records.map((r) => r.line)).toEqual([1, lines.indexOf('{', 1) + 1, lines.indexOf('[') + 1]);
    expect(records.at(-1)?.endOffset).toBe(Buffer.byteLength(PRETTY));
  });

  it('gives the same result whatever the chunk boundaries (1-byte chunks split UTF-8 and escapes)', () => {
    const whole = scan(PRETTY, 1 << 20);
    expect(scan(PRETTY, 1)).toEqual(whole);
    expect(scan(PRETTY, 7)).toEqual(whole);
    const escapes = '{"a": "x\\\\"}\n{"b": "\\"}\\\\\\""}\n';
    expect(scan(escapes, 1)).toEqual(scan(escapes, 1 << 20));
    expect(scan(escapes, 1).map((r) => JSON.parse(r.text as string))).toEqual([{ a: 'x\\' }, { b: '"}\\"' }]);
  });

  it('reads JSON Lines as well (one value per line)', () => {
    const records = scan('{"a":1}\n{"a":2}\n\n{"a":3}', 3);
    expect(records.map((r) => [r.line, JSON.parse(r.text as string).a])).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
  });

  it('reports stray text between values and a value cut off by the end of the file', () => {
    const records = scan('{"a":1}\ngarbage here\n{"b":\n  2}\n{"c": [1,', 5);
    expect(records[0]?.text).toBe('{"a":1}');
    expect(records[1]).toMatchObject({ line: 2, text: null, error: { code: 'PARSE_ERROR' } });
    expect(records[1]?.error?.message).toContain('"garbage here"');
    expect(records[2]).toMatchObject({ line: 3, text: '{"b":\n  2}' });
    expect(records[3]).toMatchObject({ line: 5, text: null });
    expect(records[3]?.error?.message).toContain('not closed');
  });

  it('keeps counting lines across raw newlines inside strings (invalid JSON, still located)', () => {
    const records = scan('{"a": "x\ny\\\\"}\n{"b": 1}', 4); // ends in an escaped backslash
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('reports a value that is not valid UTF-8 and reads on', () => {
    const bytes = Buffer.concat([
      Buffer.from('[{"q":"a"},\n{"q":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"},\n{"q":"c"}]'),
    ]);
    const scanner = new JsonScanner('array', 'd.json');
    const records = [...scanner.push(bytes, 0), ...scanner.end()];
    expect(records.map((r) => [r.line, r.error?.code ?? null])).toEqual([
      [1, null],
      [2, 'ENCODING_ERROR'],
      [3, null],
    ]);
  });

  it('reads array elements, tolerating a trailing comma, and fails with the line on broken structure', () => {
    expect(scan('[\r\n{"a":1},\r\n"text",\r\n]\r\n', 2, 'array').map((r) => [r.line, r.text])).toEqual([
      [2, '{"a":1}'],
      [3, '"text"'],
    ]);
    const cases: [string, RegExp][] = [
      ['{"q": "not an array"}', /line 1: a \.json file must hold an array of records/],
      ['[{"q": "a"}]\n{"q": "b"}', /line 2: unexpected '\{' after the closing '\]'/],
      ['[\n{"q": "a"},\n{"q": "never closed', /line 3: the file ends inside this element/],
      ['[{"q": "a"},\n', /line 2: the file ends before the array's closing/],
      ['[{"q": "a"},,{"q": "b"}]', /line 1: empty element/],
      ['[{"q": "a"}}]', /line 1: unbalanced '\}'/],
    ];
    for (const [text, message] of cases) expect(() => scan(text, 3, 'array')).toThrow(message);
  });

  it('reports a value over the size limit without holding it', () => {
    const scanner = new JsonScanner('values', 'big.jsonl', 100);
    const records = [...scanner.push(Buffer.from(`{"a": "${'x'.repeat(500)}"}\n{"b": 1}`), 0), ...scanner.end()];
    expect(records.map((r) => [r.line, r.error?.code ?? null])).toEqual([
      [1, 'PARSE_ERROR'],
      [2, null],
    ]);
  });
});

describe('JSON Lines layout', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('tells pretty-printed values from one object per line, and keeps a broken first line as lines', () => {
    const layout = (text: string) => detectJsonLinesLayout(Buffer.from(text));
    expect(layout('{"a": 1}\n{"a": 2}\n')).toBe('lines');
    expect(layout('\ufeff  {\n  "a": 1\n}\n{\n  "a": 2\n}\n')).toBe('values');
    expect(layout('{"a": [1,\n 2]}')).toBe('values');
    expect(layout('{"a": "broken\n{"a": 2}\n')).toBe('lines');
    expect(layout('not json\n')).toBe('lines');
    expect(layout(`{"a": "${'x'.repeat(100)}`)).toBe('lines');
  });

  it('reads a .jsonl file of pretty-printed objects as records', async () => {
    const file = path.join(tmp.dir, 'pretty.jsonl');
    fs.writeFileSync(file, `${PRETTY}\n`);
    const records: TextRecord[] = [];
    for await (const batch of readJsonRecords(file, { chunkBytes: 16 })) records.push(...batch.records);
    expect(records.map((r) => r.line)).toEqual([1, 5, 10]);
    expect(records.every((r) => r.error === null)).toBe(true);
  });
});
