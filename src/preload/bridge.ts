// Builds `window.curator` from an ipcRenderer-like object. The page never sees ipcRenderer, channel
// names or IpcRendererEvent objects: only call(), on() (listeners get the payload alone), pickFile()
// and the platform string. Imports only types and constants from src/shared, so the sandboxed preload
// bundle stays free of zod and everything else.
import type { BridgeEventMessage, CuratorBridge, Unsubscribe } from '../shared/bridge';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_PICK_FILE_CHANNEL } from '../shared/bridge';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
}

export type DesktopBridge = CuratorBridge & { pickFile(): Promise<string | null> };

function isEventMessage(value: unknown): value is BridgeEventMessage {
  return typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string';
}

export function createCuratorBridge(ipc: IpcRendererLike, platform: string): DesktopBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let subscribed = false;

  // One ipcRenderer listener for all subscriptions, attached while anyone listens.
  const dispatch = (_event: unknown, message: unknown): void => {
    if (!isEventMessage(message)) return;
    for (const listener of [...(listeners.get(message.event) ?? [])]) {
      try {
        listener(message.payload);
      } catch (err) {
        // One failing listener must not starve the others.
        console.error(`curator.on(${message.event}) listener threw`, err);
      }
    }
  };

  const bridge: DesktopBridge = {
    call(method: string, input: unknown): Promise<unknown> {
      if (typeof method !== 'string') return Promise.reject(new TypeError('curator.call: method must be a string'));
      return ipc.invoke(IPC_CALL_CHANNEL, method, input);
    },
    on(event: string, listener: (payload: unknown) => void): Unsubscribe {
      if (typeof event !== 'string') throw new TypeError('curator.on: event must be a string');
      if (typeof listener !== 'function') throw new TypeError('curator.on: listener must be a function');
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry = (payload: unknown) => listener(payload);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(entry);
      if (!subscribed) {
        ipc.on(IPC_EVENT_CHANNEL, dispatch);
        subscribed = true;
      }
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(entry);
        if (set.size === 0) listeners.delete(event);
        if (listeners.size === 0 && subscribed) {
          ipc.removeListener(IPC_EVENT_CHANNEL, dispatch);
          subscribed = false;
        }
      };
    },
    async pickFile(): Promise<string | null> {
      const picked = await ipc.invoke(IPC_PICK_FILE_CHANNEL);
      return typeof picked === 'string' ? picked : null;
    },
    platform,
  };
  return Object.freeze(bridge);
}
