// Evaluation dumps with K sampled responses per line, as written by the Qwen2.5-Math evaluation harness
// (math_eval.py / rm_maj_eval.py): idx, question, gt, response[] (or code[]), pred[], score[],
// pred_score[] (one reward-model scalar per response, as a 1-element list), plus prompt-level fields.
// One line is one group: groupId = idx, sampleIndex = position, reward = 1/0 from score, extractedAnswer =
// pred, and the RM score goes to extra.rm_score. Other per-sample arrays of length K (e.g. report) are
// split per sample; prompt-level fields are copied to every sample's extra.
// Records of one line share it; only the last one carries the line's endOffset (resuming mid-line is
// not possible).
import type { RolloutAdapter, RolloutItem, RolloutRecord } from '../record';
import { emptyRecord } from '../record';
import { issueItem, isItem, readJsonEntries, recordItem } from './common/items';
import type { ParsedValue } from './common/items';
import { isObject, keyShare, toNumber, toText } from './common/values';
import type { JsonObject } from './common/values';

const MAPPED = ['idx', 'question', 'gt', 'response', 'code', 'pred', 'score', 'pred_score', 'system'];

function responsesOf(value: JsonObject): { field: 'response' | 'code'; list: unknown[] } | null {
  if (Array.isArray(value.response)) return { field: 'response', list: value.response };
  if (Array.isArray(value.code)) return { field: 'code', list: value.code };
  return null;
}

export const evalDumpAdapter: RolloutAdapter = {
  name: 'eval-k',
  description:
    'Evaluation dumps with K responses per line (Qwen2.5-Math: idx, question, gt, ' +
    'response[]/code[], pred[], score[], pred_score[])',
  detect(_fileName, firstValues) {
    const first = firstValues[0];
    if (!isObject(first) || !responsesOf(first) || !Array.isArray(first.score)) return 0;
    return Math.min(1, 0.7 + 0.25 * keyShare(first, ['idx', 'question', 'gt', 'pred', 'pred_score']));
  },
  async *read(filePath, options) {
    for await (const item of readJsonEntries(filePath, options.signal)) {
      if (isItem(item)) yield item;
      else yield* lineToRecords(item, options.step ?? null, filePath);
    }
  },
};

function* lineToRecords(item: ParsedValue, step: number | null, file: string): Generator<RolloutItem> {
  const { value, line } = item;
  const responses = isObject(value) ? responsesOf(value) : null;
  if (!isObject(value) || !responses) {
    yield issueItem(file, line, 'response', 'missing: expected a list of responses (response[] or code[])');
    return;
  }
  const k = responses.list.length;
  const perSample = perSampleArrays(value, k);
  for (const field of ['score', 'pred', 'pred_score']) {
    const list = value[field];
    if (list !== undefined && (!Array.isArray(list) || list.length !== k)) {
      yield issueItem(file, line, field, `warning: expected a list of ${k} values (one per response); ignored`);
    }
  }
  const question = toText(value.question) ?? toText(value.problem) ?? toText(value.query);
  const gold = value.gt ?? value.answer ?? null;
  const lineExtra: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (MAPPED.includes(key) || perSample.has(key)) continue;
    lineExtra[key] = v;
  }
  // `code` is the harness's copy of `response`; keep it only when it differs.
  if (responses.field === 'response' && Array.isArray(value.code) && !sameList(value.code, responses.list))
    lineExtra.code = value.code;
  for (let i = 0; i < k; i++) {
    const text = responses.list[i];
    if (typeof text !== 'string') {
      yield issueItem(file, line, `${responses.field}[${i}]`, 'not a string');
      continue;
    }
    const record: RolloutRecord = emptyRecord(line);
    record.endOffset = i === k - 1 ? item.endOffset : null;
    record.step = step;
    record.prompt.id = value.idx == null ? null : String(value.idx);
    record.prompt.question = question;
    record.prompt.goldAnswer = gold;
    record.prompt.system = toText(value.system);
    record.groupId = value.idx == null ? `line:${line}` : String(value.idx);
    record.sampleIndex = i;
    record.response = text;
    record.reward = scoreAt(value.score, i, k);
    record.extractedAnswer = Array.isArray(value.pred) && value.pred.length === k ? toText(value.pred[i]) : null;
    record.extra = { ...lineExtra, rm_score: rmScoreAt(value.pred_score, i, k) };
    for (const [key, list] of perSample) record.extra[key] = list[i];
    yield recordItem(record);
  }
}

/** Unmapped list fields with one entry per response (e.g. `report`). */
function perSampleArrays(value: JsonObject, k: number): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  for (const [key, v] of Object.entries(value)) {
    if (!MAPPED.includes(key) && Array.isArray(v) && v.length === k && k > 1) found.set(key, v);
  }
  return found;
}

function scoreAt(scores: unknown, i: number, k: number): number | null {
  if (!Array.isArray(scores) || scores.length !== k) return null;
  const s = scores[i];
  if (typeof s === 'boolean') return s ? 1 : 0;
  return toNumber(s);
}

function rmScoreAt(scores: unknown, i: number, k: number): number | null {
  if (!Array.isArray(scores) || scores.length !== k) return null;
  const s = scores[i];
  return toNumber(Array.isArray(s) ? s[0] : s);
}

function sameList(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
