// Curation acceptance in the browser: label 20 prompts from the keyboard in review mode, bulk-label the
// 41 Geometry prompts of MATH-500 and undo it in one step, read the history, find the labels again after
// a server restart, export with splits (files checked against the manifest with node:fs + node:crypto),
// and re-import the OREAL JSONL as a prompt set with the same questions and answers.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  docsScreenshot,
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

test.skip(!hasFixtures, FIXTURES_SKIP_REASON);
test.describe.configure({ mode: 'serial' });

interface MathRecord {
  problem: string;
  answer: string;
  subject: string;
}
const MATH500 = 'math500_test.jsonl';
const records: MathRecord[] = hasFixtures ? readJsonl<MathRecord>(fixture(MATH500)) : [];
const GEOMETRY = records.filter((r) => r.subject === 'Geometry').length;
const KEYBOARD_LABELLED = 20;
const ANNOTATOR = 'e2e-annotator';
const CORRECTED_GOLD = '\\frac{7}{2}';

const workspace = useWorkspacePerFile();
let page: Page;
let pageErrors: string[];
/** Prompt ids labelled "keep" from the keyboard, in queue order. */
const kept: number[] = [];

test.beforeAll(async ({ browser }) => {
  ({ page, pageErrors } = await watchedPage(browser));
});
test.afterAll(async () => {
  await page.close();
});

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

async function importByPath(file: string, name: string): Promise<void> {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-path').fill(file);
  await page.getByTestId('import-path').press('Enter');
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-dataset-name').fill(name);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await page.getByTestId('import-done').click();
}

/** Calls the contract from the test, with the page's session cookie. */
async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${workspace().server.origin}/api/call`, { data: { method, input } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value;
}

const labelFilter = (name: string) => page.getByTestId(`label-filter-${name}`);
const reviewChip = (name: string): Locator => page.getByTestId('review-card').getByTestId(`label-toggle-${name}`);

test('imports MATH-500 and sets the annotator name', async () => {
  await openApp(page, workspace().server);
  await importByPath(fixture(MATH500), 'MATH-500');
  await expectRowCount(page, records.length);

  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-annotator').fill(ANNOTATOR);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-button')).toHaveAttribute('data-annotator', ANNOTATOR);
});

test(`labels ${KEYBOARD_LABELLED} prompts from the keyboard in review mode`, async () => {
  await page.getByTestId('row-count').click(); // keys go to the page, not a filter input
  await page.keyboard.press('r');
  const screen = page.getByTestId('review-screen');
  await expect(screen).toHaveAttribute('data-state', 'ready');
  await expect(screen).toHaveAttribute('data-position', '1');
  await expect(page.getByTestId('review-position')).toHaveText(`1 of ${records.length}`);

  for (let i = 0; i < KEYBOARD_LABELLED; i++) {
    const id = Number(await screen.getAttribute('data-prompt-id'));
    const next = Number(await page.getByTestId('review-preloaded').getAttribute('data-prompt-id'));
    await page.keyboard.press('1'); // "keep", the first prompt label
    await expect(reviewChip('keep')).toHaveAttribute('aria-pressed', 'true');
    kept.push(id);
    // The next prompt was fetched while this one was shown.
    await expect(page.getByTestId('review-preloaded')).toHaveAttribute('data-ready', 'true');
    await page.keyboard.press('j');
    await expect(screen).toHaveAttribute('data-position', String(i + 2));
    await expect(page.getByTestId('review-card')).toHaveAttribute('data-prompt-id', String(next));
  }
  await expect(reviewChip('keep')).toHaveAttribute('aria-pressed', 'false');

  // k goes back; pressing 1 again removes the label, and Ctrl+Z puts it back.
  await page.keyboard.press('k');
  await expect(page.getByTestId('review-card')).toHaveAttribute('data-prompt-id', String(kept[kept.length - 1]));
  await page.keyboard.press('1');
  await expect(reviewChip('keep')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Control+z');
  await expect(reviewChip('keep')).toHaveAttribute('aria-pressed', 'true');

  // n: a note, saved with Ctrl+Enter. e: a corrected gold answer beside the original.
  await page.keyboard.press('n');
  await expect(page.getByTestId('review-annotator-note-text')).toBeFocused();
  await page.keyboard.type('Checked the diagram by hand.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('review-annotator-note-state')).toHaveAttribute('data-state', 'saved');
  const original = (await page.getByTestId('review-gold').textContent()) ?? '';
  await page.keyboard.press('e');
  await expect(page.getByTestId('gold-input')).toBeFocused();
  await page.getByTestId('gold-input').fill(CORRECTED_GOLD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gold-correction')).toHaveAttribute('data-corrected', 'true');
  await expect(page.getByTestId('review-gold')).toHaveText(original);
  // Undo and redo the correction from the keyboard.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('gold-correction')).toHaveAttribute('data-corrected', 'false');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('gold-correction')).toHaveAttribute('data-corrected', 'true');
  await expect(page.getByTestId('review-history').getByTestId('history-entry').first()).toContainText(
    'Corrected gold answer',
  );

  // ? lists every shortcut, the label keys included.
  await page.keyboard.press('?');
  const help = page.getByTestId('review-help');
  await expect(help).toContainText('Toggle “keep”');
  await expect(help).toContainText('Correct the gold answer');
  await expect(page.getByTestId('review-help-shadowed')).toContainText('“keep”');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await docsScreenshot(page, 'review');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('review-screen')).toBeHidden();
  await labelFilter('keep').selectOption('has');
  await expectRowCount(page, KEYBOARD_LABELLED);
  await expect(page.getByTestId('label-cell').first()).toHaveAttribute('data-labels', /keep/);
  await labelFilter('keep').selectOption('');
  await expectRowCount(page, records.length);
});

test(`bulk-labels the ${GEOMETRY} Geometry prompts and undoes it in one step`, async () => {
  expect(GEOMETRY).toBe(41);
  await page
    .getByTestId('facet-subjects')
    .getByRole('checkbox', { name: /^Geometry\b/ })
    .check();
  await expectRowCount(page, GEOMETRY);

  await page.getByTestId('bulk-button').click();
  await page.getByTestId('bulk-label').selectOption({ label: 'drop' });
  const preview = page.getByTestId('bulk-preview');
  await expect(preview).toHaveAttribute('data-matched', String(GEOMETRY));
  await expect(preview).toHaveAttribute('data-will-change', String(GEOMETRY));
  await expect(page.getByTestId('bulk-confirm')).toHaveText(`Add “drop” to ${GEOMETRY} prompts`);
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByTestId('bulk-done')).toHaveAttribute('data-changed', String(GEOMETRY));
  await page.getByTestId('bulk-close').click();

  await labelFilter('drop').selectOption('has');
  await expectRowCount(page, GEOMETRY);
  await labelFilter('drop').selectOption('');
  await expectRowCount(page, GEOMETRY);

  // One undo reverts the whole batch.
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('undo-message')).toContainText(`(${GEOMETRY} changes)`);
  await labelFilter('drop').selectOption('has');
  await expectRowCount(page, 0);
  await labelFilter('drop').selectOption('hasNot');
  await expectRowCount(page, GEOMETRY);
  await labelFilter('drop').selectOption('');
  // Same count as under "has not": wait for this filter's rows, or the click lands on rows being replaced.
  await expectRowCount(page, GEOMETRY);

  // The history of a Geometry prompt shows the bulk edit and its undo.
  await gridCell(page, 0, 'question').click();
  const history = page.getByTestId('detail-history');
  // Newest first: the undo, then the bulk edit (older keyboard labels may follow).
  await expect(history.getByTestId('history-entry').nth(0)).toContainText('Removed “drop”');
  await expect(history.getByTestId('history-entry').nth(0)).toHaveAttribute('data-kind', 'undo');
  await expect(history.getByTestId('history-entry').nth(1)).toContainText('Added “drop”');
  await expect(history.getByTestId('history-entry').nth(1)).toHaveAttribute('data-kind', 'bulk');
  await expect(history).toContainText(ANNOTATOR);
  await page.getByTestId('clear-filters').click();
  await expectRowCount(page, records.length);
});

test('keeps labels, notes and history after the server restarts', async () => {
  const server = await workspace().restart();
  await openApp(page, server);
  await expectRowCount(page, records.length);
  await labelFilter('keep').selectOption('has');
  await expectRowCount(page, KEYBOARD_LABELLED);
  await page.getByTestId('note-filter').selectOption('has');
  await expectRowCount(page, 1);
  await gridCell(page, 0, 'question').click();
  await expect(page.getByTestId('detail-annotator-note-text')).toHaveValue('Checked the diagram by hand.');
  await expect(page.getByTestId('detail-annotator').getByTestId('label-toggle-keep')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('gold-corrected')).toBeVisible();
  await expect(page.getByTestId('detail-history')).toContainText('Added “keep”');
  await page.getByTestId('clear-filters').click();
  await expectRowCount(page, records.length);
  // Exactly the prompts labelled from the keyboard carry "keep".
  const keep = (await call<{ id: number; name: string }[]>('labels.defs', {})).find((d) => d.name === 'keep');
  const ids = (
    await call<{ rows: { id: number }[] }>('prompts.page', {
      filter: { labels: [{ op: 'has', labelIds: [keep?.id] }] },
      limit: 100,
    })
  ).rows.map((r) => r.id);
  expect(ids.sort((a, b) => a - b)).toEqual([...kept].sort((a, b) => a - b));
});

test('a second annotator disagrees: the disagree filter and the agreement report', async () => {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-annotator').fill('second-annotator');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-button')).toHaveAttribute('data-annotator', 'second-annotator');

  // Review the prompts the first annotator kept: agree on the first ("keep"), not on the second ("drop").
  await labelFilter('keep').selectOption('has');
  await expectRowCount(page, KEYBOARD_LABELLED);
  await page.getByTestId('review-button').click();
  const screen = page.getByTestId('review-screen');
  await expect(screen).toHaveAttribute('data-state', 'ready');
  // The first annotator's label shows beside this annotator's empty chip.
  await expect(reviewChip('keep')).toHaveAttribute('aria-pressed', 'false');
  await expect(reviewChip('keep')).toContainText(ANNOTATOR);
  await page.keyboard.press('1');
  await expect(reviewChip('keep')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('j');
  await expect(screen).toHaveAttribute('data-position', '2');
  await page.keyboard.press('2');
  await expect(reviewChip('drop')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');

  await labelFilter('keep').selectOption('disagree');
  await expectRowCount(page, 1);
  await labelFilter('keep').selectOption('');

  // Two items were labelled by both; on "keep" they agree on one of two, and the first annotator always
  // said yes: p_o = 1/2, p_e = 1 · 1/2 = 1/2, so Cohen's kappa = 0.
  await page.getByTestId('agreement-button').click();
  const report = page.getByTestId('agreement-report');
  await expect(report).toHaveAttribute('data-items', '2');
  await expect(page.getByTestId('agreement-keep')).toContainText('0.00');
  await expect(page.getByTestId('agreement-keep')).toContainText('50%');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('agreement-dialog')).toBeHidden();
  await expectRowCount(page, records.length);
});

interface ManifestFile {
  name: string;
  split: string | null;
  rows: number;
  bytes: number;
  sha256: string;
}
interface OrealRow {
  question: string;
  gold_answer: string | null;
  pass_rate: number | null;
}

test('exports OREAL JSONL with splits; files match the manifest', async () => {
  const outDir = path.join(workspace().dir, 'exports');
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-preview')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('export-split-add').click();
  await page.getByTestId('export-split-add').click();
  await page.getByTestId('export-split-name-0').fill('train');
  await page.getByTestId('export-split-ratio-0').fill('0.9');
  await page.getByTestId('export-split-name-1').fill('test');
  await page.getByTestId('export-split-ratio-1').fill('0.1');
  await page.getByTestId('export-seed').fill('7');
  await page.getByTestId('export-outdir').fill(outDir);
  await expect(page.getByTestId('export-split-count-train')).toHaveText('450');
  await expect(page.getByTestId('export-split-count-test')).toHaveText('50');
  await page.getByTestId('export-start').click();

  const summary = page.getByTestId('export-manifest');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  const manifestPath = (await summary.getAttribute('data-manifest-path')) ?? '';
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    files: ManifestFile[];
    counts: { exported: number; perSplit: Record<string, number>; correctedGoldAnswers: number };
  };
  expect(manifest.counts.exported).toBe(records.length);
  expect(manifest.counts.correctedGoldAnswers).toBe(1);
  expect(manifest.counts.perSplit).toEqual({ train: 450, test: 50 });
  expect(manifest.files.map((f) => f.split)).toEqual(['train', 'test']);
  for (const file of manifest.files) {
    const bytes = fs.readFileSync(path.join(outDir, file.name));
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(bytes.length).toBe(file.bytes);
    expect(readJsonl<OrealRow>(path.join(outDir, file.name))).toHaveLength(file.rows);
    // The summary shows the same rows and checksum.
    const row = summary.locator(`[data-testid="export-file"][data-name="${file.name}"]`);
    await expect(row).toHaveAttribute('data-rows', String(file.rows));
    await expect(row).toHaveAttribute('data-sha256', file.sha256);
  }
  await page.getByTestId('export-close').click();
});

test('a second export leaving out "keep" differs from the first by exactly those prompts', async () => {
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-format').selectOption('csv');
  await expect(page.getByTestId('export-columns')).toBeVisible();
  await page.getByTestId('export-exclude-keep').check();
  await page.getByTestId('export-basename').fill('without-keep');
  await page.getByTestId('export-outdir').fill(path.join(workspace().dir, 'exports'));
  await expect(page.getByTestId('export-preview').getByTestId('export-split-count-all')).toHaveText(
    String(records.length - KEYBOARD_LABELLED),
  );
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-manifest')).toBeVisible({ timeout: 60_000 });
  const csv = path.join(workspace().dir, 'exports', 'without-keep.csv');
  const sha = crypto.createHash('sha256').update(fs.readFileSync(csv)).digest('hex');
  await expect(page.getByTestId('export-file')).toHaveAttribute('data-sha256', sha);

  await page.getByTestId('export-tab-history').click();
  const history = page.getByTestId('export-history');
  await expect(history.getByTestId('export-record')).toHaveCount(2);
  for (const box of await history.getByRole('checkbox').all()) await box.check();
  await page.getByTestId('export-compare').click();
  const diff = page.getByTestId('export-diff');
  await expect(diff).toHaveAttribute('data-removed', String(KEYBOARD_LABELLED));
  await expect(diff).toHaveAttribute('data-added', '0');
  await expect(diff).toHaveAttribute('data-kept', String(records.length - KEYBOARD_LABELLED));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();
});

test('the exported OREAL JSONL re-imports with the same questions and answers', async () => {
  const outDir = path.join(workspace().dir, 'exports');
  const trainFile = fs.readdirSync(outDir).find((f) => f.startsWith('train') && f.endsWith('.jsonl'));
  expect(trainFile).toBeDefined();
  const exported = readJsonl<OrealRow>(path.join(outDir, trainFile as string));
  await importByPath(path.join(outDir, trainFile as string), 'reimported-train');
  await expectRowCount(page, records.length + exported.length);

  const datasets = await call<{ id: number; name: string }[]>('datasets.list', {});
  const reimported = datasets.find((d) => d.name === 'reimported-train');
  expect(reimported).toBeDefined();
  const listed = await call<{ rows: { id: number }[]; total: number }>('prompts.page', {
    filter: { datasetIds: [reimported?.id] },
    limit: 1000,
  });
  expect(listed.total).toBe(exported.length);
  const pair = (q: string, a: string | null) => `${q}\u0000${a ?? ''}`;
  const originals = new Set(records.map((r) => pair(r.problem, r.answer)));
  const fromFile = new Set(exported.map((r) => pair(r.question, r.gold_answer)));
  // Every exported row is a MATH-500 prompt, with its original answer or the one corrected in review.
  const questions = new Set(records.map((r) => r.problem));
  const changed = exported.filter((r) => !originals.has(pair(r.question, r.gold_answer)));
  expect(changed.length).toBeLessThanOrEqual(1);
  expect(changed.every((r) => r.gold_answer === CORRECTED_GOLD && questions.has(r.question))).toBe(true);
  // Grid rows hold the start of a question: compare whole prompts, fetched one by one.
  const full = await Promise.all(
    listed.rows.map(({ id }) => call<{ question: string; goldAnswer: string | null }>('prompts.get', { id })),
  );
  expect(new Set(full.map((p) => pair(p.question, p.goldAnswer)))).toEqual(fromFile);
  expect(pageErrors).toEqual([]);
});
