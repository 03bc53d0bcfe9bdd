// Deterministic benchmark inputs, generated once into .bench/ and reused while their recipe is unchanged.
import fs from 'node:fs';
import path from 'node:path';
// Built by `npm run bench` before it runs this (vite.bench.config.mts).
import { seededRandom } from '../../out/bench/random.mjs';

const SUBJECTS = [
  'Algebra',
  'Geometry',
  'Number Theory',
  'Counting & Probability',
  'Precalculus',
  'Intermediate Algebra',
  'Prealgebra',
];
const SOURCES = ['MATH', 'NuminaMath', 'AMC', 'AIME', 'Olympiad'];
const WORDS = [
  'triangle',
  'integer',
  'polynomial',
  'circle',
  'sequence',
  'probability',
  'remainder',
  'function',
  'sum',
  'product',
  'digits',
  'area',
];

/** 1,000,000 prompt lines of about 300 bytes, OREAL-style fields plus source/subject/level. */
export function ensurePromptFile(dir, rows = 1_000_000) {
  const file = path.join(dir, `prompts-${rows}.jsonl`);
  if (fs.existsSync(file) && fs.existsSync(`${file}.done`)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const rand = seededRandom(2502);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const fd = fs.openSync(file, 'w');
  let buffer = [];
  for (let i = 0; i < rows; i++) {
    const a = Math.floor(rand() * 1000);
    const b = Math.floor(rand() * 100) + 1;
    const question =
      `Problem ${i}: Let $f(x) = x^2 ` +
      `+ ${a}x + ${b}$. Find the ${pick(WORDS)} of all real $x$ such that $f(x) = ` +
      `\\sqrt{${b}}$ and the ${pick(WORDS)} of $\\frac{${a}}{${b}}$ is an ${pick(WORDS)}; express it in simplest form.`;
    const line = JSON.stringify({
      question,
      gold_answer: `\\frac{${a}}{${b}}`,
      pass_rate: Math.floor(rand() * 17) / 16,
      source: pick(SOURCES),
      subject: pick(SUBJECTS),
      level: 1 + Math.floor(rand() * 5),
    });
    buffer.push(line);
    if (buffer.length === 10_000) {
      fs.writeSync(fd, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  if (buffer.length) fs.writeSync(fd, `${buffer.join('\n')}\n`);
  fs.closeSync(fd);
  fs.writeFileSync(`${file}.done`, '');
  return file;
}
