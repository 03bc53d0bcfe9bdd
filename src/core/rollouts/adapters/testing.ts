// Helpers for the adapter tests: write small fixtures into a temp dir and drain an adapter.
import fs from 'node:fs';
import path from 'node:path';
import type { RecordIssue } from '../../../shared/domain';
import type { AdapterOptions, RolloutAdapter, RolloutRecord } from '../record';

export interface Drained {
  records: RolloutRecord[];
  issues: RecordIssue[];
}

export async function drain(adapter: RolloutAdapter, filePath: string, options: AdapterOptions = {}): Promise<Drained> {
  const records: RolloutRecord[] = [];
  const issues: RecordIssue[] = [];
  for await (const item of adapter.read(filePath, options)) {
    if (item.kind === 'record') records.push(item.record);
    else issues.push(item.issue);
  }
  return { records, issues };
}

export function writeJsonl(dir: string, name: string, values: readonly unknown[]): string {
  return writeText(dir, name, values.map((v) => JSON.stringify(v)).join('\n') + '\n');
}

export function writeText(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export function chatMl(system: string | null, question: string, response: string, stopped = true): string {
  const sys = system === null ? '' : `<|im_start|>system\n${system}<|im_end|>\n`;
  const stop = stopped ? '<|im_end|>' : '';
  return `${sys}<|im_start|>user\n${question}<|im_end|>\n<|im_start|>assistant\n${response}${stop}`;
}

/** RLOO advantage straight from its definition: own reward minus the mean of the others' rewards. */
export function rlooAdvantages(rewards: readonly number[]): number[] {
  const total = rewards.reduce((a, b) => a + b, 0);
  return rewards.map((r) => r - (total - r) / (rewards.length - 1));
}
