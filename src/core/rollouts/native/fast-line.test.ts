// The fast path for native lines gives exactly what JSON.parse + the field checks give: compared on
// generated lines with escapes, astral characters, key orders, whitespace and some bad fields; and it
// steps aside (null) for what it does not handle, so those lines get the normal path's messages.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random';
import { prepareRollout } from '../prepare';
import { readFloat32Array } from './fast-scan';
import { fastNativeLine } from './fast-line';
import { parseNativeLineSlow } from './parse-block';

const PIECES = [
  'We',
  ' have',
  '\n\n',
  '"quoted"',
  '\\frac',
  '{',
  '}',
  ' $x$',
  '\t',
  '𝑥',
  '²',
  'é',
  '\u0001',
  '</',
  'a\\b',
  ' 3.5',
  '💡',
];
const NUMBERS = [
  '0',
  '-0',
  '1',
  '-1',
  '0.5',
  '-0.125',
  '3.14159',
  '1e-7',
  '2.5E+3',
  '-1.0e2',
  '123456789012345678',
  '0.000001234567890123456',
  '1e22',
  '1e-22',
  '7e25',
  '3.4e38',
  '-0.0',
  '17.000',
];

/** Python's json.dumps with ensure_ascii=True: every non-ASCII UTF-16 unit as \uXXXX. */
const asciiJson = (t: string) =>
  JSON.stringify(t).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A line written by JSON.stringify, by Python's ensure_ascii, or (mixed) with tokens escaped unlike the response. */
function randomLine(rand: () => number, mode: 'js' | 'ascii' | 'mixed'): string {
  const n = 1 + Math.floor(rand() * 30);
  const tokens = Array.from({ length: n }, () => PIECES[Math.floor(rand() * PIECES.length)] as string);
  const numbers = () => {
    const values = Array.from({ length: n }, () => NUMBERS[Math.floor(rand() * NUMBERS.length)]);
    return `[${values.join(rand() < 0.5 ? ',' : ' , ')}]`;
  };
  const encode = (t: string) => (mode === 'js' ? JSON.stringify(t) : asciiJson(t));
  const fields = [
    `"question": ${encode(`Q ${Math.floor(rand() * 5)} é`)}`,
    `"response": ${mode === 'mixed' ? JSON.stringify(tokens.join('')) : encode(tokens.join(''))}`,
    `"tokens": [${tokens.map((t) => encode(t)).join(rand() < 0.5 ? ',' : ', ')}]`,
    `"signals": {"rm_logit": ${numbers()}, "logprob":${rand() < 0.05 ? '[1]' : numbers()}}`,
    // Now and then a field the checks refuse, so that issues are compared too.
    `"reward": ${rand() < 0.1 ? '"yes"' : rand() < 0.5 ? 1 : 'false'}`,
    `"extra": {"tokens": [1, "x"], "nested": {"signals": "no"}}`,
  ];
  if (rand() < 0.3) fields.push('"step": 4', '"group_id": "g"');
  fields.sort(() => rand() - 0.5);
  return `${rand() < 0.3 ? ' ' : ''}{${fields.join(rand() < 0.5 ? ',' : ' ,\n ')}}${rand() < 0.3 ? ' ' : ''}`;
}

function prepared(result: ReturnType<typeof parseNativeLineSlow>, typed?: Map<string, Float32Array>) {
  if (!result.ok) return { issues: result.issues };
  const p = prepareRollout(result.record, 'f', typed);
  return p.ok ? { rollout: p.rollout } : { issues: p.issues };
}

describe('fast native line path', () => {
  it('matches the JSON.parse path on generated lines, and takes every line written consistently', () => {
    const rand = seededRandom(11);
    const notTaken: string[] = [];
    for (let k = 0; k < 600; k++) {
      const mode = k % 10 === 9 ? 'mixed' : k % 2 === 0 ? 'js' : 'ascii';
      const text = randomLine(rand, mode);
      const bytes = Buffer.from(text);
      const fast = fastNativeLine(bytes, 0, bytes.length, 3, 'f');
      const slow = parseNativeLineSlow(text, 3, 0, 'f');
      if (fast === null) {
        if (mode !== 'mixed') notTaken.push(text);
        continue;
      }
      if (fast.ok) fast.record.endOffset = 0;
      expect({ text, ...prepared(fast, fast.ok ? fast.signals : undefined) }).toEqual({ text, ...prepared(slow) });
    }
    expect(notTaken.slice(0, 3)).toEqual([]);
  });

  it('reads number arrays as JSON.parse and Float32 storage do', () => {
    const rand = seededRandom(5);
    const texts = [
      ...NUMBERS,
      '9007199254740993',
      '0.1',
      '0.30000000000000004',
      '5e-324',
      '123.456e-5',
      '-1.5E-3',
      '0.0000000000000000000001234',
    ];
    for (let k = 0; k < 3000; k++)
      texts.push(((rand() - 0.5) * 10 ** Math.floor(rand() * 12 - 6)).toPrecision(1 + Math.floor(rand() * 17)));
    // Full-precision doubles (17 digits, as JavaScript and Python print them), also with exponents.
    for (let k = 0; k < 3000; k++)
      texts.push(String(rand() - 0.5), ((rand() - 0.5) * 1e-8).toExponential(16), String((rand() - 0.5) * 1e30));
    const json = `[ ${texts.join(' ,')} ]`;
    const read = readFloat32Array(Buffer.from(json), 0, json.length);
    expect(read?.end).toBe(json.length);
    expect(Array.from(read?.values ?? [])).toEqual(Array.from(new Float32Array(JSON.parse(json) as number[])));
    expect(Object.is(read?.values[1], -0)).toBe(true);
    expect(readFloat32Array(Buffer.from('[]'), 0, 2)).toEqual({ values: new Float32Array(0), end: 2 });
    for (const bad of [
      '[01]',
      '[1.]',
      '[.5]',
      '[1e]',
      '[NaN]',
      '[1,]',
      '["1"]',
      '[+1]',
      '[1 2]',
      '[1e39]',
      '[-3.5e38]',
    ]) {
      expect({ bad, read: readFloat32Array(Buffer.from(bad), 0, bad.length) }).toEqual({ bad, read: null });
    }
  });

  it('steps aside for lines it does not handle', () => {
    const base = { question: 'q', response: 'ab', tokens: ['a', 'b'], signals: { rm_logit: [1, 2] } };
    const line = (v: object) => JSON.stringify(v);
    const fast = (text: string) => fastNativeLine(Buffer.from(text), 0, Buffer.byteLength(text), 1, 'f');
    expect(fast(line(base))).not.toBeNull();
    for (const text of [
      line({ ...base, tokens: ['a', 'c'] }), // does not spell the response
      line({ ...base, token_offsets: [0, 1] }),
      line({ ...base, tokens: ['a', 1] }),
      line({ ...base, signals: { rm_logit: [1, 'x'] } }),
      line({ ...base, signals: { 'bad name': [1, 2] } }),
      line({ ...base, signals: { rm_logit: [1, 2], logprob: [1e39, 0] } }),
      '{"question":"q","response":"ab","tokens":["a","b"],"signals":{"x":[1,2]},"signals":{"x":[3,4]}}',
      '{"question":"q","response":"ab","tokens":["a","b"],"signals":{"rm_logit":[1,NaN]}}',
      '{"question":"q","response":"ab","tokens":["a","b"],"tokens":["ab"]}',
      '{"question":"q","response":"ab","extra":{"tokens":["a","b"]}}',
      '{"question":"q","response":"ab","tok\\u0065ns":["a","b"]}',
      '{"question":"q","response":"ab","tokens":["a","b"]} trailing',
      line({ question: 'q', response: 'ab' }),
    ]) {
      expect({ text, fast: fast(text) }).toEqual({ text, fast: null });
    }
  });
});
