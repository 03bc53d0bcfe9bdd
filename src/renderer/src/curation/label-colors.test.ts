import { describe, expect, it } from 'vitest';
import { chipStyle, luminance, parseHex, textOn } from './label-colors';

describe('label colours', () => {
  it('parses #rrggbb and falls back for anything else', () => {
    expect(parseHex('#2e7d32')).toEqual([0x2e, 0x7d, 0x32]);
    expect(parseHex('red')).toEqual([0x60, 0x7d, 0x8b]);
  });

  it('puts dark text on light chips and white on dark ones', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
    expect(textOn('#f9a825')).toBe('#1c2430'); // the default "ambiguous" yellow
    expect(textOn('#283593')).toBe('#ffffff'); // the default "too hard" indigo
  });

  it('fills applied chips and outlines the others; a bad colour never reaches the style', () => {
    expect(chipStyle('#c62828', true)).toEqual({ background: '#c62828', borderColor: '#c62828', color: '#ffffff' });
    expect(chipStyle('#c62828', false).background).toBe('transparent');
    expect(chipStyle('url(x)', true).background).toBe('#607d8b');
  });
});
