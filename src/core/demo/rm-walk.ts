// Simulated token-level RM logits and policy log-probs for a demo solution. The logit is a noisy random
// walk that drifts up on a correct trace; on an incorrect one it turns down from the step that goes
// wrong, with sharp dips on its tokens, so the running probability sigmoid(cumulative mean) crosses 0.5
// after the mistake, as OREAL's token RM is trained to do.

function gaussian(rand: () => number): number {
  // Box-Muller; 1 - rand() keeps log() away from 0.
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function demoRmLogits(tokens: readonly string[], errorToken: number | null, rand: () => number): number[] {
  let level = 0.4 + gaussian(rand) * 0.3;
  const out: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const afterError = errorToken !== null && t >= errorToken;
    // The RM notices the mistake at once (a drop) and grows surer as the wrong line of reasoning goes on.
    if (t === errorToken) level -= 2;
    level += afterError ? -0.08 + gaussian(rand) * 0.05 : 0.006 + gaussian(rand) * 0.05;
    level = Math.max(-4, Math.min(4, level));
    const dip = afterError && t < errorToken + 12 && /\d/.test(tokens[t] as string) ? -3 : 0;
    out.push(round4(level + dip + gaussian(rand) * 0.6));
  }
  return out;
}

/** Log-probabilities: near 0 for predictable pieces, lower at digits and after a mistake. */
export function demoLogprobs(tokens: readonly string[], errorToken: number | null, rand: () => number): number[] {
  return tokens.map((tok, t) => {
    const base = /\d/.test(tok) ? -0.6 : -0.05;
    const unsure = errorToken !== null && t >= errorToken && t < errorToken + 12 ? -1.5 : 0;
    return round4(Math.min(0, base + unsure - Math.abs(gaussian(rand)) * 0.3));
  });
}
