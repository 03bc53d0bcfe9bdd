// xtuner v1 RL dumps. Current: `train_rollout/train_rollout_<step>.jsonl` (and eval_rollout_<step>.jsonl),
// line 1 a summary {reward_mean, reward_std, …, total_len}, then one sample per line: rollout_id, group_id,
// task_name, data_source, status, finish_reason, error_msg, prompt (messages), label, response, reward,
// prompt_len, response_len, reward_payload, agent{…}. Older files (`rollout_idx_<i>_trajectory.jsonl`) hold
// the same summary and samples {prompt, response, response_len, label, reward, version, finish_reason}
// pretty-printed with indent=2, so the file is read as concatenated JSON values, not lines.
// The summary is run metadata: it goes to the first record's extra as `run_summary`.
// Old samples carry no group id; they are grouped by identical prompt.
import path from 'node:path';
import type { RolloutAdapter, RolloutRecord } from '../record';
import { emptyRecord } from '../record';
import { splitMessages, splitPromptText } from './common/chat-template';
import { issueItem, isItem, readJsonEntries, recordItem } from './common/items';
import { GroupCounter, PromptGroups } from './common/prompt-groups';
import { isObject, keyShare, stepFromFileName, toInteger, toNumber, toText, unmappedFields } from './common/values';
import type { JsonObject } from './common/values';

const STEP_FILES = [
  /^(?:train|eval)_rollout_(\d+)\.jsonl$/i,
  /^rollout_idx_(\d+)_trajectory\.jsonl$/i,
  /^eval_(\d+)_trajectory\.jsonl$/i,
];
const SAMPLE_KEYS = ['prompt', 'response', 'reward', 'label'] as const;
const CURRENT_KEYS = ['rollout_id', 'group_id', 'finish_reason', 'response_len'] as const;
const MAPPED = ['prompt', 'response', 'label', 'reward', 'finish_reason', 'response_len', 'group_id'];

export function isSummary(value: unknown): value is JsonObject {
  return isObject(value) && 'reward_mean' in value && !('response' in value);
}

export const xtunerAdapter: RolloutAdapter = {
  name: 'xtuner',
  description:
    'xtuner v1 train_rollout_<step>.jsonl / rollout_idx_<i>_trajectory.jsonl (summary first; ' +
    'pretty-printed in older files)',
  detect(fileName, firstValues) {
    const nameHint = STEP_FILES.some((p) => p.test(fileName)) ? 0.1 : 0;
    const [first, second] = firstValues;
    if (first === undefined) return nameHint > 0 ? 0.3 : 0;
    const sample = isSummary(first) ? second : first;
    if (sample === undefined) return isSummary(first) ? 0.5 + nameHint : 0;
    if (keyShare(sample, SAMPLE_KEYS) < 1) return 0;
    const summaryHint = isSummary(first) ? 0.1 : 0;
    return Math.min(1, 0.6 + 0.2 * keyShare(sample, CURRENT_KEYS) + summaryHint + nameHint);
  },
  async *read(filePath, options) {
    const step = stepFromFileName(path.basename(filePath), STEP_FILES) ?? options.step ?? null;
    const byPrompt = new PromptGroups();
    const byGroupId = new GroupCounter();
    let summary: JsonObject | null = null;
    let sawRecord = false;
    for await (const item of readJsonEntries(filePath, options.signal)) {
      if (isItem(item)) {
        yield item;
        continue;
      }
      const { value, line } = item;
      if (!sawRecord && summary === null && isSummary(value)) {
        summary = value;
        continue;
      }
      if (!isObject(value) || typeof value.response !== 'string') {
        yield issueItem(filePath, line, 'response', 'missing or not a string');
        continue;
      }
      const record = toRecord(value, line, item.endOffset, step);
      if (record.prompt.question === null) yield issueItem(filePath, line, 'prompt', 'warning: no user message found');
      if (value.group_id !== undefined && value.group_id !== null) {
        record.groupId = String(value.group_id);
        record.sampleIndex = byGroupId.next(record.groupId);
      } else {
        Object.assign(record, byPrompt.next(JSON.stringify(value.prompt ?? null), step));
      }
      if (!sawRecord && summary) record.extra.run_summary = summary;
      sawRecord = true;
      yield recordItem(record);
    }
  },
};

function toRecord(value: JsonObject, line: number, endOffset: number, step: number | null): RolloutRecord {
  const record = emptyRecord(line);
  record.endOffset = endOffset;
  record.step = step;
  const prompt = typeof value.prompt === 'string' ? splitPromptText(value.prompt) : splitMessages(value.prompt);
  record.prompt.question = prompt?.question ?? null;
  record.prompt.system = prompt?.system ?? null;
  record.prompt.goldAnswer = value.label ?? null;
  record.response = value.response as string;
  record.reward = isObject(value.reward) ? toNumber(value.reward.score) : toNumber(value.reward);
  record.finishReason = toText(value.finish_reason);
  record.truncated = record.finishReason === null ? null : record.finishReason === 'length';
  record.tokenCount = toInteger(value.response_len);
  record.extra = unmappedFields(value, MAPPED);
  return record;
}
