// Rollout logs through the import wizard in Chromium against `serve`: the real Qwen2.5-Math evaluation
// dump (100 MATH prompts × 8 responses) uploaded as a rollout log, then the same file as a prompt set,
// whose prompt pages then show their 8 rollouts; and a self-written native log with one bad line,
// stopped by "abort" and skipped by "skip", the issue listed with its line, its prompt opened from the result.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  expectRowCount,
  fixture,
  FIXTURES_SKIP_REASON,
  gridCell,
  hasFixtures,
  openApp,
  test,
  useWorkspacePerFile,
  watchedPage,
} from './fixtures';

const workspace = useWorkspacePerFile();

const QWEN = 'qwen25math_math_cot_100_rollouts.jsonl';
const SAMPLES_PER_LINE = 8;

/** The value shown for one entry of the import summary. */
const summaryValue = (page: Page, key: string) => page.getByTestId(`import-summary-${key}`).locator('dd');

async function startRolloutImport(page: Page, policy: 'skip' | 'abort'): Promise<void> {
  await page.getByTestId(`rollout-policy-${policy}`).check();
  await page.getByTestId('rollout-start').click();
}

test('imports the real Qwen2.5-Math log as rollouts, then as a prompt set; a prompt page shows its 8 rollouts', async ({
  browser,
}) => {
  test.skip(!hasFixtures, FIXTURES_SKIP_REASON);
  const lines = fs
    .readFileSync(fixture(QWEN), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { question: string; response: string[] });
  const responses = lines.reduce((n, l) => n + l.response.length, 0);
  expect(responses).toBe(lines.length * SAMPLES_PER_LINE);
  const { page, pageErrors } = await watchedPage(browser);
  await openApp(page, workspace().server);

  await page.getByTestId('import-button').click();
  await page.getByTestId('import-kind-rollouts').check();
  await page.getByTestId('import-file-input').setInputFiles(fixture(QWEN));
  await expect(page.getByTestId('rollout-options')).toBeVisible();
  // The defaults come from the user's file name, not the server's stored copy; the format is detected.
  await expect(page.getByTestId('rollout-source')).toHaveText(QWEN);
  await expect(page.getByTestId('rollout-run-name')).toHaveValue('qwen25math_math_cot_100_rollouts');
  await expect(page.getByTestId('rollout-format')).toHaveValue('auto');
  await startRolloutImport(page, 'skip');

  const result = page.getByTestId('import-result');
  await expect(result).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(result).toHaveAttribute('data-kind', 'rollouts');
  await expect(summaryValue(page, 'rollouts')).toHaveText(responses.toLocaleString('en-US'));
  await expect(summaryValue(page, 'format')).toHaveText('eval-k');
  await expect(summaryValue(page, 'runs')).toHaveText('qwen25math_math_cot_100_rollouts');
  await expect(summaryValue(page, 'steps')).toHaveText('1');
  // No prompt set yet: every prompt of the log is unmatched.
  await expect(summaryValue(page, 'prompts')).toHaveText(String(lines.length));
  await expect(summaryValue(page, 'matched')).toHaveText('0');
  await expect(summaryValue(page, 'unmatched')).toHaveText(String(lines.length));
  await expect(page.getByTestId('import-open-prompt')).toBeDisabled();
  await expect(page.getByTestId('import-result-issues')).toHaveCount(0);

  // The same file as a prompt set: the log's prompts join it by question.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByTestId('import-kind-prompts').check();
  await page.getByTestId('import-file-input').setInputFiles(fixture(QWEN));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('mapping-question')).toHaveValue('question');
  await page.getByTestId('import-start').click();
  await expect(result).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-wizard')).toBeHidden();
  await expectRowCount(page, lines.length);

  await gridCell(page, 0, 'question').click();
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('open-prompt-page').click();
  await expect(page.getByTestId('prompt-page')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('rollout-count')).toHaveAttribute('data-count', String(SAMPLES_PER_LINE));
  await expect(page.getByTestId('rollout-row')).toHaveCount(SAMPLES_PER_LINE);
  expect(pageErrors).toEqual([]);
  await page.close();
});

const QUESTION = 'Self-written check: what is 2 + 3?';
const TOKENS = ['2', ' +', ' 3', ' =', ' 5'];

/** Three native rollouts of one question; line 2's logprob signal has 3 values for 5 tokens. */
function writeBadLog(dir: string): string {
  const line = (reward: number, logprob: number[]) =>
    JSON.stringify({
      format: 'rl-curator.rollout.v1',
      question: QUESTION,
      response: TOKENS.join(''),
      reward,
      tokens: TOKENS,
      signals: { logprob },
    });
  const lines = [
    line(1, [-0.1, -0.2, -0.1, -0.3, -0.05]),
    line(1, [-0.1, -0.2, -0.3]),
    line(0, [-0.4, -0.2, -0.1, -0.3, -0.9]),
  ];
  const file = path.join(dir, 'bad-signals.jsonl');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

test(
  'a native log with a bad line: "abort" keeps nothing, "skip" lists the line; the matched ' +
    'prompt opens from the result',
  async ({ browser }) => {
    const dir = workspace().dir;
    const promptsFile = path.join(dir, 'tiny-prompts.jsonl');
    fs.writeFileSync(promptsFile, `${JSON.stringify({ question: QUESTION, answer: '5' })}\n`);
    const logFile = writeBadLog(dir);
    const { page, pageErrors } = await watchedPage(browser);
    await openApp(page, workspace().server);

    // The prompt set the log's question joins, by a typed path.
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-path').fill(promptsFile);
    await page.getByTestId('import-path').press('Enter');
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Import another file' }).click();

    // A path that does not exist fails when the import starts, before any job.
    await page.getByTestId('import-kind-rollouts').check();
    await page.getByTestId('import-path').fill(path.join(dir, 'no-such-log.jsonl'));
    await page.getByTestId('import-path').press('Enter');
    await startRolloutImport(page, 'abort');
    await expect(page.getByTestId('import-error')).toContainText('no-such-log.jsonl');
    await page.getByRole('button', { name: 'Back' }).click();

    // "abort": the bad line stops the import and nothing is kept.
    await page.getByTestId('import-path').fill(logFile);
    await page.getByTestId('import-path').press('Enter');
    await expect(page.getByTestId('rollout-source')).toHaveText(logFile);
    await expect(page.getByTestId('rollout-run-name')).toHaveValue('bad-signals');
    await startRolloutImport(page, 'abort');
    await expect(result).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
    await expect(page.getByTestId('import-failure')).toContainText('line 2');

    // "skip": two rollouts kept, the bad line listed with file, line, field and reason.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('import-path').fill(logFile);
    await page.getByTestId('import-path').press('Enter');
    await startRolloutImport(page, 'skip');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(summaryValue(page, 'rollouts')).toHaveText('2');
    await expect(summaryValue(page, 'badRows')).toHaveText('1');
    await expect(summaryValue(page, 'format')).toHaveText('native');
    await expect(summaryValue(page, 'runs')).toHaveText('bad-signals');
    await expect(summaryValue(page, 'matched')).toHaveText('1');
    await expect(summaryValue(page, 'unmatched')).toHaveText('0');
    const issues = page.getByTestId('import-result-issues').locator('tbody tr');
    await expect(issues).toHaveCount(1);
    const cells = issues.first().locator('td');
    await expect(cells.nth(0)).toHaveText('bad-signals.jsonl');
    await expect(cells.nth(1)).toHaveText('2');
    await expect(cells.nth(2)).toHaveText('signals.logprob');
    await expect(cells.nth(3)).toContainText('3 values but there are 5 tokens');

    // The result opens the prompt the rollouts joined: its page lists the two kept rollouts.
    await page.getByTestId('import-open-prompt').click();
    await expect(page.getByTestId('import-wizard')).toBeHidden();
    await expect(page.getByTestId('prompt-page')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('prompt-page')).toHaveAttribute('data-scope', 'prompt');
    await expect(page.getByTestId('rollout-count')).toHaveAttribute('data-count', '2');
    expect(pageErrors).toEqual([]);
    await page.close();
  },
);
