// Deterministic inputs for the contamination bench, generated once into .bench/contamination/: 10,000 benchmark
// problems and 1,000,000 training prompts of which 1% are exact copies of benchmark items (written another way),
// 1% the same problems with other numbers, 1% near copies (a preamble and one word changed) and 1% near-duplicates
// of other training prompts; the rest are new problems. Text is made of math-problem words, numbers and formulas.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../out/bench/random.mjs';

const WORDS = (
  'a an the of to in is are be let find compute determine show prove that which what how many much sum product ' +
  'integer integers real number numbers positive negative prime divisor divisors multiple remainder when divided ' +
  'by triangle circle square rectangle polygon area perimeter radius diameter angle side sides vertex vertices ' +
  'length lengths probability chosen random ways arrange arranged digits digit sequence terms term first last ' +
  'function polynomial roots root coefficient coefficients value values greatest least smallest largest ' +
  'expression simplest form fraction common answer express such all distinct ordered pairs solutions equation ' +
  'system graph line lines point points plane coordinate slope intercept distance between each every two three ' +
  'four five bag contains red blue green marbles balls drawn without replacement with students class school ' +
  'store sells costs dollars hours minutes speed travels train car rate work together alone days weeks'
).split(' ');
const FORMULAS = [
  (n) => `$x^{${(n % 7) + 2}} + ${n}x$`,
  (n) => `$\\frac{${n}}{${n + 3}}$`,
  (n) => `$\\sqrt{${n}}$`,
  (n) => `$f(x) = ${n}x - ${n % 11}$`,
  (n) => `$a_{n+1} = ${(n % 9) + 2}a_n$`,
  (n) => `$\\binom{${(n % 20) + 5}}{${(n % 5) + 1}}$`,
];

function problem(rand) {
  const n = 25 + Math.floor(rand() * 50);
  const parts = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.1) parts.push(String(Math.floor(rand() * 1000)));
    else if (r < 0.16) parts.push(FORMULAS[Math.floor(rand() * FORMULAS.length)](Math.floor(rand() * 100)));
    else parts.push(WORDS[Math.floor(rand() * WORDS.length)]);
    if (rand() < 0.07) parts[parts.length - 1] += '.';
  }
  return `${parts.join(' ')}?`;
}

const otherNumbers = (text, rand) => text.replace(/\d+/g, () => String(Math.floor(rand() * 1000)));
const otherDelimiters = (text) => text.replace(/\$([^$]*)\$/g, '\\($1\\)').replace(/ /g, '  ');
function nearCopy(text, rand) {
  const words = text.split(' ');
  words[Math.floor(words.length * 0.8)] = WORDS[Math.floor(rand() * WORDS.length)];
  return `Here is a problem from a past contest. ${words.join(' ')}`;
}

export const CONTAMINATION_BENCH = { bench: 10_000, train: 1_000_000 };

/** Writes (once) and returns the two files. */
export function ensureContaminationFiles(dir, sizes = CONTAMINATION_BENCH) {
  const folder = path.join(dir, 'contamination');
  const bench = path.join(folder, `bench-${sizes.bench}.jsonl`);
  const train = path.join(folder, `train-${sizes.train}.jsonl`);
  const done = path.join(folder, `done-${sizes.bench}-${sizes.train}`);
  if (fs.existsSync(done)) return { bench, train };
  fs.mkdirSync(folder, { recursive: true });
  const rand = seededRandom(1212);
  const items = Array.from({ length: sizes.bench }, () => problem(rand));
  fs.writeFileSync(bench, `${items.map((question) => JSON.stringify({ question, answer: '1' })).join('\n')}\n`);
  const fd = fs.openSync(train, 'w');
  let buffer = [];
  const recent = [];
  for (let i = 0; i < sizes.train; i++) {
    const r = rand();
    const item = items[Math.floor(rand() * items.length)];
    let question;
    if (r < 0.01) question = otherDelimiters(item);
    else if (r < 0.02) question = otherNumbers(item, rand);
    else if (r < 0.03) question = nearCopy(item, rand);
    else if (r < 0.04 && recent.length > 0) question = nearCopy(recent[Math.floor(rand() * recent.length)], rand);
    else {
      question = problem(rand);
      if (recent.length < 1000) recent.push(question);
      else recent[Math.floor(rand() * 1000)] = question;
    }
    buffer.push(JSON.stringify({ question, answer: '1' }));
    if (buffer.length === 10_000) {
      fs.writeSync(fd, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  if (buffer.length) fs.writeSync(fd, `${buffer.join('\n')}\n`);
  fs.closeSync(fd);
  fs.writeFileSync(done, '');
  return { bench, train };
}
