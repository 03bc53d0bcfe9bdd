import { describe, expect, it } from 'vitest';
import { parseJsonLenient, replaceBareNonFinite } from './lenient-json';

describe('parseJsonLenient', () => {
  it('parses ordinary JSON without reporting anything', () => {
    expect(parseJsonLenient('{"a": 1, "b": [2]}')).toEqual({
      value: { a: 1, b: [2] },
      nonFiniteCount: 0,
      nonFiniteFields: [],
    });
  });

  it('turns bare NaN / Infinity / -Infinity into null and names the fields', () => {
    const parsed = parseJsonLenient('{"adv": NaN, "loss": Infinity, "xs": [1, -Infinity, NaN], "ok": 2}');
    expect(parsed.value).toEqual({ adv: null, loss: null, xs: [1, null, null], ok: 2 });
    expect(parsed.nonFiniteCount).toBe(4);
    expect(parsed.nonFiniteFields.sort()).toEqual(['adv', 'loss', 'xs']);
  });

  it('leaves the words alone inside strings, including after escaped quotes', () => {
    const text = '{"t": "NaN and Infinity \\" NaN", "v": NaN}';
    expect(parseJsonLenient(text).value).toEqual({ t: 'NaN and Infinity " NaN', v: null });
    expect(replaceBareNonFinite(text).count).toBe(1);
  });

  it('still rejects JSON that is broken for another reason', () => {
    expect(() => parseJsonLenient('{"v": NaN, ')).toThrow(SyntaxError);
    expect(() => parseJsonLenient('{"v": NaNx}')).toThrow(SyntaxError);
  });
});
