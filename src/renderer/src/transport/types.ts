// What the app holds: the contract transport plus the few host capabilities that differ between the
// browser (`rl-curator serve`) and Electron.
import type { CuratorBridge, CuratorTransport } from '../../../shared/bridge';
import type { Result } from '../../../shared/errors';

export interface UploadedFile {
  /** Where the host stored the file; pass it to 'import.preview' / 'import.prompts'. */
  path: string;
}

export interface AppTransport extends CuratorTransport {
  readonly kind: 'http' | 'ipc';
  /** Browser mode sends the picked file to the server; Electron reads files by path and has no upload. */
  upload?(file: File, onProgress?: (fraction: number) => void): Promise<Result<UploadedFile>>;
  /** Electron: the native open-file dialog; resolves to a path, or null when cancelled. */
  pickFile?(): Promise<string | null>;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    curator?: CuratorBridge;
  }
}
