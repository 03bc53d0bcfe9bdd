// Preview-table cells: any JSON value as one short line of text.
const MAX_CELL_CHARS = 140;

export function cellText(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_CELL_CHARS ? `${oneLine.slice(0, MAX_CELL_CHARS - 1)}…` : oneLine;
}
