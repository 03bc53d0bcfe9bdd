import { describe, expect, it } from 'vitest';
import { hasMath, tokenizeMath } from './tokenize-math';
import type { MathSegment } from './tokenize-math';

const text = (t: string): MathSegment => ({ kind: 'text', text: t });
const inline = (tex: string): MathSegment => ({ kind: 'math', tex, display: false });
const display = (tex: string): MathSegment => ({ kind: 'math', tex, display: true });

describe('tokenizeMath', () => {
  it('leaves plain text alone', () => {
    expect(tokenizeMath('What is 2 + 2?')).toEqual([text('What is 2 + 2?')]);
    expect(tokenizeMath('')).toEqual([]);
  });

  it('splits all four delimiter kinds', () => {
    expect(tokenizeMath('Let $x=1$ and $$y^2$$ then \\(z\\) or \\[w\\].')).toEqual([
      text('Let '),
      inline('x=1'),
      text(' and '),
      display('y^2'),
      text(' then '),
      inline('z'),
      text(' or '),
      display('w'),
      text('.'),
    ]);
  });

  it('reads adjacent inline formulas as two formulas', () => {
    expect(tokenizeMath('$a$$b$')).toEqual([inline('a'), inline('b')]);
  });

  it('turns \\$ in text into a literal dollar and keeps it inside math', () => {
    expect(tokenizeMath('It costs \\$5 and \\$10.')).toEqual([text('It costs $5 and $10.')]);
    expect(tokenizeMath('$\\$5 + x$')).toEqual([inline('\\$5 + x')]);
  });

  it('does not read currency as math', () => {
    expect(tokenizeMath('Pay $5 and $10 now')).toEqual([text('Pay $5 and $10 now')]);
  });

  it('shows unclosed or empty delimiters as text and keeps scanning', () => {
    expect(tokenizeMath('cut off at $\\frac{1}{')).toEqual([text('cut off at $\\frac{1}{')]);
    expect(tokenizeMath('\\(x + 1 and then $y$')).toEqual([text('\\(x + 1 and then '), inline('y')]);
    expect(tokenizeMath('$$ $$ and')).toEqual([text('$$ $$ and')]);
    expect(tokenizeMath('\\[a')).toEqual([text('\\[a')]);
  });

  it('never lets a backslash pair open or close math', () => {
    expect(tokenizeMath('line\\\\(not math)')).toEqual([text('line\\\\(not math)')]);
    expect(tokenizeMath('\\(a \\\\) b\\)')).toEqual([inline('a \\\\) b')]);
  });

  it('keeps inline $ math inside one paragraph', () => {
    expect(tokenizeMath('a $stray\n\nnext $x$')).toEqual([text('a $stray\n\nnext '), inline('x')]);
    expect(tokenizeMath('$a\nb$')).toEqual([inline('a\nb')]);
  });

  it('reports whether there is math', () => {
    expect(hasMath(tokenizeMath('no math'))).toBe(false);
    expect(hasMath(tokenizeMath('$x$'))).toBe(true);
  });

  it('round-trips: text and math segments rebuild the input', () => {
    const input = 'A \\(b\\) $$c$$ \\[d\\] $e$ f';
    const rebuilt = tokenizeMath(input)
      .map((s) => (s.kind === 'text' ? s.text : s.display ? `$$${s.tex}$$` : `$${s.tex}$`))
      .join('');
    expect(rebuilt).toBe('A $b$ $$c$$ $$d$$ $e$ f');
  });
});

// The renderer's tsconfig has no Node types, so the shared fixture is read through Vite's glob import,
// which simply matches nothing when ../shared/fixtures is absent (a user's fresh clone).
const math500 = Object.values(
  import.meta.glob<string>('../../../../../shared/fixtures/math500_test.jsonl', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0];
const FIXTURE_NOTE =
  math500 === undefined ? ' (skipped: real-data fixtures not found in ../shared/fixtures beside the checkout)' : '';

describe.skipIf(math500 === undefined)(`tokenizeMath on MATH-500 questions${FIXTURE_NOTE}`, () => {
  const problems = (math500 ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { problem: string }).problem);

  it('finds math in most problems and leaves no unpaired $ in the text', () => {
    let withMath = 0;
    const strays: string[] = [];
    for (const problem of problems) {
      const segments = tokenizeMath(problem);
      if (hasMath(segments)) withMath++;
      // Escaped dollars come back as "$" on purpose; count only dollars the source did not escape.
      const escaped = (problem.match(/\\\$/g) ?? []).length;
      const shown = segments
        .filter((s) => s.kind === 'text')
        .reduce((n, s) => n + (s.kind === 'text' ? (s.text.match(/\$/g) ?? []).length : 0), 0);
      if (shown > escaped) strays.push(problem.slice(0, 80));
    }
    expect(problems.length).toBe(500);
    expect(withMath).toBeGreaterThan(problems.length / 2);
    expect(strays).toEqual([]);
  });
});
