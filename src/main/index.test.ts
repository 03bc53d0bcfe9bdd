// Wiring test for the composition root with a fake `electron` (the real one cannot load under Node).
// The fake utility process runs the real core host in-process on a temp workspace, so an IPC call goes
// the whole way: ipcMain handler -> sender check -> CoreSupervisor -> core host -> SQLite -> back.
import type { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../core';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_PICK_FILE_CHANNEL } from '../shared/bridge';
import { tempDir } from '../../test/temp-workspace';
import { serveCore } from './core-host';
import { CORE_CONFIG_ENV, parseCoreConfig } from './core-protocol';
import type { CoreToMain } from './core-protocol';
import { PRODUCTION_CSP } from './csp';

const h = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Array<(...args: unknown[]) => unknown>>();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  return { calls, appListeners, ready, resolveReady: () => resolveReady(), state: { userData: '' } };
});

interface FakeContents extends EventEmitter {
  url: string;
  sent: Array<[string, unknown]>;
  openHandler?: (details: { url: string }) => unknown;
}

const fake = vi.hoisted(() => ({
  windows: [] as Array<{ options: unknown; loaded: string[]; webContents: unknown }>,
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  protocolHandlers: new Map<string, (request: { url: string; method?: string }) => Promise<Response>>(),
  forks: [] as Array<{ modulePath: string; env: Record<string, string | undefined> }>,
  permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (granted: boolean) => void) => void),
  dialogs: [] as unknown[],
  quits: 0,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const record = (name: string) => h.calls.push(name);

  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    static fromWebContents = (wc: unknown) => BrowserWindow.all.find((w) => w.webContents === wc) ?? null;
    readonly webContents: FakeContents;
    readonly loaded: string[] = [];
    constructor(readonly options: unknown) {
      super();
      record('new BrowserWindow');
      const contents = Object.assign(new Emitter(), { url: '', sent: [] as Array<[string, unknown]> }) as FakeContents;
      Object.assign(contents, {
        setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => (contents.openHandler = handler),
        isDestroyed: () => false,
        getURL: () => contents.url,
        send: (channel: string, message: unknown) => contents.sent.push([channel, message]),
      });
      this.webContents = contents;
      BrowserWindow.all.push(this);
      fake.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.url = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }

  return {
    BrowserWindow,
    app: {
      enableSandbox: () => record('enableSandbox'),
      setPath: (name: string, value: string) => record(`setPath ${name}=${value}`),
      requestSingleInstanceLock: () => (record('requestSingleInstanceLock'), true),
      isPackaged: false,
      getPath: () => h.state.userData,
      getAppPath: () => '/repo',
      getVersion: () => '0.1.0-test',
      on: (event: string, listener: (...args: unknown[]) => unknown) =>
        h.appListeners.set(event, [...(h.appListeners.get(event) ?? []), listener]),
      whenReady: () => h.ready.then(() => record('ready')),
      quit: () => void fake.quits++,
      exit: () => record('exit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        record(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (r: { url: string }) => Promise<Response>) =>
        fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: () => record('onHeadersReceived') },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        fake.ipcHandlers.set(channel, handler),
    },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => (
        fake.dialogs.push(args),
        { canceled: false, filePaths: ['/data/math.parquet'] }
      ),
      showErrorBox: (...args: unknown[]) => fake.dialogs.push(args),
      showMessageBox: async (...args: unknown[]) => (fake.dialogs.push(args), { response: 0 }),
    },
    utilityProcess: {
      fork: (modulePath: string, _args: string[], options: { env: Record<string, string | undefined> }) => {
        fake.forks.push({ modulePath, env: options.env });
        // The child: the real core host, in-process, on the workspace main asked for.
        const child = new Emitter() as EventEmitter & { postMessage(m: unknown): void; kill(): boolean };
        let toHost: ((m: unknown) => void) | undefined;
        child.postMessage = (m) => queueMicrotask(() => toHost?.(m));
        child.kill = () => (child.emit('exit', 1), true);
        const config = parseCoreConfig(options.env[CORE_CONFIG_ENV]);
        queueMicrotask(() =>
          serveCore({
            openCore: () => createCore({ dbPath: config.dbPath, host: 'electron', version: config.version }),
            port: {
              onMessage: (l) => (toHost = l),
              postMessage: (m: CoreToMain) => queueMicrotask(() => child.emit('message', m)),
            },
            exit: (code) => queueMicrotask(() => child.emit('exit', code)),
          }),
        );
        return child;
      },
    },
  };
});

const tmp = tempDir('rl-curator-main-');
const appFrame = (url = 'app://bundle/index.html') => ({ url, parent: null, isDestroyed: () => false });

describe('main process wiring (fake electron, real core)', () => {
  beforeAll(async () => {
    h.state.userData = path.join(tmp.dir, 'profile');
    delete process.env.ELECTRON_RENDERER_URL;
    process.env.RL_CURATOR_USER_DATA = h.state.userData;
    await import('./index');
    h.resolveReady();
    await h.ready;
    await vi.waitFor(() =>
      expect({ windows: fake.windows.length, dialogs: fake.dialogs }).toEqual({ windows: 1, dialogs: [] }),
    );
  });
  afterAll(() => {
    delete process.env.RL_CURATOR_USER_DATA;
    tmp.cleanup();
  });

  it('hardens the app before ready: sandbox, profile, privileged app:// scheme, single-instance lock', () => {
    const ready = h.calls.indexOf('ready');
    const before = h.calls.slice(0, ready);
    expect(before[0]).toBe('enableSandbox');
    expect(before).toContain(`setPath userData=${h.state.userData}`);
    expect(before).toContain(
      'registerSchemesAsPrivileged ' +
        '[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
    );
    expect(before).toContain('requestSingleInstanceLock');
    expect(h.calls).not.toContain('onHeadersReceived'); // no dev server, no dev CSP
  });

  it('opens one sandboxed window on app://bundle with the preload', () => {
    const win = fake.windows[0] as unknown as {
      options: { webPreferences: Record<string, unknown> };
      loaded: string[];
    };
    expect(win.loaded).toEqual(['app://bundle/index.html']);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(win.options.webPreferences.preload)).toMatch(/out[\\/]preload[\\/]index\.js$|preload[\\/]index\.js$/);
  });

  it('guards the window: navigation away is prevented, window.open denied', () => {
    const contents = (fake.windows[0] as unknown as { webContents: FakeContents }).webContents;
    let prevented = false;
    contents.emit('will-navigate', { url: 'https://app.attacker.com/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies permission requests', () => {
    const answers: boolean[] = [];
    fake.permissionRequest?.({}, 'notifications', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('serves the bundle on app:// with the production CSP', async () => {
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler?.({ url: 'app://bundle/../../etc/passwd', method: 'GET' });
    expect(res?.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(res?.status).not.toBe(200);
  });

  it('forks core with the workspace in userData and the built job worker', () => {
    expect(fake.forks).toHaveLength(1);
    const fork = fake.forks[0];
    expect(fork?.modulePath).toBe(path.join(__dirname, 'core-process.js'));
    const config = parseCoreConfig(fork?.env[CORE_CONFIG_ENV]);
    expect(config).toMatchObject({
      dbPath: path.join(h.state.userData, 'workspace.db'),
      workerScript: path.join(__dirname, 'job-worker.js'),
      version: '0.1.0-test',
    });
  });

  it('registers exactly the two IPC channels and answers a call end to end', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([IPC_CALL_CHANNEL, IPC_PICK_FILE_CHANNEL].sort());
    const call = fake.ipcHandlers.get(IPC_CALL_CHANNEL);
    const sender = (fake.windows[0] as unknown as { webContents: unknown }).webContents;
    const info = await call?.({ senderFrame: appFrame(), sender }, 'app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { host: 'electron', dbPath: path.join(h.state.userData, 'workspace.db') },
    });
    const refused = await call?.({ senderFrame: appFrame('https://app.attacker.com/'), sender }, 'app.info', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('broadcasts core events to the app window as { event, payload }', async () => {
    const call = fake.ipcHandlers.get(IPC_CALL_CHANNEL);
    const contents = (fake.windows[0] as unknown as { webContents: FakeContents }).webContents;
    await call?.({ senderFrame: appFrame(), sender: contents }, 'demo.load', { prompts: 5, seed: 2 });
    await vi.waitFor(() =>
      expect(
        contents.sent.some(([, m]) => (m as { event: string; payload: { status?: string } }).payload.status === 'done'),
      ).toBe(true),
    );
    expect(contents.sent.every(([channel]) => channel === IPC_EVENT_CHANNEL)).toBe(true);
  });

  it('pickFile shows the import dialog for the sender window with dataset filters', async () => {
    const pick = fake.ipcHandlers.get(IPC_PICK_FILE_CHANNEL);
    const win = fake.windows[0] as unknown as { webContents: unknown };
    expect(await pick?.({ senderFrame: appFrame(), sender: win.webContents })).toBe('/data/math.parquet');
    const [owner, options] = fake.dialogs.at(-1) as [unknown, { filters: Array<{ extensions: string[] }> }];
    expect(owner).toBe(win);
    expect(options.filters[0]?.extensions).toEqual(['jsonl', 'json', 'csv', 'parquet']);
  });

  it('on quit, stops core (workspace closed) before letting the app exit', async () => {
    const [willQuit] = h.appListeners.get('will-quit') ?? [];
    let prevented = false;
    willQuit?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.quits).toBe(1));
    // The second will-quit (from app.quit()) passes through.
    let preventedAgain = false;
    willQuit?.({ preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
  });
});
