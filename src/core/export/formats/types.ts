// One output file of an export: rows go in one at a time (with their 0-based index in the file and the
// split name) and add() says whether the row was written (a behaviour-cloning export skips prompts
// without a usable rollout); finish() writes whatever is buffered. The file itself is an AtomicFile.
import type { ExportRow } from '../rows';

export interface RowWriter {
  add(row: ExportRow, index: number, split: string | null): boolean;
  finish(): void;
  /**
   * Text formats only: writes what is buffered, so bytes formatted elsewhere (a second read thread) can
   * follow in the file. Text lines do not depend on the rows before them.
   */
  flush?(): void;
}
