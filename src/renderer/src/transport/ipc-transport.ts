// Electron: the preload exposes an untyped bridge; this gives it the contract's types back.
import type { CuratorBridge } from '../../../shared/bridge';
import type { EventName, EventPayload, Input, Method, Output } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { asResult, transportFailure } from './result';
import type { AppTransport } from './types';

export function createIpcTransport(bridge: CuratorBridge): AppTransport {
  const pickFile = bridge.pickFile;
  return {
    kind: 'ipc',
    ...(pickFile ? { pickFile: () => pickFile.call(bridge) } : {}),
    async call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
      try {
        return asResult<Output<M>>(await bridge.call(method, input), method);
      } catch (err) {
        return transportFailure(method, err);
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>));
    },
  };
}
