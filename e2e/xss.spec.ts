// Dataset text is untrusted: markup and KaTeX link commands in a prompt must show up as inert text and
// never run, load, or become a link — in the wizard preview, the grid, the facets and the detail pane.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectRowCount, gridCell, test, useWorkspacePerFile, watchedPage } from './fixtures';

const workspace = useWorkspacePerFile();

const HOSTILE = [
  { question: '<img src=x onerror=alert(1)> What is $1+1$?', answer: '2', subject: 'Plain' },
  {
    question: 'Click $\\href{javascript:alert(2)}{x}$ now',
    answer: '<img src=y onerror=alert(3)>',
    subject: '<b onmouseover=alert(4)>Bold</b>',
  },
  {
    question: '<script>alert(5)</script> and \\(\\url{javascript:alert(6)}\\)',
    answer: '$\\href{javascript:alert(7)}{y}$',
    subject: 'Plain',
  },
  {
    question:
      '$$\\htmlClass{x}{y} \\includegraphics{http://example.invalid/a.png}$$ <iframe ' +
      'src="javascript:alert(8)"></iframe>',
    answer: '\\href{javascript:alert(9)}{z}',
    subject: 'Plain',
    notes: '<svg onload=alert(10)>',
  },
];

test('hostile prompt text never executes, loads or links', async ({ browser }) => {
  const file = path.join(workspace().dir, 'hostile.jsonl');
  fs.writeFileSync(file, HOSTILE.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const { page, dialogs, pageErrors } = await watchedPage(browser);

  const response = await page.goto(workspace().server.loginUrl);
  // Defence in depth: the served page forbids inline scripts.
  expect(response?.headers()['content-security-policy'] ?? '').toContain("script-src 'self'");
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', 'empty');

  await page.getByTestId('empty-import').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-sample')).toContainText('<img src=x onerror=alert(1)>');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await page.getByTestId('import-done').click();
  await expectRowCount(page, HOSTILE.length);
  await expect(page.getByTestId('facet-subjects')).toContainText('<b onmouseover=alert(4)>Bold</b>');

  for (let row = 0; row < HOSTILE.length; row++) {
    await gridCell(page, row, 'question').click();
    await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('detail-pane')).toHaveAttribute('data-prompt-id', /\d+/);
    // Open every extra field so its content is rendered too.
    for (const summary of await page.locator('.extra-field summary').all()) await summary.click();
    await assertInert(page);
  }

  // The markup is shown as text, literally.
  await gridCell(page, 0, 'question').click();
  await expect(page.getByTestId('detail-question')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.getByTestId('detail-question').locator('.katex')).toHaveCount(1);
  await gridCell(page, 1, 'question').click();
  await expect(page.getByTestId('detail-answer')).toContainText('<img src=y onerror=alert(3)>');

  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.close();
});

/** Counts in the live DOM; a string expression because the e2e tsconfig has no DOM types. */
const COUNT_HANDLER_ATTRIBUTES =
  `[...document.querySelectorAll('*')].filter((el) => ` + `el.getAttributeNames().some((n) => /^on/i.test(n))).length`;

async function assertInert(page: Page): Promise<void> {
  const found = {
    images: await page.locator('img, image').count(),
    frames: await page.locator('iframe, frame, object, embed').count(),
    inlineScripts: await page.locator('script:not([src])').count(),
    jsUrls: await page.locator('[href^="javascript:" i], [src^="javascript:" i], [href*="javascript:" i]').count(),
    handlerAttributes: await page.evaluate<number>(COUNT_HANDLER_ATTRIBUTES),
  };
  expect(found).toEqual({ images: 0, frames: 0, inlineScripts: 0, jsUrls: 0, handlerAttributes: 0 });
}
