// The fidelity cases of issue 12 on small written data: exact copies, spacing variants, a changed number, a
// paraphrase with high n-gram overlap, and clearly different problems.
import { describe, expect, it } from 'vitest';
import { BenchmarkIndex, shinglesOf } from './benchmark-index';
import type { ItemMatch } from './benchmark-index';
import { DEFAULT_CONTAMINATION_SETTINGS } from './settings';
import { analyzeText } from './text';

const BENCH = [
  'Let $f(x) = x^2 - 3x + 2$. Find the sum of all real numbers $x$ such that $f(f(x)) = 0$, and give your ' +
    'answer as a common fraction.',
  'A bag contains 5 red marbles and 7 blue marbles. Two marbles are drawn at random without replacement. What is ' +
    'the probability that both marbles are red?',
  'Compute $\\dbinom{8}{4}$.',
  'In triangle $ABC$, $AB = 13$, $BC = 14$, and $CA = 15$. Let $H$ be the orthocenter of the triangle. Find the ' +
    'length of the altitude from $A$ to side $BC$.',
];

const index = new BenchmarkIndex(
  BENCH.map((text, i) => ({ id: 100 + i, text })),
  DEFAULT_CONTAMINATION_SETTINGS,
);

function matches(text: string): ItemMatch[] {
  const analyzed = analyzeText(text);
  return index.match(analyzed, index.hasher.signature(shinglesOf(analyzed.tokens)));
}
const methods = (text: string, item: number) =>
  matches(text)
    .filter((m) => m.item === item)
    .map((m) => m.method)
    .sort();

describe('BenchmarkIndex', () => {
  it('an exact copy matches by every method', () => {
    expect(methods(BENCH[1] as string, 1)).toEqual(['exact', 'minhash', 'ngram']);
    const scores = matches(BENCH[1] as string).filter((m) => m.item === 1);
    expect(scores.every((m) => m.score === 1)).toBe(true);
  });

  it('whitespace, case, delimiters and LaTeX spacing variants are exact copies', () => {
    const variant =
      'let \\( f(x)=x^{2}-3x+2 \\).  Find the sum of all real numbers \\(x\\) such that \\( f(f(x)) = 0 \\), ' +
      'and give your answer as a common fraction.';
    expect(methods(variant, 0)).toContain('exact');
    expect(methods('Compute $\\binom{8}{4}$ .', 2)).toEqual([]); // \binom vs \dbinom: a different command
    expect(methods('compute $\\dbinom{8}{4}$', 2)).toContain('exact');
  });

  it('a changed number is "templated", not exact', () => {
    const changed = BENCH[1]?.replace('5 red', '6 red').replace('7 blue', '9 blue') as string;
    const found = methods(changed, 1);
    expect(found).toContain('templated');
    expect(found).not.toContain('exact');
  });

  it('a short problem with another number is not a template (too few tokens)', () => {
    expect(methods('Compute $\\dbinom{9}{3}$.', 2)).toEqual([]);
  });

  it('a paraphrase that keeps most of the text is found by n-gram overlap, with its coverage', () => {
    // A preamble added and one word dropped near the end: most 8-grams of the item (32 tokens) survive.
    const paraphrase =
      'Here is a classic problem. In triangle $ABC$, $AB = 13$, $BC = 14$, and $CA = 15$. Let $H$ be the ' +
      'orthocenter of the triangle. Find the length of the altitude from $A$ to $BC$.';
    const found = matches(paraphrase).filter((m) => m.item === 3);
    const ngram = found.find((m) => m.method === 'ngram');
    expect(ngram?.score).toBeGreaterThan(0.5);
    expect(ngram?.score).toBeLessThan(1);
    expect(found.map((m) => m.method)).not.toContain('exact');
  });

  it('clearly different problems match nothing', () => {
    for (const text of [
      'What is the smallest prime number greater than 100?',
      'A bag contains marbles. What is the expected number of draws until a red marble appears?',
      'Let $g(x) = 2x + 1$. Find $g(g(3))$.',
      '',
    ])
      expect(matches(text)).toEqual([]);
  });
});
