// Messages between the import job and its parse workers.
import type { SkippedLine } from '../../io/lines';
import type { ParsedBlock } from './parse-block';

export interface ParseRequest {
  id: number;
  /** Transferred: the block's bytes are buffer[byteOffset, byteOffset + byteLength). */
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
  start: number;
  firstLine: number;
  skipped: SkippedLine | null;
  file: string;
}

export type ParseReply = { id: number; block: ParsedBlock } | { id: number; error: string };

/** The typed arrays' buffers of a parsed block, moved rather than copied back to the job thread. */
export function transferablesOf(block: ParsedBlock): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  const add = (a: { buffer: ArrayBufferLike } | null) => {
    if (a && a.buffer instanceof ArrayBuffer) seen.add(a.buffer);
  };
  for (const item of block.items) {
    if (item.kind !== 'rollout') continue;
    const r = item.rollout;
    add(r.tokenStarts);
    add(r.tokenTexts?.ends ?? null);
    for (const s of r.signals) add(s.values);
  }
  return [...seen];
}
