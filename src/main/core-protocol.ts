// Messages between main and the core utility process (structured clone over process.parentPort).
// Calls carry an id; every call gets exactly one `result`, whose value is a contract Result.
import { z } from 'zod';
import type { Result, RpcError } from '../shared/errors';

export type MainToCore = { type: 'call'; id: number; method: string; input: unknown } | { type: 'shutdown' };

export type CoreToMain =
  /** Core is listening; sent once, after the workspace opened (or failed to: then `fatal` came first). */
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  /** The workspace could not be opened; every call will be answered with this error. */
  | { type: 'fatal'; error: RpcError }
  /** Core closed the workspace on `shutdown`; the process exits next. */
  | { type: 'closed' };

export function isMainToCore(value: unknown): value is MainToCore {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'shutdown') return true;
  return m.type === 'call' && Number.isSafeInteger(m.id) && typeof m.method === 'string';
}

export function isCoreToMain(value: unknown): value is CoreToMain {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'closed':
      return true;
    case 'result':
      return Number.isSafeInteger(m.id) && typeof m.result === 'object' && m.result !== null;
    case 'event':
      return typeof m.event === 'string';
    case 'fatal':
      return typeof m.error === 'object' && m.error !== null;
    default:
      return false;
  }
}

/** What main tells the core process at spawn time (through the environment, see core-process.ts). */
export const CoreConfig = z
  .object({
    dbPath: z.string().min(1),
    workerScript: z.string().min(1),
    nativeBinding: z.string().min(1).optional(),
    version: z.string().min(1),
  })
  .strict();
export type CoreConfig = z.infer<typeof CoreConfig>;

export const CORE_CONFIG_ENV = 'RL_CURATOR_CORE_CONFIG';

export function encodeCoreConfig(config: CoreConfig): string {
  return JSON.stringify(CoreConfig.parse(config));
}

export function parseCoreConfig(raw: string | undefined): CoreConfig {
  if (!raw)
    throw new Error(`core-process: ${CORE_CONFIG_ENV} is not set (this entry is started by the Electron main process)`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`core-process: ${CORE_CONFIG_ENV} is not valid JSON`);
  }
  const parsed = CoreConfig.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`core-process: bad ${CORE_CONFIG_ENV}: ${problems}`);
  }
  return parsed.data;
}
