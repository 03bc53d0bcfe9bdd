// Turning raw entries into parsed JSON values or issues, the step every JSON adapter shares.
import path from 'node:path';
import type { RecordIssue } from '../../../../shared/domain';
import type { RolloutItem, RolloutRecord } from '../../record';
import { parseJsonLenient } from '../io/lenient-json';
import type { RawEntry } from '../io/raw-entry';
import { excerpt } from './values';

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
 * Parses each entry. Bad entries become issues; Python's bare NaN / Infinity become null with a
 * warning issue (the value is still yielded).
 */
export async function* parseEntries(
  entries: AsyncIterable<RawEntry>,
  file: string,
): AsyncGenerator<ParsedValue | RolloutItem> {
  for await (const entry of entries) {
    if (entry.text === null) {
      yield issueItem(file, entry.line, null, entry.error ?? 'unreadable record');
      continue;
    }
    let parsed;
    try {
      parsed = parseJsonLenient(entry.text);
    } catch (err) {
      yield issueItem(file, entry.line, null, `invalid JSON: ${(err as Error).message}`, entry.text);
      continue;
    }
    if (parsed.nonFiniteCount > 0) {
      const fields = parsed.nonFiniteFields;
      yield issueItem(
        file,
        entry.line,
        fields.length > 0 ? fields.join(', ') : null,
        `warning: ${parsed.nonFiniteCount} bare NaN/Infinity value(s) (Python json) read as null`,
      );
    }
    yield { line: entry.line, endOffset: entry.endOffset, value: parsed.value };
  }
}

export function isItem(value: ParsedValue | RolloutItem): value is RolloutItem {
  return 'kind' in value;
}
