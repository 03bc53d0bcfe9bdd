// Generated native-format rollout files of any size, for tests and benchmarks: groups of K samples per
// prompt, token pieces of math text, an rm_logit random walk and a logprob per token. Lines are built
// from a few pre-serialised token/signal templates so that hundreds of MB are written in seconds.
import fs from 'node:fs';
import { seededRandom } from '../../shared/random';

export interface SyntheticOptions {
  rollouts: number;
  tokensPerRollout: number;
  groupSize: number;
  /** Rollouts per step; steps are numbered from 0. */
  rolloutsPerStep: number;
  seed: number;
  run?: string;
  /** Distinct token/signal bodies to cycle through. */
  templates?: number;
}

const PIECES = [
  ' we',
  ' have',
  ' $',
  '\\frac',
  '{',
  '1',
  '}',
  '{',
  '2',
  '}',
  '$',
  ' so',
  ' the',
  ' answer',
  ' is',
  ' ',
  '\\boxed',
  '{',
  '4',
  '2',
  '}',
  '.',
  '\n\n',
  'Let',
  ' x',
  ' =',
  ' 3',
  '^',
  '{',
  '100',
  '}',
  ' +',
  ' \\sqrt',
  '7',
  ' Therefore',
  ',',
];

function template(rand: () => number, tokens: number): string {
  const pieces: string[] = [];
  const logit: number[] = [];
  const logprob: number[] = [];
  let walk = 0.2;
  for (let i = 0; i < tokens; i++) {
    pieces.push(PIECES[Math.floor(rand() * PIECES.length)] as string);
    walk += (rand() - 0.5) * 0.3;
    logit.push(Math.round(walk * 1e4) / 1e4);
    logprob.push(-Math.round(rand() * rand() * 4e4) / 1e4);
  }
  // Everything after the per-rollout head: response, tokens, signals.
  const response = JSON.stringify(pieces.join(''));
  const signals = `{"rm_logit":${JSON.stringify(logit)},"logprob":${JSON.stringify(logprob)}}`;
  return `"response":${response},"tokens":${JSON.stringify(pieces)},"signals":${signals}}`;
}

/** The i-th line's head fields; the group's prompt, step and reward are deterministic in i. */
function head(i: number, options: SyntheticOptions, rand: () => number): string {
  const group = Math.floor(i / options.groupSize);
  return JSON.stringify({
    run: options.run ?? 'synthetic',
    step: Math.floor(i / options.rolloutsPerStep),
    question: `Synthetic problem ${group}: find the value of $x$ such that $x^2 = ${group}$.`,
    group_id: `g${group}`,
    sample_index: i % options.groupSize,
    reward: rand() < 0.5 ? 1 : 0,
    advantage: 0,
    finish_reason: 'stop',
    token_count: options.tokensPerRollout,
  }).slice(0, -1);
}

export function* syntheticLines(options: SyntheticOptions): Generator<string> {
  const rand = seededRandom(options.seed);
  const bodies = Array.from({ length: options.templates ?? 8 }, () => template(rand, options.tokensPerRollout));
  for (let i = 0; i < options.rollouts; i++) yield `${head(i, options, rand)},${bodies[i % bodies.length] as string}\n`;
}

/** Writes the file; returns its size in bytes. */
export function writeSyntheticFile(file: string, options: SyntheticOptions): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    let batch: string[] = [];
    const flush = () => {
      const buf = Buffer.from(batch.join(''));
      fs.writeSync(fd, buf);
      bytes += buf.length;
      batch = [];
    };
    for (const line of syntheticLines(options)) {
      batch.push(line);
      if (batch.length >= 256) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
