// mathjs is loaded on first use: importing it costs seconds (it builds its whole function
// table), and most checks never get past the string and numeric stages. The require is
// synchronous because checkAnswer is; Rollup rewrites import.meta.url for CommonJS builds.
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';

let loaded: typeof MathJs | null = null;

export function mathjs(): typeof MathJs {
  loaded ??= createRequire(import.meta.url)('mathjs') as typeof MathJs;
  return loaded;
}

/** Whether the symbolic stage has loaded mathjs in this process (for tests and benchmarks). */
export function isMathjsLoaded(): boolean {
  return loaded !== null;
}
