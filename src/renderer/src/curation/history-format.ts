// One history entry as a line of text: who did what to which field, and through which kind of action.
import type { HistoryBatch, HistoryEntry, UndoResult } from '../../../shared/curation';

const LABEL_ON = 'on';
const MAX_TEXT = 80;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
const quoted = (text: string | null) => (text === null ? 'nothing' : `“${clip(text)}”`);

/** What changed, e.g. `Added “keep”`, `Note “typo in b”`, `Gold answer “12” → “14”`. */
export function describeChange(entry: HistoryEntry): string {
  const where = entry.span ? ` on tokens ${entry.span.start}–${entry.span.end}` : '';
  switch (entry.field) {
    case 'label': {
      const name = entry.labelName ?? `label ${entry.labelId ?? '?'}`;
      return `${entry.newValue === LABEL_ON ? 'Added' : 'Removed'} “${name}”${where}`;
    }
    case 'note':
      if (entry.newValue === null) return `Removed note${where}`;
      return `${entry.oldValue === null ? 'Note' : 'Edited note'} ${quoted(entry.newValue)}${where}`;
    case 'gold_answer':
      if (entry.newValue === null) return `Restored the original gold answer (was ${quoted(entry.oldValue)})`;
      return entry.oldValue === null
        ? `Corrected gold answer to ${quoted(entry.newValue)}`
        : `Gold answer ${quoted(entry.oldValue)} → ${quoted(entry.newValue)}`;
  }
}

const KIND_TAGS: Record<HistoryBatch['kind'], string | null> = { edit: null, bulk: 'bulk', undo: 'undo', redo: 'redo' };

export function kindTag(kind: HistoryBatch['kind']): string | null {
  return KIND_TAGS[kind];
}

/** "2026-03-01 14:05" in local time; the ISO string when it cannot be read. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Undid: Add “drop” to 41 prompts (41 changes)". */
export function describeUndo(last: { action: 'undo' | 'redo'; result: UndoResult } | null): string | null {
  if (!last) return null;
  const { action, result } = last;
  if (!result.batch) return action === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.';
  const what = result.batch.description.replace(/^(Undo|Redo): /, '');
  const skipped = result.skipped > 0 ? `; ${result.skipped} left alone (changed by someone since)` : '';
  const changes = `${result.reverted} ${result.reverted === 1 ? 'change' : 'changes'}`;
  return `${action === 'undo' ? 'Undid' : 'Redid'}: ${what} (${changes}${skipped})`;
}
