import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain';
import type { ExportCounts } from '../../../shared/exports';
import { defaultExportDir, dropReasons, jobExportId, joinPath, shortSha, sourceTable } from './export-summary';

const counts: ExportCounts = {
  matched: 120,
  excludedByLabel: 3,
  excludedByContamination: 2,
  excludedByPassRate: 17,
  duplicatesDropped: 0,
  cappedBySource: 0,
  exported: 100,
  perSplit: { train: 80, test: 20 },
  perSource: { math: { train: 50, test: 12 }, aime: { train: 30, test: 8 }, '(none)': {} },
  passRateHistogram: {},
  correctedGoldAnswers: 1,
  withoutCorrectRollout: 0,
};

const job = (patch: Partial<Job>): Job => ({
  id: 4,
  kind: 'export',
  status: 'done',
  title: 'Export',
  progress: null,
  result: { exportId: 9 },
  error: null,
  issues: [],
  issueCount: 0,
  createdAt: '',
  finishedAt: null,
  ...patch,
});

describe('export summaries', () => {
  it('tabulates rows per source and split, largest source first, with split totals', () => {
    expect(sourceTable(counts)).toEqual({
      splits: ['train', 'test'],
      rows: [
        { source: 'math', perSplit: [50, 12], total: 62 },
        { source: 'aime', perSplit: [30, 8], total: 38 },
        { source: '(none)', perSplit: [0, 0], total: 0 },
      ],
      totals: [80, 20],
    });
  });

  it('lists why prompts were left out, without zero reasons', () => {
    expect(dropReasons(counts)).toEqual([
      { reason: 'excluded by label', count: 3 },
      { reason: 'contaminated (benchmark check)', count: 2 },
      { reason: 'outside the pass-rate range', count: 17 },
    ]);
  });

  it('reads the export id of a finished job only', () => {
    expect(jobExportId(job({}))).toBe(9);
    expect(jobExportId(job({ status: 'running' }))).toBeNull();
    expect(jobExportId(job({ result: { exportId: 'x' } }))).toBeNull();
    expect(jobExportId(undefined)).toBeNull();
  });

  it('suggests an exports folder beside the workspace and joins paths in its style', () => {
    expect(defaultExportDir('/home/ada/ws/workspace.db')).toBe('/home/ada/ws/exports');
    expect(defaultExportDir('C:\\Users\\ada\\ws.db')).toBe('C:\\Users\\ada\\exports');
    expect(defaultExportDir('ws.db')).toBe('exports');
    expect(joinPath('/tmp/out', 'train.jsonl')).toBe('/tmp/out/train.jsonl');
    expect(joinPath('/tmp/out/', 'a')).toBe('/tmp/out/a');
    expect(joinPath('C:\\out', 'a')).toBe('C:\\out\\a');
    expect(shortSha('a'.repeat(64))).toHaveLength(12);
  });
});
