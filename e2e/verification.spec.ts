// Answer re-verification in Chromium against `serve`, on the real Qwen2.5-Math rollouts (100 MATH prompts
// × 8 responses): the same file imported as a prompt set (its `gt` as the gold answer, as the log has
// it) and as rollouts; Re-verify… run from the top bar, waited on through its dialog; the summary and
// its suspect gold answers; the prompt page's majority answer; the side panel's Re-verification filters.
import fs from 'node:fs';
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
import { call, importRollouts } from './trace-fixtures';

const workspace = useWorkspacePerFile();
test.describe.configure({ mode: 'serial' });

const FILE = 'qwen25math_math_cot_100_rollouts.jsonl';
const api = <T>(page: Page, method: string, input: unknown) => call<T>(page, workspace().server.origin, method, input);

interface Line {
  idx: number;
  question: string;
  gt: string;
  score: boolean[];
}
interface Suspect {
  promptId: number | null;
  goldAnswer: string | null;
  majorityAnswer: string;
  majorityVotes: number;
  rollouts: number;
}
interface Summary {
  rollouts: number;
  verified: number;
  agree: number;
  loggedCorrectRecheckWrong: number;
  loggedWrongRecheckRight: number;
  suspectGold: number;
}

/** Waits for a job started through the API (setup only; the Re-verify job is waited on in the UI). */
async function finishJob(page: Page, jobId: number): Promise<void> {
  await expect
    .poll(async () => (await api<{ status: string }>(page, 'jobs.get', { id: jobId })).status, { timeout: 60_000 })
    .toBe('done');
}

/** The prompt ids shown in the grid's rows, top to bottom. */
async function gridIds(page: Page, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(Number(await gridCell(page, i, 'id').textContent()));
  return ids;
}

test.describe('re-verification of real Qwen2.5-Math rollouts', () => {
  test.skip(!hasFixtures, FIXTURES_SKIP_REASON);

  test('Re-verify from the top bar finds the suspect gold answers; the filter and the prompt page show them', async ({
    browser,
  }) => {
    const { page, pageErrors } = await watchedPage(browser);
    await openApp(page, workspace().server);
    const source = fixture(FILE);
    const lines = fs
      .readFileSync(source, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Line);

    // The prompt set carries the log's own gold answers (`gt`, where "4:30p.." is mangled), so the grid
    // has prompts to filter; then the rollouts.
    const mapping = {
      question: 'question',
      goldAnswer: 'gt',
      solution: null,
      passRate: null,
      sourceId: 'idx',
      subject: null,
      level: 'level',
      source: null,
    };
    await finishJob(
      page,
      (await api<{ jobId: number }>(page, 'import.prompts', { path: source, mapping, datasetName: 'qwen-math-100' }))
        .jobId,
    );
    expect((await importRollouts(page, workspace().server.origin, source)).status).toBe('done');
    const runs = await api<{ id: number; name: string; rollouts: number }[]>(page, 'runs.list', {});
    const run = runs.find((r) => r.name === 'qwen25math_math_cot_100_rollouts');
    if (!run) throw new Error(`no run from ${FILE}; runs: ${runs.map((r) => r.name).join(', ')}`);
    expect(run.rollouts).toBe(lines.length * 8);

    await openApp(page, workspace().server);
    await expectRowCount(page, lines.length);
    await expect(page.getByTestId('verification-filters')).toBeVisible();

    // Re-verify… over the run: the dialog counts its rollouts, starts the job and follows it to the end.
    await page.getByTestId('verify-button').click();
    const dialog = page.getByTestId('verify-dialog');
    await dialog.getByTestId('verify-run').selectOption(String(run.id));
    await expect(dialog.getByTestId('verify-before')).toHaveAttribute('data-rollouts', String(run.rollouts));
    await expect(dialog.getByTestId('verify-before')).toContainText('0 re-verified so far');
    await dialog.getByTestId('verify-start').click();
    await expect(dialog.getByTestId('verify-result')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await expect(page.getByTestId('verify-button')).toHaveAttribute('data-job-status', 'done');

    // The summary shown is the server's, and the disagreements add up.
    const summary = await api<Summary>(page, 'verify.summary', { runId: run.id });
    expect(summary.verified).toBe(run.rollouts);
    expect(summary.agree + summary.loggedCorrectRecheckWrong + summary.loggedWrongRecheckRight).toBe(run.rollouts);
    await expect(dialog.getByTestId('verify-summary-verified')).toContainText(
      `${summary.verified} of ${summary.rollouts}`,
    );
    await expect(dialog.getByTestId('verify-summary-agree')).toContainText(String(summary.agree));
    await expect(dialog.getByTestId('verify-summary-loggedCorrectRecheckWrong')).toContainText(
      String(summary.loggedCorrectRecheckWrong),
    );
    await expect(dialog.getByTestId('verify-summary-loggedWrongRecheckRight')).toContainText(
      String(summary.loggedWrongRecheckRight),
    );
    await expect(dialog.getByTestId('verify-summary-suspectGold')).toContainText(String(summary.suspectGold));

    // Two suspect gold answers: the mangled "4:30p.." (the rollouts say 4:30 p.m.) and a "140" whose
    // eight rollouts all say 40; none of their rollouts was graded correct in the log.
    const suspects = (await api<{ rows: Suspect[] }>(page, 'verify.suspectGold', { runId: run.id })).rows;
    expect(suspects.map((s) => s.goldAnswer).sort()).toEqual(['140', '4:30p..']);
    expect(summary.suspectGold).toBe(2);
    const mangled = suspects.find((s) => s.goldAnswer === '4:30p..') as Suspect;
    const forty = suspects.find((s) => s.goldAnswer === '140') as Suspect;
    expect(mangled.majorityAnswer).toMatch(/4:30\s*\\text\{\s*p\.m\.\}/);
    expect(forty.majorityAnswer).toBe('40');
    for (const s of suspects) {
      const line = lines.find((l) => l.gt === s.goldAnswer && l.score.every((x) => !x));
      expect(line, `a fixture line with gold ${s.goldAnswer} and no correct rollout`).toBeDefined();
      expect(s.promptId).not.toBeNull();
    }
    const suspectIds = suspects.map((s) => s.promptId as number).sort((a, b) => a - b);
    await expect(dialog.getByTestId('verify-suspects')).toHaveAttribute('data-count', '2');
    const listed = await dialog
      .getByTestId('verify-suspect')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-prompt-id'))));
    expect(listed.sort((a, b) => a - b)).toEqual(suspectIds);
    await expect(
      dialog.locator(`[data-testid=verify-suspect][data-prompt-id="${mangled.promptId}"] .katex`).first(),
    ).toBeVisible();

    // The link opens the prompt page: its majority answer (8 votes) beside the suspect gold answer.
    await dialog
      .locator(`[data-testid=verify-suspect][data-prompt-id="${mangled.promptId}"] [data-testid=verify-suspect-open]`)
      .click();
    await expect(page.getByTestId('verify-dialog')).toBeHidden();
    const prompt = page.getByTestId('prompt-page');
    await expect(prompt).toHaveAttribute('data-id', String(mangled.promptId));
    await expect(prompt).toHaveAttribute('data-state', 'ready');
    const panel = page.getByTestId('majority-panel');
    await expect(panel).toHaveAttribute('data-state', 'ready');
    await expect(panel).toHaveAttribute('data-majority-votes', '8');
    await expect(panel).toHaveAttribute('data-suspect-gold', 'true');
    await expect(panel.getByTestId('suspect-gold-gold')).toHaveText('4:30p..');
    await expect(panel.getByTestId('suspect-gold-majority').locator('.katex')).toBeVisible();
    const top = panel.getByTestId('answer-cluster').first();
    await expect(top).toHaveAttribute('data-votes', '8');
    await expect(top).toHaveAttribute('data-majority', 'true');
    await expect(top).toHaveAttribute('data-gold', 'false');
    await expect(top).toContainText('100%');
    await expect(panel.getByTestId('majority-answered')).toHaveText(
      '8 of 8 rollouts answered · 0 match the gold answer',
    );
    await expect(panel.getByTestId('majority-coverage')).toHaveCount(0);
    // Every rollout carries its re-check verdict; they all agree with the log's "incorrect".
    await expect(page.getByTestId('rollout-row')).toHaveCount(8);
    await expect(page.getByTestId('recheck-badge')).toHaveCount(8);
    expect(
      new Set(
        await page.getByTestId('recheck-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-agreement'))),
      ),
    ).toEqual(new Set(['agree']));

    // A prompt whose gold answer is fine: the cluster matching it is marked, no callout.
    const fine = lines.find((l) => l.score.every(Boolean)) as Line;
    const finePrompt = (
      await api<{ rows: { id: number; sourceId: string | null }[] }>(page, 'prompts.page', {
        filter: { columns: { sourceId: { kind: 'text', op: 'equals', value: String(fine.idx) } } },
      })
    ).rows[0];
    await page.evaluate(`location.hash = ${JSON.stringify(`#/prompt/${finePrompt?.id}`)}`);
    await expect(prompt).toHaveAttribute('data-id', String(finePrompt?.id));
    await expect(panel).toHaveAttribute('data-suspect-gold', 'false');
    await expect(panel.getByTestId('answer-cluster').first()).toHaveAttribute('data-gold', 'true');
    await expect(panel.getByTestId('suspect-gold-callout')).toHaveCount(0);

    // Back on the grid, the side panel's "Suspect gold answer" lists exactly the prompts the job found.
    await page.getByTestId('page-back').click();
    await expect(prompt).toBeHidden();
    await page.getByTestId('verification-filter-suspectGold').check();
    await expectRowCount(page, 2);
    expect((await gridIds(page, 2)).sort((a, b) => a - b)).toEqual(suspectIds);
    await expect(page.getByTestId('clear-filters')).toBeVisible();

    // "Logged wrong, re-check right": the prompts holding such a rollout, as the server lists them.
    await page.getByTestId('verification-filter-suspectGold').uncheck();
    await page.getByTestId('verification-filter-loggedWrongRecheckRight').check();
    const lwrr = await api<{ rows: { promptId: number | null }[] }>(page, 'verify.rollouts', {
      runId: run.id,
      verdict: 'loggedWrongRecheckRight',
      limit: 1000,
    });
    const lwrrPrompts = [...new Set(lwrr.rows.map((r) => r.promptId as number))].sort((a, b) => a - b);
    await expectRowCount(page, lwrrPrompts.length);
    expect((await gridIds(page, lwrrPrompts.length)).sort((a, b) => a - b)).toEqual(lwrrPrompts);
    await page.getByTestId('verification-filters-clear').click();
    await expectRowCount(page, lines.length);

    // Reopened, the dialog still shows the finished job; for another job it counts the verdicts now stored.
    await page.getByTestId('verify-button').click();
    await expect(dialog.getByTestId('verify-result')).toHaveAttribute('data-state', 'ready');
    await dialog.getByTestId('verify-again').click();
    await dialog.getByTestId('verify-dataset').selectOption({ label: 'qwen-math-100' });
    await expect(dialog.getByTestId('verify-before')).toHaveText(
      `${run.rollouts} rollouts in run ${run.name} on qwen-math-100’s prompts; ${run.rollouts} re-verified so far.`,
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    expect(pageErrors).toEqual([]);
  });
});
