// Decides how `npm start` runs the app: the Electron desktop app when an Electron binary and a display
// are available, otherwise browser mode (`rl-curator serve`). Pure: every fact about the machine comes in
// as an argument, so src/main/launch-plan.test.ts covers each branch. Used by scripts/start.mjs.
import path from 'node:path';

/**
 * Where the electron package would run its binary from, found the way electron/index.js does but
 * WITHOUT its side effect: index.js downloads the binary when path.txt or dist/ is missing, which
 * hangs or fails offline.
 * @param {{ env: Record<string, string | undefined>, electronDir: string | null,
 *           isFile(p: string): boolean, readText(p: string): string | null }} input
 * @returns {{ ok: true, executable: string } | { ok: false, reason: string }}
 */
export function findElectronBinary({ env, electronDir, isFile, readText }) {
  const pathTxt = electronDir ? (readText(path.join(electronDir, 'path.txt')) ?? '').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, pathTxt || 'electron');
    if (isFile(executable)) return { ok: true, executable };
    return {
      ok: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron binary (${executable} missing)`,
    };
  }
  if (!electronDir) return { ok: false, reason: 'the electron package is not installed' };
  if (!pathTxt)
    return {
      ok: false,
      reason:
        'no Electron binary (node_modules/electron/path.txt missing: the binary was never ' +
        'downloaded; set ELECTRON_OVERRIDE_DIST_PATH to use one you have)',
    };
  const executable = path.join(electronDir, 'dist', pathTxt);
  if (isFile(executable)) return { ok: true, executable };
  return {
    ok: false,
    reason: `no Electron binary (${executable} missing; set ELECTRON_OVERRIDE_DIST_PATH to use one you have)`,
  };
}

/**
 * @param {{ platform: string, env: Record<string, string | undefined>, argv: string[], electronDir: string | null,
 *           isFile(p: string): boolean, readText(p: string): string | null, isRoot: boolean }} input
 * @returns {{ mode: 'electron', executable: string, args: string[], notes: string[] }
 *         | { mode: 'browser', reason: string, args: string[] }}
 */
export function planLaunch(input) {
  const forceBrowser = input.argv.includes('--browser');
  const passthrough = input.argv.filter((a) => a !== '--browser');
  if (forceBrowser) return { mode: 'browser', reason: '--browser requested', args: passthrough };
  const binary = findElectronBinary(input);
  if (!binary.ok) return { mode: 'browser', reason: binary.reason, args: passthrough };
  if (input.platform === 'linux' && !input.env.DISPLAY && !input.env.WAYLAND_DISPLAY) {
    return {
      mode: 'browser',
      reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset; use xvfb-run for a virtual one)',
      args: passthrough,
    };
  }
  const notes = [];
  const args = ['.'];
  if (input.platform === 'linux' && input.isRoot) {
    // Chromium refuses to start as root with its OS sandbox on. The renderer stays isolated by
    // contextIsolation and Electron's sandboxed preload, but say so rather than hide it.
    args.unshift('--no-sandbox');
    notes.push('running as root: starting Electron with --no-sandbox (the Chromium OS sandbox is off)');
  }
  return { mode: 'electron', executable: binary.executable, args, notes };
}
