import type { CoreOptions } from '../core/index';

/** Facts about the installed build that commands need (where the worker and web bundle are). */
export interface Runtime {
  version: string;
  /** Built job worker, when running from out/node. */
  workerScript?: string;
  /** Built renderer (out/web). */
  staticDir: string;
}

export interface Command {
  /** Words that select it, e.g. ['import', 'prompts']. */
  path: string[];
  summary: string;
  usage: string;
  run(args: string[], runtime: Runtime): Promise<number>;
}

export function coreOptions(dbPath: string, runtime: Runtime, host: CoreOptions['host']): CoreOptions {
  return {
    dbPath,
    host,
    version: runtime.version,
    ...(runtime.workerScript ? { workerScript: runtime.workerScript } : {}),
  };
}
