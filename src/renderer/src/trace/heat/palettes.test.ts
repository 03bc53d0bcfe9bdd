import { describe, expect, it } from 'vitest';
import { contrast, luminance, parseHex, ramp, toHex } from './color';
import { BINS, PALETTES, paletteClasses } from './palettes';
import { heatStylesheetText, MISSING_CLASS } from './stylesheet';

describe('colour maths', () => {
  it('parses and prints hex colours and refuses other strings', () => {
    expect(parseHex('#2166ac')).toEqual([0x21, 0x66, 0xac]);
    expect(toHex([0x21, 0x66, 0xac])).toBe('#2166ac');
    expect(() => parseHex('blue')).toThrow();
  });
  it('interpolates a ramp through its anchors', () => {
    const anchors = [parseHex('#000000'), parseHex('#ffffff'), parseHex('#000000')];
    expect(toHex(ramp(anchors, 0))).toBe('#000000');
    expect(toHex(ramp(anchors, 0.5))).toBe('#ffffff');
    expect(toHex(ramp(anchors, 0.25))).toBe('#808080');
    expect(toHex(ramp(anchors, 2))).toBe('#000000');
  });
  it('computes WCAG luminance and contrast', () => {
    expect(luminance(parseHex('#ffffff'))).toBeCloseTo(1);
    expect(contrast(parseHex('#000000'), parseHex('#ffffff'))).toBeCloseTo(21);
  });
});

const lum = (hex: string) => luminance(parseHex(hex));

describe('palettes', () => {
  it('have BINS distinct classes each', () => {
    for (const palette of PALETTES) {
      const classes = paletteClasses(palette);
      expect(classes).toHaveLength(BINS);
      expect(new Set(classes.map((c) => c.background)).size).toBe(BINS);
    }
  });

  it('sequential palettes get darker with every bin (lightness carries the order, not hue alone)', () => {
    for (const palette of ['vir', 'civ', 'cred', 'blame'] as const) {
      const l = paletteClasses(palette).map((c) => lum(c.background));
      for (let i = 1; i < l.length; i++) expect(l[i], `${palette} bin ${i}`).toBeLessThan(l[i - 1] as number);
    }
  });

  it('the diverging palette is lightest in the middle, orange below and blue above', () => {
    const colors = paletteClasses('div').map((c) => parseHex(c.background));
    const l = colors.map((c) => luminance(c));
    for (let i = 1; i < BINS / 2; i++) expect(l[i]).toBeGreaterThan(l[i - 1] as number);
    for (let i = BINS / 2 + 1; i < BINS; i++) expect(l[i]).toBeLessThan(l[i - 1] as number);
    const [r0, , b0] = colors[0] as readonly number[];
    const [r15, , b15] = colors[BINS - 1] as readonly number[];
    expect(r0).toBeGreaterThan(b0 as number);
    expect(b15).toBeGreaterThan(r15 as number);
  });

  it('credit and blame use different hues (blue and orange)', () => {
    const [cr, , cb] = parseHex((paletteClasses('cred')[12] as { background: string }).background);
    const [br, , bb] = parseHex((paletteClasses('blame')[12] as { background: string }).background);
    expect(cb).toBeGreaterThan(cr);
    expect(br).toBeGreaterThan(bb);
  });

  it('every class keeps its text readable (WCAG AA, 4.5:1)', () => {
    for (const palette of PALETTES) {
      for (const c of paletteClasses(palette))
        expect(contrast(parseHex(c.background), parseHex(c.color)), c.className).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the stylesheet holds one rule per class plus the missing and faded ones', () => {
    const css = heatStylesheetText();
    expect(css.match(/\.hm-[a-z]+-\d+\{/g)).toHaveLength(PALETTES.length * BINS);
    expect(css).toContain(`.${MISSING_CLASS}{`);
    expect(css).toContain('.hm-div-15{background-color:');
  });
});
