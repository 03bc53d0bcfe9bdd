// Reading one key range of a single-pass export (no splits, no cap) as export rows, in id order. Both
// threads of a two-thread read use it (parallel-pass.ts, read-helper-entry.ts), each on its own
// connection to one snapshot, so a row reads the same whichever thread reads it.
import type { Db } from '../db/open';
import { field } from './layout';
import type { ResolvedExport } from './request';
import type { ExportRow } from './rows';
import { createLabelLookup, createRowBuilder } from './rows';
import { createScan, Sieve } from './scan';

export interface RangeReader {
  /** Counts over every range read so far (dedup is off on this path, so ranges add up). */
  readonly sieve: Sieve;
  /** Emits the rows to export with ids in (after, last], in id order. */
  read(after: number, last: number, emit: (row: ExportRow) => void): void;
}

export function createRangeReader(db: Db, ex: ResolvedExport): RangeReader {
  if (ex.request.dedup) throw new Error('export: a deduplicating export cannot be read in ranges');
  const scan = createScan(db, ex, 'full');
  const { at } = scan.layout;
  const sieve = new Sieve(ex, scan.layout);
  const build = createRowBuilder(db, ex, scan.layout);
  const labelsOf = createLabelLookup(db);
  return {
    sieve,
    read(after, last, emit) {
      scan.restart(after, last);
      for (let rows = scan.next(); rows.length > 0; rows = scan.next()) {
        const labels = labelsOf((rows[0] as [number])[0], (rows[rows.length - 1] as [number])[0]);
        for (const r of rows) {
          if (sieve.keep(r)) emit(build(r, sieve.empirical, field<number>(r, at.graded) ?? 0, 0, labels.get(r[0] as number)));
        }
      }
    },
  };
}
