// Which source column feeds which prompt field: detected from common names (matched ignoring case,
// '_', '-' and spaces), or checked when the user chose it. Dotted names ("reward_model.ground_truth")
// reach one level into an object column, as verl-style files nest the answer.
import type { FieldMapping, MappableField } from '../../shared/domain';
import { MAPPABLE_FIELDS } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';

/** Preferred first. */
export const COLUMN_CANDIDATES: Record<MappableField, readonly string[]> = {
  question: ['question', 'problem', 'prompt', 'query'],
  goldAnswer: ['gold_answer', 'answer', 'final_answer', 'gt', 'ground_truth', 'reward_model.ground_truth'],
  solution: ['solution'],
  passRate: ['pass_rate'],
  sourceId: ['id', 'unique_id', 'idx'],
  subject: ['subject', 'type', 'subfield'],
  level: ['level'],
  source: ['source', 'data_source'],
};

export const EMPTY_MAPPING: FieldMapping = {
  question: null,
  goldAnswer: null,
  solution: null,
  passRate: null,
  sourceId: null,
  subject: null,
  level: null,
  source: null,
};

const canonical = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** A column's value; "a.b" reads b inside object column a when no column is literally named "a.b". */
export function fieldValue(row: Record<string, unknown>, column: string): unknown {
  const direct = row[column];
  if (direct !== undefined || !column.includes('.')) return direct;
  const dot = column.indexOf('.');
  const parent = row[column.slice(0, dot)];
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent)
    ? (parent as Record<string, unknown>)[column.slice(dot + 1)]
    : undefined;
}

/** The question as text: a string, or the last user turn of a chat-style message list. */
export function questionText(value: unknown): string | null | undefined {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return value as null | undefined;
  if (Array.isArray(value)) {
    let last: string | null = null;
    for (const m of value) {
      if (m === null || typeof m !== 'object') return null;
      const { role, content } = m as { role?: unknown; content?: unknown };
      if (typeof content === 'string' && (role === 'user' || last === null)) last = content;
    }
    return last;
  }
  return null;
}

export interface DetectedMapping {
  mapping: FieldMapping;
  warnings: string[];
}

export function detectMapping(columns: readonly string[], sample: readonly Record<string, unknown>[]): DetectedMapping {
  const mapping: FieldMapping = { ...EMPTY_MAPPING };
  const warnings: string[] = [];
  const byCanonical = new Map<string, string>();
  for (const c of columns) if (!byCanonical.has(canonical(c))) byCanonical.set(canonical(c), c);
  const used = new Set<string>();
  for (const field of MAPPABLE_FIELDS) {
    for (const candidate of COLUMN_CANDIDATES[field]) {
      const column = resolveCandidate(candidate, byCanonical, sample);
      if (!column || used.has(column)) continue;
      if (field === 'question' && !holdsText(column, sample)) {
        warnings.push(`Column "${column}" is not used as the question: it does not hold text.`);
        continue;
      }
      mapping[field] = column;
      used.add(column);
      break;
    }
  }
  warnings.push(...mappingNotes(mapping, columns, sample));
  return { mapping, warnings };
}

/** Checks a mapping the user chose. A missing question column is an error; other missing columns are warnings. */
export function checkMapping(
  mapping: FieldMapping,
  columns: readonly string[],
  sample: readonly Record<string, unknown>[],
  fileName: string,
): string[] {
  const exists = (column: string) =>
    columns.includes(column) || sample.some((row) => fieldValue(row, column) !== undefined);
  if (mapping.question !== null && !exists(mapping.question)) {
    throw new CuratorError(
      'MISSING_FIELD',
      `${fileName}: there is no column ` +
        `"${mapping.question}" to read the question from (columns: ${columns.join(', ') || 'none'}).`,
      {
        field: 'question',
        columns,
      },
    );
  }
  const warnings: string[] = [];
  for (const field of MAPPABLE_FIELDS) {
    const column = mapping[field];
    if (field !== 'question' && column !== null && !exists(column))
      warnings.push(`Column "${column}" (chosen for ${field}) is not in the first rows of the file.`);
  }
  return [...warnings, ...mappingNotes(mapping, columns, sample)];
}

function mappingNotes(
  mapping: FieldMapping,
  columns: readonly string[],
  sample: readonly Record<string, unknown>[],
): string[] {
  const notes: string[] = [];
  if (mapping.question === null)
    notes.push(
      `No question column found (columns: ${columns.join(', ') || 'none'}). Choose the column that holds the question.`,
    );
  if (mapping.goldAnswer === null && mapping.solution !== null)
    notes.push(`No answer column: gold answers are taken from the last \\boxed{} of "${mapping.solution}".`);
  if (mapping.goldAnswer === null && mapping.solution === null)
    notes.push('No gold answer column found; prompts are imported without gold answers.');
  const answers = mapping.goldAnswer === null ? [] : sample.map((row) => fieldValue(row, mapping.goldAnswer as string));
  if (answers.some((a) => typeof a === 'string' && a.includes('\n#### '))) {
    notes.push(
      `"${mapping.goldAnswer}" holds worked solutions ending in "#### n" (GSM8K style): the ` +
        `text after #### becomes the gold answer and the full solution is kept in extra.${mapping.goldAnswer}.`,
    );
  }
  if (answers.some((a) => typeof a === 'number'))
    notes.push(
      `Some answers in "${mapping.goldAnswer}" are numbers; they are kept exactly as written (27.0 stays 27.0).`,
    );
  return notes;
}

function resolveCandidate(
  candidate: string,
  byCanonical: Map<string, string>,
  sample: readonly Record<string, unknown>[],
): string | null {
  const direct = byCanonical.get(canonical(candidate));
  if (direct) return direct;
  if (candidate.includes('.') && sample.some((row) => fieldValue(row, candidate) !== undefined)) return candidate;
  return null;
}

function holdsText(column: string, sample: readonly Record<string, unknown>[]): boolean {
  const values = sample.map((row) => fieldValue(row, column)).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return true;
  return values.filter((v) => typeof questionText(v) === 'string').length * 2 >= values.length;
}
