// Is an IPC message from our own page? Electron hands main the sending frame; it may be null (the frame
// navigated or was destroyed before the message arrived), a subframe, or a page from another origin.
// Only a live top-level frame showing one of the app's origins may talk to core.
import { isAllowedUrl } from './origins';

/** The parts of Electron's WebFrameMain this check reads (structural, so tests pass plain objects). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  isDestroyed?(): boolean;
}

export type SenderCheck = { ok: true } | { ok: false; reason: string };

export function checkSenderFrame(frame: FrameLike | null | undefined, allowedOrigins: readonly string[]): SenderCheck {
  if (!frame) return { ok: false, reason: 'no sender frame (navigated away or destroyed)' };
  if (frame.isDestroyed?.() === true) return { ok: false, reason: 'sender frame is destroyed' };
  if (frame.parent !== null) return { ok: false, reason: 'sender is a subframe' };
  if (typeof frame.url !== 'string' || !isAllowedUrl(frame.url, allowedOrigins)) {
    return { ok: false, reason: `sender origin not allowed (${String(frame.url).slice(0, 200)})` };
  }
  return { ok: true };
}
