// One source record -> one prompt row, following the mapping. Answers are kept faithfully: strings as
// given, JSON numbers as their literal text (27.0 stays "27.0", re-read from the record's own JSON
// because JSON.parse would give 27), lists and objects as JSON. Every field the mapping does not
// consume goes to `extra`; so do values that a mapped field could not use ("Level ?", with a warning). A pass
// rate outside [0, 1] makes the record bad.
import type { FieldMapping } from '../../shared/domain';
import {
  answerDisplay,
  answerNormalized,
  lastBoxed,
  parseLevel,
  parsePassRate,
  questionHash,
} from '../prompts/normalize';
import type { PromptRecord } from '../prompts/write';
import { fieldValue, questionText } from './mapping';
import type { SourceItem } from './types';

/** A record that cannot become a prompt (no usable question). */
export interface RecordProblem {
  field: string | null;
  message: string;
}

/** A value that was not usable but did not stop the record (reported as an issue whose message starts "warning:"). */
export interface FieldNote {
  field: string | null;
  message: string;
}

export type BuildResult = { record: PromptRecord; problem: null } | { record: null; problem: RecordProblem };

const GSM8K_MARK = '\n#### ';

export function createRecordBuilder(
  mapping: FieldMapping,
): (item: SourceItem & { value: Record<string, unknown> }, rowIndex: number, notes: FieldNote[]) => BuildResult {
  const q = mapping.question;
  const a = mapping.goldAnswer;
  // The solution column stays in extra too: no prompt field stores the worked solution.
  const consumed = new Set(
    [q, a, mapping.passRate, mapping.sourceId, mapping.subject, mapping.level, mapping.source].filter(
      (c): c is string => c !== null,
    ),
  );
  const answerLiteral = a === null ? null : numberLiteralFinder(a);
  const idLiteral = mapping.sourceId === null ? null : numberLiteralFinder(mapping.sourceId);

  return (item, rowIndex, notes) => {
    const row = item.value;
    const rawQuestion = q === null ? undefined : fieldValue(row, q);
    const question = questionText(rawQuestion);
    if (typeof question !== 'string') {
      const message =
        q === null
          ? 'no question column is mapped'
          : rawQuestion === undefined || rawQuestion === null
            ? `missing question (column "${q}")`
            : `question (column "${q}") is not text`;
      return { record: null, problem: { field: q, message } };
    }
    if (question.trim() === '')
      return { record: null, problem: { field: q, message: `empty question (column "${q}")` } };

    let keepInExtra: string[] | null = null;
    const keep = (column: string) => (keepInExtra ??= []).push(column);

    // Gold answer.
    const rawAnswer = a === null ? undefined : fieldValue(row, a);
    let goldAnswer: string | null = null;
    let goldAnswerJson: string | null = null;
    let normalizeFrom: unknown = null;
    if (typeof rawAnswer === 'string') {
      const mark = rawAnswer.lastIndexOf(GSM8K_MARK);
      if (mark >= 0) {
        goldAnswer = rawAnswer.slice(mark + GSM8K_MARK.length).trim();
        keep(a as string);
      } else goldAnswer = rawAnswer;
      if (goldAnswer.trim() === '') goldAnswer = null;
      normalizeFrom = goldAnswer;
    } else if (typeof rawAnswer === 'number') {
      goldAnswer = (item.raw !== null && answerLiteral?.(item.raw, rawAnswer)) || answerDisplay(rawAnswer);
      goldAnswerJson = goldAnswer;
      normalizeFrom = rawAnswer;
    } else if (rawAnswer !== null && rawAnswer !== undefined) {
      goldAnswer = answerDisplay(rawAnswer);
      goldAnswerJson = JSON.stringify(rawAnswer);
      normalizeFrom = rawAnswer;
    }
    if (goldAnswer === null && mapping.solution !== null) {
      const solution = fieldValue(row, mapping.solution);
      const boxed = typeof solution === 'string' ? lastBoxed(solution) : null;
      if (boxed !== null && boxed.trim() !== '') goldAnswer = normalizeFrom = boxed.trim();
    }

    // Pass rate, level and the text fields.
    let passRate: number | null = null;
    if (mapping.passRate !== null) {
      const raw = fieldValue(row, mapping.passRate);
      const parsed = parsePassRate(raw);
      // A pass rate outside [0, 1] (a percentage, a count) says the record is not what the mapping thinks.
      if (parsed === 'invalid')
        return {
          record: null,
          problem: { field: mapping.passRate, message: `pass rate ${shortJson(raw)} is not a number between 0 and 1` },
        };
      passRate = parsed;
    }
    let level: number | null = null;
    if (mapping.level !== null) {
      const raw = fieldValue(row, mapping.level);
      level = parseLevel(raw);
      if (level === null && raw !== null && raw !== undefined && raw !== '') {
        keep(mapping.level);
        notes.push({
          field: mapping.level,
          message:
            `warning: level ${shortJson(raw)} is not a whole number from 0 to 999; stored as empty ` +
            '(the value is kept in extra)',
        });
      }
    }
    let sourceId: string | null = null;
    if (mapping.sourceId !== null) {
      const raw = fieldValue(row, mapping.sourceId);
      sourceId =
        typeof raw === 'number' && !Number.isSafeInteger(raw) && item.raw !== null
          ? (idLiteral?.(item.raw, raw) ?? asText(raw))
          : asText(raw);
    }

    return {
      problem: null,
      record: {
        rowIndex,
        sourceId,
        question,
        questionHash: questionHash(question),
        goldAnswer,
        goldAnswerJson,
        goldAnswerNorm: answerNormalized(normalizeFrom),
        passRate,
        source: mapping.source === null ? null : asText(fieldValue(row, mapping.source)),
        subject: mapping.subject === null ? null : asText(fieldValue(row, mapping.subject)),
        level,
        isDuplicate: false,
        extra: extraJson(row, consumed, keepInExtra),
      },
    };
  };
}

function extraJson(row: Record<string, unknown>, consumed: Set<string>, keep: string[] | null): string | null {
  let extra: Record<string, unknown> | null = null;
  for (const key in row) {
    if (consumed.has(key) && (keep === null || !keep.includes(key))) continue;
    (extra ??= {})[key] = row[key];
  }
  return extra === null ? null : JSON.stringify(extra);
}

/** Text for id, subject and source columns: strings as given (blank = none), other scalars in JSON form. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return answerDisplay(value);
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Finds the literal text of a top-level number-valued key in a record's JSON (`"answer": 27.0` -> "27.0").
 * Only a match at nesting depth 1 whose value equals the parsed one counts, so neither a same-named key in
 * a nested object nor text inside a string can leak in.
 */
export function numberLiteralFinder(column: string): (json: string, value: number) => string | null {
  const key = JSON.stringify(column)
    .slice(1, -1)
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`"${key}"\\s*:\\s*(-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)`, 'g');
  return (json, value) => {
    pattern.lastIndex = 0;
    const depth = depthScanner(json);
    for (let m = pattern.exec(json); m !== null; m = pattern.exec(json)) {
      const literal = m[1] as string;
      if (depth(m.index) === 1 && Number(literal) === value) return literal;
    }
    return null;
  };
}

/** Nesting depth at increasing positions of a JSON text (-1 inside a string). */
function depthScanner(json: string): (position: number) => number {
  let i = 0;
  let depth = 0;
  let inString = false;
  return (position) => {
    for (; i < position; i++) {
      const c = json.charCodeAt(i);
      if (inString) {
        if (c === 0x5c) i++;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) depth--;
    }
    return inString ? -1 : depth;
  };
}
