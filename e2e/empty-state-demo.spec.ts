// A new workspace shows the empty state; "Load demo data" fills it through a job with progress, and the
// main screen then shows the generated prompts. Also captures the README screenshot.
import {
  docsScreenshot,
  expect,
  expectRowCount,
  gridCell,
  openApp,
  test,
  useWorkspacePerFile,
  watchedPage,
} from './fixtures';

const workspace = useWorkspacePerFile();
const DEMO_PROMPTS = 2000;

test('empty workspace offers import and demo data; the demo loads with progress', async ({ browser }) => {
  const { page, pageErrors } = await watchedPage(browser);
  await openApp(page, workspace().server);

  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'empty');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('empty-import')).toBeEnabled();

  // The empty state's Import… opens the wizard; a missing file gives a readable error; Esc closes it.
  await page.getByTestId('empty-import').click();
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  const missing = `${workspace().dir}/no-such-file.jsonl`;
  await page.getByTestId('import-path').fill(missing);
  await page.getByTestId('import-path').press('Enter');
  await expect(page.getByTestId('import-error')).toContainText('no-such-file.jsonl');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-wizard')).toBeHidden();

  await page.getByTestId('empty-demo').click();
  await expect(page.getByTestId('demo-progress')).toBeVisible();
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready', { timeout: 60_000 });
  await expectRowCount(page, DEMO_PROMPTS);
  await expect(gridCell(page, 0, 'dataset')).toHaveText('Demo prompts');

  // Facets count the generated data: the dataset facet holds every prompt.
  await expect(page.getByTestId('facet-datasets')).toContainText('Demo prompts');
  await expect(page.getByTestId('facet-datasets')).toContainText(DEMO_PROMPTS.toLocaleString('en-US'));

  // Select a row with the keyboard (j) and check the detail pane typesets its math.
  await page.locator('body').press('j');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-state', 'ready');
  const firstId = await page.getByTestId('detail-pane').getAttribute('data-prompt-id');
  await page.locator('body').press('j');
  await expect(page.getByTestId('detail-pane')).not.toHaveAttribute('data-prompt-id', firstId ?? '');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-state', 'ready');
  await page.locator('body').press('k');
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-prompt-id', firstId ?? '');
  // Inside the grid the arrow keys move the focused row and the selection follows.
  await gridCell(page, 2, 'question').click();
  const thirdId = await gridCell(page, 2, 'id').textContent();
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-prompt-id', thirdId ?? '');
  await page.keyboard.press('ArrowDown');
  const fourthId = await gridCell(page, 3, 'id').textContent();
  await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-prompt-id', fourthId ?? '');
  await expect(page.getByTestId('detail-question').locator('.katex').first()).toBeVisible();

  // "?" opens the shortcut help; Esc closes it.
  await page.locator('body').press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();

  // README screenshot: a selected prompt with typeset math, pointer out of the way.
  await gridCell(page, 2, 'question').click();
  await expect(page.getByTestId('detail-question').locator('.katex').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1600, height: 900 });
  await docsScreenshot(page, 'prompts');
  expect(pageErrors).toEqual([]);
  await page.close();
});
