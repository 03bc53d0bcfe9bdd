// Messages between the contamination check's job thread and its analysis workers.
import type { BenchmarkItem } from './benchmark-index';
import type { AnalyzedPage, PageRequest } from './analyze-page';
import type { ContaminationSettings } from './settings';

export const ANALYSIS_WORKER_FILE = 'contamination-worker.mjs';

/** The first message: what every worker builds its own benchmark index from. */
export interface InitMessage {
  type: 'init';
  items: BenchmarkItem[];
  settings: ContaminationSettings;
}

export interface PageMessage extends PageRequest {
  type: 'page';
  id: number;
}

export type AnalysisReply = { id: number; page: AnalyzedPage } | { id: number; error: string };
