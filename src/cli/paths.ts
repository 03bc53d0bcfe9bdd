// Where the default workspace lives for the Node hosts (serve, CLI): --db, else $RL_CURATOR_DB, else the
// XDG data folder. (Electron uses its user-data folder instead.)
import os from 'node:os';
import path from 'node:path';

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RL_CURATOR_DB) return path.resolve(env.RL_CURATOR_DB);
  const dataHome =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'rl-curator', 'workspace.db');
}

export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ? path.resolve(flag) : defaultDbPath(env);
}
