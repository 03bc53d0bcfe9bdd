// CSV reader: header mapping, quoting, CRLF/BOM, true line numbers, bad rows and broken quoting, on self-written files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { detectDelimiter, readCsv, uniqueColumnNames } from './csv-reader';
import { writeFile } from './import-test-helpers';
import type { ReaderOptions, SourceItem } from './types';

async function readAll(file: string, options?: ReaderOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const batch of readCsv(file, options)) items.push(...batch.items);
  return items;
}

describe('readCsv', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it(
    'reads rows as objects keyed by the header, with quoted commas, quotes and line breaks, ' + 'and true line numbers',
    async () => {
      const text =
        'question,answer,level\n"What is 1,000 + 1?",1001,Level 1\n\n"He said ""hi"".\nTwice.",27.0,3\nplain,"x",5\n';
      for (const eol of ['\n', '\r\n']) {
        const file = writeFile(tmp.dir, 'a.csv', `\uFEFF${text.replaceAll('\n', eol)}`);
        for (const chunkBytes of [3, 1 << 20]) {
          const items = await readAll(file, { chunkBytes });
          expect(items.map((i) => [i.line, i.value])).toEqual([
            [2, { question: 'What is 1,000 + 1?', answer: '1001', level: 'Level 1' }],
            [4, { question: 'He said "hi".\nTwice.', answer: '27.0', level: '3' }],
            [6, { question: 'plain', answer: 'x', level: '5' }],
          ]);
        }
      }
    },
  );

  it('reads tab-separated files', async () => {
    const file = writeFile(tmp.dir, 'b.tsv', 'question\tanswer\nWhat is 2, doubled?\t4\n');
    expect((await readAll(file)).map((i) => i.value)).toEqual([{ question: 'What is 2, doubled?', answer: '4' }]);
  });

  it('reports rows with the wrong number of fields and keeps reading; keeps quotes inside unquoted text', async () => {
    const file = writeFile(tmp.dir, 'c.csv', 'question,answer\nq1,1\nq2,2,extra\nHe said "hi",3\nq4\nq5,5\n');
    const items = await readAll(file);
    expect(items.map((i) => [i.line, i.error?.code ?? null])).toEqual([
      [2, null],
      [3, 'PARSE_ERROR'],
      [4, null],
      [5, 'PARSE_ERROR'],
      [6, null],
    ]);
    expect(items[1]?.error?.message).toBe('row has 3 fields but the header has 2');
    expect(items[2]?.value).toEqual({ question: 'He said "hi"', answer: '3' });
    expect(items[4]?.value).toEqual({ question: 'q5', answer: '5' });
  });

  it('stops at broken quoting, naming the line, rather than losing the rows after it', async () => {
    const file = writeFile(tmp.dir, 'c2.csv', 'question,answer\nq1,1\n"multi\nline",2\nq3,"a"b\nq4,4\n');
    await expect(readAll(file)).rejects.toMatchObject({ code: 'PARSE_ERROR', message: /c2\.csv: line 5: invalid CSV/ });
  });

  it('reports a row that is not valid UTF-8 as an encoding error, with its line', async () => {
    const file = writeFile(
      tmp.dir,
      'd.csv',
      Buffer.concat([Buffer.from('question,answer\nq1,1\nq'), Buffer.from([0xe9]), Buffer.from(',2\nq3,3\n')]),
    );
    const items = await readAll(file);
    expect(items.map((i) => [i.line, i.error?.code ?? null])).toEqual([
      [2, null],
      [3, 'ENCODING_ERROR'],
      [4, null],
    ]);
  });

  it('accepts whitespace after a closing quote (as in published files)', async () => {
    const file = writeFile(tmp.dir, 'e.csv', 'answer,gold\n"$(1,2)$","$(1,2)$" ');
    expect((await readAll(file)).map((i) => i.value)).toEqual([{ answer: '$(1,2)$', gold: '$(1,2)$' }]);
  });

  it('picks the delimiter from the header line and makes column names unique', () => {
    expect(detectDelimiter('a,b,c\n1\t2')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\n')).toBe(';');
    expect(detectDelimiter('question\n')).toBe(',');
    expect(uniqueColumnNames(['q', 'q', ' ', 'a'])).toEqual(['q', 'q_2', 'column_3', 'a']);
  });
});
