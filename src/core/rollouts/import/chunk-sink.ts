// Collects prepared rollouts and bad records of an import and commits them in chunks (rows + resume
// point in one transaction). Applies the bad-record policy and reports progress after every commit, so
// `rows` in a progress report always counts rows that are safely stored.
import type { BadRecordPolicy, JobProgress, RecordIssue } from '../../../shared/domain';
import { CuratorError } from '../../../shared/errors';
import { NOT_UTF8 } from '../../io/records';
import type { JobContext } from '../../jobs/types';
import type { PreparedRollout } from '../prepared';
import type { ChunkRow, ChunkWriter, CommitPoint } from '../store/writer';

/** A chunk commits after this many rollouts or this many bytes of text and arrays, whichever first. */
export const CHUNK_ROWS = 1000;
export const CHUNK_BYTES = 24 << 20;

export interface SinkOptions {
  policy: BadRecordPolicy;
  bytesTotal: number;
  /** Rows and bad rows already committed before a resume. */
  rowsBefore: number;
  badBefore: number;
  /** Bytes of the input already behind the resume point. */
  bytesBefore: number;
  chunkRows?: number;
  chunkBytes?: number;
}

const isWarning = (issue: RecordIssue) => issue.message.startsWith('warning:');
const isEncodingIssue = (issue: RecordIssue | undefined) => issue?.message.endsWith(NOT_UTF8) ?? false;

export class ChunkSink {
  private rows: ChunkRow[] = [];
  private bytes = 0;
  private badInChunk = 0;
  private committedRows: number;
  private committedBad: number;
  private readonly started = Date.now();
  private readonly rowsAtStart: number;
  private readonly bytesAtStart: number;

  constructor(
    private readonly write: ChunkWriter,
    private readonly ctx: JobContext,
    private readonly options: SinkOptions,
  ) {
    this.committedRows = options.rowsBefore;
    this.committedBad = options.badBefore;
    this.rowsAtStart = options.rowsBefore;
    this.bytesAtStart = options.bytesBefore;
  }

  get full(): boolean {
    return (
      this.rows.length >= (this.options.chunkRows ?? CHUNK_ROWS) ||
      this.bytes >= (this.options.chunkBytes ?? CHUNK_BYTES)
    );
  }

  get totals(): { rows: number; bad: number } {
    return { rows: this.committedRows + this.rows.length, bad: this.committedBad + this.badInChunk };
  }

  add(rollout: PreparedRollout, fileIndex: number, fileStep: number | null): void {
    this.rows.push({ rollout, fileIndex, fileStep });
    let size = rollout.response.length + (rollout.tokenStarts?.byteLength ?? 0);
    for (const s of rollout.signals) size += s.values.byteLength;
    this.bytes += size;
  }

  /** A record that cannot be stored: skipped with its issues reported, or the end of the import. */
  bad(issues: readonly RecordIssue[]): void {
    for (const issue of issues) this.ctx.issue(issue);
    if (this.options.policy === 'abort') {
      // Said as the prompt import says it: "file: line N (field): what", with where in the details too.
      const first = issues[0];
      const file = first?.file ?? null;
      const line = first?.line ?? null;
      const field = first?.field ?? null;
      const where = `${file ?? 'the input'}${line !== null ? `: line ${line}` : ''}${field ? ` (${field})` : ''}`;
      throw new CuratorError(
        isEncodingIssue(first) ? 'ENCODING_ERROR' : 'PARSE_ERROR',
        `${where}: ${first?.message ?? 'bad record'}. Import stopped (nothing was kept); fix ` +
          `the line or import with --on-bad skip.`,
        { file, line, field, issues },
      );
    }
    this.badInChunk++;
  }

  /** Adapter issues: warnings are reported and the record kept; anything else is a bad record. */
  issue(issue: RecordIssue): void {
    if (isWarning(issue)) this.ctx.issue(issue);
    else this.bad([issue]);
  }

  commit(point: CommitPoint, bytesDone: number): void {
    this.write(this.rows, point, this.badInChunk);
    this.committedRows += this.rows.length;
    this.committedBad += this.badInChunk;
    this.rows = [];
    this.bytes = 0;
    this.badInChunk = 0;
    this.report(bytesDone, 'Importing rollouts');
  }

  report(bytesDone: number, phase: string): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? (this.committedRows - this.rowsAtStart) / elapsed : 0;
    const byteRate = elapsed > 0 ? (bytesDone - this.bytesAtStart) / elapsed : 0;
    const progress: JobProgress = {
      phase,
      bytesDone,
      bytesTotal: this.options.bytesTotal,
      rows: this.committedRows,
      badRows: this.committedBad,
      rowsPerSecond: rate,
      etaSeconds: byteRate > 0 ? Math.max(0, (this.options.bytesTotal - bytesDone) / byteRate) : null,
    };
    this.ctx.progress(progress);
  }
}
