// Messages between an export's job thread and its read helper thread (read-helper.ts, read-helper-entry.ts).
// A block is one key range read and formatted by the helper: the file bytes of its rows plus, per row,
// what the manifest's tallies and the export record need, in typed arrays that are moved, not copied.
import type { ResolvedExport } from './request';
import type { ExportRow } from './rows';
import { float64Column, uint32Column } from '../util/columns';

export const READ_HELPER_FILE = 'export-read-worker.mjs';

export interface ReadHelperData {
  dbPath: string;
  nativeBinding?: string;
  ex: ResolvedExport;
}

export type HelperRequest = { type: 'block'; after: number; last: number };

export interface BlockCounts {
  matched: number;
  excludedByLabel: number;
  excludedByPassRate: number;
}

export interface BlockReply extends BlockCounts {
  type: 'block';
  /** File bytes of the block's rows, in order. */
  chunks: Uint8Array[];
  ids: Uint32Array;
  /** NaN: no pass rate. */
  passRates: Float64Array;
  corrected: Uint8Array;
  /** Distinct sources of the block, and each row's index into them. */
  sources: (string | null)[];
  sourceOf: Uint32Array;
  /** Row i's prompt label ids are labelIds[labelEnds[i - 1] ?? 0, labelEnds[i]). */
  labelEnds: Uint32Array;
  labelIds: Uint32Array;
}

export type HelperReply = { type: 'ready' } | BlockReply | { type: 'error'; message: string };

/** Collects a block's rows on the helper thread. */
export class BlockBuilder {
  private chunks: Uint8Array[] = [];
  private ids = uint32Column();
  private passRates = float64Column();
  private corrected: number[] = [];
  private sources = new Map<string | null, number>();
  private sourceOf = uint32Column();
  private labelEnds = uint32Column();
  private labelIds = uint32Column();

  /** Bytes from the block's writer; the writer reuses its buffer, so they are copied. */
  write(chunk: Uint8Array): void {
    this.chunks.push(new Uint8Array(chunk));
  }

  add(row: ExportRow): void {
    this.ids.push(row.id);
    this.passRates.push(row.passRate ?? NaN);
    this.corrected.push(row.corrected ? 1 : 0);
    let s = this.sources.get(row.source);
    if (s === undefined) this.sources.set(row.source, (s = this.sources.size));
    this.sourceOf.push(s);
    for (const id of row.labelIds) this.labelIds.push(id);
    this.labelEnds.push(this.labelIds.length);
  }

  /** The block so far, and a fresh start; the second value lists the buffers to move. */
  take(counts: BlockCounts): [BlockReply, ArrayBuffer[]] {
    const copy = <T extends Uint32Array | Float64Array>(a: T): T => a.slice() as T;
    const reply: BlockReply = {
      type: 'block',
      ...counts,
      chunks: this.chunks,
      ids: copy(this.ids.values),
      passRates: copy(this.passRates.values),
      corrected: Uint8Array.from(this.corrected),
      sources: [...this.sources.keys()],
      sourceOf: copy(this.sourceOf.values),
      labelEnds: copy(this.labelEnds.values),
      labelIds: copy(this.labelIds.values),
    };
    this.chunks = [];
    this.ids = uint32Column();
    this.passRates = float64Column();
    this.corrected = [];
    this.sources = new Map();
    this.sourceOf = uint32Column();
    this.labelEnds = uint32Column();
    this.labelIds = uint32Column();
    const { chunks, ids, passRates, corrected, sourceOf, labelEnds, labelIds } = reply;
    return [
      reply,
      [...chunks, ids, passRates, corrected, sourceOf, labelEnds, labelIds].map((a) => a.buffer as ArrayBuffer),
    ];
  }
}
