// Checks a whole native rollout file and reports every problem with its line, without a workspace:
// the same checks the import applies (docs/rollout-format.md), so a file that validates imports cleanly.
import fs from 'node:fs';
import path from 'node:path';
import type { RecordIssue } from '../../../shared/domain';
import { CuratorError } from '../../../shared/errors';
import { readLineBlocks } from '../../io/lines';
import { parseNativeBlock } from './parse-block';

export interface ValidationSummary {
  file: string;
  lines: number;
  rollouts: number;
  badLines: number;
  tokens: number;
  signals: string[];
}

export async function validateNativeFile(
  file: string,
  onIssue: (issue: RecordIssue) => void,
): Promise<ValidationSummary> {
  const label = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CuratorError('FILE_NOT_FOUND', `File not found: ${file}`, { file });
  }
  if (stat.isDirectory())
    throw new CuratorError('INVALID_INPUT', `${file} is a folder; validate one file at a time.`, { file });
  const summary: ValidationSummary = { file: label, lines: 0, rollouts: 0, badLines: 0, tokens: 0, signals: [] };
  const signals = new Set<string>();
  for await (const block of readLineBlocks(file)) {
    const parsed = parseNativeBlock(block, label);
    summary.lines = parsed.lastLine;
    for (const item of parsed.items) {
      if (item.kind === 'bad') {
        summary.badLines++;
        item.issues.forEach(onIssue);
        continue;
      }
      summary.rollouts++;
      summary.tokens += item.rollout.tokenStarts?.length ?? item.rollout.tokenTexts?.ends.length ?? 0;
      for (const s of item.rollout.signals) signals.add(s.name);
    }
  }
  if (summary.rollouts === 0 && summary.badLines === 0)
    onIssue({ file: label, line: null, field: null, message: 'the file holds no rollouts', excerpt: null });
  summary.signals = [...signals].sort();
  return summary;
}
