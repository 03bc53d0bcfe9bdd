// Benchmark driver for the answer verifier, on one core (this thread): checks per CPU-second for the
// string+numeric pairs and for pairs that reach the symbolic stage (benchCases() in src/core/answer-check),
// and whole rollouts per second (extraction + check) over real responses when a fixture file is given.
// Prints one JSON line for scripts/bench/run.mjs.
import fs from 'node:fs';
import { benchCases, checkAnswer, verifyResponse } from '../../src/core/answer-check/index';
import { clearNormalizeCache } from '../../src/core/answer-check/equivalence';
import { isMathjsLoaded } from '../../src/core/answer-check/mathjs-loader';

const MIN_CPU_SECONDS = 1.5;

/** CPU time of this process (user + system), in seconds. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Calls `once(i)` until MIN_CPU_SECONDS of CPU time were spent; returns calls per CPU-second (what one
 * core does, whatever else the machine runs) and per wall-clock second.
 */
function rate(once: (i: number) => void): { perSecond: number; perWallSecond: number; calls: number } {
  let calls = 0;
  const cpuStart = cpuSeconds();
  const wallStart = performance.now();
  let cpu = 0;
  while (cpu < MIN_CPU_SECONDS) {
    for (let k = 0; k < 256; k++) once(calls++);
    cpu = cpuSeconds() - cpuStart;
  }
  return { perSecond: calls / cpu, perWallSecond: calls / ((performance.now() - wallStart) / 1000), calls };
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
    rollouts = {
      perSecond: r.perSecond,
      responses: pairs.length,
      meanChars: pairs.reduce((a, [t]) => a + t.length, 0) / pairs.length,
    };
  }

  console.log(
    JSON.stringify({
      stringNumeric: {
        warmPerSecond: warm.perSecond,
        warmPerWallSecond: warm.perWallSecond,
        coldPerSecond: cold.perSecond,
        pairs: simple.length,
        mathjsLoaded: mathjsAfterSimple,
      },
      symbolic: {
        perSecond: sym.perSecond,
        perWallSecond: sym.perWallSecond,
        meanMs: 1000 / sym.perSecond,
        pairs: symbolic.length,
        mathjsLoadMs,
      },
      rollouts,
    }),
  );
}

main();
