// Tests scripts/launch-plan.mjs (the decision behind `npm start`). It lives in scripts/ as plain JS so
// start.mjs runs without a build; the test sits here because vitest collects src/**.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LaunchInput } from '../../scripts/launch-plan.mjs';
import { findElectronBinary, planLaunch } from '../../scripts/launch-plan.mjs';

const ELECTRON_DIR = path.resolve('/repo/node_modules/electron');
const DIST_BINARY = path.join(ELECTRON_DIR, 'dist', 'electron');

function machine(over: Partial<LaunchInput> & { files?: string[]; pathTxt?: string | null } = {}): LaunchInput {
  const files = new Set(over.files ?? []);
  const pathTxt = over.pathTxt === undefined ? null : over.pathTxt;
  return {
    platform: over.platform ?? 'linux',
    env: over.env ?? { DISPLAY: ':0' },
    argv: over.argv ?? [],
    electronDir: over.electronDir === undefined ? ELECTRON_DIR : over.electronDir,
    isFile: (p) => files.has(p),
    readText: (p) => (p === path.join(ELECTRON_DIR, 'path.txt') ? pathTxt : null),
    isRoot: over.isRoot ?? false,
  };
}

describe('findElectronBinary', () => {
  it.each<[string, Parameters<typeof machine>[0], { ok: boolean; executable?: string; reason?: RegExp }]>([
    [
      'installed binary via path.txt',
      { pathTxt: 'electron', files: [DIST_BINARY] },
      { ok: true, executable: DIST_BINARY },
    ],
    [
      'path.txt with a trailing newline',
      { pathTxt: 'electron\n', files: [DIST_BINARY] },
      { ok: true, executable: DIST_BINARY },
    ],
    ['path.txt missing (never downloaded)', { pathTxt: null }, { ok: false, reason: /path\.txt missing/ }],
    ['path.txt present but dist/ missing', { pathTxt: 'electron' }, { ok: false, reason: /dist\/electron missing/ }],
    ['package not installed', { electronDir: null }, { ok: false, reason: /not installed/ }],
    [
      'override dir with the binary',
      { env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, files: ['/opt/electron/electron'] },
      { ok: true, executable: '/opt/electron/electron' },
    ],
    [
      'override dir wins over dist/',
      {
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        pathTxt: 'electron',
        files: ['/opt/electron/electron', DIST_BINARY],
      },
      { ok: true, executable: '/opt/electron/electron' },
    ],
    [
      'override honours path.txt naming',
      {
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' },
        pathTxt: 'Electron.app/Contents/MacOS/Electron',
        files: ['/opt/e/Electron.app/Contents/MacOS/Electron'],
      },
      { ok: true, executable: '/opt/e/Electron.app/Contents/MacOS/Electron' },
    ],
    [
      'override dir without a binary',
      { env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/empty' } },
      { ok: false, reason: /ELECTRON_OVERRIDE_DIST_PATH=\/opt\/empty holds no Electron binary/ },
    ],
    [
      'override works even without the package',
      { electronDir: null, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, files: ['/opt/electron/electron'] },
      { ok: true, executable: '/opt/electron/electron' },
    ],
  ])('%s', (_name, facts, expected) => {
    const result = findElectronBinary(machine(facts));
    expect(result.ok).toBe(expected.ok);
    if (result.ok) expect(result.executable).toBe(expected.executable);
    else expect(result.reason).toMatch(expected.reason ?? /./);
  });
});

describe('planLaunch', () => {
  const withBinary = { pathTxt: 'electron', files: [DIST_BINARY] };

  it('runs Electron on the app folder when a binary and a display exist', () => {
    expect(planLaunch(machine(withBinary))).toEqual({
      mode: 'electron',
      executable: DIST_BINARY,
      args: ['.'],
      notes: [],
    });
  });

  it.each<[string, Record<string, string>]>([
    ['X11', { DISPLAY: ':99' }],
    ['Wayland', { WAYLAND_DISPLAY: 'wayland-0' }],
  ])('accepts a %s display', (_name, env) => {
    expect(planLaunch(machine({ ...withBinary, env })).mode).toBe('electron');
  });

  it('falls back to the browser without a display on Linux, saying why', () => {
    const plan = planLaunch(machine({ ...withBinary, env: {} }));
    expect(plan).toMatchObject({ mode: 'browser', reason: expect.stringMatching(/no display/) });
  });

  it.each(['darwin', 'win32'])('does not require DISPLAY on %s', (platform) => {
    expect(planLaunch(machine({ ...withBinary, platform, env: {} })).mode).toBe('electron');
  });

  it('falls back to the browser without a binary, with the lookup reason', () => {
    expect(planLaunch(machine({ pathTxt: null }))).toMatchObject({
      mode: 'browser',
      reason: expect.stringMatching(/no Electron binary/),
    });
  });

  it('--browser forces browser mode and is not passed on; other args are', () => {
    expect(planLaunch(machine({ ...withBinary, argv: ['--browser', '--port', '5000'] }))).toEqual({
      mode: 'browser',
      reason: '--browser requested',
      args: ['--port', '5000'],
    });
  });

  it('adds --no-sandbox with a note only for root on Linux', () => {
    const plan = planLaunch(machine({ ...withBinary, isRoot: true }));
    expect(plan).toMatchObject({ mode: 'electron', args: ['--no-sandbox', '.'] });
    if (plan.mode === 'electron') expect(plan.notes.join(' ')).toMatch(/root/);
    expect(planLaunch(machine({ ...withBinary, isRoot: true, platform: 'darwin' }))).toMatchObject({ args: ['.'] });
  });
});
