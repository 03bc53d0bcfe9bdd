// Reading key ranges of a single-pass export (no splits, no cap) as export rows, in id order. The
// one-thread pass reads all ids through it (run-export.ts); both threads of a two-thread read use it too
// (parallel-pass.ts, read-helper-entry.ts), each on its own connection to one snapshot, so a row reads
// the same whichever thread reads it.
import type { Db } from '../db/open';
import { field } from './layout';
import type { ResolvedExport } from './request';
import type { ExportRow } from './rows';
import { createLabelLookup, createRowBuilder } from './rows';
import { createScan, Sieve } from './scan';

export interface RangeReader {
  /** Counts over every range read so far (with dedup, ranges must be read in id order by one reader). */
  readonly sieve: Sieve;
  /** Emits the rows to export with ids in (after, last], in id order. */
  read(after: number, last: number, emit: (row: ExportRow) => void): void;
  /** The same, one page of rows per step, so a caller can report progress and yield between pages. */
  readPages(after: number, last: number, emit: (row: ExportRow) => void): Generator<void>;
}

export function createRangeReader(db: Db, ex: ResolvedExport): RangeReader {
  const scan = createScan(db, ex, 'full');
  const { at } = scan.layout;
  const sieve = new Sieve(ex, scan.layout);
  const build = createRowBuilder(db, ex, scan.layout);
  const labelsOf = createLabelLookup(db);
  function* readPages(after: number, last: number, emit: (row: ExportRow) => void): Generator<void> {
    scan.restart(after, last);
    for (let rows = scan.next(); rows.length > 0; rows = scan.next()) {
      const labels = labelsOf((rows[0] as [number])[0], (rows[rows.length - 1] as [number])[0]);
      for (const r of rows) {
        if (sieve.keep(r))
          emit(build(r, sieve.empirical, field<number>(r, at.graded) ?? 0, 0, labels.get(r[0] as number)));
      }
      yield;
    }
  }
  return {
    sieve,
    readPages,
    read(after, last, emit) {
      for (const _page of readPages(after, last, emit));
    },
  };
}
