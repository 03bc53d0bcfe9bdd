import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain';
import { jobSummary } from './job-summary';

const job = (result: Record<string, unknown> | null): Job => ({
  id: 1,
  kind: 'import.prompts',
  status: 'done',
  title: 'Import x',
  progress: null,
  result,
  error: null,
  issues: [],
  issueCount: 0,
  createdAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
});

describe('jobSummary', () => {
  it('lists known counts first with readable labels and skips internal ids and objects', () => {
    const items = jobSummary(
      job({ zeta: 1, duplicates: 3, datasetId: 7, prompts: 1500, nested: { a: 1 }, badLines: 2, datasetName: 'MATH' }),
    );
    expect(items.map((i) => i.label)).toEqual(['Prompts imported', 'Duplicates', 'Dataset', 'Bad lines', 'Zeta']);
    expect(items[0]?.value).toBe('1,500');
  });

  it('is empty without a result', () => {
    expect(jobSummary(job(null))).toEqual([]);
  });
});
