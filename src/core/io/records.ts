// What the readers hand on: one record's text (a line, or one value of a JSON stream) with where it is, or
// why it could not be read. One shape for good and bad records keeps call sites monomorphic.

/** How every reader ends the message of a record that is not UTF-8 (importers map it to ENCODING_ERROR). */
export const NOT_UTF8 = 'is not valid UTF-8 text (save the file as UTF-8)';

/** Why a record could not be read. ENCODING_ERROR for invalid UTF-8, PARSE_ERROR for everything else. */
export interface RecordError {
  code: 'PARSE_ERROR' | 'ENCODING_ERROR';
  message: string;
  excerpt: string | null;
}

export interface TextRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** File offset just after the record (a resume point). */
  endOffset: number;
  /** The record's text, or null when it could not be read (see `error`). */
  text: string | null;
  error: RecordError | null;
}

export interface RecordBatch {
  records: TextRecord[];
  /** Bytes of the file consumed so far (for progress). */
  bytesDone: number;
}

export function badRecord(line: number, endOffset: number, error: RecordError): TextRecord {
  return { line, endOffset, text: null, error };
}
