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
  /** Desktop only: a native "open file" dialog for imports; resolves to the chosen path, or null if cancelled. */
  pickFile?(): Promise<string | null>;
}

export const IPC_CALL_CHANNEL = 'curator:rpc';
export const IPC_EVENT_CHANNEL = 'curator:event';
export const IPC_PICK_FILE_CHANNEL = 'curator:pick-file';

/** The message main sends on IPC_EVENT_CHANNEL; the preload hands listeners only `payload`. */
export interface BridgeEventMessage {
  event: string;
  payload: unknown;
}
