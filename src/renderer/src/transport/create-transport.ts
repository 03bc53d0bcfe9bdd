import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { AppTransport } from './types';

/** Electron when the preload exposed `window.curator`, otherwise the `rl-curator serve` HTTP API. */
export function createTransport(): AppTransport {
  return window.curator ? createIpcTransport(window.curator) : createHttpTransport();
}
