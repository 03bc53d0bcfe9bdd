// Tallies for the manifest and the preview: rows per split, per source and split, per pass-rate bucket,
// corrected gold answers, prompt labels on exported rows.
import { PASS_RATE_BUCKETS } from '../../shared/domain';
import type { ExportCounts } from '../../shared/exports';
import { passRateBucket } from '../prompts/buckets';
import type { Selection } from './select';

export const NO_SOURCE = '(none)';
export const ALL = 'all';

export class ExportTally {
  readonly perSplit: Record<string, number> = {};
  readonly perSource: Record<string, Record<string, number>> = {};
  readonly passRateHistogram: Record<string, number> = Object.fromEntries(PASS_RATE_BUCKETS.map((b) => [b, 0]));
  readonly labelPrompts = new Map<number, number>();
  exported = 0;
  correctedGoldAnswers = 0;
  withoutCorrectRollout = 0;

  constructor(splitNames: readonly (string | null)[]) {
    for (const s of splitNames) this.perSplit[s ?? ALL] = 0;
  }

  add(
    split: string | null,
    source: string | null,
    passRate: number | null,
    corrected: boolean,
    labelIds: readonly number[],
  ): void {
    const s = split ?? ALL;
    const src = source ?? NO_SOURCE;
    this.exported++;
    this.perSplit[s] = (this.perSplit[s] ?? 0) + 1;
    const bySplit = (this.perSource[src] ??= {});
    bySplit[s] = (bySplit[s] ?? 0) + 1;
    const bucket = passRateBucket(passRate);
    this.passRateHistogram[bucket] = (this.passRateHistogram[bucket] ?? 0) + 1;
    if (corrected) this.correctedGoldAnswers++;
    for (const id of labelIds) this.labelPrompts.set(id, (this.labelPrompts.get(id) ?? 0) + 1);
  }

  counts(selection: Selection['counts']): ExportCounts {
    const sortedSources = Object.fromEntries(
      Object.entries(this.perSource).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    return {
      ...selection,
      exported: this.exported,
      perSplit: this.perSplit,
      perSource: sortedSources,
      passRateHistogram: this.passRateHistogram,
      correctedGoldAnswers: this.correctedGoldAnswers,
      withoutCorrectRollout: this.withoutCorrectRollout,
    };
  }
}
