// Long native-format rollouts for the viewer benchmark (docs/rollout-format.md): math reasoning made of
// token pieces that spell the response, inline and display formulas, paragraphs, a boxed answer, and three
// logged per-token signals (rm_logit as a random walk, logprob, entropy). The store derives rm_prob and
// is_weight from rm_logit, so the viewer shows five signals.
import fs from 'node:fs';
import path from 'node:path';
// Built by `npm run bench` before it runs this (vite.bench.config.mts).
import { seededRandom } from '../../out/bench/random.mjs';

const WORDS = [
  ' we',
  ' have',
  ' the',
  ' so',
  ' that',
  ' is',
  ' of',
  ' and',
  ' therefore',
  ' since',
  ' each',
  ' term',
  ' sum',
  ' value',
  ' gives',
  ' equation',
  ' both',
  ' sides',
  ' by',
  ' which',
  ' root',
  ' factor',
  ' check',
  ' case',
  ' now',
  ' let',
  ' us',
  ' find',
];
const MATH = [
  ['x'],
  ['^', '2'],
  [' +', ' '],
  ['\\frac', '{', '1', '}', '{', '2', '}'],
  [' =', ' '],
  ['\\sqrt', '{', '7', '}'],
  ['3'],
  ['(', 'x', ' -', ' 1', ')'],
  [' \\cdot', ' '],
  ['\\pi'],
  ['a', '_', 'n'],
  ['10', '0'],
];

/** Token pieces for one response of exactly `tokens` tokens, ending with the boxed answer. */
export function responseTokens(tokens, seed) {
  const rand = seededRandom(seed);
  const out = [];
  const ending = [' The', ' answer', ' is', ' $', '\\boxed', '{', '4', '2', '}', '$', '.'];
  let sentence = 0;
  while (out.length < tokens - ending.length) {
    const r = rand();
    if (r < 0.12) {
      const display = rand() < 0.15;
      out.push(display ? '\n\n$$' : ' $');
      const parts = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < parts; i++) out.push(...MATH[Math.floor(rand() * MATH.length)]);
      out.push(display ? '$$\n\n' : '$');
    } else if (r < 0.17) {
      out.push('.');
      sentence++;
      out.push(sentence % 4 === 0 ? '\n\n' : rand() < 0.3 ? '\n' : '');
      if (out[out.length - 1] === '') out.pop();
    } else out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  }
  out.length = Math.min(out.length, tokens - ending.length);
  // A cut could leave a formula open; close it so the text stays well formed.
  if (out.join('').split('$').length % 2 === 0) out[out.length - 1] = '$';
  return [...out, ...ending];
}

function signals(n, seed, correct) {
  const rand = seededRandom(seed);
  const logit = [];
  const logprob = [];
  const entropy = [];
  let walk = correct ? 0.3 : 0.1;
  for (let i = 0; i < n; i++) {
    walk += (rand() - (correct ? 0.48 : 0.52)) * 0.25;
    walk = Math.max(-4, Math.min(4, walk));
    logit.push(Math.round((walk + (rand() < 0.01 ? (rand() - 0.5) * 8 : 0)) * 1e4) / 1e4);
    logprob.push(-Math.round(rand() * rand() * rand() * 6e4) / 1e4);
    entropy.push(Math.round(rand() * rand() * 3e4) / 1e4);
  }
  return { rm_logit: logit, logprob, entropy };
}

export const VIEWER_ROLLOUTS = [
  { tokens: 16_000, correct: true, sample: 0 },
  { tokens: 16_000, correct: false, sample: 1 },
  { tokens: 32_000, correct: false, sample: 2 },
];

/** Writes the benchmark rollouts once into dir; returns the file. */
export function ensureViewerRollouts(dir) {
  const file = path.join(dir, 'viewer-rollouts-v1.jsonl');
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const lines = VIEWER_ROLLOUTS.map(({ tokens, correct, sample }) => {
    const pieces = responseTokens(tokens, 1000 + sample);
    return JSON.stringify({
      format: 'rl-curator.rollout.v1',
      run: 'viewer-bench',
      step: 0,
      question: 'Benchmark problem: find $x$ such that $x^2 = 1764$.',
      gold_answer: '42',
      group_id: 'g0',
      sample_index: sample,
      response: pieces.join(''),
      reward: correct ? 1 : 0,
      finish_reason: 'stop',
      tokens: pieces,
      signals: signals(pieces.length, 2000 + sample, correct),
      extracted_answer: correct ? '42' : '41',
    });
  });
  fs.writeFileSync(`${file}.tmp`, `${lines.join('\n')}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
