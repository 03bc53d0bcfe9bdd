// Contract inputs are JSON-shaped. Anything else arriving over IPC (class instances, Dates, Maps, typed
// arrays, absurdly deep nesting) is refused before it reaches core's zod schemas.

const MAX_DEPTH = 32;
const MAX_NODES = 100_000;

export function isPlainData(value: unknown): boolean {
  let nodes = 0;
  const visit = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (v === null || v === undefined) return true;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return true;
      case 'number':
        return Number.isFinite(v);
      case 'object':
        break;
      default:
        return false; // function, symbol, bigint
    }
    if (Array.isArray(v)) return v.every((item) => visit(item, depth + 1));
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(v as Record<string, unknown>).every((item) => visit(item, depth + 1));
  };
  return visit(value, 0);
}
