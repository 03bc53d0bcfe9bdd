import { describe, expect, it } from 'vitest';
import { aggregateByUnit, reduce } from './aggregate';
import { unitBoundaries, unitOfPieces } from './units';

const text = 'First step. Then x=1.5 here.\nNext line\n\nNew para';
// pieces: "First"," step."," Then"," x=1.5"," here.\n","Next"," line\n\n","New"," para"
const starts = Int32Array.from([0, 5, 11, 16, 22, 29, 33, 40, 43, text.length]);

describe('units', () => {
  it('finds sentence, line and paragraph boundaries (a decimal point is not a sentence end)', () => {
    expect(unitBoundaries(text, 'line')).toEqual([29, 39, 40]);
    expect(unitBoundaries(text, 'paragraph')).toEqual([40]);
    expect(unitBoundaries(text, 'sentence')).toEqual([11, 28, 29, 39, 40]);
  });

  it('assigns each piece the unit its first character is in', () => {
    expect(Array.from(unitOfPieces(text, starts, 'token'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(unitOfPieces(text, starts, 'sentence'))).toEqual([0, 0, 1, 1, 1, 3, 3, 5, 5]);
    expect(Array.from(unitOfPieces(text, starts, 'line'))).toEqual([0, 0, 0, 0, 0, 1, 1, 3, 3]);
    expect(Array.from(unitOfPieces(text, starts, 'paragraph'))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});

describe('aggregation', () => {
  const abs = (v: number) => Math.abs(v);
  it('spreads the mean of each unit over its pieces, skipping missing values', () => {
    const values = Float32Array.from([1, 3, Number.NaN, -2, 4]);
    expect(Array.from(aggregateByUnit(values, Int32Array.from([0, 0, 1, 1, 2]), 'mean', abs))).toEqual([
      2, 2, -2, -2, 4,
    ]);
  });
  it('max keeps the most important value with its sign', () => {
    const values = Float32Array.from([1, -3, 2, 0.5]);
    expect(Array.from(aggregateByUnit(values, Int32Array.from([0, 0, 1, 1]), 'max', abs))).toEqual([-3, -3, 2, 2]);
  });
  it('a unit with no values stays missing', () => {
    expect(reduce([Number.NaN, Number.NaN], 0, 1, 'mean', abs)).toBeNaN();
    expect(reduce([Number.NaN], 0, 0, 'max', abs)).toBeNaN();
  });
});
