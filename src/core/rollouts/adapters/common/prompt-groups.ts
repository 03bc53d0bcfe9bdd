// Groups samples by identical prompt text (verl, TRL, old xtuner files): the group id is a short hash of
// the prompt, scoped by step, and the sample index counts earlier samples of that prompt in the file.
// Only hashes are kept in memory, so a file with many prompts stays cheap.
import { createHash } from 'node:crypto';

export class PromptGroups {
  private readonly seen = new Map<string, number>();

  /** Group id and sample index for the next sample of `promptText` in `step`. */
  next(promptText: string, step: number | null): { groupId: string; sampleIndex: number } {
    const hash = createHash('sha1').update(promptText).digest('hex').slice(0, 16);
    const groupId = step === null ? hash : `${step}:${hash}`;
    const sampleIndex = this.seen.get(groupId) ?? 0;
    this.seen.set(groupId, sampleIndex + 1);
    return { groupId, sampleIndex };
  }
}

/** Counts samples per explicit group id (xtuner `group_id`). */
export class GroupCounter {
  private readonly seen = new Map<string, number>();

  next(groupId: string): number {
    const index = this.seen.get(groupId) ?? 0;
    this.seen.set(groupId, index + 1);
    return index;
  }
}
