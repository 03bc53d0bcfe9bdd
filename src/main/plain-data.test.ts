import { describe, expect, it } from 'vitest';
import { isPlainData } from './plain-data';

describe('isPlainData', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['empty object', {}],
    [
      'contract-like input',
      { filter: { text: 'x', datasetIds: [1, 2] }, sort: [{ field: 'id', dir: 'asc' }], offset: 0, limit: 100 },
    ],
    ['null-prototype object', Object.assign(Object.create(null) as object, { a: 1 })],
    ['string', 'x'],
    ['boolean', false],
    ['nested arrays', [[1, [2, [3]]]]],
  ])('accepts %s', (_name, value) => {
    expect(isPlainData(value)).toBe(true);
  });

  class Thing {
    a = 1;
  }
  let deep: unknown = 0;
  for (let i = 0; i < 40; i++) deep = { deep };

  it.each<[string, unknown]>([
    ['function', () => 1],
    ['nested function', { a: { b: () => 1 } }],
    ['symbol', Symbol('x')],
    ['bigint', 1n],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['Date', new Date(0)],
    ['Map', new Map()],
    ['Set', new Set([1])],
    ['typed array', new Uint8Array(4)],
    ['class instance', new Thing()],
    ['nesting deeper than 32', deep],
    ['more than 100k nodes', new Array(100_001).fill(1)],
  ])('refuses %s', (_name, value) => {
    expect(isPlainData(value)).toBe(false);
  });
});
