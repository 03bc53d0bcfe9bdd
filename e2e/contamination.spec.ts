// Benchmark contamination in Chromium against `serve`, on small written data: a dataset marked as a benchmark in the
// Contamination dialog, the check run as a job from the top bar, the flagged prompts found through the side panel,
// a side-by-side view with the differences marked, and an export that leaves them out and says how many.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectRowCount, openApp, test, useWorkspacePerFile, watchedPage } from './fixtures';
import { call } from './trace-fixtures';

const workspace = useWorkspacePerFile();

const BENCH = [
  'A bag contains 5 red marbles and 7 blue marbles. Two marbles are drawn at random without replacement. What is ' +
    'the probability that both marbles are red?',
  'In triangle $ABC$, $AB = 13$, $BC = 14$, and $CA = 15$. Let $H$ be the orthocenter of the triangle. Find the ' +
    'length of the altitude from $A$ to side $BC$.',
];
const TRAIN = [
  BENCH[0],
  'A bag contains 6 red marbles and 9 blue marbles. Two marbles are drawn at random without replacement. What is ' +
    'the probability that both marbles are red?',
  'Here is a classic problem. In triangle $ABC$, $AB = 13$, $BC = 14$, and $CA = 15$. Let $H$ be the orthocenter ' +
    'of the triangle. Find the length of the altitude from $A$ to $BC$.',
  'What is the smallest prime number greater than 100?',
  'How many ways can 4 books be arranged on a shelf if two of them must stay next to each other?',
];

async function importSet(page: Page, name: string, questions: readonly (string | undefined)[]): Promise<void> {
  const { origin } = workspace().server;
  const file = path.join(workspace().dir, `${name}.jsonl`);
  fs.writeFileSync(file, questions.map((question) => JSON.stringify({ question, answer: '1' })).join('\n'));
  const { jobId } = await call<{ jobId: number }>(page, origin, 'import.prompts', { path: file, datasetName: name });
  await expect
    .poll(async () => (await call<{ status: string }>(page, origin, 'jobs.get', { id: jobId })).status)
    .toBe('done');
}

test('mark a benchmark, check, find the flagged prompts, compare one, export without them', async ({ browser }) => {
  const { page, pageErrors } = await watchedPage(browser);
  await openApp(page, workspace().server);
  await importSet(page, 'bench', BENCH);
  await importSet(page, 'train', TRAIN);
  await page.reload();
  await expectRowCount(page, BENCH.length + TRAIN.length);
  // No check yet: no Contamination group in the side panel.
  await expect(page.getByTestId('contamination-filters')).toHaveCount(0);

  await page.getByTestId('contamination-button').click();
  const dialog = page.getByTestId('contamination-dialog');
  await expect(dialog.getByTestId('contamination-start')).toBeDisabled();
  await dialog.getByTestId('dataset-role-bench').selectOption('benchmark');
  await expect(dialog.getByTestId('contamination-start')).toBeEnabled();
  await dialog.getByTestId('contamination-start').click();
  await expect(dialog.getByTestId('contamination-result')).toHaveAttribute('data-flagged', '3', { timeout: 60_000 });
  await page.keyboard.press('Escape');

  const group = page.getByTestId('contamination-filters');
  await expect(group.getByTestId('contamination-count-exact')).toHaveAttribute('data-count', '1');
  await expect(group.getByTestId('contamination-count-templated')).toHaveAttribute('data-count', '1');
  await expect(group.getByTestId('contamination-count-near')).toHaveAttribute('data-count', '1');
  await group.getByTestId('contamination-filter-templated').check();
  await expectRowCount(page, 1);
  await page.locator('[role="row"][row-index="0"] [role="gridcell"][col-id="question"]').click();
  const section = page.getByTestId('contamination-section');
  await expect(section.getByTestId('contamination-class')).toHaveText('templated');
  await section.getByTestId('contamination-compare').first().click();
  const compare = page.getByTestId('compare-dialog');
  // "6 red … 9 blue" against "5 red … 7 blue": two words differ on each side, marked.
  await expect(compare.getByTestId('compare-summary')).toHaveAttribute('data-changes', '4');
  await expect(compare.getByTestId('compare-left').locator('.compare__changed')).toHaveText(['6', '9']);
  await expect(compare.getByTestId('compare-right').locator('.compare__changed')).toHaveText(['5', '7']);
  await page.keyboard.press('Escape');
  await group.getByTestId('contamination-filters-clear').click();
  await expectRowCount(page, BENCH.length + TRAIN.length);

  await page.getByTestId('export-button').click();
  await page.getByTestId('export-format').selectOption('jsonl');
  await page.getByTestId('export-exclude-contaminated').check();
  await page.getByTestId('export-outdir').fill(path.join(workspace().dir, 'clean'));
  await page.getByTestId('export-start').click();
  const manifest = page.getByTestId('export-manifest');
  await expect(manifest.getByTestId('export-manifest-contamination')).toHaveAttribute('data-excluded', '3', {
    timeout: 60_000,
  });
  await expect(manifest.getByTestId('export-manifest-contamination')).toContainText('bench');
  const written = JSON.parse(fs.readFileSync(path.join(workspace().dir, 'clean', 'manifest.json'), 'utf8')) as {
    counts: { exported: number; excludedByContamination: number };
  };
  // The benchmark items themselves are not contaminated: 2 clean training prompts + 2 benchmark items go out.
  expect(written.counts).toMatchObject({ exported: 4, excludedByContamination: 3 });
  expect(pageErrors).toEqual([]);
});
