// The one object a transport offers the renderer: a typed call and an event subscription.
// Electron's preload and the HTTP client both implement it.
import type { Result } from './errors';
import type { EventName, EventPayload, Input, Method, Output } from './contract';

export type Unsubscribe = () => void;

export interface CuratorTransport {
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
}

/** What the preload exposes as `window.curator`: untyped at the boundary, typed by the renderer wrapper. */
export interface CuratorBridge {
  call(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): Unsubscribe;
  platform: string;
}

export const IPC_CALL_CHANNEL = 'curator:rpc';
export const IPC_EVENT_CHANNEL = 'curator:event';
