// A single-pass text export read by two threads: prompt ids are cut into blocks, the job thread reads
// and writes every other one itself and takes the others from the read helper (read-helper.ts) as
// finished bytes, in order. A few helper blocks are asked for ahead, so the helper works while the job
// thread does, and memory holds at most those blocks (a few MB each, sized by the bytes per id so far).
// The file is the same, byte for byte, as the one thread's (read-range.ts reads both halves; text lines
// do not depend on the lines before them).
import type { Selection } from './select';
import { sieveCounts } from './select';
import type { ReadHelper } from './read-helper';
import { createRangeReader } from './read-range';
import type { Streaming } from './streaming';
import { throwIfCancelled } from '../jobs/cancel';
import { bytesOf, yieldToEvents } from './streaming';

/** Helper blocks asked for ahead of the job thread: with BLOCK_BYTES, ~10 MB of output in flight. */
const AHEAD = 3;
/** Output a block aims at; the first blocks, before there is a size to go by, are FIRST_BLOCK_IDS ids. */
const BLOCK_BYTES = 3 << 20;
const FIRST_BLOCK_IDS = 1024;

export async function parallelPass(
  s: Streaming,
  helper: ReadHelper,
  maxBlockIds: number,
): Promise<Selection['counts']> {
  // A scan reads each page once: with two threads reading, a small page cache holds RSS down (64 MiB
  // would fill up for nothing) and takes fewer cache misses. The job's setting comes back afterwards.
  const cacheSize = s.db.pragma('cache_size', { simple: true }) as number;
  s.db.pragma('cache_size = -4096');
  try {
    return await readBlocks(s, helper, maxBlockIds);
  } finally {
    s.db.pragma(`cache_size = ${cacheSize}`);
  }
}

async function readBlocks(s: Streaming, helper: ReadHelper, maxIds: number): Promise<Selection['counts']> {
  const reader = createRangeReader(s.db, s.ex);
  const [min, max] = s.db.prepare(`SELECT min(id), max(id) FROM prompts`).raw().get() as [number | null, number | null];
  const file = s.files[0];
  if (s.files.length !== 1 || !file) throw new Error('export: a two-thread read writes one file');
  const cutter = new BlockCutter(min === null ? 0 : min - 1, max ?? 0, maxIds);
  // Blocks cut but not read yet, in file order; the two threads take turns.
  const queue: { after: number; last: number; helper: boolean }[] = [];
  let cuts = 0;
  const helped = { matched: 0, excludedByLabel: 0, excludedByPassRate: 0 };
  for (;;) {
    throwIfCancelled(s.signal);
    while (queue.length < 2 * AHEAD) {
      const range = cutter.cut(file.size);
      if (!range) break;
      const byHelper = cuts++ % 2 === 1;
      queue.push({ ...range, helper: byHelper });
      if (byHelper) helper.request(range.after, range.last);
    }
    const block = queue.shift();
    if (!block) break;
    if (!block.helper) reader.read(block.after, block.last, s.emit);
    else {
      const b = await helper.next();
      s.flush();
      for (const chunk of b.chunks) file.write(chunk);
      for (let r = 0, labelStart = 0; r < b.ids.length; r++) {
        const labelEnd = b.labelEnds[r] as number;
        const passRate = b.passRates[r] as number;
        s.counted(
          b.ids[r] as number,
          b.sources[b.sourceOf[r] as number] ?? null,
          Number.isNaN(passRate) ? null : passRate,
          b.corrected[r] === 1,
          labelEnd > labelStart ? Array.from(b.labelIds.subarray(labelStart, labelEnd)) : [],
        );
        labelStart = labelEnd;
      }
      helped.matched += b.matched;
      helped.excludedByLabel += b.excludedByLabel;
      helped.excludedByPassRate += b.excludedByPassRate;
    }
    cutter.done(block.last);
    const matched = reader.sieve.matched + helped.matched;
    s.report('Writing', matched, Math.max(s.visible, matched), bytesOf(s.files));
    await yieldToEvents();
  }
  const own = sieveCounts(reader.sieve);
  return {
    ...own,
    matched: own.matched + helped.matched,
    excludedByLabel: own.excludedByLabel + helped.excludedByLabel,
    excludedByPassRate: own.excludedByPassRate + helped.excludedByPassRate,
  };
}

/**
 * Cuts the id range into blocks of about BLOCK_BYTES of output, estimated from the bytes written per id
 * so far: blocks in flight stay a few MB whether prompts are short or long.
 */
class BlockCutter {
  private next: number;
  private readonly first: number;
  private written = 0;

  constructor(
    after: number,
    private readonly max: number,
    private readonly maxIds: number,
  ) {
    this.first = after;
    this.next = after;
  }

  /** The next block, sized by the file's bytes so far, or null past the last id. */
  cut(fileBytes: number): { after: number; last: number } | null {
    if (this.next >= this.max) return null;
    const ids = this.written - this.first;
    const bytesPerId = ids > 0 ? fileBytes / ids : 0;
    const width = bytesPerId > 0 ? Math.floor(BLOCK_BYTES / bytesPerId) : FIRST_BLOCK_IDS;
    const after = this.next;
    this.next = Math.min(this.max, after + Math.max(1, Math.min(this.maxIds, width)));
    return { after, last: this.next };
  }

  /** The ids up to `last` are in the file. */
  done(last: number): void {
    this.written = last;
  }
}
