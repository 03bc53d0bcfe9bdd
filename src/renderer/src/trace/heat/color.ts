// Small colour maths for the heat palettes: hex parsing, piecewise-linear ramps through anchor colours,
// and WCAG relative luminance to pick a readable text colour on each class.

export type Rgb = readonly [r: number, g: number, b: number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  const part = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** The colour at t in [0, 1] on a ramp through evenly spaced anchors. */
export function ramp(anchors: readonly Rgb[], t: number): Rgb {
  if (anchors.length === 0) throw new Error('a ramp needs anchors');
  const clamped = Math.min(1, Math.max(0, t));
  const pos = clamped * (anchors.length - 1);
  const i = Math.min(anchors.length - 2, Math.floor(pos));
  if (i < 0) return anchors[0] as Rgb;
  return mix(anchors[i] as Rgb, anchors[i + 1] as Rgb, pos - i);
}

/** WCAG 2 relative luminance in [0, 1]. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const DARK_TEXT: Rgb = [0, 0, 0];
const LIGHT_TEXT: Rgb = [255, 255, 255];

/** Dark text unless white reads better on this background. */
export function textColorOn(background: Rgb): string {
  return contrast(background, LIGHT_TEXT) > contrast(background, DARK_TEXT) ? '#ffffff' : toHex(DARK_TEXT);
}
