import type { EventName, EventPayload } from '../shared/contract';
import type { Db } from './db/open';
import type { JobRunner } from './jobs/runner';
import type { QueryCache } from './prompts/query-cache';

/** What every feature's handlers share: the core thread's connection, the job runner, the event bus. */
export interface CoreState {
  db: Db;
  dbPath: string;
  workspaceId: string;
  schemaVersion: number;
  version: string;
  host: 'electron' | 'server' | 'cli' | 'test';
  jobs: JobRunner;
  /** Recent prompt query results (grid orders, facet cells of a search); cleared on every data change. */
  queryCache: QueryCache;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
