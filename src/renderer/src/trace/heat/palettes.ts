// The heat palettes, each quantised into BINS colour classes. All are readable with the common forms of
// colour blindness: the diverging one runs orange ↔ blue (never red ↔ green), the sequential ones follow
// viridis and cividis from a pale end to a dark end so that low values stay close to the page colour and
// text on them stays readable. Credit (weights on correct rollouts) is blue and blame (incorrect) orange,
// the same meaning the two sides of the diverging palette carry.
import { mix, parseHex, ramp, textColorOn, toHex } from './color';
import type { Rgb } from './color';

export const BINS = 16;

export const PALETTES = ['div', 'vir', 'civ', 'cred', 'blame'] as const;
export type PaletteName = (typeof PALETTES)[number];

const hexes = (list: readonly string[]): Rgb[] => list.map(parseHex);

/** Orange (below the centre) through near-white to blue (above). */
const DIVERGING = hexes([
  '#7f3b08',
  '#b35806',
  '#e08214',
  '#fdb863',
  '#fee0b6',
  '#f7f7f7',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
  '#053061',
]);
const VIRIDIS_REVERSED = hexes([
  '#fde725',
  '#addc30',
  '#5ec962',
  '#28ae80',
  '#21918c',
  '#2c728e',
  '#3b528b',
  '#472d7b',
  '#440154',
]);
const CIVIDIS_REVERSED = hexes([
  '#fee838',
  '#e4cf5b',
  '#c4b56c',
  '#a69d75',
  '#8a8779',
  '#707173',
  '#575d6d',
  '#3b496c',
  '#123570',
  '#00224e',
]);
const BLUES = hexes([
  '#f7fbff',
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#08519c',
  '#08306b',
]);
const ORANGES = hexes([
  '#fff5eb',
  '#fee6ce',
  '#fdd0a2',
  '#fdae6b',
  '#fd8d3c',
  '#f16913',
  '#d94801',
  '#a63603',
  '#7f2704',
]);
const WHITE: Rgb = [255, 255, 255];

/** The pale start keeps low values close to the page; the dark end is the full map colour. */
const lightened = (anchors: readonly Rgb[]) => (t: number) => mix(WHITE, ramp(anchors, t), 0.2 + 0.8 * t);

const RAMPS: Record<PaletteName, (t: number) => Rgb> = {
  div: (t) => ramp(DIVERGING, t),
  vir: lightened(VIRIDIS_REVERSED),
  civ: lightened(CIVIDIS_REVERSED),
  cred: (t) => ramp(BLUES, 0.08 + 0.92 * t),
  blame: (t) => ramp(ORANGES, 0.08 + 0.92 * t),
};

export interface PaletteClass {
  className: string;
  background: string;
  color: string;
}

export function heatClassName(palette: PaletteName, bin: number): string {
  return `hm-${palette}-${bin}`;
}

/** The BINS classes of one palette, coloured at the centre of each bin. */
export function paletteClasses(palette: PaletteName): PaletteClass[] {
  return Array.from({ length: BINS }, (_, bin) => {
    const rgb = RAMPS[palette]((bin + 0.5) / BINS);
    return { className: heatClassName(palette, bin), background: toHex(rgb), color: textColorOn(rgb) };
  });
}

/** Background colours of a palette by bin, e.g. for the minimap canvas. */
export function paletteColors(palette: PaletteName): string[] {
  return paletteClasses(palette).map((c) => c.background);
}
