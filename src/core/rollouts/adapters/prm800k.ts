// PRM800K step ratings (openai/prm800k phase1/phase2 lines): question{problem, ground_truth_answer, …},
// label{steps[{completions[{text, rating −1/0/1, flagged}], chosen_completion, human_completion}],
// finish_reason, total_time}. The labelled solution is rebuilt by joining each step's chosen text with
// newlines: completions[chosen_completion], else the human_completion, else (the step where the labeller
// stopped on a wrong step) the first completion rated −1; empty steps (the end of give_up lines) are
// dropped. Each step with a rating becomes a span
// 'step_rating' over that step's characters. Human completions carry no rating and so get no span.
// extra.alternatives keeps the completions that were rated but not chosen; the "# Answer" section of the
// last step is the extracted answer.
import type { RolloutAdapter, RolloutItem } from '../record';
import { emptyRecord } from '../record';
import type { RolloutSpan } from '../record';
import { issueItem, isItem, readJsonEntries, recordItem } from './common/items';
import type { ParsedValue } from './common/items';
import { isObject, toInteger, toNumber, toText, unmappedFields } from './common/values';
import type { JsonObject } from './common/values';

export const SPAN_STEP_RATING = 'step_rating';

interface ChosenStep {
  text: string;
  rating: number | null;
  source: 'chosen' | 'human' | 'first-negative';
}

export const prm800kAdapter: RolloutAdapter = {
  name: 'prm800k',
  description: 'PRM800K step-rated solutions (question{problem, ground_truth_answer}, label{steps[…], finish_reason})',
  detect(_fileName, firstValues) {
    const first = firstValues[0];
    if (!isObject(first) || !isObject(first.question) || !isObject(first.label)) return 0;
    return 'problem' in first.question && 'steps' in first.label ? 1 : 0.4;
  },
  async *read(filePath, options) {
    for await (const item of readJsonEntries(filePath, options.signal)) {
      if (isItem(item)) yield item;
      else yield* toRecord(item, options.step ?? null, filePath);
    }
  },
};

function* toRecord(item: ParsedValue, step: number | null, file: string): Generator<RolloutItem> {
  const { value, line } = item;
  const question = isObject(value) && isObject(value.question) ? value.question : null;
  const label = isObject(value) && isObject(value.label) ? value.label : null;
  if (!isObject(value) || !question || !label || !Array.isArray(label.steps)) {
    yield issueItem(file, line, 'label.steps', 'missing: expected question{…} and label{steps[…]}');
    return;
  }
  const record = emptyRecord(line);
  record.endOffset = item.endOffset;
  record.step = step;
  record.prompt.question = toText(question.problem);
  record.prompt.goldAnswer = question.ground_truth_answer ?? null;
  const pieces: string[] = [];
  const alternatives: JsonObject[] = [];
  const humanSteps: number[] = [];
  let offset = 0;
  for (const [index, rawStep] of label.steps.entries()) {
    if (isEmptyStep(rawStep)) continue; // give_up lines end with an empty step
    const chosen = chooseStep(rawStep);
    if (!chosen) {
      yield issueItem(
        file,
        line,
        `label.steps[${index}]`,
        'warning: no chosen, human or −1-rated completion text; step skipped',
      );
      continue;
    }
    if (pieces.length > 0) offset += 1; // the joining newline
    const span: RolloutSpan | null =
      chosen.rating === null
        ? null
        : { name: SPAN_STEP_RATING, start: offset, end: offset + chosen.text.length, value: chosen.rating };
    if (span) record.spans.push(span);
    if (chosen.source === 'human') humanSteps.push(index);
    pieces.push(chosen.text);
    offset += chosen.text.length;
    alternatives.push(...otherCompletions(rawStep, index, chosen.text));
  }
  record.response = pieces.join('\n');
  record.finishReason = toText(label.finish_reason);
  record.extractedAnswer = answerSection(pieces[pieces.length - 1]);
  record.extra = {
    ...unmappedFields(value, ['question', 'label']),
    ...unmappedFields(question, ['problem', 'ground_truth_answer']),
    ...unmappedFields(label, ['steps', 'finish_reason']),
    human_steps: humanSteps,
    alternatives,
  };
  yield recordItem(record);
}

function isEmptyStep(step: unknown): boolean {
  if (!isObject(step)) return true;
  const noCompletions = !Array.isArray(step.completions) || step.completions.length === 0;
  return noCompletions && !isObject(step.human_completion);
}

function chooseStep(step: unknown): ChosenStep | null {
  if (!isObject(step)) return null;
  const completions = Array.isArray(step.completions) ? step.completions.filter(isObject) : [];
  const index = toInteger(step.chosen_completion);
  const picked = index === null ? undefined : completions[index];
  if (picked && typeof picked.text === 'string')
    return { text: picked.text, rating: toNumber(picked.rating), source: 'chosen' };
  if (isObject(step.human_completion) && typeof step.human_completion.text === 'string') {
    return { text: step.human_completion.text, rating: toNumber(step.human_completion.rating), source: 'human' };
  }
  const negative = completions.find((c) => toNumber(c.rating) === -1 && typeof c.text === 'string');
  if (negative) return { text: negative.text as string, rating: -1, source: 'first-negative' };
  return null;
}

function otherCompletions(step: unknown, stepIndex: number, chosenText: string): JsonObject[] {
  if (!isObject(step) || !Array.isArray(step.completions)) return [];
  return step.completions
    .filter(isObject)
    .filter((c) => c.text !== chosenText)
    .map((c) => ({ step: stepIndex, text: c.text ?? null, rating: c.rating ?? null }));
}

/** PRM800K solutions end with "# Answer\n\n<answer>". */
function answerSection(lastStep: string | undefined): string | null {
  const match = lastStep === undefined ? null : /# Answer\s*\n([\s\S]*)$/.exec(lastStep);
  const answer = match?.[1]?.trim();
  return answer ? answer : null;
}
