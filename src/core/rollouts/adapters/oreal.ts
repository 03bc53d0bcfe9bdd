// OREAL `trajectories/step.N.jsonl`: {sequence, num_tokens, judger_reward, judger_advantage}
// (+ input_ids, labels in debug runs). The sequence is the whole decoded conversation; it is split back
// into system prompt, question and response (ChatML or DeepSeek-R1 template). Groups are rebuilt from the
// order of the records (see oreal-grouping.ts) and each group's pass rate from the RLOO advantage.
//
// record.extra fields written here (for the storage side):
//   num_tokens        prompt + response token count as logged (record.tokenCount is the response only,
//                     and only known when debug `labels` are present)
//   group_correct     correct samples in the original RLOO group of K (recovered; null if unknown)
//   group_pass_rate   group_correct / group_k
//   group_k           K used for the recovery (group_k_source: 'block' | 'pair' | 'default')
//   grouping          'pairs' (filtered configuration) or 'blocks' (K consecutive records)
//   chat_template     'chatml' | 'deepseek' | 'none'
// input_ids / labels (token ids, no tokenizer here) are not copied.
import path from 'node:path';
import type { RolloutAdapter, RolloutItem, RolloutRecord } from '../record';
import { emptyRecord } from '../record';
import { splitSequence } from './common/chat-template';
import { issueItem, isItem, readJsonEntries, recordItem } from './common/items';
import type { ParsedValue } from './common/items';
import { keyShare, stepFromFileName, toInteger, toNumber, unmappedFields } from './common/values';
import { chooseGrouping, groupingSize, isTrajectory } from './oreal-grouping';
import type { OrealGrouping } from './oreal-grouping';
import { summarizeGroup } from './oreal-pass-rate';

const KEYS = ['sequence', 'num_tokens', 'judger_reward', 'judger_advantage'] as const;
const NOT_EXTRA = [...KEYS, 'input_ids', 'labels'];
const STEP_FILE = /^step\.(\d+)\.jsonl$/i;

export const orealAdapter: RolloutAdapter = {
  name: 'oreal',
  description: 'OREAL trajectories/step.N.jsonl (sequence, num_tokens, judger_reward, judger_advantage)',
  detect(fileName, firstValues) {
    const nameHint = STEP_FILE.test(fileName) ? 0.05 : 0;
    const first = firstValues[0];
    if (first === undefined) return nameHint > 0 ? 0.3 : 0;
    if (!isTrajectory(first) || !('judger_reward' in first)) return 0;
    return Math.min(1, 0.75 + 0.2 * keyShare(first, KEYS) + nameHint);
  },
  async *read(filePath, options) {
    const step = stepFromFileName(path.basename(filePath), [STEP_FILE]) ?? options.step ?? null;
    const grouping = await chooseGrouping(filePath, options.groupSize, options.signal);
    const size = groupingSize(grouping);
    let pending: RolloutRecord[] = [];
    let groupIndex = 0;
    for await (const item of readJsonEntries(filePath, options.signal)) {
      if (isItem(item)) {
        yield item;
        continue;
      }
      const built = buildRecord(item, step, filePath);
      yield* built.issues;
      if (!built.record) continue;
      pending.push(built.record);
      if (pending.length === size) {
        yield* finishGroup(pending, groupIndex++, step, grouping, filePath);
        pending = [];
      }
    }
    if (pending.length > 0) {
      yield issueItem(
        filePath,
        pending[0]?.line ?? null,
        null,
        `warning: the last group has ${pending.length} of ${size} records`,
      );
      yield* finishGroup(pending, groupIndex, step, grouping, filePath);
    }
  },
};

function buildRecord(
  parsed: ParsedValue,
  step: number | null,
  file: string,
): { record: RolloutRecord | null; issues: RolloutItem[] } {
  const { value, line } = parsed;
  if (!isTrajectory(value))
    return { record: null, issues: [issueItem(file, line, 'sequence', 'missing or not a string')] };
  const issues: RolloutItem[] = [];
  const record = emptyRecord(line);
  record.endOffset = parsed.endOffset;
  record.step = step;
  record.reward = toNumber(value.judger_reward);
  record.advantage = toNumber(value.judger_advantage);
  if (record.reward === null) issues.push(issueItem(file, line, 'judger_reward', 'warning: missing or not a number'));
  const split = splitSequence(value.sequence);
  if (split) {
    record.prompt.system = split.system;
    record.prompt.question = split.question;
    record.response = split.response;
    record.finishReason = split.stopped ? 'stop' : 'length';
    record.truncated = !split.stopped;
  } else {
    issues.push(
      issueItem(
        file,
        line,
        'sequence',
        'warning: no ChatML or DeepSeek-R1 markers; the whole sequence is kept as the response',
        value.sequence,
      ),
    );
    record.response = value.sequence;
  }
  record.tokenCount = responseTokenCount(value.labels);
  record.extra = {
    ...unmappedFields(value, NOT_EXTRA),
    num_tokens: toInteger(value.num_tokens),
    chat_template: split?.template ?? 'none',
  };
  return { record, issues };
}

/** Debug runs log labels: −100 over the prompt, the response ids elsewhere. */
function responseTokenCount(labels: unknown): number | null {
  if (!Array.isArray(labels)) return null;
  return labels.filter((id) => id !== -100).length;
}

function* finishGroup(
  members: RolloutRecord[],
  groupIndex: number,
  step: number | null,
  grouping: OrealGrouping,
  file: string,
): Generator<RolloutItem> {
  const first = members[0];
  if (!first) return;
  const summary = summarizeGroup(members, grouping.mode === 'blocks' ? grouping.size : null);
  for (const problem of summary.problems) yield issueItem(file, first.line, 'judger_advantage', `warning: ${problem}`);
  const questions = new Set(members.map((m) => m.prompt.question).filter((q) => q !== null));
  if (questions.size > 1) {
    yield issueItem(
      file,
      first.line,
      'sequence',
      `warning: group ${groupIndex} mixes ${questions.size} different questions; set the group ` +
        `size if the file is not in ${grouping.mode === 'pairs' ? 'pairs' : `blocks of ${groupingSize(grouping)}`}`,
    );
  }
  const groupId = step === null ? String(groupIndex) : `${step}:${groupIndex}`;
  for (const [index, record] of members.entries()) {
    record.groupId = groupId;
    record.sampleIndex = index;
    record.extra.group_correct = summary.correct;
    record.extra.group_pass_rate = summary.passRate;
    record.extra.group_k = summary.k;
    record.extra.group_k_source = summary.kSource;
    record.extra.grouping = grouping.mode;
    yield recordItem(record);
  }
}
