// Answers arrive as strings, JSON numbers (AMC's 27.0 is the JS number 27), lists (OlympiadBench's
// final_answer) or null. This turns any of them into a list of answer texts.

/** The texts of an answer value; null when there is no answer at all. */
export function answerTexts(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return Number.isFinite(value) ? [numberText(value)] : null;
  if (typeof value === 'bigint') return [value.toString()];
  if (typeof value === 'boolean') return [value ? 'True' : 'False'];
  if (Array.isArray(value)) {
    const items = value.flatMap((item) => answerTexts(item) ?? []);
    return items.length > 0 ? items : null;
  }
  return null;
}

/** Integers without exponent notation up to 1e21 (String(1e20) is fine, toFixed keeps it plain). */
function numberText(n: number): string {
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Whether a raw answer marks a percentage, which enables percent leniency in 'when-marked' mode. */
export function mentionsPercent(texts: readonly string[]): boolean {
  return texts.some((t) => t.includes('%') || /percent/i.test(t));
}
