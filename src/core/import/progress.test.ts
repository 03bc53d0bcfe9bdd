// Progress throttling and the rate/ETA arithmetic, with an injected clock.
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/domain';
import { createProgressReporter } from './progress';

describe('createProgressReporter', () => {
  it('sends at most every 250 ms unless forced, with rate and ETA from the bytes read', () => {
    let now = 1000;
    const sent: JobProgress[] = [];
    const report = createProgressReporter(
      1000,
      (p) => sent.push(p),
      () => now,
    );
    now = 2000;
    report('Reading', { bytesDone: 100, rows: 50, badRows: 1 });
    now = 2100;
    report('Reading', { bytesDone: 200, rows: 100, badRows: 1 });
    now = 2250;
    report('Reading', { bytesDone: 250, rows: 125, badRows: 2 });
    now = 2300;
    report('Done', { bytesDone: 1000, rows: 500, badRows: 2 }, true);
    expect(sent).toEqual([
      { phase: 'Reading', bytesDone: 100, bytesTotal: 1000, rows: 50, badRows: 1, rowsPerSecond: 50, etaSeconds: 9 },
      { phase: 'Reading', bytesDone: 250, bytesTotal: 1000, rows: 125, badRows: 2, rowsPerSecond: 100, etaSeconds: 4 },
      { phase: 'Done', bytesDone: 1000, bytesTotal: 1000, rows: 500, badRows: 2, rowsPerSecond: 385, etaSeconds: 0 },
    ]);
  });
});
