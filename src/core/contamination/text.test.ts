import { describe, expect, it } from 'vitest';
import { ngramHashes } from './ngrams';
import { analyzeText, matchText, sequenceKey, tokenize } from './text';
import { fmix32 } from '../../shared/random';

const key = (text: string) => sequenceKey(analyzeText(text).tokens);

describe('contamination text normal form', () => {
  it.each([
    ['case and whitespace', 'Find  the SUM of $x$.', 'find the sum of $x$'],
    ['LaTeX spacing and sizing', '$\\left( 3, \\frac{\\pi}{2} \\right)$', '$(3,\\,\\frac{\\pi}{2})$'],
    ['\\dfrac and \\tfrac', '$\\dfrac{1}{2}$', '$\\tfrac{1}{2}$'],
    ['fraction shorthand', '$\\dfrac32 + \\frac5{12}$', '$\\frac{3}{2} + \\frac{5}{12}$'],
    ['math delimiters', 'Solve \\(x^2 = 4\\).', 'Solve $x^2=4$.'],
    ['one-character groups', '$x^{2} + y_{1}$', '$x^2+y_1$'],
    ['thousands separators', 'It costs $1,000$ or 2{,}500 dollars', 'It costs 1000 or 2500 dollars'],
    ['display style', '$\\displaystyle\\sum_{k=1}^{n} k$', '$\\sum_{k=1}^{n} k$'],
  ])('%s: same tokens', (_name, a, b) => {
    expect(tokenize(a)).toEqual(tokenize(b));
    expect(key(a)).toBe(key(b));
  });

  it.each([
    ['a different number', 'Find $2+3$.', 'Find $2+4$.'],
    ['a different operator', 'Find $2+3$.', 'Find $2-3$.'],
    ['\\leftarrow is not \\left', '$a \\leftarrow b$', '$a \\rightarrow b$'],
    ['a different word', 'Find the sum.', 'Find the product.'],
  ])('%s: different keys', (_name, a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('keeps LaTeX commands as whole tokens and decimals whole', () => {
    expect(tokenize('Let $\\sqrt{2.5} \\cdot x$')).toEqual(['let', '\\sqrt', '2.5', '\\cdot', 'x']);
    expect(matchText('\\leftarrow')).toBe('\\leftarrow');
  });

  it('the template form equals for texts that differ only in their numbers', () => {
    const a = analyzeText('A train travels 120 km in 2 hours. What is its speed?');
    const b = analyzeText('A train travels 300 km in 5 hours. What is its speed?');
    expect(sequenceKey(a.template)).toBe(sequenceKey(b.template));
    expect(sequenceKey(a.tokens)).not.toBe(sequenceKey(b.tokens));
    expect(a.hasNumbers).toBe(true);
    expect(analyzeText('no digits here').hasNumbers).toBe(false);
  });
});

describe('n-gram hashes', () => {
  it('the rolling hash equals hashing each window on its own', () => {
    const tokens = new Uint32Array(Array.from({ length: 40 }, (_, i) => fmix32(i * 7919 + 3)));
    for (const n of [1, 3, 8, 13]) {
      const rolled = ngramHashes(tokens, n);
      expect(rolled.length).toBe(tokens.length - n + 1);
      for (let i = 0; i < rolled.length; i++) expect(rolled[i]).toBe(ngramHashes(tokens.subarray(i, i + n), n)[0]);
    }
  });
  it('gives none for texts shorter than n, and different hashes for shifted windows', () => {
    expect(ngramHashes(new Uint32Array([1, 2]), 3).length).toBe(0);
    const hashes = ngramHashes(new Uint32Array([5, 6, 7, 8, 9]), 3);
    expect(new Set(hashes).size).toBe(3);
  });
});
