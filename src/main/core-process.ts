// Entry of the Electron utilityProcess that owns the workspace: SQLite work and jobs run here, off the
// main process's event loop, and a native crash here cannot take the windows down. Built to
// out/main/core-process.js; main forks it with the config in RL_CURATOR_CORE_CONFIG.
import { createCore } from '../core';
import { CORE_CONFIG_ENV, parseCoreConfig } from './core-protocol';
import type { CoreToMain } from './core-protocol';
import { serveCore } from './core-host';

/** Electron's process.parentPort (declared here to avoid pulling electron's globals into this file). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('core-process: no parentPort; this file must be started with Electron utilityProcess.fork()');
  process.exit(2);
}

const config = parseCoreConfig(process.env[CORE_CONFIG_ENV]);

serveCore({
  openCore: () =>
    createCore({
      dbPath: config.dbPath,
      workerScript: config.workerScript,
      ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
      host: 'electron',
      version: config.version,
    }),
  port: {
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    postMessage: (message: CoreToMain) => parentPort.postMessage(message),
  },
  exit: (code) => process.exit(code),
});
