// Chip colours from a label's #rrggbb: filled with white or dark text (whichever reads better) when
// applied, outlined in the colour when not.
const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;
const FALLBACK = '#607d8b';

export function parseHex(color: string): [number, number, number] {
  const m = HEX.exec(color) ?? HEX.exec(FALLBACK);
  if (!m) return [96, 125, 139];
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function luminance(color: string): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = parseHex(color).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Text on a filled chip: white unless the colour is light. */
export function textOn(color: string): string {
  return luminance(color) > 0.45 ? '#1c2430' : '#ffffff';
}

export function chipStyle(color: string, on: boolean): Record<string, string> {
  const safe = HEX.test(color) ? color : FALLBACK;
  return on
    ? { background: safe, borderColor: safe, color: textOn(safe) }
    : { background: 'transparent', borderColor: safe, color: '#1c2430' };
}
