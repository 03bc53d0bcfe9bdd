// Core events go to every app window on IPC_EVENT_CHANNEL as { event, payload }. A window whose page is
// not (or no longer) ours gets nothing: the payloads describe the user's data.
import type { BridgeEventMessage } from '../shared/bridge';
import { IPC_EVENT_CHANNEL } from '../shared/bridge';
import { isAllowedUrl } from './origins';

export interface EventTarget {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, message: BridgeEventMessage): void;
}

/** Returns how many windows received the event. */
export function broadcastEvent(
  targets: Iterable<EventTarget>,
  allowedOrigins: readonly string[],
  event: string,
  payload: unknown,
): number {
  let sent = 0;
  for (const target of targets) {
    if (target.isDestroyed() || !isAllowedUrl(target.getURL(), allowedOrigins)) continue;
    target.send(IPC_EVENT_CHANNEL, { event, payload });
    sent++;
  }
  return sent;
}
