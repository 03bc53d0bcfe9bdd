// Electron main: the composition root. Every decision lives in a pure, tested module; this file only
// wires them to Electron. Order matters: sandbox, the app:// scheme and the profile path must be set
// before `ready`.
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, utilityProcess } from 'electron';
import type { WebContents } from 'electron';
import { createBundleHandler } from './bundle-protocol';
import type { CoreChild } from './core-supervisor';
import { CoreSupervisor } from './core-supervisor';
import { CORE_CONFIG_ENV, encodeCoreConfig } from './core-protocol';
import { devCsp, PRODUCTION_CSP, withCspHeader } from './csp';
import { broadcastEvent } from './event-broadcast';
import { IMPORT_FILE_FILTERS, registerIpcHandlers } from './ipc-dispatch';
import { selectNativeBinding } from './native-binding';
import { APP_ENTRY_URL, APP_SCHEME, appOrigins, devServerOrigin, isAllowedUrl } from './origins';
import { appLayout, userDataOverride, workspaceDbPath } from './paths';
import { denyAllPermissions, denyPopupsAndWebviews, guardWebContents } from './web-contents-guards';
import { createWindowOptions } from './window-options';

const log = (message: string) => console.log(`[main] ${message}`);

app.enableSandbox();
const userData = userDataOverride(process.env);
if (userData) app.setPath('userData', userData);
// standard + secure: app://bundle is a real origin and a secure context (module scripts, fetch of its own
// files). corsEnabled stays unset on purpose: that keeps other origins from reading app:// responses
// (electron/electron#51152, #52912).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  // Two processes must never write the same workspace: the first instance gets focus instead.
  app.quit();
} else {
  runApp();
}

function runApp(): void {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const devOrigin = devServerUrl ? devServerOrigin(devServerUrl) : null;
  const allowedOrigins = appOrigins({ isPackaged: app.isPackaged, devServerUrl });
  const layout = appLayout({
    mainDir: __dirname,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  const isAppUrl = (url: string) => isAllowedUrl(url, allowedOrigins);
  let mainWindow: BrowserWindow | null = null;
  let core: CoreSupervisor | undefined;
  let coreStopped = false;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents (DevTools included) refuses popups and <webview>; our windows also pin navigation.
  app.on('web-contents-created', (_event, contents) => denyPopupsAndWebviews(contents, log));

  const createWindow = (): BrowserWindow => {
    const win = new BrowserWindow(createWindowOptions({ preloadPath: layout.preload, devTools: !app.isPackaged }));
    guardWebContents(win.webContents, isAppUrl, log);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    if (devServerUrl && devOrigin) void win.loadURL(devServerUrl);
    else void win.loadURL(APP_ENTRY_URL);
    return win;
  };

  const spawnCore = (nativeBinding: string | undefined): CoreChild => {
    const config = encodeCoreConfig({
      dbPath: workspaceDbPath(app.getPath('userData')),
      workerScript: layout.jobWorker,
      ...(nativeBinding ? { nativeBinding } : {}),
      version: app.getVersion(),
    });
    const child = utilityProcess.fork(layout.coreProcess, [], {
      serviceName: 'RL Curator core',
      stdio: 'inherit',
      env: { ...process.env, [CORE_CONFIG_ENV]: config },
    });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', listener),
      kill: () => void child.kill(),
    };
  };

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession, log);
      protocol.handle(APP_SCHEME, createBundleHandler({ root: layout.rendererRoot, csp: PRODUCTION_CSP }));
      if (devOrigin) {
        // The dev server sends no CSP; add ours (loosened only where Vite needs it) to its pages.
        const csp = devCsp(devOrigin);
        session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) =>
          callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) }),
        );
      }

      // Throws on a bad RL_CURATOR_SQLITE_BINDING; the catch below reports it and exits.
      const nativeBinding = selectNativeBinding({
        env: process.env,
        resourcesDir: layout.resourcesDir,
        abi: process.versions.modules,
        fileExists: (p) => fs.existsSync(p),
      });
      log(
        nativeBinding
          ? `better-sqlite3 binding: ${nativeBinding}`
          : 'better-sqlite3 binding: node_modules default build',
      );
      core = new CoreSupervisor({
        spawn: () => spawnCore(nativeBinding),
        onEvent: (event, payload) =>
          broadcastEvent(
            BrowserWindow.getAllWindows().map((w) => w.webContents),
            allowedOrigins,
            event,
            payload,
          ),
        onFatal: (error) => {
          void dialog.showMessageBox({
            type: 'error',
            title: 'RL Curator',
            message: 'The workspace could not be opened.',
            detail: `${error.code}: ${error.message}`,
          });
        },
      });
      core.start();
      const coreRef = core;

      registerIpcHandlers(ipcMain, {
        allowedOrigins,
        call: (method, input) => coreRef.call(method, input),
        pickFile: async (sender) => {
          const owner = BrowserWindow.fromWebContents(sender as WebContents);
          const options = {
            title: 'Import a dataset',
            properties: ['openFile' as const],
            filters: IMPORT_FILE_FILTERS,
          };
          const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
        log,
      });

      mainWindow = createWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
      });
    })
    .catch((err: unknown) => {
      console.error(err);
      dialog.showErrorBox('RL Curator failed to start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Let core checkpoint and close the workspace before the app exits.
  app.on('will-quit', (event) => {
    if (coreStopped || !core) return;
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });
}
