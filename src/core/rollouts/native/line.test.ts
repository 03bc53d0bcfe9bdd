// Native format, one line at a time: field types, prompt reference, token table, signals, spans,
// code-point offsets and Python's bare NaN, on small self-written lines.
import { describe, expect, it } from 'vitest';
import { prepareRollout } from '../prepare';
import { parseNativeLine } from './parse-block';

const BASE = { question: 'What is $2+2$?', response: 'We get $4$.', reward: 1 };
const TOKENS = ['We', ' get', ' $', '4', '$', '.'];

/** Parses and prepares one line as the import does; returns the rollout or the issues' "field: message". */
function check(value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const parsed = parseNativeLine(text, 7, 100, 'f.jsonl');
  if (!parsed.ok)
    return { issues: parsed.issues.map((i) => `${i.field}: ${i.message}`), lines: parsed.issues.map((i) => i.line) };
  const prepared = prepareRollout(parsed.record, 'f.jsonl');
  if (!prepared.ok)
    return {
      issues: prepared.issues.map((i) => `${i.field}: ${i.message}`),
      lines: prepared.issues.map((i) => i.line),
    };
  return { rollout: prepared.rollout };
}

describe('native line', () => {
  it('reads a full line into a prepared rollout', () => {
    const r = check({
      ...BASE,
      run: 'r1',
      step: 3,
      prompt_id: 17,
      gold_answer: 4,
      system: 'Be brief.',
      group_id: 9,
      sample_index: 2,
      advantage: -0.25,
      finish_reason: 'length',
      tokens: TOKENS,
      signals: { rm_logit: [1, 2, -1, 0.5, 0, 3], logprob: [0, -1, -2, -3, -4, -5] },
      spans: [{ name: 'step_rating', start: 0, end: 6, value: 1 }],
      extracted_answer: '4',
      extra: { temperature: 1 },
      seed: 42,
    }).rollout;
    expect(r).toBeDefined();
    if (!r) return;
    expect([r.run, r.step, r.promptSourceId, r.goldAnswer, r.groupId, r.sampleIndex]).toEqual([
      'r1',
      3,
      '17',
      '4',
      '9',
      2,
    ]);
    expect([r.reward, r.correct, r.advantage, r.truncated, r.tokenCount]).toEqual([1, true, -0.25, true, 6]);
    expect(Array.from(r.tokenStarts ?? [])).toEqual([0, 2, 6, 8, 9, 10]);
    expect(r.tokenTexts).toBeNull();
    expect(r.signals.map((s) => [s.name, Array.from(s.values)])).toEqual([
      ['rm_logit', [1, 2, -1, 0.5, 0, 3]],
      ['logprob', [0, -1, -2, -3, -4, -5]],
    ]);
    expect(JSON.parse(r.extra ?? '{}')).toEqual({ temperature: 1, seed: 42 });
    expect(r.line).toBe(7);
    expect(r.endOffset).toBe(100);
    // Logits 1, 2, -1, 0.5, 0, 3: running means 1, 1.5, 0.667, 0.625, 0.5, 0.917 stay above 0 -> no crossing.
    expect(r.rmCrossing).toBeNull();
    expect(r.rmFinalProb).toBeCloseTo(1 / (1 + Math.exp(-5.5 / 6)), 6);
  });

  it('needs only a response and a prompt reference', () => {
    const r = check({ prompt_id: 'a', response: '' }).rollout;
    expect(r?.reward).toBeNull();
    expect(r?.correct).toBeNull();
    expect(r?.tokenCount).toBeNull();
    expect(check({ response: 'x' }).issues).toEqual([
      'question: the prompt reference is missing: give prompt_id or question',
    ]);
    expect(check({ question: 'q' }).issues).toEqual(['response: response is missing']);
  });

  it('maps booleans and ±1 rewards to correctness', () => {
    expect(check({ ...BASE, reward: false }).rollout?.correct).toBe(false);
    expect(check({ ...BASE, reward: true }).rollout?.reward).toBe(1);
    expect(check({ ...BASE, reward: -1 }).rollout?.correct).toBe(false);
    expect(check({ ...BASE, reward: 0.25 }).rollout?.correct).toBe(true);
  });

  it('reports every wrong type of a line, with the line number', () => {
    const result = check({
      question: 3,
      response: ['x'],
      reward: 'yes',
      step: -1,
      truncated: 'no',
      tokens: 'We',
      signals: [1],
      extra: 5,
      format: 'v2',
    });
    expect(result.issues).toEqual([
      'format: format must be "rl-curator.rollout.v1" (or left out), got the string "v2"',
      'step: step must be a whole number ≥ 0, got number -1',
      'question: question must be a string, got number 3',
      'response: response must be a string, got a list',
      'reward: reward must be a number or a boolean, got the string "yes"',
      'truncated: truncated must be true or false, got the string "no"',
      'tokens: tokens must be a list of strings, got the string "We"',
      'signals: signals must be an object mapping names to lists of numbers, got a list',
      'extra: extra must be an object, got number 5',
    ]);
    expect(new Set(result.lines)).toEqual(new Set([7]));
  });

  it('refuses signals whose length differs from the token table, and signals without one', () => {
    expect(check({ ...BASE, tokens: TOKENS, signals: { rm_logit: [1, 2, 3] } }).issues).toEqual([
      'signals.rm_logit: signals.rm_logit has 3 values but there are 6 tokens; every signal needs one value per token',
    ]);
    expect(check({ ...BASE, signals: { rm_logit: [1] } }).issues).toEqual([
      'signals.rm_logit: per-token signals need a token table: give tokens (strings) or token_offsets',
    ]);
    expect(check({ ...BASE, tokens: TOKENS, token_offsets: [0, 2] }).issues?.[0]).toMatch(
      /tokens has 6 entries but token_offsets has 2/,
    );
    expect(check({ ...BASE, tokens: TOKENS, signals: { rm_logit: [1, 2, 3, 4, 5, 'x'] } }).issues).toEqual([
      'signals.rm_logit: signals.rm_logit[5] must be a finite number, got the string "x"',
    ]);
    expect(check({ ...BASE, tokens: TOKENS, signals: { 'bad name': [1, 2, 3, 4, 5, 6] } }).issues?.[0]).toMatch(
      /^signals.bad name: signal name "bad name"/,
    );
  });

  it("names Python's bare NaN and Infinity instead of failing as broken JSON", () => {
    const line =
      `{"question":"q","response":"We get $4$.","tokens":${JSON.stringify(TOKENS)},` +
      `"signals":{"rm_logit":[1,2,NaN,4,5,6],"logprob":[0,0,0,0,0,-Infinity]},"advantage":Infinity}`;
    expect(check(line).issues).toEqual(['advantage: advantage must be a number, got Infinity']);
    const signalsOnly = line.replace(',"advantage":Infinity', '');
    expect(check(signalsOnly).issues).toEqual([
      'signals.rm_logit: signals.rm_logit[2] must be a finite number, got NaN',
      'signals.logprob: signals.logprob[5] must be a finite number, got -Infinity',
    ]);
    // "NaN" inside a string is text, not a number.
    expect(check({ ...BASE, response: 'NaN and Infinity' }).rollout?.response).toBe('NaN and Infinity');
    // A line cut short: the error names the field it is in and the column.
    expect(check('{"question": "q", "response": "x"').issues?.[0]).toBe(
      "response: invalid JSON: Expected ',' or '}' after property value at column 34",
    );
  });

  it('refuses numbers beyond the Float32 range', () => {
    expect(check({ ...BASE, tokens: TOKENS, signals: { x: [1, 2, 3, 4, 5, 1e39] } }).issues).toEqual([
      'signals.x: signals.x[5] must be a finite number, got 1e+39, beyond the Float32 range',
    ]);
  });

  it('keeps token strings that do not spell the response, and offsets as given', () => {
    const bpe = check({ ...BASE, tokens: ['We', 'Ġget', 'Ġ$', '4', '$', '.'] }).rollout;
    expect(bpe?.tokenStarts).toBeNull();
    expect(bpe?.tokenTexts?.text).toBe('WeĠgetĠ$4$.');
    expect(Array.from(bpe?.tokenTexts?.ends ?? [])).toEqual([2, 6, 8, 9, 10, 11]);
    const offsets = check({ ...BASE, token_offsets: [0, 2, 6, 8, 9, 10] }).rollout;
    expect(Array.from(offsets?.tokenStarts ?? [])).toEqual([0, 2, 6, 8, 9, 10]);
    expect(offsets?.tokenCount).toBe(6);
    expect(check({ ...BASE, token_offsets: [0, 5, 3] }).issues).toEqual([
      'token_offsets: token_offsets must not decrease: token_offsets[2] = 3 comes after 5',
    ]);
    expect(check({ ...BASE, token_offsets: [0, 12] }).issues?.[0]).toMatch(
      /token_offsets\[1\] must be a whole number from 0 to 11/,
    );
  });

  it('converts code-point offsets and spans to JavaScript string indices', () => {
    // '𝑥' (U+1D465) is one code point but two UTF-16 units: Python offsets after it are one less.
    const response = 'Let 𝑥 = 2, so 𝑥² = 4.';
    const r = check({
      question: 'q',
      response,
      token_offsets: [0, 3, 4, 5, 7, 8],
      spans: [{ name: 'step', start: 4, end: 9, value: 0.5 }],
    }).rollout;
    expect(Array.from(r?.tokenStarts ?? [])).toEqual([0, 3, 4, 6, 8, 9]);
    expect(r?.spans).toEqual([{ name: 'step', start: 4, end: 10, value: 0.5 }]);
    expect(response.slice(4, 6)).toBe('𝑥');
    expect(
      check({ question: 'q', response, spans: [{ name: 'step', start: 0, end: 22, value: 1 }] }).issues?.[0],
    ).toMatch(/end ≤ 21/);
  });
});
