// RolloutRecord (from any adapter) -> PreparedRollout: the numeric checks every source needs (finite
// values, one value per token, offsets inside the response) done in the same pass that converts the
// per-token arrays to Float32 / Uint32, so a 2,000-token rollout is walked once.
import type { RecordIssue } from '../../shared/domain';
import { answerDisplay } from '../prompts/normalize';
import { describeValue } from './native/line';
import { rmSummaryOf } from './oreal-signals';
import type { PreparedRollout, PreparedSignal } from './prepared';
import type { RolloutRecord } from './record';

export type PrepareResult = { ok: true; rollout: PreparedRollout } | { ok: false; issues: RecordIssue[] };

const FLOAT32_MAX = 3.4028234663852886e38;

/** `typed`: signals a reader already holds as Float32 (the native fast path), instead of record.signals. */
export function prepareRollout(
  record: RolloutRecord,
  file: string,
  typed?: ReadonlyMap<string, Float32Array>,
): PrepareResult {
  const issues: RecordIssue[] = [];
  const bad = (field: string | null, message: string) =>
    issues.push({ file, line: record.line, field, message, excerpt: null });
  const finiteOrNull = (value: number | null, field: string): number | null => {
    if (value === null || Number.isFinite(value)) return value;
    bad(field, `${field} must be a finite number, got ${String(value)}`);
    return null;
  };
  if (typeof record.response !== 'string') bad('response', 'response is missing');
  const reward = finiteOrNull(record.reward, 'reward');
  const advantage = finiteOrNull(record.advantage, 'advantage');

  const { starts, texts, length } = tokenTable(record, bad);
  const signals: PreparedSignal[] = [];
  const byName = new Map<string, Float32Array>();
  for (const [name, values] of typed ?? Object.entries(record.signals)) {
    if (length === null) {
      bad(`signals.${name}`, 'per-token signals need a token table: give tokens (strings) or token_offsets');
      break;
    }
    if (values.length !== length) {
      bad(
        `signals.${name}`,
        `signals.${name} has ${values.length} values but there ` +
          `are ${length} tokens; every signal needs one value per token`,
      );
      continue;
    }
    // Typed values come from a reader that already refused non-finite and out-of-range numbers.
    const converted = values instanceof Float32Array ? values : toFloat32(values, `signals.${name}`, bad);
    if (converted) {
      signals.push({ name, values: converted });
      byName.set(name, converted);
    }
  }
  for (const [i, span] of record.spans.entries()) {
    if (!Number.isFinite(span.value))
      bad(`spans[${i}].value`, `spans[${i}].value must be a finite number, got ${describeValue(span.value)}`);
    if (!(span.start >= 0 && span.end >= span.start && span.end <= record.response.length))
      bad(
        `spans[${i}]`,
        `spans[${i}] [${span.start}, ${span.end}) is outside the response (${record.response.length} characters)`,
      );
  }
  if (issues.length > 0) return { ok: false, issues };

  const correct = reward === null ? null : reward > 0;
  const rm = rmSummaryOf(byName);
  const extraKeys = Object.keys(record.extra);
  return {
    ok: true,
    rollout: {
      line: record.line,
      endOffset: record.endOffset,
      run: record.run ?? null,
      step: record.step,
      promptSourceId: record.prompt.id,
      question: record.prompt.question,
      goldAnswer: answerDisplay(record.prompt.goldAnswer),
      system: record.prompt.system,
      groupId: record.groupId,
      sampleIndex: record.sampleIndex,
      response: record.response,
      reward,
      correct,
      advantage,
      finishReason: record.finishReason,
      // Without an explicit flag, a generation that stopped for length was truncated.
      truncated: record.truncated ?? (record.finishReason === null ? null : record.finishReason === 'length'),
      tokenCount: record.tokenCount ?? length,
      tokenStarts: starts,
      tokenTexts: texts,
      signals,
      spans: record.spans,
      extractedAnswer: record.extractedAnswer,
      extra: extraKeys.length > 0 ? JSON.stringify(record.extra) : null,
      rmFinalProb: rm.finalProb,
      rmCrossing: rm.crossing,
    },
  };
}

function toFloat32(
  values: ArrayLike<unknown>,
  field: string,
  bad: (field: string, message: string) => void,
): Float32Array | null {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // v - v === 0 is false exactly for NaN and ±Infinity (and for non-numbers, checked first).
    if (typeof v !== 'number' || v - v !== 0 || Math.abs(v) > FLOAT32_MAX) {
      const what = typeof v === 'number' && Number.isFinite(v) ? `${v}, beyond the Float32 range` : describeValue(v);
      bad(field, `${field}[${i}] must be a finite number, got ${what}`);
      return null;
    }
    out[i] = v;
  }
  return out;
}

type TokenTable = { starts: Uint32Array | null; texts: PreparedRollout['tokenTexts']; length: number | null };

function tokenTable(record: RolloutRecord, bad: (field: string, message: string) => void): TokenTable {
  const tokens = record.tokens;
  if (!tokens || (!tokens.text && !tokens.offsets)) return { starts: null, texts: null, length: null };
  const { text, offsets } = tokens;
  const response = record.response;
  if (text && offsets && text.length !== offsets.length) {
    bad('token_offsets', `tokens has ${text.length} entries but token_offsets has ${offsets.length}`);
    return { starts: null, texts: null, length: null };
  }
  let starts: Uint32Array | null = null;
  if (offsets) {
    starts = new Uint32Array(offsets.length);
    let previous = 0;
    for (let i = 0; i < offsets.length; i++) {
      const o = offsets[i] as number;
      if (!Number.isInteger(o) || o < previous || o > response.length) {
        bad(
          'token_offsets',
          `token_offsets[${i}] = ${describeValue(o)} must be a whole number from ${previous} to ${response.length}`,
        );
        return { starts: null, texts: null, length: null };
      }
      starts[i] = previous = o;
    }
  }
  let texts: PreparedRollout['tokenTexts'] = null;
  if (text) {
    // One pass: do the pieces spell the response? (A char loop: no joined copy, faster than startsWith.)
    const sliceStarts = new Uint32Array(text.length);
    let at = 0;
    let spells = true;
    for (let i = 0; i < text.length && spells; i++) {
      const piece = text[i] as string;
      const n = piece.length;
      for (let j = 0; j < n; j++) {
        if (response.charCodeAt(at + j) !== piece.charCodeAt(j)) {
          spells = false;
          break;
        }
      }
      sliceStarts[i] = at;
      at += n;
    }
    if (spells && at === response.length) starts ??= sliceStarts;
    else {
      // The pieces do not spell the response (special tokens, byte-level fragments): keep them as given.
      const ends = new Uint32Array(text.length);
      at = 0;
      for (let i = 0; i < text.length; i++) ends[i] = at += (text[i] as string).length;
      texts = { text: text.join(''), ends };
    }
  }
  return { starts, texts, length: offsets?.length ?? text?.length ?? 0 };
}
