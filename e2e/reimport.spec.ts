// Importing a file that was imported before (issue 14 §4): the wizard recognises it by size and content and
// asks; "Cancel" starts nothing, "Import again" makes a second dataset. Small data written here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openApp, test, useWorkspacePerFile, watchedPage } from './fixtures';

const workspace = useWorkspacePerFile();

test('asks before importing the same prompt file a second time', async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlc-reimport-'));
  const file = path.join(dir, 'twice.jsonl');
  fs.writeFileSync(
    file,
    ['What is $1+1$?', 'What is $2+2$?']
      .map((q, i) => JSON.stringify({ question: q, answer: String(2 * (i + 1)) }))
      .join('\n'),
  );
  const { page, pageErrors } = await watchedPage(browser);
  await openApp(page, workspace().server);
  const importOnce = async () => {
    await page.getByTestId('import-kind-prompts').check();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await page.getByTestId('import-start').click();
  };
  const result = page.getByTestId('import-result');

  await page.getByTestId('import-button').click();
  await importOnce();
  await expect(result).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('import-summary-datasetName').locator('dd')).toHaveText('twice');

  await page.getByRole('button', { name: 'Import another file' }).click();
  await importOnce();
  const ask = page.getByTestId('import-again-ask');
  await expect(ask).toContainText('twice.jsonl was already imported as dataset "twice"');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(result).toHaveCount(0);

  await page.getByTestId('import-start').click();
  await page.getByTestId('import-again').click();
  await expect(result).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('import-summary-datasetName').locator('dd')).toHaveText('twice (2)');
  expect(pageErrors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
