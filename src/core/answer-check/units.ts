// Unit words that may follow a numeric answer ("12 inches", "5 square units", "30 degrees"). Unlike
// the Qwen2.5-Math list this has no one-letter words ("a", "m", "s"), which there turn the gold
// answer "4:30 p.m." into "4:30p..".

const UNIT_WORDS = new Set([
  'unit',
  'units',
  'square',
  'sq',
  'cubic',
  'cu',
  'mm',
  'cm',
  'km',
  'meter',
  'meters',
  'metre',
  'metres',
  'centimeter',
  'centimeters',
  'millimeter',
  'millimeters',
  'kilometer',
  'kilometers',
  'inch',
  'inches',
  'in',
  'ft',
  'foot',
  'feet',
  'yard',
  'yards',
  'yd',
  'mile',
  'miles',
  'mph',
  'kmh',
  'kph',
  'degree',
  'degrees',
  'deg',
  'radian',
  'radians',
  'dollar',
  'dollars',
  'cent',
  'cents',
  'euro',
  'euros',
  'second',
  'seconds',
  'sec',
  'minute',
  'minutes',
  'min',
  'mins',
  'hour',
  'hours',
  'hr',
  'hrs',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'gram',
  'grams',
  'kg',
  'kilogram',
  'kilograms',
  'pound',
  'pounds',
  'lb',
  'lbs',
  'ounce',
  'ounces',
  'oz',
  'ton',
  'tons',
  'liter',
  'liters',
  'litre',
  'litres',
  'ml',
  'gallon',
  'gallons',
  'quart',
  'quarts',
  'cup',
  'cups',
  'percent',
  'people',
  'persons',
  'students',
  'ways',
  'points',
  'times',
]);

/**
 * A trailing run of unit words after something that ends like a number (`12 inches^2` → `12`).
 * A token scan rather than one regular expression, which backtracks quadratically on long text.
 */
export function stripTrailingUnitWords(s: string): string {
  if (!/[a-zA-Z]/.test(s)) return s;
  const tokens = s.split(/\s+/);
  const lastIndex = tokens.length - 1;
  tokens[lastIndex] = (tokens[lastIndex] as string).replace(/\^\{?[23]\}?$/, '');
  let k = tokens.length;
  while (k > 1 && isUnitWord(tokens[k - 1] as string)) k--;
  if (k === tokens.length) return s;
  const head = tokens.slice(0, k).join(' ');
  return /\d/.test(head) && /[\d}.\w]$/.test(head) ? head : s;
}

function isUnitWord(token: string): boolean {
  const word = token.replace(/\./g, '').toLowerCase();
  return word !== '' && UNIT_WORDS.has(word);
}
