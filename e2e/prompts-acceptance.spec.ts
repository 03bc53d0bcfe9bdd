// Foundation acceptance in the browser: import MATH-500 through the wizard, then sort, filter, search,
// read a prompt with typeset math, save a view, and find everything again after a server restart.
import fs from 'node:fs';
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
import type { Page } from '@playwright/test';

test.skip(!hasFixtures, FIXTURES_SKIP_REASON);
test.describe.configure({ mode: 'serial' });

interface MathRecord {
  problem: string;
  answer: string;
  subject: string;
  level: number;
}

const MATH500 = 'math500_test.jsonl';
const records: MathRecord[] = hasFixtures
  ? fs
      .readFileSync(fixture(MATH500), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as MathRecord)
  : [];
const count = (predicate: (r: MathRecord) => boolean) => records.filter(predicate).length;

const workspace = useWorkspacePerFile();
let page: Page;
let pageErrors: string[];

test.beforeAll(async ({ browser }) => {
  ({ page, pageErrors } = await watchedPage(browser));
});
test.afterAll(async () => {
  await page.close();
});

test('imports MATH-500 through the wizard', async () => {
  await openApp(page, workspace().server);
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file-input').setInputFiles(fixture(MATH500));

  await expect(page.getByTestId('import-preview')).toBeVisible();
  // The detected mapping is shown as editable selects.
  await expect(page.getByTestId('mapping-question')).toHaveValue('problem');
  await expect(page.getByTestId('mapping-subject')).toHaveValue('subject');
  await expect(page.getByTestId('mapping-level')).toHaveValue('level');
  await expect(page.getByTestId('import-sample')).toContainText('Convert the point');
  // The suggested name comes from the user's file name, not the server's stored copy.
  await expect(page.getByTestId('import-dataset-name')).toHaveValue('math500_test');
  await page.getByTestId('import-dataset-name').fill('MATH-500');
  await page.getByTestId('import-policy-skip').check();
  await page.getByTestId('import-start').click();

  await expect(page.getByTestId('import-result')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('import-summary')).toContainText('500');
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-wizard')).toBeHidden();

  await expectRowCount(page, records.length);
  await expect(page.getByTestId('facet-datasets')).toContainText('MATH-500');
});

test('sorts by level on the server', async () => {
  const levelHeader = page.locator('[role="columnheader"][col-id="level"]');
  await levelHeader.click();
  await expect(levelHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(gridCell(page, 0, 'level')).toHaveText('1');
  await expectNonDecreasing(page, 'level', 15);

  await levelHeader.click();
  await expect(levelHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(gridCell(page, 0, 'level')).toHaveText('5');

  await levelHeader.click(); // back to unsorted
  await expect(levelHeader).toHaveAttribute('aria-sort', 'none');
});

test('filters by subject with the facet panel', async () => {
  const geometry = count((r) => r.subject === 'Geometry');
  await page
    .getByTestId('facet-subjects')
    .getByRole('checkbox', { name: /^Geometry\b/ })
    .check();
  await expectRowCount(page, geometry);
  expect(geometry).toBe(41);
  for (let row = 0; row < 5; row++) await expect(gridCell(page, row, 'subject')).toHaveText('Geometry');
  // Other facets now count only geometry prompts.
  const levelCounts = await page.getByTestId('facet-levels').locator('.facet__count').allTextContents();
  expect(levelCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(geometry);

  await page
    .getByTestId('facet-subjects')
    .getByRole('checkbox', { name: /^Geometry\b/ })
    .uncheck();
  await expectRowCount(page, records.length);
});

test('filters with the column filters (number and text)', async () => {
  const levelFilter = page.locator('.ag-floating-filter[col-id="level"] input:not([disabled])');
  await levelFilter.fill('5');
  await expectRowCount(
    page,
    count((r) => r.level === 5),
  );
  await levelFilter.fill('');
  await expectRowCount(page, records.length);

  const subjectFilter = page.locator('.ag-floating-filter[col-id="subject"] input:not([disabled])');
  await subjectFilter.fill('algebra');
  await expectRowCount(
    page,
    count((r) => r.subject.toLowerCase().includes('algebra')),
  );
  // Column filters and facets combine: the facet counts follow the column filter.
  await expect(page.getByTestId('facet-subjects')).not.toContainText('Geometry');
  await subjectFilter.fill('');
  await expectRowCount(page, records.length);
});

test('searches the full-text index for \\sqrt', async () => {
  const expected = count((r) => `${r.problem}\n${r.answer}`.toLowerCase().includes('\\sqrt'));
  expect(expected).toBeGreaterThan(0);
  await page.getByTestId('row-count').click(); // leave the column filter input: "/" there is just a character
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('\\sqrt');
  await expectRowCount(page, expected);
  // Grid cells hold the first 400 characters of a question, enough for the first rows here.
  await expect(page.locator('[role="row"][row-index="0"]')).toContainText('\\sqrt');
});

test('shows a prompt with KaTeX in the detail pane', async () => {
  await gridCell(page, 0, 'question').click();
  const detail = page.getByTestId('detail-pane');
  await expect(detail).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('detail-question').locator('.katex').first()).toBeVisible();
  // The raw LaTeX is not left as text next to the typeset formula.
  await expect(page.getByTestId('detail-question')).not.toContainText('$');
  await expect(page.getByTestId('detail-facts')).toContainText('MATH-500');
});

test('saves a view and applies it again', async () => {
  await page.getByTestId('search-input').fill('');
  await expectRowCount(page, records.length);
  await page
    .getByTestId('facet-subjects')
    .getByRole('checkbox', { name: /^Geometry\b/ })
    .check();
  const levelHeader = page.locator('[role="columnheader"][col-id="level"]');
  await levelHeader.click();
  await levelHeader.click();
  await expect(levelHeader).toHaveAttribute('aria-sort', 'descending');
  await expectRowCount(page, 41);
  await page.getByTestId('view-name').fill('Hard geometry');
  await page.getByTestId('view-save').click();
  await expect(page.getByTestId('saved-views')).toContainText('Hard geometry');

  await page.getByTestId('clear-filters').click();
  await levelHeader.click(); // descending → unsorted
  await expectRowCount(page, records.length);

  await page.getByTestId('saved-views').getByRole('button', { name: 'Hard geometry', exact: true }).click();
  await expectRowCount(page, 41);
  await expect(levelHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(gridCell(page, 0, 'level')).toHaveText('5');
});

test('keeps the data after the server restarts on the same workspace', async () => {
  const server = await workspace().restart();
  await openApp(page, server);
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready');
  await expectRowCount(page, records.length);
  await expect(page.getByTestId('saved-views')).toContainText('Hard geometry');
  expect(pageErrors).toEqual([]);
});

async function expectNonDecreasing(p: Page, colId: string, rows: number): Promise<void> {
  const values: number[] = [];
  for (let row = 0; row < rows; row++) values.push(Number(await gridCell(p, row, colId).textContent()));
  expect(values).toEqual([...values].sort((a, b) => a - b));
}
