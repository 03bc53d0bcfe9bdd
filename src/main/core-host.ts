// The core side of the utility process: opens the workspace, answers calls, forwards events, closes
// cleanly on shutdown. The port is structural so tests run it in-process against a real workspace.
import type { Core } from '../core';
import { EVENT_NAMES } from '../shared/contract';
import type { RpcError } from '../shared/errors';
import { CuratorError, fail } from '../shared/errors';
import type { CoreToMain } from './core-protocol';
import { isMainToCore } from './core-protocol';

export interface HostPort {
  onMessage(listener: (message: unknown) => void): void;
  postMessage(message: CoreToMain): void;
}

export interface ServeOptions {
  openCore(): Core;
  port: HostPort;
  /** Called after shutdown has closed the workspace (the process entry exits here). */
  exit(code: number): void;
  log?(message: string): void;
}

export function serveCore(options: ServeOptions): void {
  const { port } = options;
  const log = options.log ?? ((m: string) => console.error(m));
  let core: Core | undefined;
  let fatal: RpcError | undefined;
  try {
    core = options.openCore();
  } catch (err) {
    fatal =
      err instanceof CuratorError
        ? { code: err.code, message: err.message }
        : { code: 'INTERNAL', message: `Cannot open the workspace: ${(err as Error).message}` };
    log(`core-process: ${fatal.message}`);
    port.postMessage({ type: 'fatal', error: fatal });
  }
  if (core) {
    for (const event of EVENT_NAMES) core.on(event, (payload) => port.postMessage({ type: 'event', event, payload }));
  }

  let shuttingDown = false;
  port.onMessage((message) => {
    if (!isMainToCore(message)) {
      log('core-process: ignored a malformed message');
      return;
    }
    if (message.type === 'shutdown') {
      if (shuttingDown) return;
      shuttingDown = true;
      void (core?.close() ?? Promise.resolve())
        .catch((err: unknown) => log(`core-process: close failed: ${(err as Error).message}`))
        .finally(() => {
          port.postMessage({ type: 'closed' });
          options.exit(0);
        });
      return;
    }
    const { id, method, input } = message;
    if (!core || shuttingDown) {
      port.postMessage({
        type: 'result',
        id,
        result: fatal ? { ok: false, error: fatal } : fail('INTERNAL', 'The workspace is closing.'),
      });
      return;
    }
    void core.call(method, input).then(
      (result) => port.postMessage({ type: 'result', id, result }),
      // core.call never throws by contract; this keeps one bug from hanging a caller forever.
      (err: unknown) => port.postMessage({ type: 'result', id, result: fail('INTERNAL', (err as Error).message) }),
    );
  });
  port.postMessage({ type: 'ready' });
}
