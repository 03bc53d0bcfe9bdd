// Final-answer extraction: rules in order, the rule that fired, thinking markers and truncation.
import { describe, expect, it } from 'vitest';
import { answerAfterPhrase, extractAnswer, lastBoxedContent, lastMathSpan, lastNumber } from './extract';
import { verifyResponse } from './verify-response';

describe('extractAnswer rules', () => {
  it.each([
    ['the last balanced \\boxed{}', 'First \\boxed{1}, then \\boxed{\\frac{1}{2}}.', '\\frac{1}{2}', 'boxed'],
    ['nested braces', 'So \\(\\boxed{\\{1, 2\\}}\\).', '\\{1, 2\\}', 'boxed'],
    ['\\fbox', 'Answer: \\fbox{42}', '42', 'boxed'],
    ['\\boxed without braces', 'so the answer is $\\boxed 5$.', '5', 'boxed'],
    ['an unclosed last box falls back to the one before', 'We get \\boxed{7}. Check: \\boxed{8', '7', 'boxed'],
    ['boxed wins over a later phrase', '\\boxed{3} and the answer is 4', '3', 'boxed'],
    ['the answer is', 'Thus the answer is 17.', '17', 'answer-phrase'],
    [
      'the final answer is, with a math span',
      'The final answer is $\\frac{3}{4}$. I hope it is correct.',
      '\\frac{3}{4}',
      'answer-phrase',
    ],
    ['answer on the next line', 'The final answer is:\n\n$$ x^2 + 1 $$', 'x^2 + 1', 'answer-phrase'],
    ['bold answer', 'The answer is **12**.', '12', 'answer-phrase'],
    ['GSM8K marker', 'She pays 3 + 4 = 7 dollars.\n#### 1,234', '1234', 'gsm8k'],
    ['last math span', 'After solving, we get $1/2$', '1/2', 'last-math'],
    ['currency is not a math span', 'It costs $5 and then $6 more, 11 total', '11', 'last-number'],
    ['last number', 'There are 3 apples and 1,250 pears', '1250', 'last-number'],
    ['nothing at all', 'No idea.', null, 'none'],
  ])('%s', (_name, text, answer, rule) => {
    expect(extractAnswer(text)).toMatchObject({ answer, rule });
  });

  it('keeps only the text after the last thinking-finish marker', () => {
    const r = extractAnswer('<think>maybe \\boxed{1}</think> The result is \\boxed{2}');
    expect(r).toMatchObject({ answer: '2', cutAt: '</think>' });
    const empty = extractAnswer('<think>\\boxed{1}</think>');
    expect(empty).toMatchObject({ answer: null, rule: 'none' });
    const fa = extractAnswer('Trying \\boxed{5}.\n**Final Answer**\nThe answer is 6');
    expect(fa).toMatchObject({ answer: '6', rule: 'answer-phrase', cutAt: '**Final Answer**' });
    expect(extractAnswer('x \\boxed{1} <conclude> \\boxed{9}', { thinkMarkers: [] })).toMatchObject({
      answer: '9',
      cutAt: null,
    });
  });

  it('repairs a \\boxed whose backslash became a backspace', () => {
    expect(extractAnswer('so \x08oxed{\x0crac{1}{2}}')).toMatchObject({ answer: '\\frac{1}{2}', rule: 'boxed' });
  });

  it('can skip the weak fallbacks', () => {
    expect(extractAnswer('we get $x$ and 12', { useLastMath: false })).toMatchObject({
      answer: '12',
      rule: 'last-number',
    });
    expect(extractAnswer('there are 12', { useLastNumber: false })).toMatchObject({ answer: null, rule: 'none' });
  });
});

describe('truncation', () => {
  it('flags a missing stop token and removes a present one', () => {
    const cut = extractAnswer('so we get \\boxed{4', { stopTokens: ['<|im_end|>'] });
    expect(cut).toMatchObject({ truncated: true, answer: '4', rule: 'last-number' });
    expect(cut.truncationReason).toMatch(/no stop token/);
    const whole = extractAnswer('so \\boxed{4}<|im_end|>\n', { stopTokens: ['<|im_end|>', '</s>'] });
    expect(whole).toMatchObject({ truncated: false, answer: '4', truncationReason: null });
  });

  it('flags a length finish reason', () => {
    expect(extractAnswer('\\boxed{4}', { finishReason: 'length' })).toMatchObject({
      truncated: true,
      truncationReason: 'finish reason "length"',
    });
    expect(extractAnswer('\\boxed{4}', { finishReason: 'stop' }).truncated).toBe(false);
    expect(extractAnswer('\\boxed{4}').truncated).toBe(false);
  });

  it('verifyResponse counts a truncated response as wrong but says the answer matched', () => {
    const r = verifyResponse('… \\boxed{4}', '4', { finishReason: 'length' });
    expect(r).toMatchObject({ equivalent: false, stage: 'none', rejectedAsTruncated: true });
    expect(r.reason).toMatch(/truncated/);
    expect(verifyResponse('… \\boxed{4}', '4', { finishReason: 'length', truncatedIsWrong: false })).toMatchObject({
      equivalent: true,
      stage: 'exact',
    });
    expect(verifyResponse('… \\boxed{5}', '4')).toMatchObject({
      equivalent: false,
      rejectedAsTruncated: false,
      extraction: { answer: '5', rule: 'boxed' },
    });
  });

  it("verifyResponse takes the log's truncated flag when the text cannot tell", () => {
    const r = verifyResponse('so the answer is \\boxed{4}', '4', { knownTruncated: true });
    expect(r).toMatchObject({
      equivalent: false,
      rejectedAsTruncated: true,
      extraction: { truncated: true, truncationReason: 'marked truncated in the log' },
    });
    expect(verifyResponse('\\boxed{4}', '4', { knownTruncated: false })).toMatchObject({
      equivalent: true,
      extraction: { truncated: false },
    });
    expect(
      verifyResponse('\\boxed{4}', '4', { knownTruncated: null, finishReason: 'length' }).extraction.truncationReason,
    ).toBe('finish reason "length"');
  });
});

describe('helpers', () => {
  it('lastBoxedContent', () => {
    expect(lastBoxedContent('none here')).toBeNull();
    expect(lastBoxedContent('\\boxed{a}{b}')).toBe('a');
    expect(lastBoxedContent('\\boxedx')).toBeNull();
  });

  it('answerAfterPhrase', () => {
    expect(answerAfterPhrase('The answer is \\(2\\sqrt{3}\\).')).toBe('2\\sqrt{3}');
    expect(answerAfterPhrase('the answer is.')).toBeNull();
  });

  it('lastMathSpan', () => {
    expect(lastMathSpan('$a$ then \\[b\\] then $$c$$')).toBe('c');
    expect(lastMathSpan('costs \\$5 only')).toBeNull();
  });

  it('lastNumber', () => {
    expect(lastNumber('(1,2)')).toBe('2');
    expect(lastNumber('-3.5 and .25')).toBe('.25');
    expect(lastNumber('none')).toBeNull();
  });
});
