// Browser mode (`rl-curator serve`): calls are POST /api/call, events are Server-Sent Events from
// /api/events, files go up through POST /api/upload. Auth is the HttpOnly cookie the server set when the
// page was opened with ?token=…, so every request is same-origin with credentials.
import type { EventName, EventPayload, Input, Method, Output } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { asResult, transportFailure } from './result';
import type { AppTransport, UploadedFile } from './types';

type Listener = (payload: unknown) => void;

export function createHttpTransport(baseUrl = ''): AppTransport {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  function ensureEventSource(event: string): void {
    if (!source) source = new EventSource(`${baseUrl}/api/events`, { withCredentials: true });
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return; // A malformed event is dropped; the next data.changed or job.updated resynchronises.
      }
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  }

  return {
    kind: 'http',
    async call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
      try {
        const response = await fetch(`${baseUrl}/api/call`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        return await readResult<Output<M>>(response, method);
      } catch (err) {
        return transportFailure(`${method} (is rl-curator serve still running?)`, err);
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      ensureEventSource(event);
      const set = listeners.get(event);
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      set?.add(wrapped);
      return () => {
        set?.delete(wrapped);
      };
    },
    upload: (file, onProgress) => uploadFile(baseUrl, file, onProgress),
  };
}

async function readResult<T>(response: Response, context: string): Promise<Result<T>> {
  const text = await response.text();
  try {
    return asResult<T>(JSON.parse(text), context);
  } catch {
    const code = response.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL';
    return { ok: false, error: { code, message: `${context}: HTTP ${response.status} ${text.slice(0, 200)}`.trim() } };
  }
}

/** XMLHttpRequest rather than fetch: it reports upload progress, which matters for multi-GB files. */
function uploadFile(
  baseUrl: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<Result<UploadedFile>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${baseUrl}/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.total > 0 ? e.loaded / e.total : 1);
    };
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        resolve({
          ok: false,
          error: {
            code: xhr.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL',
            message: `Upload failed: HTTP ${xhr.status}`,
          },
        });
        return;
      }
      const result = asResult<UploadedFile>(parsed, 'Upload');
      if (result.ok && typeof result.value?.path !== 'string') {
        resolve({
          ok: false,
          error: { code: 'INTERNAL', message: 'Upload failed: the server did not say where it stored the file.' },
        });
        return;
      }
      resolve(result);
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        error: { code: 'INTERNAL', message: 'Upload failed: the connection to rl-curator serve was lost.' },
      });
    xhr.send(file);
  });
}
