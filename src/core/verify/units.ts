// Unit words that may follow a numeric answer ("12 inches", "5 square units", "30 degrees"). Unlike
// the Qwen2.5-Math list this has no one-letter words ("a", "m", "s"), which there turn the gold
// answer "4:30 p.m." into "4:30p..".

const UNIT_WORDS = new Set(
  [
    'unit', 'units', 'square', 'sq', 'cubic', 'cu',
    'mm', 'cm', 'km', 'meter', 'meters', 'metre', 'metres', 'centimeter', 'centimeters', 'millimeter', 'millimeters',
    'kilometer', 'kilometers', 'inch', 'inches', 'in', 'ft', 'foot', 'feet', 'yard', 'yards', 'yd', 'mile', 'miles',
    'mph', 'kmh', 'kph',
    'degree', 'degrees', 'deg', 'radian', 'radians',
    'dollar', 'dollars', 'cent', 'cents', 'euro', 'euros',
    'second', 'seconds', 'sec', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs',
    'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
    'gram', 'grams', 'kg', 'kilogram', 'kilograms', 'pound', 'pounds', 'lb', 'lbs', 'ounce', 'ounces', 'oz', 'ton', 'tons',
    'liter', 'liters', 'litre', 'litres', 'ml', 'gallon', 'gallons', 'quart', 'quarts', 'cup', 'cups',
    'percent', 'people', 'persons', 'students', 'ways', 'points', 'times',
  ],
);

/** Trailing run of unit words after something that ends like a number (`12 inches^2` → `12`). */
const TRAILING_WORDS = /^(.*?[\d}.\w])\s+([a-zA-Z][a-zA-Z\s.]*?)\s*(?:\^\{?[23]\}?)?$/;

export function stripTrailingUnitWords(s: string): string {
  const m = TRAILING_WORDS.exec(s);
  if (!m) return s;
  const head = m[1] as string;
  if (!/\d/.test(head)) return s;
  const words = (m[2] as string).replace(/\./g, ' ').trim().split(/\s+/);
  return words.every((w) => UNIT_WORDS.has(w.toLowerCase())) ? head : s;
}
