import { describe, expect, it } from 'vitest';
import { cellText } from './cell-text';

describe('cellText', () => {
  it('shows strings on one line and other values as JSON', () => {
    expect(cellText('a\n  b')).toBe('a b');
    expect(cellText(27.5)).toBe('27.5');
    expect(cellText(['1', 2])).toBe('["1",2]');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(null)).toBe('');
  });

  it('cuts long values with an ellipsis', () => {
    const text = cellText('x'.repeat(500));
    expect(text).toHaveLength(140);
    expect(text.endsWith('…')).toBe(true);
  });
});
