// math-aps / OmegaPRM-style prefix values (openreasoner/openr `samples_math-aps.jsonl`): question,
// final_answer, question_id, reasoning_steps[{solution_prefix, mc_value}]. Each solution_prefix is the
// question followed by a partial or complete solution, with mc_value the Monte-Carlo estimate that
// continuing from it reaches the right answer. The prefixes form a tree (a binary-search split of one
// rollout, then completions from each split point), not a single chain, so one record is written per
// leaf prefix (a prefix no other prefix extends): its response is the solution text, and every prefix
// on the way to it becomes a span 'mc_value' over the characters that prefix adds. The root (the
// question alone) has no characters; its value goes to extra.question_mc_value.
import type { RolloutAdapter, RolloutItem, RolloutRecord } from '../record';
import { emptyRecord } from '../record';
import { issueItem, isItem, readJsonEntries, recordItem } from './common/items';
import type { ParsedValue } from './common/items';
import { isObject, toNumber, toText, unmappedFields } from './common/values';

export const SPAN_MC_VALUE = 'mc_value';

export const mathApsAdapter: RolloutAdapter = {
  name: 'math-aps',
  description:
    'math-aps / OmegaPRM prefix values (question, final_answer, reasoning_steps[{solution_prefix, mc_value}])',
  detect(_fileName, firstValues) {
    const first = firstValues[0];
    if (!isObject(first) || !Array.isArray(first.reasoning_steps)) return 0;
    const step = first.reasoning_steps[0];
    return isObject(step) && 'solution_prefix' in step && 'mc_value' in step ? 1 : 0.5;
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
  if (!isObject(value) || !Array.isArray(value.reasoning_steps)) {
    yield issueItem(file, line, 'reasoning_steps', 'missing: expected a list of {solution_prefix, mc_value}');
    return;
  }
  const question = toText(value.question) ?? '';
  // The same prefix can be estimated more than once (it is reached again from another rollout); the first
  // estimate is the span value and all of them are kept in extra.repeated_prefixes.
  const values = new Map<string, number | null>();
  const firstStep = new Map<string, number>();
  const repeats = new Map<string, { steps: number[]; values: (number | null)[] }>();
  for (const [index, s] of value.reasoning_steps.entries()) {
    const prefix = isObject(s) ? toText(s.solution_prefix) : null;
    if (prefix === null) {
      yield issueItem(file, line, `reasoning_steps[${index}].solution_prefix`, 'missing or not a string; skipped');
      continue;
    }
    const mc = isObject(s) ? toNumber(s.mc_value) : null;
    const firstIndex = firstStep.get(prefix);
    if (firstIndex !== undefined) {
      const repeat = repeats.get(prefix) ?? { steps: [firstIndex], values: [values.get(prefix) ?? null] };
      repeat.steps.push(index);
      repeat.values.push(mc);
      repeats.set(prefix, repeat);
      continue;
    }
    values.set(prefix, mc);
    firstStep.set(prefix, index);
  }
  const prefixes = [...values.keys()];
  const leaves = prefixes.filter((p) => !prefixes.some((other) => other !== p && other.startsWith(p)));
  const rootValue = values.has(question) ? values.get(question) : null;
  const base = {
    ...unmappedFields(value, ['question', 'final_answer', 'reasoning_steps']),
    question_mc_value: rootValue ?? null,
    prefix_count: prefixes.length,
    repeated_prefixes: [...repeats.values()],
  };
  for (const [leafIndex, leaf] of leaves.entries()) {
    const record = leafRecord(leaf, prefixes, values, question, line);
    record.endOffset = leafIndex === leaves.length - 1 ? item.endOffset : null;
    record.step = step;
    record.prompt.question = question || null;
    record.prompt.goldAnswer = value.final_answer ?? null;
    record.groupId = value.question_id == null ? `line:${line}` : String(value.question_id);
    record.sampleIndex = leafIndex;
    record.extra = { ...base };
    yield recordItem(record);
  }
}

function leafRecord(
  leaf: string,
  prefixes: string[],
  values: Map<string, number | null>,
  question: string,
  line: number,
): RolloutRecord {
  // The response is the leaf without the question and the blank lines that follow it.
  const questionLength = leaf.startsWith(question) ? question.length : 0;
  const rest = leaf.slice(questionLength);
  const solutionStart = questionLength + (rest.length - rest.trimStart().length);
  const record = emptyRecord(line);
  record.response = leaf.slice(solutionStart);
  const chain = prefixes.filter((p) => leaf.startsWith(p)).sort((a, b) => a.length - b.length);
  let previousEnd = 0;
  for (const prefix of chain) {
    const end = prefix.length - solutionStart;
    const mc = values.get(prefix) ?? null;
    if (end <= previousEnd) continue;
    // The separator before a step (a newline) belongs to no step.
    const added = record.response.slice(previousEnd, end);
    const start = previousEnd + (added.length - added.trimStart().length);
    if (mc !== null && start < end) record.spans.push({ name: SPAN_MC_VALUE, start, end, value: mc });
    previousEnd = end;
  }
  return record;
}
