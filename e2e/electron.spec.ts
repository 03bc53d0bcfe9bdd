// Desktop security smoke test: launches the built app (out/main) with a real Electron binary and checks
// what the unit tests cannot: the page really has no Node, popups and navigation really are refused,
// the CSP header really arrives, and window.curator talks to core.
// Runs only where ELECTRON_OVERRIDE_DIST_PATH names a folder holding an Electron binary (none can be
// downloaded on the build machines), e.g.
// `ELECTRON_OVERRIDE_DIST_PATH=/opt/electron xvfb-run -a npx playwright test e2e/electron.spec.ts`.
// executablePath is always passed: without it Playwright would require('electron'), which downloads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';

const REPO_ROOT = path.resolve(__dirname, '..');
const MAIN_BUNDLE = path.join(REPO_ROOT, 'out', 'main', 'index.js');
const PRODUCTION_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' " +
  "data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

/** The binary inside ELECTRON_OVERRIDE_DIST_PATH, named the way electron/index.js names it. */
function electronBinary(): { path?: string; skipReason?: string } {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!dist) return { skipReason: 'ELECTRON_OVERRIDE_DIST_PATH is not set (no Electron binary on this machine)' };
  const pathTxt = path.join(REPO_ROOT, 'node_modules', 'electron', 'path.txt');
  const names = [
    fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : '',
    'electron',
    'electron.exe',
    'Electron.app/Contents/MacOS/Electron',
  ];
  const found = names
    .filter(Boolean)
    .map((n) => path.join(dist, n))
    .find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
  if (!found) return { skipReason: `ELECTRON_OVERRIDE_DIST_PATH=${dist} does not contain an Electron binary` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skipReason: 'no display (DISPLAY/WAYLAND_DISPLAY unset): run under `xvfb-run -a`' };
  }
  return { path: found };
}

const binary = electronBinary();
if (binary.skipReason) console.warn(`electron.spec: skipped: ${binary.skipReason}`);

test.describe(`Electron desktop security${binary.skipReason ? ` (skipped: ${binary.skipReason})` : ''}`, () => {
  test.skip(!binary.path, binary.skipReason ?? '');
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    if (!fs.existsSync(MAIN_BUNDLE))
      throw new Error(`${MAIN_BUNDLE} is missing: run \`npm run build\` (or \`npx electron-vite build\`) first.`);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-curator-electron-'));
    app = await electron.launch({
      executablePath: binary.path as string,
      args: [REPO_ROOT],
      cwd: REPO_ROOT,
      // A fresh profile: its own workspace.db and single-instance lock, so a running app is untouched.
      env: { ...process.env, RL_CURATOR_USER_DATA: profile, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('loads the bundle from app://bundle with the production CSP header', async () => {
    expect(page.url()).toMatch(/^app:\/\/bundle\//);
    const csp = await page.evaluate(`fetch(location.href).then((r) => r.headers.get('content-security-policy'))`);
    expect(csp).toBe(PRODUCTION_CSP);
  });

  test('the page has no Node: require, process, module and Buffer are undefined', async () => {
    const types = await page.evaluate(`[typeof require, typeof process, typeof module, typeof Buffer, typeof global]`);
    expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('window.curator is the only bridge and has the documented shape', async () => {
    const shape = await page.evaluate(`({
      keys: Object.keys(window.curator).sort(),
      types: Object.fromEntries(Object.entries(window.curator).map(([k, v]) => [k, typeof v])),
      frozen: Object.isFrozen(window.curator),
      ipcRenderer: typeof window.ipcRenderer,
      electron: typeof window.electron,
    })`);
    expect(shape).toEqual({
      keys: ['call', 'on', 'pickFile', 'platform'],
      types: { call: 'function', on: 'function', pickFile: 'function', platform: 'string' },
      frozen: true,
      ipcRenderer: 'undefined',
      electron: 'undefined',
    });
  });

  test('calls reach core in the utility process; unknown methods are refused', async () => {
    const info = (await page.evaluate(`window.curator.call('app.info', {})`)) as {
      ok: boolean;
      value?: { host: string; dbPath: string };
    };
    expect(info.ok).toBe(true);
    expect(info.value?.host).toBe('electron');
    expect(info.value?.dbPath).toBe(path.join(profile, 'workspace.db'));
    expect(fs.existsSync(path.join(profile, 'workspace.db'))).toBe(true);
    const unknown = await page.evaluate(`window.curator.call('fs.readFile', {})`);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  test('events arrive as payloads only', async () => {
    const payload = await page.evaluate(`new Promise((resolve) => {
      const off = window.curator.on('job.updated', (...args) => { off(); resolve(args); });
      window.curator.call('demo.load', { prompts: 10, seed: 1 });
    })`);
    expect(Array.isArray(payload) && payload.length).toBe(1);
    expect((payload as Array<Record<string, unknown>>)[0]).toHaveProperty('status');
  });

  test('window.open returns null and opens no window', async () => {
    expect(await page.evaluate(`window.open('https://example.com/') === null`)).toBe(true);
    expect(await page.evaluate(`window.open('app://bundle/index.html') === null`)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
  });

  test('navigation away from the app is blocked', async () => {
    const before = page.url();
    // Record navigation attempts in main first, then trigger one from the page.
    await app.evaluate(({ BrowserWindow }) => {
      const attempts: string[] = [];
      (globalThis as { __navAttempts?: string[] }).__navAttempts = attempts;
      BrowserWindow.getAllWindows()[0]?.webContents.on('will-navigate', (event) => void attempts.push(event.url));
    });
    await page.evaluate(`location.href = 'https://example.com/'`);
    await expect
      .poll(() => app.evaluate(() => (globalThis as { __navAttempts?: string[] }).__navAttempts ?? []))
      .toContain('https://example.com/');
    // A round trip after the refused navigation: still our page, bridge intact.
    expect(await page.evaluate(`location.href`)).toBe(before);
    expect(await page.evaluate(`typeof window.curator.call`)).toBe('function');
  });

  test('inline scripts are blocked by the CSP', async () => {
    const violated = await page.evaluate(`new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
    })`);
    expect(String(violated)).toMatch(/^script-src/);
    expect(await page.evaluate(`window.__inlineRan === undefined`)).toBe(true);
  });

  test('permission requests are denied', async () => {
    expect(await page.evaluate(`Notification.requestPermission()`)).toBe('denied');
  });
});
