// Trace viewer acceptance in Chromium against `serve`: the prompt page over demo rollouts (verdicts,
// sorting), the token heatmap (every stored token, hover values, signal switch, keys, minimap,
// aggregation), the rendered KaTeX view (tinted segments, reading position kept), compare (two panes that
// scroll together), a 32,000-token trace, hostile responses, and the real Qwen2.5-Math rollouts.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  docsScreenshot,
  expect,
  fixture,
  FIXTURES_SKIP_REASON,
  hasFixtures,
  openApp,
  test,
  useWorkspacePerFile,
  watchedPage,
} from './fixtures';
import { call, importRollouts, writeLongRollouts } from './trace-fixtures';

const workspace = useWorkspacePerFile();
test.describe.configure({ mode: 'serial' });

interface Row {
  id: number;
  promptId: number | null;
  runPromptId: number;
  correct: boolean | null;
  reward: number | null;
  tokenCount: number | null;
  sampleIndex: number | null;
  signalNames: string[];
}
interface Detail extends Row {
  response: string;
  tokens: { count: number; starts: number[] | null } | null;
  signals: { name: string; values: number[] }[];
  rmCrossing: number | null;
  sourceLine: number;
}

const api = <T>(page: Page, method: string, input: unknown) => call<T>(page, workspace().server.origin, method, input);
const heatmap = (page: Page) => page.getByTestId('heatmap').first();
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
const screenshot = docsScreenshot;

/** Background colours of the first 40 tokens on screen (the node tsconfig has no DOM types: code as text). */
function tokenColours(page: Page): Promise<string[]> {
  return page.evaluate(
    `[...document.querySelectorAll('[data-testid=heatmap] .tok')].slice(0, 40).map((e) => ` +
      `getComputedStyle(e).backgroundColor)`,
  ) as Promise<string[]>;
}

/** The rollouts of the run with this name (an import names its run after the file). */
async function runRollouts(page: Page, name: string): Promise<Row[]> {
  const runs = await api<{ id: number; name: string }[]>(page, 'runs.list', {});
  const run = runs.find((r) => r.name === name);
  if (!run) throw new Error(`no run ${name}; runs: ${runs.map((r) => r.name).join(', ')}`);
  return (await api<{ rows: Row[] }>(page, 'rollouts.list', { runId: run.id, limit: 1000 })).rows;
}

/** Moves the app to a page route, as a link or the address bar would. */
const go = (page: Page, hash: string) => page.evaluate(`location.hash = ${JSON.stringify(hash)}`);

test('demo rollouts: prompt page, heatmap, rendered view and compare', async ({ browser }) => {
  const { page, dialogs, pageErrors } = await watchedPage(browser);
  await openApp(page, workspace().server);
  await page.getByTestId('empty-demo').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 90_000 });

  // The grid's detail pane opens the prompt page; the back button returns to the grid.
  await expect(page.getByTestId('prompt-grid')).toHaveAttribute('data-grid-ready', 'true');
  await page.locator('body').press('j');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-state', 'ready');
  const selected = await page.getByTestId('detail-pane').getAttribute('data-prompt-id');
  await page.getByTestId('open-prompt-page').click();
  await expect(page.getByTestId('prompt-page')).toHaveAttribute('data-id', selected ?? '');
  await page.getByTestId('page-back').click();
  await expect(page.getByTestId('prompt-page')).toBeHidden();
  await expect(page.getByTestId('prompt-grid')).toBeVisible();

  // A demo prompt whose group holds correct and incorrect rollouts with token signals.
  const { rows } = await api<{ rows: Row[] }>(page, 'rollouts.list', { limit: 1000 });
  const byPrompt = groupBy(
    rows.filter((r) => r.promptId !== null),
    (r) => r.promptId as number,
  );
  const [promptId, group] =
    [...byPrompt].find(
      ([, g]) =>
        g.some((r) => r.correct === true) &&
        g.some((r) => r.correct === false) &&
        g.every((r) => r.signalNames.includes('rm_logit')),
    ) ?? [];
  expect(promptId, 'the demo data holds a prompt with correct and incorrect token-scored rollouts').toBeDefined();
  const { rows: groupRows, total } = await api<{ rows: Row[]; total: number }>(page, 'rollouts.list', {
    promptId,
    limit: 1000,
  });

  await go(page, `#/prompt/${promptId}`);
  await expect(page.getByTestId('prompt-page')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('rollout-count')).toHaveAttribute('data-count', String(total));
  await expect(page.getByTestId('rollout-row')).toHaveCount(total);
  await expect(page.getByTestId('page-question').locator('.katex').first()).toBeVisible();
  await expect(page.getByTestId('pass-rate-chart')).toBeVisible();
  for (const row of groupRows)
    await expect(page.locator(`[data-testid=rollout-row][data-rollout-id="${row.id}"]`)).toHaveAttribute(
      'data-correct',
      String(row.correct),
    );
  await page.getByTestId('sort-reward').click();
  const topReward = Math.max(...(group ?? []).map((r) => r.reward ?? -Infinity));
  const firstId = Number(await page.getByTestId('rollout-row').first().getAttribute('data-rollout-id'));
  expect(groupRows.find((r) => r.id === firstId)?.reward).toBe(topReward);

  // Heatmap of the longest incorrect rollout: every stored token, values on hover.
  const incorrect = groupRows
    .filter((r) => r.correct === false)
    .sort((a, b) => (b.tokenCount ?? 0) - (a.tokenCount ?? 0))[0] as Row;
  const detail = await api<Detail>(page, 'rollouts.get', { id: incorrect.id });
  await page.locator(`[data-testid=rollout-row][data-rollout-id="${incorrect.id}"] [data-testid=open-rollout]`).click();
  await expect(heatmap(page)).toHaveAttribute('data-painted', 'true');
  await expect(heatmap(page)).toHaveAttribute('data-token-count', String(detail.tokens?.count));
  await expect(heatmap(page)).toHaveAttribute('data-stored-tokens', String(detail.tokens?.count));
  // Layout and heat were computed in the worker: the served CSP (script-src 'self') allows it.
  await expect(page.getByTestId('trace-viewer')).toHaveAttribute('data-computed-in', 'worker');
  const token = heatmap(page).locator('.tok').nth(5);
  const index = Number(await token.getAttribute('data-i'));
  await token.hover();
  await expect(page.getByTestId('token-info')).toHaveAttribute('data-piece', String(index));
  const logit = detail.signals.find((s) => s.name === 'rm_logit')?.values[index] as number;
  const shown = Number((await page.getByTestId('token-value-rm_logit').textContent())?.replace('−', '-'));
  expect(shown).toBeCloseTo(logit, 3);
  await expect(page.getByTestId('token-value-rm_prob')).not.toHaveText('—');
  await page.getByTestId('rollout-table').evaluate((e) => (e.scrollTop = 0));
  await screenshot(page, 'trace-heatmap');

  // Switching the signal changes the computed colours.
  const before = await tokenColours(page);
  await page.getByTestId('signal-select').selectOption('rm_logit');
  await expect(heatmap(page)).toHaveAttribute('data-signal', 'rm_logit');
  await expect.poll(() => tokenColours(page)).not.toEqual(before);
  await expect(page.getByTestId('legend')).toContainText('RM logit');

  // Keys: the final answer, the crossing point, the next high-importance token.
  await heatmap(page).focus();
  await page.keyboard.press('a');
  const boxed = detail.response.lastIndexOf('\\boxed');
  const starts = detail.tokens?.starts ?? [];
  const answerPiece = starts.findLastIndex((s) => s <= boxed);
  await expect(page.getByTestId('trace-pane')).toHaveAttribute('data-cursor', String(answerPiece));
  if (detail.rmCrossing !== null) {
    await page.keyboard.press('c');
    await expect(page.getByTestId('trace-pane')).toHaveAttribute('data-cursor', String(detail.rmCrossing));
  }
  await page.keyboard.press('Home');
  await page.keyboard.press('n');
  await expect(heatmap(page).locator('.tok--cursor').first()).toHaveClass(/hm-div-(0|1|14|15)\b/);

  // Line aggregation: every token of a row shares one colour class.
  await page.getByTestId('unit-select').selectOption('line');
  await expect
    .poll(
      async () =>
        new Set(
          await heatmap(page)
            .locator('[data-row="0"] .tok')
            .evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c.startsWith('hm-')))),
        ).size,
    )
    .toBe(1);
  await page.getByTestId('unit-select').selectOption('token');

  // Rendered view: KaTeX, and segments tinted with the same classes.
  await page.getByTestId('view-rendered').click();
  await expect(page.getByTestId('rendered')).toHaveAttribute('data-painted', 'true');
  await expect(page.getByTestId('rendered').locator('.katex').first()).toBeVisible();
  expect(await page.getByTestId('rendered').locator('.seg[class*="hm-div-"]').count()).toBeGreaterThan(0);
  await page.getByTestId('rollout-table').evaluate((e) => (e.scrollTop = 0));
  await screenshot(page, 'trace-rendered');
  await page.getByTestId('view-tokens').click();
  await expect(heatmap(page)).toHaveAttribute('data-painted', 'true');

  // Compare: the best correct and the worst incorrect rollout, answers side by side.
  await page.getByTestId('compare-pair').click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-panes', '2');
  await expect(page.getByTestId('heatmap')).toHaveCount(2);
  await expect(page.getByTestId('rollout-header').nth(0)).toHaveAttribute('data-correct', 'true');
  await expect(page.getByTestId('rollout-header').nth(1)).toHaveAttribute('data-correct', 'false');
  await expect(page.getByTestId('extracted-answer')).toHaveCount(2);
  await page.mouse.move(0, 0);
  await page.getByTestId('rollout-table').evaluate((e) => (e.scrollTop = 0));
  await screenshot(page, 'trace-compare');

  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('long traces: 32,000 tokens virtualised, reading position kept, compare panes scroll together', async ({
  browser,
}) => {
  const { page, pageErrors } = await watchedPage(browser);
  await openApp(page, workspace().server);
  const file = writeLongRollouts(workspace().dir, 'long-traces', 'Long problem: find $x$ with $x^2 = 1764$.', [
    { tokens: 32_000, correct: true },
    { tokens: 6_000, correct: false },
    { tokens: 3_000, correct: true },
  ]);
  expect((await importRollouts(page, workspace().server.origin, file)).status).toBe('done');
  const rows = await runRollouts(page, 'long-traces');
  const long = rows.find((r) => r.tokenCount === 32_000) as Row;

  await go(page, `#/run-prompt/${long.runPromptId}?rollout=${long.id}`);
  await expect(heatmap(page)).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
  await expect(heatmap(page)).toHaveAttribute('data-token-count', '32000');
  const rendered = Number(await heatmap(page).getAttribute('data-rendered-tokens'));
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(3000);
  expect(await heatmap(page).locator('.tok').count()).toBeLessThan(3000);

  // The minimap jumps; the rendered view opens where the heatmap was, and back.
  const box = await page.getByTestId('minimap').boundingBox();
  if (!box) throw new Error('no minimap');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.6);
  await expect.poll(() => heatmap(page).evaluate((e) => e.scrollTop)).toBeGreaterThan(1000);
  const fraction = await heatmap(page).evaluate((e) => e.scrollTop / e.scrollHeight);
  await page.getByTestId('view-rendered').click();
  await expect(page.getByTestId('rendered')).toHaveAttribute('data-painted', 'true');
  await expect
    .poll(() => page.getByTestId('rendered').evaluate((e) => e.scrollTop / e.scrollHeight))
    .toBeGreaterThan(fraction - 0.1);
  expect(await page.getByTestId('rendered').evaluate((e) => e.scrollTop / e.scrollHeight)).toBeLessThan(fraction + 0.1);
  await page.getByTestId('view-tokens').click();
  await expect.poll(() => heatmap(page).evaluate((e) => e.scrollTop / e.scrollHeight)).toBeGreaterThan(fraction - 0.1);

  // Two rollouts side by side scroll together by relative position.
  const others = rows.filter((r) => r.tokenCount !== 32_000).map((r) => r.id);
  await go(page, `#/run-prompt/${long.runPromptId}?compare=${others.join(',')}`);
  await expect(page.getByTestId('heatmap')).toHaveCount(2);
  await expect(page.getByTestId('heatmap').nth(1)).toHaveAttribute('data-painted', 'true');
  await page
    .getByTestId('heatmap')
    .nth(0)
    .evaluate((e) => (e.scrollTop = (e.scrollHeight - e.clientHeight) / 2));
  await expect
    .poll(() =>
      page
        .getByTestId('heatmap')
        .nth(1)
        .evaluate((e) => e.scrollTop / (e.scrollHeight - e.clientHeight)),
    )
    .toBeCloseTo(0.5, 1);
  expect(pageErrors).toEqual([]);
});

test('hostile responses stay inert in both views; a split character shows as two marked halves', async ({
  browser,
}) => {
  const { page, dialogs, pageErrors } = await watchedPage(browser);
  await openApp(page, workspace().server);
  const response =
    '<img src=x onerror=alert(1)> We get $\\href{javascript:alert(2)}{x}$ and ' +
    '<script>alert(3)</script>\n\n$$\\htmlClass{a}{b}$$ so \\boxed{<b>4</b>}';
  // Three-character tokens, and an emoji split between two tokens as byte-level tokenizers do.
  const tokens = [...(response.match(/.{1,3}/gs) ?? []), ' ok ', '😀'.slice(0, 1), '😀'.slice(1), '.'];
  const file = path.join(workspace().dir, 'hostile-rollouts.jsonl');
  const rollout = {
    run: 'hostile',
    question: 'Hostile <svg onload=alert(5)>',
    response: tokens.join(''),
    reward: 0,
    tokens,
    signals: { rm_logit: tokens.map((_, i) => Math.sin(i)) },
  };
  fs.writeFileSync(file, `${JSON.stringify(rollout)}\n`);
  expect((await importRollouts(page, workspace().server.origin, file)).status).toBe('done');
  const [row] = await runRollouts(page, 'hostile');
  if (!row) throw new Error('the hostile rollout was not imported');
  await go(page, `#/run-prompt/${row.runPromptId}?rollout=${row.id}`);
  await expect(heatmap(page)).toHaveAttribute('data-painted', 'true');
  await expect(heatmap(page)).toContainText('<img src=x');
  // Each half of the split emoji is its own token, marked as half a character.
  await expect(heatmap(page).locator('.tok--split')).toHaveCount(2);
  await page.getByTestId('view-rendered').click();
  await expect(page.getByTestId('rendered')).toHaveAttribute('data-painted', 'true');
  await expect(page.getByTestId('rendered')).toContainText('<script>alert(3)</script>');
  for (const view of [page.getByTestId('prompt-page')]) {
    expect(await view.locator('img, script, svg[onload], a[href^="javascript"], iframe').count()).toBe(0);
  }
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test.describe('real Qwen2.5-Math rollouts', () => {
  test.skip(!hasFixtures, FIXTURES_SKIP_REASON);
  test('each prompt shows its 8 rollouts with the source grader’s verdicts', async ({ browser }) => {
    const { page, pageErrors } = await watchedPage(browser);
    await openApp(page, workspace().server);
    const source = fixture('qwen25math_math_cot_100_rollouts.jsonl');
    const lines = fs
      .readFileSync(source, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { score: boolean[]; question: string });
    expect((await importRollouts(page, workspace().server.origin, source)).status).toBe('done');
    const rows = await runRollouts(page, 'qwen25math_math_cot_100_rollouts');
    expect(rows).toHaveLength(800);
    const groups = groupBy(rows, (r) => r.runPromptId);
    // A mixed group, an all-correct one and an all-incorrect one.
    const picks = [...groups.values()]
      .filter((g) => g.length === 8)
      .map((g) => ({ g, passes: g.filter((r) => r.correct).length }))
      .filter(
        (x, i, all) =>
          all.findIndex((y) => (y.passes === 8) === (x.passes === 8) && (y.passes === 0) === (x.passes === 0)) === i,
      )
      .slice(0, 3);
    expect(picks.length).toBeGreaterThanOrEqual(2);
    for (const { g } of picks) {
      const first = await api<Detail>(page, 'rollouts.get', { id: g[0]?.id });
      const line = lines[first.sourceLine - 1];
      if (!line) throw new Error(`no source line ${first.sourceLine}`);
      await go(page, `#/run-prompt/${first.runPromptId}`);
      await expect(page.getByTestId('prompt-page')).toHaveAttribute('data-state', 'ready');
      await expect(page.getByTestId('rollout-row')).toHaveCount(8);
      const shown = await page
        .getByTestId('rollout-row')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-correct')));
      expect(shown).toEqual(line.score.map(String));
    }
    // A real response: rendered math and the response text as one piece (no token table in this dump).
    await page.getByTestId('open-rollout').first().click();
    await expect(heatmap(page)).toHaveAttribute('data-stored-tokens', '0');
    await page.getByTestId('view-rendered').click();
    await expect(page.getByTestId('rendered').locator('.katex').first()).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('span signals: PRM800K step ratings and math-aps prefix values are drawn like token signals', async ({
    browser,
  }) => {
    const { page, pageErrors } = await watchedPage(browser);
    await openApp(page, workspace().server);
    for (const [file, signal] of [
      ['prm800k_samples.jsonl', 'step_rating'],
      ['math_aps_samples.jsonl', 'mc_value'],
    ] as const) {
      expect((await importRollouts(page, workspace().server.origin, fixture(file))).status).toBe('done');
      const [row] = (await runRollouts(page, file.replace(/\.jsonl$/, ''))).filter((r) => r.signalNames.length === 0);
      if (!row) throw new Error(`no rollout from ${file}`);
      const detail = await api<Detail & { spans: { name: string; start: number; end: number; value: number }[] }>(
        page,
        'rollouts.get',
        { id: row.id },
      );
      const spans = detail.spans.filter((sp) => sp.name === signal);
      expect(spans.length).toBeGreaterThan(0);
      await go(page, `#/run-prompt/${row.runPromptId}?rollout=${row.id}&view=tokens`);
      await expect(heatmap(page)).toHaveAttribute('data-painted', 'true');
      await expect(page.getByTestId('signal-select')).toHaveValue(signal);
      await expect(page.getByTestId('signal-select').locator('option', { hasText: `${signal} (spans)` })).toHaveCount(
        1,
      );
      // Pieces follow the span boundaries; each span's text gets its value's colour.
      expect(Number(await heatmap(page).getAttribute('data-token-count'))).toBeGreaterThanOrEqual(spans.length);
      expect(await heatmap(page).locator('.tok[class*="hm-div-"]').count()).toBeGreaterThan(0);
      const first = spans[0] as { start: number; value: number };
      const piece = heatmap(page)
        .locator('.tok')
        .filter({
          hasText: detail.response
            .slice(first.start, first.start + 12)
            .trim()
            .slice(0, 8),
        })
        .first();
      await piece.hover();
      const value = Number((await page.getByTestId(`token-value-${signal}`).textContent())?.replace('−', '-'));
      expect(value).toBeCloseTo(first.value, 3);
    }
    expect(pageErrors).toEqual([]);
  });
});
