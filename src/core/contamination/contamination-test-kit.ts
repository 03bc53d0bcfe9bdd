// Small written data for the contamination tests (not used by the app): a benchmark and a training set holding an
// exact copy, a spacing variant, a templated copy, a paraphrase, near-duplicates of each other and unrelated problems.
import type { Core } from '../index';
import { importFile, jsonl, unwrap, writeFile } from '../import/import-test-helpers';

export const BENCH_PROBLEMS = [
  'A bag contains 5 red marbles and 7 blue marbles. Two marbles are drawn at random without replacement. What is ' +
    'the probability that both marbles are red?',
  'In triangle $ABC$, $AB = 13$, $BC = 14$, and $CA = 15$. Let $H$ be the orthocenter of the triangle. Find the ' +
    'length of the altitude from $A$ to side $BC$.',
  'Let $f(x) = x^2 - 3x + 2$. Find the sum of all real numbers $x$ such that $f(f(x)) = 0$, and give your ' +
    'answer as a common fraction.',
  'How many positive divisors does $6^{10}$ have that are perfect squares but not perfect cubes?',
];

/** Training problems with what the check must find for each (null: nothing). */
export const TRAIN_PROBLEMS: { question: string; expect: 'exact' | 'templated' | 'near' | null }[] = [
  { question: BENCH_PROBLEMS[0] as string, expect: 'exact' },
  {
    question:
      'let \\( f(x)=x^{2}-3x+2 \\).  Find the sum of all real numbers \\(x\\) such that \\( f(f(x)) = 0 \\), and ' +
      'give your answer as a common fraction.',
    expect: 'exact',
  },
  {
    question: (BENCH_PROBLEMS[0] as string).replace('5 red', '6 red').replace('7 blue', '9 blue'),
    expect: 'templated',
  },
  {
    question:
      'Here is a classic problem. In triangle $ABC$, $AB = 13$, $BC = 14$, and $CA = 15$. Let $H$ be the ' +
      'orthocenter of the triangle. Find the length of the altitude from $A$ to $BC$.',
    expect: 'near',
  },
  { question: 'What is the smallest prime number greater than 100?', expect: null },
  {
    question:
      'Sam has 12 apples and gives a third of them to each of his two sisters, keeping the rest for a pie. How ' +
      'many apples does Sam keep for the pie after giving his sisters their share?',
    expect: null,
  },
  {
    question:
      'Sam has 12 apples and gives a third of them to each of his two sisters, keeping the rest for a pie. How ' +
      'many apples does Sam keep for the pie after giving the sisters their share?',
    expect: null,
  },
];

/** Imports the two sets into `core` and marks the first as a benchmark; returns their dataset ids. */
export async function importContaminationSets(core: Core, dir: string): Promise<{ bench: number; train: number }> {
  const bench = await importFile(core, {
    path: writeFile(dir, 'bench.jsonl', jsonl(BENCH_PROBLEMS.map((problem, i) => ({ problem, answer: `${i}` })))),
    datasetName: 'bench',
  });
  const train = await importFile(core, {
    path: writeFile(dir, 'train.jsonl', jsonl(TRAIN_PROBLEMS.map((p) => ({ question: p.question, answer: '1' })))),
    datasetName: 'train',
  });
  const benchId = bench.result?.datasetId as number;
  unwrap(await core.invoke('datasets.setRole', { id: benchId, role: 'benchmark' }));
  return { bench: benchId, train: train.result?.datasetId as number };
}
