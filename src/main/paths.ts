// Where the desktop app finds its parts and keeps its data. Pure: the Electron facts (app paths,
// isPackaged, resourcesPath) come in as arguments.
import path from 'node:path';

/** Tests and power users can point the app at another profile (workspace, single-instance lock, caches). */
export const USER_DATA_ENV = 'RL_CURATOR_USER_DATA';

export function userDataOverride(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const dir = env[USER_DATA_ENV];
  return dir ? path.resolve(dir) : undefined;
}

export interface AppLayout {
  /** Built renderer served on app://bundle. */
  rendererRoot: string;
  preload: string;
  coreProcess: string;
  jobWorker: string;
  /** resources/ (native bindings live in resources/native). */
  resourcesDir: string;
}

/**
 * `mainDir` is the folder of the running out/main/index.js (its __dirname). Packaged, resources sit in
 * process.resourcesPath (electron-builder `extraResources`); unpackaged, in the repository's resources/.
 */
export function appLayout(input: {
  mainDir: string;
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): AppLayout {
  const out = path.resolve(input.mainDir, '..');
  return {
    rendererRoot: path.join(out, 'renderer'),
    preload: path.join(out, 'preload', 'index.js'),
    coreProcess: path.join(input.mainDir, 'core-process.js'),
    jobWorker: path.join(input.mainDir, 'job-worker.js'),
    resourcesDir: input.isPackaged ? input.resourcesPath : path.join(input.appPath, 'resources'),
  };
}

export function workspaceDbPath(userData: string): string {
  return path.join(userData, 'workspace.db');
}
