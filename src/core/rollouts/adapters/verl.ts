// verl `<rollout_data_dir>/<global_step>.jsonl` (RayPPOTrainer._dump_generations): one sample per line with
// `input` (prompt decoded without special tokens), `output`, `gts` (since 2025-08), `score`, `step`, and
// every reward extra-info key (math_dapo: `acc`, `pred`). Samples of one prompt share the same `input`;
// they are grouped by it (PromptGroups). No advantages, token ids or finish reasons are dumped.
import path from 'node:path';
import type { RolloutAdapter } from '../record';
import { emptyRecord } from '../record';
import { splitPromptText } from './common/chat-template';
import { issueItem, isItem, readJsonEntries, recordItem } from './common/items';
import { PromptGroups } from './common/prompt-groups';
import { isObject, keyShare, stepFromFileName, toInteger, toNumber, toText, unmappedFields } from './common/values';

const REQUIRED = ['input', 'output', 'score'] as const;
const OPTIONAL = ['gts', 'step'] as const;
const STEP_FILE = /^(\d+)\.jsonl$/i;

export const verlAdapter: RolloutAdapter = {
  name: 'verl',
  description: 'verl rollout_data_dir/<step>.jsonl (input, output, gts, score, step, + reward extras)',
  detect(fileName, firstValues) {
    const first = firstValues[0];
    if (first === undefined) return 0;
    if (keyShare(first, REQUIRED) < 1) return 0;
    return Math.min(1, 0.75 + 0.15 * keyShare(first, OPTIONAL) + (STEP_FILE.test(fileName) ? 0.05 : 0));
  },
  async *read(filePath, options) {
    const fileStep = stepFromFileName(path.basename(filePath), [STEP_FILE]);
    const groups = new PromptGroups();
    for await (const item of readJsonEntries(filePath, options.signal)) {
      if (isItem(item)) {
        yield item;
        continue;
      }
      const { value, line } = item;
      if (!isObject(value) || typeof value.input !== 'string' || typeof value.output !== 'string') {
        yield issueItem(
          filePath,
          line,
          isObject(value) && typeof value.input === 'string' ? 'output' : 'input',
          'missing or not a string',
        );
        continue;
      }
      const record = emptyRecord(line);
      record.endOffset = item.endOffset;
      record.step = toInteger(value.step) ?? fileStep ?? options.step ?? null;
      const prompt = splitPromptText(value.input);
      record.prompt.question = prompt.question;
      record.prompt.system = prompt.system;
      record.prompt.goldAnswer = value.gts ?? null;
      record.response = value.output;
      record.reward = toNumber(value.score);
      if (record.reward === null) yield issueItem(filePath, line, 'score', 'warning: missing or not a number');
      record.extractedAnswer = toText(value.pred);
      Object.assign(record, groups.next(value.input, record.step));
      record.extra = unmappedFields(value, ['input', 'output', 'gts', 'score', 'step', 'pred']);
      yield recordItem(record);
    }
  },
};
