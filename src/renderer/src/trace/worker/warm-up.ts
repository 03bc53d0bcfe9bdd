// A small made-up trace with every feature the real ones use (math, paragraphs, several signals), laid
// out once when a page opens so the worker's code is compiled before the first real trace.
import type { TraceInput } from '../model/trace-model';

const PIECES = [
  'Let',
  ' $',
  'x',
  '^',
  '2',
  ' =',
  ' 4',
  '$',
  '.',
  '\n\n',
  'So',
  ' $$',
  '\\frac',
  '{',
  '1',
  '}',
  '{',
  '2',
  '}',
  '$$',
  ' and',
  ' the',
  ' answer',
  ' is',
  ' $',
  '\\boxed',
  '{',
  '2',
  '}',
  '$',
  '.',
  '\n',
];

export function warmUpInput(): TraceInput {
  const tokens: string[] = [];
  for (let i = 0; i < 600; i++) tokens.push(PIECES[i % PIECES.length] as string);
  const starts: number[] = [];
  let at = 0;
  for (const t of tokens) {
    starts.push(at);
    at += t.length;
  }
  const wave = (f: number) => Float32Array.from(tokens, (_, i) => Math.sin(i / f));
  return {
    key: 'warm-up',
    response: tokens.join(''),
    starts,
    texts: null,
    spans: [{ name: 'step_rating', start: 0, end: 10, value: 1 }],
    correct: true,
    crossing: null,
    signals: [
      { name: 'rm_logit', values: wave(7) },
      { name: 'rm_prob', values: wave(11).map((v) => 0.5 + v / 2) },
      { name: 'is_weight', values: wave(13).map((v) => Math.abs(v)) },
    ],
  };
}
