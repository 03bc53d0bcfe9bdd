// One parsed line of the native format -> a RolloutRecord, or every problem found in it. Type checks
// live here; numeric checks of the per-token arrays (finite, lengths) are shared with all adapters in
// ../prepare.ts so that they are done once, while converting to Float32.
import type { RecordIssue } from '../../../shared/domain';
import type { RolloutRecord, RolloutSpan } from '../record';
import { emptyRecord } from '../record';
import { codePointLength, codePointToUtf16 } from './code-points';
import { NATIVE_FIELDS, NATIVE_FORMAT_TAG, SIGNAL_NAME } from './fields';
// Python's bare NaN / Infinity come marked from the one JSON rule (../../io/json-parse.ts), so checks can name them.
import { NON_FINITE_MARK } from '../../io/json-parse';

export type LineResult = { ok: true; record: RolloutRecord } | { ok: false; issues: RecordIssue[] };

const KNOWN = new Set<string>(NATIVE_FIELDS);

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' && value.startsWith(NON_FINITE_MARK)) return value.slice(NON_FINITE_MARK.length);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export function nativeValueToRecord(value: unknown, line: number, file: string): LineResult {
  const issues: RecordIssue[] = [];
  const bad = (field: string | null, message: string) => issues.push({ file, line, field, message, excerpt: null });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    bad(null, `a rollout must be a JSON object, got ${describeValue(value)}`);
    return { ok: false, issues };
  }
  const v = value as Record<string, unknown>;
  const r = emptyRecord(line);

  const optString = (key: string): string | null => {
    const x = v[key];
    if (x === undefined || x === null) return null;
    if (typeof x === 'string') return x;
    bad(key, `${key} must be a string, got ${describeValue(x)}`);
    return null;
  };
  const optId = (key: string): string | null => {
    const x = v[key];
    if (x === undefined || x === null) return null;
    if (typeof x === 'string' || isInt(x)) return String(x);
    bad(key, `${key} must be a string or an integer, got ${describeValue(x)}`);
    return null;
  };
  const optCount = (key: string): number | null => {
    const x = v[key];
    if (x === undefined || x === null) return null;
    if (isInt(x) && x >= 0) return x;
    bad(key, `${key} must be a whole number ≥ 0, got ${describeValue(x)}`);
    return null;
  };
  const optNumber = (key: string, allowBoolean: boolean): number | null => {
    const x = v[key];
    if (x === undefined || x === null) return null;
    if (typeof x === 'number') return x;
    if (allowBoolean && typeof x === 'boolean') return x ? 1 : 0;
    bad(key, `${key} must be a number${allowBoolean ? ' or a boolean' : ''}, got ${describeValue(x)}`);
    return null;
  };

  if (v.format !== undefined && v.format !== NATIVE_FORMAT_TAG)
    bad('format', `format must be "${NATIVE_FORMAT_TAG}" (or left out), got ${describeValue(v.format)}`);
  r.run = optString('run');
  if (r.run === '') bad('run', 'run must not be empty');
  r.step = optCount('step');
  r.prompt.id = optId('prompt_id');
  r.prompt.question = optString('question');
  r.prompt.goldAnswer = v.gold_answer ?? null;
  r.prompt.system = optString('system');
  if (
    r.prompt.id === null &&
    r.prompt.question === null &&
    !issues.some((i) => i.field === 'prompt_id' || i.field === 'question')
  ) {
    bad('question', 'the prompt reference is missing: give prompt_id or question');
  }
  r.groupId = optId('group_id');
  r.sampleIndex = optCount('sample_index');
  if (v.response === undefined || v.response === null) bad('response', 'response is missing');
  else if (typeof v.response !== 'string')
    bad('response', `response must be a string, got ${describeValue(v.response)}`);
  else r.response = v.response;
  r.reward = optNumber('reward', true);
  r.advantage = optNumber('advantage', false);
  r.finishReason = optString('finish_reason');
  if (v.truncated !== undefined && v.truncated !== null && typeof v.truncated !== 'boolean')
    bad('truncated', `truncated must be true or false, got ${describeValue(v.truncated)}`);
  else r.truncated = (v.truncated as boolean | undefined) ?? null;
  r.tokenCount = optCount('token_count');
  r.extractedAnswer = optString('extracted_answer');

  const toUtf16 = codePointToUtf16(r.response);
  const textLength = codePointLength(r.response);
  readTokens(v, r, textLength, toUtf16, bad);
  readSignals(v, r, bad);
  r.spans = readSpans(v.spans, textLength, toUtf16, bad);

  if (v.extra !== undefined && v.extra !== null && (typeof v.extra !== 'object' || Array.isArray(v.extra)))
    bad('extra', `extra must be an object, got ${describeValue(v.extra)}`);
  const extra: Record<string, unknown> = { ...((v.extra as Record<string, unknown> | null | undefined) ?? {}) };
  for (const key of Object.keys(v)) if (!KNOWN.has(key)) extra[key] = v[key];
  r.extra = extra;
  return issues.length > 0 ? { ok: false, issues } : { ok: true, record: r };
}

type Bad = (field: string | null, message: string) => void;

function readTokens(
  v: Record<string, unknown>,
  r: RolloutRecord,
  textLength: number,
  toUtf16: (n: number) => number,
  bad: Bad,
): void {
  let text: string[] | null = null;
  let offsets: number[] | null = null;
  if (v.tokens !== undefined && v.tokens !== null) {
    if (!Array.isArray(v.tokens)) bad('tokens', `tokens must be a list of strings, got ${describeValue(v.tokens)}`);
    else {
      const i = v.tokens.findIndex((t) => typeof t !== 'string');
      if (i >= 0) bad('tokens', `tokens[${i}] must be a string, got ${describeValue(v.tokens[i])}`);
      else text = v.tokens as string[];
    }
  }
  if (v.token_offsets !== undefined && v.token_offsets !== null) {
    if (!Array.isArray(v.token_offsets))
      bad('token_offsets', `token_offsets must be a list of character offsets, got ${describeValue(v.token_offsets)}`);
    else {
      const raw = v.token_offsets as unknown[];
      let previous = 0;
      let ok = true;
      for (let i = 0; i < raw.length && ok; i++) {
        const o = raw[i];
        if (!isInt(o) || o < 0 || o > textLength) {
          bad(
            'token_offsets',
            `token_offsets[${i}] must be a whole number from 0 ` +
              `to ${textLength} (the response length in characters), got ${describeValue(o)}`,
          );
          ok = false;
        } else if (o < previous) {
          bad('token_offsets', `token_offsets must not decrease: token_offsets[${i}] = ${o} comes after ${previous}`);
          ok = false;
        } else previous = o;
      }
      if (ok) offsets = (raw as number[]).map(toUtf16);
    }
  }
  if (text && offsets && text.length !== offsets.length) {
    bad(
      'token_offsets',
      `tokens has ${text.length} entries but token_offsets has ${offsets.length}; they must be the same length`,
    );
  }
  if (text || offsets) r.tokens = { text, offsets };
}

function readSignals(v: Record<string, unknown>, r: RolloutRecord, bad: Bad): void {
  if (v.signals === undefined || v.signals === null) return;
  if (typeof v.signals !== 'object' || Array.isArray(v.signals)) {
    bad('signals', `signals must be an object mapping names to lists of numbers, got ${describeValue(v.signals)}`);
    return;
  }
  for (const [name, values] of Object.entries(v.signals as Record<string, unknown>)) {
    if (!SIGNAL_NAME.test(name))
      bad(
        `signals.${name}`,
        `signal name ${JSON.stringify(name)} must start with a letter or _ and use letters, ` +
          `digits, _ . : - (at most 64)`,
      );
    else if (!Array.isArray(values))
      bad(`signals.${name}`, `signals.${name} must be a list of numbers, got ${describeValue(values)}`);
    else r.signals[name] = values as number[];
  }
}

function readSpans(raw: unknown, textLength: number, toUtf16: (n: number) => number, bad: Bad): RolloutSpan[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    bad('spans', `spans must be a list of {name, start, end, value}, got ${describeValue(raw)}`);
    return [];
  }
  const spans: RolloutSpan[] = [];
  raw.forEach((s: unknown, i) => {
    const o = (typeof s === 'object' && s !== null && !Array.isArray(s) ? s : {}) as Record<string, unknown>;
    if (typeof o.name !== 'string' || !SIGNAL_NAME.test(o.name))
      return bad(`spans[${i}].name`, `spans[${i}].name must be a signal name, got ${describeValue(o.name)}`);
    if (!isInt(o.start) || !isInt(o.end) || o.start < 0 || o.end < o.start || o.end > textLength) {
      return bad(
        `spans[${i}]`,
        `spans[${i}] needs 0 ≤ start ≤ end ` +
          `≤ ${textLength} (the response length in characters), got ` +
          `start ${describeValue(o.start)}, end ${describeValue(o.end)}`,
      );
    }
    if (typeof o.value !== 'number')
      return bad(`spans[${i}].value`, `spans[${i}].value must be a number, got ${describeValue(o.value)}`);
    spans.push({ name: o.name, start: toUtf16(o.start), end: toUtf16(o.end), value: o.value });
  });
  return spans;
}
