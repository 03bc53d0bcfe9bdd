// Benchmark driver for the answer verifier, on one core (this thread): checks per second for the
// string+numeric pairs and for pairs that reach the symbolic stage (benchCases() in src/core/verify),
// and whole rollouts per second (extraction + check) over real responses when a fixture file is given.
// Prints one JSON line for scripts/bench/run.mjs.
import fs from 'node:fs';
import { benchCases, checkAnswer, verifyResponse } from '../../src/core/verify/index';
import { clearNormalizeCache } from '../../src/core/verify/equivalence';
import { isMathjsLoaded } from '../../src/core/verify/mathjs-loader';

const MIN_SECONDS = 1.5;

/** Calls `once(i)` until MIN_SECONDS have passed; returns calls per second. */
function rate(once: (i: number) => void): { perSecond: number; calls: number; seconds: number } {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS * 1000) {
    for (let k = 0; k < 256; k++) once(calls++);
    elapsed = performance.now() - started;
  }
  return { perSecond: calls / (elapsed / 1000), calls, seconds: elapsed / 1000 };
}

function main(): void {
  const cases = benchCases();
  const simple = cases['string+numeric'];
  const symbolic = cases.symbolic;
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

  // Warm: gold answers repeat across a prompt's rollouts, so cached normal forms are the usual case.
  const warm = rate((i) => {
    const [p, g] = pick(simple, i);
    checkAnswer(p, g);
  });
  // Cold: every answer normalised afresh (a new prompt set, or answers that never repeat).
  const cold = rate((i) => {
    const [p, g] = pick(simple, i);
    clearNormalizeCache();
    checkAnswer(p, g);
  });
  const mathjsAfterSimple = isMathjsLoaded();

  // The first symbolic check loads mathjs (seconds); time that apart.
  const loadStart = performance.now();
  checkAnswer(...(symbolic[0] as [string, string]));
  const mathjsLoadMs = performance.now() - loadStart;
  const sym = rate((i) => {
    const [p, g] = pick(symbolic, i);
    checkAnswer(p, g);
  });

  let rollouts: { perSecond: number; responses: number; meanChars: number } | null = null;
  const file = process.argv[2];
  if (file && fs.existsSync(file)) {
    const groups = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { gt: string; response: string[] });
    const pairs = groups.flatMap((g) => g.response.map((r) => [r, g.gt] as const));
    const r = rate((i) => {
      const [response, gold] = pick(pairs, i);
      verifyResponse(response, gold);
    });
    rollouts = { perSecond: r.perSecond, responses: pairs.length, meanChars: pairs.reduce((a, [t]) => a + t.length, 0) / pairs.length };
  }

  console.log(
    JSON.stringify({
      stringNumeric: { warmPerSecond: warm.perSecond, coldPerSecond: cold.perSecond, pairs: simple.length, mathjsLoaded: mathjsAfterSimple },
      symbolic: { perSecond: sym.perSecond, meanMs: 1000 / sym.perSecond, pairs: symbolic.length, mathjsLoadMs },
      rollouts,
    }),
  );
}

main();
