// import.preview: format, the first rows, the detected (or checked) mapping, and what would go wrong,
// from a small read at the start of the file, so the user can confirm the mapping before importing.
import path from 'node:path';
import type { FieldMapping, ImportPreview, PromptFileFormat, RecordIssue } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import { checkMapping, detectMapping } from './mapping';
import { openReader } from './readers';
import type { FieldNote } from './record';
import { createRecordBuilder } from './record';
import { sniffFile } from './sniff';
import type { SourceItem } from './types';
import { excerpt } from '../io/limits';

export const PREVIEW_ROWS = 20;
/** Small reads: the preview must not parse (or trip over) much more than the rows it shows. */
const PREVIEW_CHUNK_BYTES = 64 * 1024;
const PREVIEW_TEXT_CHARS = 2000;

export const NON_FINITE_WARNING =
  'Some records contain NaN or Infinity (as Python writes them); those values are read as empty (null).';

export async function previewFile(
  input: string,
  format?: PromptFileFormat,
  chosenMapping?: FieldMapping,
): Promise<ImportPreview> {
  const file = path.resolve(input);
  const fileName = path.basename(file);
  const sniffed = await sniffFile(file, format);
  const goodItems: (SourceItem & { value: Record<string, unknown> })[] = [];
  const issues: RecordIssue[] = [];
  let nonFinite = false;
  let seen = 0;
  reading: for await (const batch of openReader(sniffed.format, file, {
    chunkBytes: PREVIEW_CHUNK_BYTES,
    maxRows: PREVIEW_ROWS,
  })) {
    for (const item of batch.items) {
      if (item.error)
        issues.push({
          file,
          line: item.line,
          field: item.error.field ?? null,
          message: item.error.message,
          excerpt: item.error.excerpt,
        });
      else goodItems.push(item as SourceItem & { value: Record<string, unknown> });
      for (const warning of item.warnings ?? [])
        issues.push({ file, line: item.line, field: warning.field, message: warning.message, excerpt: null });
      nonFinite ||= item.nonFinite;
      if (++seen >= PREVIEW_ROWS) break reading;
    }
  }
  if (seen === 0) throw new CuratorError('EMPTY_FILE', `${fileName} contains no records.`, { file });

  const rows = goodItems.map((item) => item.value);
  const columns = columnsOf(rows);
  const warnings = [...sniffed.warnings];
  let mapping: FieldMapping;
  if (chosenMapping) {
    mapping = chosenMapping;
    warnings.push(...checkMapping(chosenMapping, columns, rows, fileName));
  } else {
    const detected = detectMapping(columns, rows);
    mapping = detected.mapping;
    warnings.push(...detected.warnings);
  }
  if (nonFinite) warnings.push(NON_FINITE_WARNING);

  if (mapping.question !== null) {
    const build = createRecordBuilder(mapping);
    const notes: FieldNote[] = [];
    goodItems.forEach((item, i) => {
      const { problem } = build(item, i, notes);
      if (problem)
        issues.push({
          file,
          line: item.line,
          field: problem.field,
          message: problem.message,
          excerpt: excerpt(item.raw ?? JSON.stringify(item.value)),
        });
      for (const note of notes.splice(0))
        issues.push({ file, line: item.line, field: note.field, message: note.message, excerpt: null });
    });
  }
  issues.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));

  return {
    path: file,
    fileName,
    format: sniffed.format,
    sizeBytes: sniffed.sizeBytes,
    columns,
    sampleRows: rows.map((row) => shortened(row) as Record<string, unknown>),
    mapping,
    warnings,
    issues,
    suggestedName: path.parse(fileName).name || fileName,
  };
}

/** Column names in order of first appearance across the sample rows. */
function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** Long texts cut for display: a sample row must stay small even when a record holds a 50 MB trace. */
function shortened(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > PREVIEW_TEXT_CHARS
      ? `${value.slice(0, PREVIEW_TEXT_CHARS)}… (${value.length.toLocaleString('en-US')} characters)`
      : value;
  if (Array.isArray(value)) return value.map(shortened);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
  return value;
}
