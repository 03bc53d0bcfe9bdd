// Reviewed differences between this verifier and reference verdicts on real data. The real-data
// test fails on any difference that is not listed here (and on listed ones that disappeared), so
// each entry records a human look at the case: who is right, and why.

export interface ReviewedDisagreement {
  /** `idx` of the line in qwen25math_math_cot_100_rollouts.jsonl. */
  idx: number;
  /** Index of the response within the line's 8 samples. */
  sample: number;
  ours: boolean;
  file: boolean;
  right: 'ours' | 'file' | 'neither';
  why: string;
}

/** Our verdict vs the Qwen2.5-Math Python grader's `score` (800 responses, gold = `gt`). */
export const QWEN_ROLLOUT_DISAGREEMENTS: readonly ReviewedDisagreement[] = [
  {
    idx: 72,
    sample: 7,
    ours: true,
    file: false,
    right: 'ours',
    why:
      '49,994÷7 + 20,006÷7 = 70,000÷7 = 10,000. The response boxes 10000; the gold is written "10{,}000". ' +
      'The Python grader strips "," but not the braces, so it compares "10{}000" and fails; we ' +
      'read {,} as a thousands separator.',
  },
];

/**
 * Agreements worth knowing: idx 3's `gt` is "4:30p.." — the Qwen2.5-Math unit list deleted the "m"
 * of "p.m." from the original answer "\text{4:30 p.m.}" (the line's `answer` field). All 8 responses
 * box "4:30 \text{ p.m.}", which is right; both graders say wrong against the mangled `gt`, and we
 * say right against `answer` (checked in the test).
 */
export const QWEN_MANGLED_GOLD_IDX = 3;

/** MATH-500: last \boxed{} of `solution` vs `answer` that do not match (none at present). */
export const MATH500_REVIEWED_MISSES: ReadonlyArray<{ uniqueId: string; why: string }> = [];

/**
 * MATH-500 negative control: all pairs of distinct gold answers are checked against each other;
 * these are the only pairs we accept, each reviewed as equal (or as the same answer in MATH's
 * own normal form, which drops units, degrees, `x =` and dollar signs).
 */
export const MATH500_CROSS_MATCHES: ReadonlyArray<[string, string, string]> = [
  ['90^\\circ', '90', 'degrees are dropped, as in MATH'],
  ['5', 'x=5', 'short `x =` prefix is dropped, as in MATH'],
  ['1,-2', '-2,1', 'the same two solutions in another order'],
  ['(-2,1)', '-2,1', 'the parentheses of a bare list of two solutions are ignored (Qwen2.5-Math does too)'],
  ['120^\\circ', '120', 'degrees'],
  ['36', '36^\\circ', 'degrees'],
  ['36', '\\$36', 'dollar sign'],
  ['\\frac{1}{4}', '\\frac14', '\\frac14 is \\frac{1}{4}'],
  ['30^\\circ', '30', 'degrees'],
  ['10,\\!080', '10080', 'thousands separator'],
  ['15', '15\\mbox{ cm}^2', 'unit'],
  ['36^\\circ', '\\$36', 'degrees and dollars both dropped: the same normal form 36'],
  ['2 \\sqrt{5}', '2\\sqrt{5}', 'spacing'],
];
