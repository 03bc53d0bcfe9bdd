// Small, forgiving readers for values that come out of JSON / parquet rows of unknown shape.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number; numeric strings ("1.0") and booleans are accepted because loggers write both. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export function toInteger(value: unknown): number | null {
  const n = typeof value === 'boolean' ? null : toNumber(value);
  return n !== null && Number.isInteger(n) ? n : null;
}

export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Every field of `source` not in `mapped`, for record.extra. */
export function unmappedFields(source: JsonObject, mapped: readonly string[]): JsonObject {
  const skip = new Set(mapped);
  const extra: JsonObject = {};
  for (const [key, value] of Object.entries(source)) if (!skip.has(key)) extra[key] = value;
  return extra;
}

export function hasKeys(value: unknown, keys: readonly string[]): boolean {
  return isObject(value) && keys.every((key) => key in value);
}

/** Share of `keys` present in `value` (0 when it is not an object). */
export function keyShare(value: unknown, keys: readonly string[]): number {
  if (!isObject(value) || keys.length === 0) return 0;
  return keys.filter((key) => key in value).length / keys.length;
}

/** The step a file name carries (`step.12.jsonl`, `completions_00012.parquet`), from the first pattern that matches. */
export function stepFromFileName(fileName: string, patterns: readonly RegExp[]): number | null {
  for (const pattern of patterns) {
    const match = pattern.exec(fileName);
    if (match?.[1] !== undefined) return Number.parseInt(match[1], 10);
  }
  return null;
}
