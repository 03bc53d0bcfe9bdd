// A JSONL file as blocks of whole lines, from any byte offset (a resume point). Blocks are fresh
// Buffers, so they can be handed to a parse worker as transferable memory.
import fs from 'node:fs/promises';
import { CuratorError } from '../../../shared/errors';

export interface LineBlock {
  /** Whole lines, each ending in '\n' except possibly the file's last. */
  bytes: Buffer;
  /** File offset of bytes[0]. */
  start: number;
  /** Number of the first line in the block (1-based). */
  firstLine: number;
}

export const DEFAULT_BLOCK_BYTES = 4 << 20;
const NEWLINE = 0x0a;
const MAX_LINE_BYTES = 1 << 30;

export async function* readLineBlocks(
  file: string,
  from: { offset: number; line: number },
  blockBytes = DEFAULT_BLOCK_BYTES,
): AsyncGenerator<LineBlock> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CuratorError(
      'FILE_NOT_FOUND',
      code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file}: ${(err as Error).message}`,
      { file },
    );
  }
  try {
    let readAt = from.offset;
    let line = from.line + 1;
    let carry: Buffer | null = null;
    let atFileStart = from.offset === 0;
    for (;;) {
      const size = Math.max(blockBytes, (carry?.length ?? 0) * 2);
      if (size > MAX_LINE_BYTES)
        throw new CuratorError(
          'PARSE_ERROR',
          `${file}: line ${line} is longer than 1 GiB; lines that long are not supported.`,
          { file, line },
        );
      const buf = Buffer.allocUnsafe(size);
      const kept: number = carry ? carry.copy(buf, 0) : 0;
      const bufStart = readAt - kept;
      const { bytesRead } = await handle.read(buf, kept, size - kept, readAt);
      readAt += bytesRead;
      const filled: number = kept + bytesRead;
      let begin = 0;
      // A UTF-8 byte-order mark is not part of the first line.
      if (atFileStart && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) begin = 3;
      if (filled >= 3 || bytesRead === 0) atFileStart = false;
      if (bytesRead === 0) {
        if (filled > begin) yield { bytes: buf.subarray(begin, filled), start: bufStart + begin, firstLine: line };
        return;
      }
      const lastNewline = buf.lastIndexOf(NEWLINE, filled - 1);
      if (lastNewline < begin) {
        // No line ends in this block: keep it all and read more (without the BOM, already skipped).
        carry = Buffer.from(buf.subarray(begin, filled));
        continue;
      }
      const bytes = buf.subarray(begin, lastNewline + 1);
      carry = lastNewline + 1 < filled ? Buffer.from(buf.subarray(lastNewline + 1, filled)) : null;
      // Counted before yielding: the consumer may transfer the block's memory to a worker.
      const lines = countNewlines(bytes);
      yield { bytes, start: bufStart + begin, firstLine: line };
      line += lines;
    }
  } finally {
    await handle.close();
  }
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) n++;
  return n;
}
