// Reading and parsing the JSON records of a rollout log, the step every JSON adapter shares: the one I/O layer
// (../../../io) cuts records (lines, or pretty-printed values) and parses them with the one JSON rule.
import path from 'node:path';
import type { RecordIssue } from '../../../../shared/domain';
import { LONE_SURROGATE_WARNING, parseJson } from '../../../io/json-parse';
import { readJsonRecords } from '../../../io/json-records';
import { excerpt } from '../../../io/limits';
import type { TextRecord } from '../../../io/records';
import type { RolloutItem, RolloutRecord } from '../../record';

export function issueItem(
  file: string,
  line: number | null,
  field: string | null,
  message: string,
  text?: string | null,
): RolloutItem {
  const issue: RecordIssue = { file: path.basename(file), line, field, message, excerpt: excerpt(text) };
  return { kind: 'issue', issue };
}

export function recordItem(record: RolloutRecord): RolloutItem {
  return { kind: 'record', record };
}

export interface ParsedValue {
  line: number;
  endOffset: number;
  value: unknown;
}

/**
 * Parses each record. Bad records become issues; Python's bare NaN / Infinity become null and lone surrogates
 * U+FFFD, each with a warning issue (the value is still yielded).
 */
export async function* parseEntries(
  entries: AsyncIterable<TextRecord>,
  file: string,
): AsyncGenerator<ParsedValue | RolloutItem> {
  for await (const entry of entries) {
    if (entry.text === null) {
      yield issueItem(file, entry.line, null, entry.error?.message ?? 'unreadable record', entry.error?.excerpt);
      continue;
    }
    const parsed = parseJson(entry.text);
    if (!parsed.ok) {
      yield issueItem(file, entry.line + parsed.lineOffset, parsed.field, parsed.message, entry.text);
      continue;
    }
    if (parsed.nonFinite > 0) {
      const fields = parsed.nonFiniteFields;
      yield issueItem(
        file,
        entry.line,
        fields.length > 0 ? fields.join(', ') : null,
        `warning: ${parsed.nonFinite} bare NaN/Infinity value(s) (Python json) read as null`,
      );
    }
    if (parsed.surrogates > 0) {
      const fields = parsed.surrogateFields;
      yield issueItem(file, entry.line, fields.length > 0 ? fields.join(', ') : null, LONE_SURROGATE_WARNING);
    }
    yield { line: entry.line, endOffset: entry.endOffset, value: parsed.value };
  }
}

/** Every JSON record of a file, one at a time (one per line, or pretty-printed values one after another). */
export async function* jsonRecords(file: string, signal?: AbortSignal): AsyncGenerator<TextRecord> {
  for await (const batch of readJsonRecords(file, signal ? { signal } : {})) yield* batch.records;
}

/** The parsed values (and issues) of a JSON rollout log: what a JSON adapter reads. */
export function readJsonEntries(file: string, signal?: AbortSignal): AsyncGenerator<ParsedValue | RolloutItem> {
  return parseEntries(jsonRecords(file, signal), file);
}

export function isItem(value: ParsedValue | RolloutItem): value is RolloutItem {
  return 'kind' in value;
}
