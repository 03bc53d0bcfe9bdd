// The only IPC main listens to: one RPC channel forwarded to core and the native file picker. Every
// message is checked here (sender frame, method name, input shape) before anything else runs; core then
// validates the input against the contract's zod schema. Structural types keep this testable with a
// fake ipcMain.
import { IPC_CALL_CHANNEL, IPC_PICK_FILE_CHANNEL } from '../shared/bridge';
import { isMethod } from '../shared/contract';
import type { Result } from '../shared/errors';
import { fail } from '../shared/errors';
import { isPlainData } from './plain-data';
import type { FrameLike } from './sender';
import { checkSenderFrame } from './sender';

export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface IpcDeps {
  allowedOrigins: readonly string[];
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Shows the native dialog for the window of `sender`; absent when the host has no dialogs. */
  pickFile?(sender: unknown): Promise<string | null>;
  log?(message: string): void;
}

/** Registers the handlers and returns the channels it registered (a test pins this allowlist). */
export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): string[] {
  const log = deps.log ?? (() => {});
  const channels: string[] = [];

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, ...args): Promise<Result<unknown>> => {
    const sender = checkSenderFrame(event.senderFrame, deps.allowedOrigins);
    if (!sender.ok) {
      log(`rpc refused: ${sender.reason}`);
      return fail('UNAUTHORIZED', `Refused: ${sender.reason}.`);
    }
    if (args.length < 1 || args.length > 2)
      return fail('INVALID_INPUT', `Expected (method, input), got ${args.length} arguments.`);
    const [method, input] = args;
    if (!isMethod(method)) return fail('UNKNOWN_METHOD', `Unknown method "${String(method).slice(0, 100)}".`);
    if (!isPlainData(input)) return fail('INVALID_INPUT', `${method}: input must be plain JSON-like data.`);
    return deps.call(method, input);
  });
  channels.push(IPC_CALL_CHANNEL);

  if (deps.pickFile) {
    const pickFile = deps.pickFile;
    ipcMain.handle(IPC_PICK_FILE_CHANNEL, async (event, ...args): Promise<string | null> => {
      const sender = checkSenderFrame(event.senderFrame, deps.allowedOrigins);
      if (!sender.ok) {
        log(`pickFile refused: ${sender.reason}`);
        // Thrown (the renderer sees a rejected promise): only a hostile page ends up here.
        throw new Error(`pickFile refused: ${sender.reason}`);
      }
      if (args.length !== 0) throw new Error('pickFile takes no arguments');
      return pickFile(event.sender);
    });
    channels.push(IPC_PICK_FILE_CHANNEL);
  }
  return channels;
}

/** File types the import dialog offers (the importers' formats). */
export const IMPORT_FILE_FILTERS = [
  { name: 'Datasets (JSONL, JSON, CSV, Parquet)', extensions: ['jsonl', 'json', 'csv', 'parquet'] },
  { name: 'All files', extensions: ['*'] },
];
