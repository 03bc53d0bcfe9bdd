// The numbers a finished import reports, whatever extra keys a job kind adds to its result.
import type { Job } from '../../../shared/domain';

export interface SummaryItem {
  key: string;
  label: string;
  value: string;
}

const KNOWN_LABELS: Record<string, string> = {
  prompts: 'Prompts imported',
  rows: 'Rows read',
  imported: 'Prompts imported',
  duplicates: 'Duplicates',
  skipped: 'Records skipped',
  badRows: 'Bad records',
  datasetName: 'Dataset',
};
const HIDDEN = new Set(['datasetId']);

function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Primitive result entries in a stable order: known keys first, then the rest alphabetically. */
export function jobSummary(job: Job): SummaryItem[] {
  const entries = Object.entries(job.result ?? {}).filter(
    ([key, value]) => !HIDDEN.has(key) && ['string', 'number', 'boolean'].includes(typeof value),
  );
  const known = Object.keys(KNOWN_LABELS);
  entries.sort(([a], [b]) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? known.length : ia) - (ib === -1 ? known.length : ib);
    return a.localeCompare(b);
  });
  return entries.map(([key, value]) => ({
    key,
    label: KNOWN_LABELS[key] ?? humanise(key),
    value: typeof value === 'number' ? value.toLocaleString('en-US') : String(value),
  }));
}
