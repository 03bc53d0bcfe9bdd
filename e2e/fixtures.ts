// Browser e2e harness: each spec file gets a fresh workspace folder and its own `rl-curator serve`
// process (on a free port), and kills it afterwards. Waits are on app state exposed in the DOM
// (data-app-state, data-count, data-grid-ready), never on sleeps.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';

export const REPO_ROOT = path.resolve(__dirname, '..');
const CLI = path.join(REPO_ROOT, 'bin', 'rl-curator.cjs');

/** The shared real-data fixtures (../shared/fixtures beside the checkout); absent on a user's fresh clone. */
export const FIXTURES_DIR = path.resolve(__dirname, '../../shared/fixtures');
export const hasFixtures = fs.existsSync(FIXTURES_DIR);
export const FIXTURES_SKIP_REASON =
  `real-data fixtures not found ` + `at ${FIXTURES_DIR} (they live in ../shared/fixtures beside the checkout)`;
export const fixture = (name: string) => path.join(FIXTURES_DIR, name);

const SERVING_LINE = /RL Curator is serving (.+) at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;

export interface CuratorServer {
  /** The login URL printed by serve (carries the token; the server swaps it for a cookie). */
  loginUrl: string;
  origin: string;
  dbPath: string;
  stop(): Promise<void>;
}

/** Starts `rl-curator serve --db dbPath --port 0` and resolves once it printed its URL. */
export function startServer(dbPath: string): Promise<CuratorServer> {
  if (
    !fs.existsSync(path.join(REPO_ROOT, 'out', 'node', 'cli.mjs')) ||
    !fs.existsSync(path.join(REPO_ROOT, 'out', 'web', 'index.html'))
  ) {
    throw new Error(
      'The app is not built: run `npm run build:node && npm run build:web` before `npx playwright test`.',
    );
  }
  const child = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
    process.stderr.write(`[serve] ${chunk}`);
  });

  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `rl-curator serve printed no URL within ${START_TIMEOUT_MS} ms.\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    const onExit = (code: number | null) =>
      fail(new Error(`rl-curator serve exited (code ${code}) before it was ready.\nstderr: ${stderr}`));
    function fail(err: Error) {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.kill('SIGKILL');
      reject(err);
    }
    child.once('exit', onExit);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      const match = SERVING_LINE.exec(stdout);
      if (!match?.[2]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      const loginUrl = match[2];
      resolve({ loginUrl, origin: new URL(loginUrl).origin, dbPath, stop: () => stopProcess(child) });
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // serve closes the workspace cleanly on SIGTERM; SIGKILL only if it hangs.
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface Workspace {
  dir: string;
  dbPath: string;
  server: CuratorServer;
  /** Stops the server and starts a new one on the same workspace file. */
  restart(): Promise<CuratorServer>;
}

/**
 * One workspace and server for the whole spec file (registers beforeAll/afterAll in the caller).
 * Returns a getter because the server only exists once beforeAll ran.
 */
export function useWorkspacePerFile(): () => Workspace {
  let workspace: Workspace | undefined;
  test.beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-curator-e2e-'));
    const dbPath = path.join(dir, 'ws.db');
    const ws: Workspace = {
      dir,
      dbPath,
      server: await startServer(dbPath),
      async restart() {
        await ws.server.stop();
        ws.server = await startServer(dbPath);
        return ws.server;
      },
    };
    workspace = ws;
  });
  test.afterAll(async () => {
    if (!workspace) return;
    await workspace.server.stop();
    fs.rmSync(workspace.dir, { recursive: true, force: true });
  });
  return () => {
    if (!workspace) throw new Error('workspace used outside a test');
    return workspace;
  };
}

/** Opens the app through the login URL and waits until it knows whether the workspace is empty. */
export async function openApp(page: Page, server: CuratorServer): Promise<void> {
  await page.goto(server.loginUrl);
  await expect(page.getByTestId('app')).toHaveAttribute('data-app-state', /^(empty|ready)$/);
}

/** A page that records anything a hostile dataset might make the browser do. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; dialogs: string[]; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const dialogs: string[] = [];
  /** Uncaught exceptions and console errors (AG Grid reports missing modules and bad options there). */
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('response', (response) => {
    if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  return { page, dialogs, pageErrors };
}

/** Waits for the grid to show `count` rows for the current filter. */
export async function expectRowCount(page: Page, count: number): Promise<void> {
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-count', String(count));
  await expect(page.getByTestId('prompt-grid')).toHaveAttribute('data-grid-ready', 'true');
}

/** The cell text of `colId` in the grid row shown at `rowIndex`. */
export function gridCell(page: Page, rowIndex: number, colId: string) {
  return page.locator(`[role="row"][row-index="${rowIndex}"] [role="gridcell"][col-id="${colId}"]`);
}

export const test = base;
export { expect };

/**
 * Screenshots for the README (docs/screenshot-NAME.png). Written only with UPDATE_DOCS_SCREENSHOTS=1 so
 * that a test run never dirties the tree; otherwise the page is still captured, to catch render failures.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  const image = await page.screenshot();
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1')
    fs.writeFileSync(path.join(REPO_ROOT, 'docs', `screenshot-${name}.png`), image);
}
