// better-sqlite3 12.x is a Node-ABI addon: node_modules holds the build for Node (unit tests, CLI,
// server), which Electron cannot load (Electron 45 = ABI 150). The desktop app therefore passes an
// Electron-ABI build through better-sqlite3's `nativeBinding` option. Pure: no electron import.
import path from 'node:path';

export const SQLITE_BINDING_ENV = 'RL_CURATOR_SQLITE_BINDING';

export function electronBindingFileName(abi: string): string {
  return `better_sqlite3-electron-${abi}.node`;
}

export interface BindingSelectionInput {
  env: Readonly<Record<string, string | undefined>>;
  /** The app's resources folder (process.resourcesPath packaged; <repo>/resources unpackaged). */
  resourcesDir: string;
  /** process.versions.modules of the running Electron. */
  abi: string | undefined;
  fileExists(filePath: string): boolean;
}

/**
 * The `nativeBinding` to give better-sqlite3: $RL_CURATOR_SQLITE_BINDING if set (it must exist: a
 * typo should fail loudly, not fall back silently), else resources/native/better_sqlite3-electron-<abi>.node
 * if present, else undefined (use node_modules' own build; right only if it was built for this ABI).
 */
export function selectNativeBinding(input: BindingSelectionInput): string | undefined {
  const fromEnv = input.env[SQLITE_BINDING_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const resolved = path.resolve(fromEnv);
    if (!input.fileExists(resolved)) throw new Error(`${SQLITE_BINDING_ENV}=${fromEnv}: no such file`);
    return resolved;
  }
  if (!input.abi || !/^\d+$/.test(input.abi)) return undefined;
  const bundled = path.join(input.resourcesDir, 'native', electronBindingFileName(input.abi));
  return input.fileExists(bundled) ? bundled : undefined;
}
