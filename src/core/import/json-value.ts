// One record's JSON text -> a source item, through the one JSON rule (../io/json-parse.ts): Python's NaN and
// Infinity read as null (flagged), lone surrogates as U+FFFD (a warning), errors located by line and field.
import { LONE_SURROGATE_WARNING, parseJson } from '../io/json-parse';
import { excerpt } from '../io/limits';
import type { TextRecord } from '../io/records';
import type { ItemWarning, SourceItem } from './types';
import { badItem, goodItem } from './types';

export function parseJsonRecord(text: string, line: number, what: 'line' | 'element'): SourceItem {
  const parsed = parseJson(text);
  if (!parsed.ok)
    return badItem(line + parsed.lineOffset, {
      code: 'PARSE_ERROR',
      message: parsed.message,
      excerpt: excerpt(text),
      field: parsed.field,
    });
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return badItem(line, {
      code: 'PARSE_ERROR',
      message: `expected a JSON object per ${what}, got ${kind}`,
      excerpt: excerpt(text),
    });
  }
  let warnings: ItemWarning[] | null = null;
  if (parsed.surrogates > 0) {
    const fields = parsed.surrogateFields.length > 0 ? parsed.surrogateFields : [null];
    warnings = fields.map((field) => ({ field, message: LONE_SURROGATE_WARNING }));
  }
  return goodItem(line, value as Record<string, unknown>, text, parsed.nonFinite > 0, warnings);
}

/** A record cut out by the line splitter or the JSON scanner, parsed (or passed on as bad). */
export function itemOfRecord(record: TextRecord, what: 'line' | 'element'): SourceItem {
  if (record.text === null)
    return badItem(record.line, record.error ?? { code: 'PARSE_ERROR', message: 'unreadable record', excerpt: null });
  return parseJsonRecord(record.text, record.line, what);
}
