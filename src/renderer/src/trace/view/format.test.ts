import { describe, expect, it } from 'vitest';
import { formatValue } from './format';

describe('formatValue', () => {
  it('shows four significant digits with a true minus sign', () => {
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(-2.5)).toBe('−2.5');
    expect(formatValue(1234.5678)).toBe('1235');
    expect(formatValue(0)).toBe('0');
  });
  it('handles the extremes', () => {
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatValue(-Infinity)).toBe('−∞');
    expect(formatValue(0.00001234)).toBe('1.23e−5');
  });
});
