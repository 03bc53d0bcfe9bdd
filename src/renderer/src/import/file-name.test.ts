import { describe, expect, it } from 'vitest';
import { nameFromFile } from './file-name';

describe('nameFromFile', () => {
  it('drops the data-file extension only', () => {
    expect(nameFromFile('math500_test.jsonl')).toBe('math500_test');
    expect(nameFromFile('train.v2.PARQUET')).toBe('train.v2');
    expect(nameFromFile('notes.txt')).toBe('notes.txt');
    expect(nameFromFile('.jsonl')).toBe('.jsonl');
  });
});
