// JSON array reader: streamed elements with their lines, whatever the read size; bad elements and broken structure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { writeFile } from './import-test-helpers';
import { readJsonArray } from './json-array-reader';
import type { ReaderOptions, SourceItem } from './types';

async function readAll(file: string, options?: ReaderOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const batch of readJsonArray(file, options)) items.push(...batch.items);
  return items;
}

const TRICKY = [
  { question: 'Commas, [brackets] and {braces} inside "strings"', answer: '\\frac{1}{2}' },
  { question: 'Backslash at the end \\', answer: ['1', '2'], nested: { a: [{ b: '}' }] } },
  { question: 'Unicode: √2 ≈ 1.414, 数学, emoji 🎲', answer: 27.5 },
  { question: 'Escaped quote \\" and \\\\" pairs', answer: null },
];

describe('readJsonArray', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('streams the elements of a pretty-printed array, each with the line it starts on', async () => {
    const text = JSON.stringify(TRICKY, null, 2);
    const file = writeFile(tmp.dir, 'a.json', text);
    const expectedLines = text.split('\n').flatMap((line, i) => (line === '  {' ? [i + 1] : []));
    for (const chunkBytes of [1, 2, 3, 5, 16, 1 << 20]) {
      const items = await readAll(file, { chunkBytes });
      expect(items.map((i) => i.value)).toEqual(TRICKY);
      expect(items.map((i) => i.line)).toEqual(expectedLines);
    }
  });

  it('handles a BOM, CRLF line ends, a compact array and a trailing comma', async () => {
    const file = writeFile(
      tmp.dir,
      'b.json',
      `\uFEFF[\r\n${TRICKY.map((t) => JSON.stringify(t)).join(',\r\n')},\r\n]\r\n`,
    );
    const items = await readAll(file, { chunkBytes: 7 });
    expect(items.map((i) => i.value)).toEqual(TRICKY);
    expect(items.map((i) => i.line)).toEqual([2, 3, 4, 5]);
  });

  it('reports a malformed element or a non-object element and reads the rest', async () => {
    const file = writeFile(tmp.dir, 'c.json', '[\n{"q": "a"},\n{"q": tru},\n"just text",\n{"q": "d", "p": NaN}\n]');
    const items = await readAll(file);
    expect(items.map((i) => [i.line, i.error?.code ?? null, i.nonFinite])).toEqual([
      [2, null, false],
      [3, 'PARSE_ERROR', false],
      [4, 'PARSE_ERROR', false],
      [5, null, true],
    ]);
    expect(items[2]?.error?.message).toMatch(/expected a JSON object per element, got a string/);
    expect(items[3]?.value).toEqual({ q: 'd', p: null });
  });

  it('reports an element that is not valid UTF-8 as an encoding error', async () => {
    const file = writeFile(
      tmp.dir,
      'd.json',
      Buffer.concat([Buffer.from('[{"q":"a"},\n{"q":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"},\n{"q":"c"}]')]),
    );
    const items = await readAll(file);
    expect(items.map((i) => [i.line, i.error?.code ?? null])).toEqual([
      [1, null],
      [2, 'ENCODING_ERROR'],
      [3, null],
    ]);
  });

  it('reads an empty array as no records', async () => {
    expect(await readAll(writeFile(tmp.dir, 'e.json', ' [ \n ] \n'))).toEqual([]);
  });

  it('fails with the line on broken structure', async () => {
    const cases: [string, RegExp][] = [
      ['{"q": "not an array"}', /line 1: a \.json file must hold an array of records/],
      ['[{"q": "a"}]\n{"q": "b"}', /line 2: unexpected '\{' after the closing '\]'/],
      ['[\n{"q": "a"},\n{"q": "never closed', /line 3: the file ends inside this element/],
      ['[{"q": "a"},\n', /line 2: the file ends before the array's closing/],
      ['[{"q": "a"},,{"q": "b"}]', /line 1: empty element/],
    ];
    for (const [text, message] of cases) {
      const file = writeFile(tmp.dir, 'f.json', text);
      await expect(readAll(file)).rejects.toMatchObject({ code: 'PARSE_ERROR', message });
    }
  });
});
