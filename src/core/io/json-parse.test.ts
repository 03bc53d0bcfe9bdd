// The one JSON rule: Python's NaN / Infinity (as null or marked), lone surrogates, nesting depth, and errors that
// say where (column, line, field) and name raw control characters.
import { describe, expect, it } from 'vitest';
import type { ParsedJson } from './json-parse';
import { NON_FINITE_MARK, mayHoldLoneSurrogate, parseJson, replaceNonFinite, topLevelKeyAt } from './json-parse';
import { MAX_JSON_DEPTH } from './limits';

function ok(text: string, options?: Parameters<typeof parseJson>[1]): ParsedJson {
  const parsed = parseJson(text, options);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe('parseJson', () => {
  it('parses ordinary JSON without reporting anything', () => {
    expect(ok('{"a": 1, "b": [2]}')).toEqual({
      ok: true,
      value: { a: 1, b: [2] },
      nonFinite: 0,
      nonFiniteFields: [],
      surrogates: 0,
      surrogateFields: [],
    });
  });

  it('turns bare NaN / Infinity / -Infinity into null and names the fields', () => {
    const parsed = ok('{"adv": NaN, "loss": Infinity, "xs": [1, -Infinity, NaN], "ok": 2}');
    expect(parsed.value).toEqual({ adv: null, loss: null, xs: [1, null, null], ok: 2 });
    expect(parsed.nonFinite).toBe(4);
    expect(parsed.nonFiniteFields.sort()).toEqual(['adv', 'loss', 'xs']);
  });

  it('marks them instead, for readers that must say which value was not finite', () => {
    const parsed = ok('{"reward": NaN, "s": [1, -Infinity]}', { nonFinite: 'mark' });
    expect(parsed.value).toEqual({ reward: `${NON_FINITE_MARK}NaN`, s: [1, `${NON_FINITE_MARK}-Infinity`] });
  });

  it('leaves the words alone inside strings, including after escaped quotes', () => {
    const text = '{"t": "NaN and Infinity \\" NaN", "v": NaN}';
    expect(ok(text).value).toEqual({ t: 'NaN and Infinity " NaN', v: null });
    expect(replaceNonFinite(text).count).toBe(1);
  });

  it('still rejects JSON that is broken for another reason', () => {
    expect(parseJson('{"v": NaN, ')).toMatchObject({ ok: false, message: expect.stringMatching(/^invalid JSON/) });
    expect(parseJson('{"v": NaNx}')).toMatchObject({ ok: false });
  });

  it('stores a lone surrogate as one U+FFFD, counts it and names its field; pairs stay', () => {
    const parsed = ok('{"question": "a\\ud800b", "pair": "\\ud835\\udc65", "deep": {"x": ["\\udc00"]}}');
    expect(parsed.value).toEqual({ question: 'a\uFFFDb', pair: '𝑥', deep: { x: ['\uFFFD'] } });
    expect(parsed.surrogates).toBe(2);
    expect(parsed.surrogateFields.sort()).toEqual(['deep', 'question']);
    expect(ok('{"a": "\\\\ud800"}').value).toEqual({ a: '\\ud800' }); // an escaped backslash, then text
    expect(ok('{"\\ud800": 1}').value).toEqual({ '\uFFFD': 1 });
  });

  it('tells lone surrogate escapes from pairs without parsing', () => {
    expect(mayHoldLoneSurrogate('"\\ud835\\udc65 \\u00e9"')).toBe(false);
    expect(mayHoldLoneSurrogate('"\\ud835"')).toBe(true);
    expect(mayHoldLoneSurrogate('"\\ud835x\\udc65"')).toBe(true);
    expect(mayHoldLoneSurrogate('"\\udc65"')).toBe(true);
    expect(mayHoldLoneSurrogate('"\\\\udc65"')).toBe(false);
  });

  it('refuses nesting deeper than the limit, naming the field, without overflowing the stack', () => {
    const deep = (n: number) => `{"question": "q", "extra": {"meta": ${'['.repeat(n)}${']'.repeat(n)}}}`;
    expect(parseJson(deep(10_000))).toMatchObject({
      ok: false,
      field: 'extra',
      message: expect.stringMatching(/nested more than 1000 levels deep/),
    });
    expect(ok(deep(MAX_JSON_DEPTH - 2)).value).toMatchObject({ question: 'q' });
  });

  it('locates syntax errors by column, line within the value and field, and names raw control characters', () => {
    expect(parseJson('{"question": "ring the \u0007 bell", "answer": "1"}')).toEqual({
      ok: false,
      field: 'question',
      lineOffset: 0,
      message:
        'invalid JSON: raw control character BEL (U+0007) at column 24; JSON text must write it escaped (\\u0007)',
    });
    expect(parseJson('{"a": 1, "q": "x\u0000"}')).toMatchObject({
      field: 'q',
      message: expect.stringMatching(/NUL \(U\+0000\)/),
    });
    expect(parseJson('{\n  "a": 1,\n  "b": [1, 2 3]\n}')).toMatchObject({
      ok: false,
      field: 'b',
      lineOffset: 2,
      message: expect.stringMatching(/at column 14$/),
    });
  });

  it('finds the top-level key at a position', () => {
    const text = '{"a": {"b": "x,y"}, "c": [1, {"d": 2}], "e\\"f": 3}';
    expect(topLevelKeyAt(text, text.indexOf('x'))).toBe('a');
    expect(topLevelKeyAt(text, text.indexOf('2'))).toBe('c');
    expect(topLevelKeyAt(text, text.indexOf('3'))).toBe('e"f');
    expect(topLevelKeyAt(text, 0)).toBeNull();
  });
});
