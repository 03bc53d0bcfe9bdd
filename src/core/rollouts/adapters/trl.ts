// TRL GRPOTrainer `completions/completions_<step:05d>.parquet` (log_completions=True, since PR #4818):
// `step`, `prompt`, `completion`, one column per reward function, any log_extra columns, `advantage`.
// Prompt and completion are decoded text, or chat message lists for conversational data. The reward is
// the sum of the reward-function columns (TRL's default reward_weights are all 1); each column is also
// kept in extra under its own name, and extra.reward_columns lists which columns were summed.
import path from 'node:path';
import type { RolloutAdapter } from '../record';
import { emptyRecord } from '../record';
import { assistantText, splitMessages, splitPromptText } from './common/chat-template';
import type { SplitPrompt } from './common/chat-template';
import { issueItem, recordItem } from './common/items';
import { PromptGroups } from './common/prompt-groups';
import { keyShare, stepFromFileName, toInteger, toNumber, unmappedFields } from './common/values';
import { openParquet, readRowGroups } from '../../io/parquet';

const STEP_FILE = /^completions_(\d+)\.parquet$/i;
const FIXED_COLUMNS = ['step', 'prompt', 'completion', 'advantage'];

export const trlAdapter: RolloutAdapter = {
  name: 'trl',
  description: 'TRL GRPO completions_<step>.parquet (step, prompt, completion, reward columns, advantage)',
  detect(fileName, firstValues) {
    const first = firstValues[0];
    const nameHint = STEP_FILE.test(fileName) ? 0.1 : 0;
    if (first === undefined) return nameHint > 0 ? 0.3 : 0;
    if (keyShare(first, ['prompt', 'completion']) < 1) return 0;
    return Math.min(1, 0.7 + 0.2 * keyShare(first, ['step', 'advantage']) + nameHint);
  },
  async *read(filePath, options) {
    const fileStep = stepFromFileName(path.basename(filePath), [STEP_FILE]);
    const parquet = await openParquet(filePath);
    const rewardColumns = parquet.columns
      .filter((c) => c.numeric && !FIXED_COLUMNS.includes(c.name))
      .map((c) => c.name);
    const groups = new PromptGroups();
    for await (const group of readRowGroups(parquet, { signal: options.signal })) {
      for (const [k, value] of group.rows.entries()) {
        const row = group.rowStart + k + 1;
        const prompt = promptOf(value.prompt);
        const completion = assistantText(value.completion);
        if (!prompt || completion === null) {
          yield issueItem(
            filePath,
            row,
            prompt ? 'completion' : 'prompt',
            'missing, or neither text nor chat messages',
          );
          continue;
        }
        const record = emptyRecord(row);
        // The row group's end is a resume point once its last row is stored.
        record.endOffset = k === group.rows.length - 1 ? group.endOffset : null;
        record.step = toInteger(value.step) ?? fileStep ?? options.step ?? null;
        record.prompt.question = prompt.question;
        record.prompt.system = prompt.system;
        record.response = completion;
        record.advantage = toNumber(value.advantage);
        record.reward = sumRewards(value, rewardColumns);
        Object.assign(record, groups.next(promptKey(value.prompt), record.step));
        record.extra = {
          ...unmappedFields(value, ['step', 'prompt', 'completion', 'advantage']),
          reward_columns: rewardColumns,
        };
        yield recordItem(record);
      }
    }
  },
};

function promptOf(prompt: unknown): SplitPrompt | null {
  if (typeof prompt === 'string') return splitPromptText(prompt);
  return splitMessages(prompt);
}

function promptKey(prompt: unknown): string {
  return typeof prompt === 'string' ? prompt : JSON.stringify(prompt);
}

/** TRL sums reward functions with nansum: missing values (null) are skipped; all missing → null. */
function sumRewards(row: Record<string, unknown>, rewardColumns: readonly string[]): number | null {
  let total: number | null = null;
  for (const name of rewardColumns) {
    const v = toNumber(row[name]);
    if (v !== null) total = (total ?? 0) + v;
  }
  return total;
}
