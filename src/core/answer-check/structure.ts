// Reads the shape of a normalised answer: a bracketed sequence (tuple or interval), a set, a matrix,
// a union of intervals or a bare comma-separated list. Scalars return null.
import { isWrapped, splitTopLevel } from './latex-scan';

export type Structure =
  | { kind: 'sequence'; open: '(' | '['; close: ')' | ']'; items: string[] }
  | { kind: 'set'; items: string[] }
  | { kind: 'matrix'; rows: string[][] }
  | { kind: 'union'; parts: string[] }
  | { kind: 'list'; items: string[] };

const MATRIX = /^\\begin\{pmatrix\}([\s\S]*)\\end\{pmatrix\}$/;

export function parseStructure(s: string): Structure | null {
  const matrix = MATRIX.exec(s);
  if (matrix) {
    const rows = splitTopLevel(matrix[1] as string, '\\\\')
      .map((row) => row.trim())
      .filter((row) => row !== '')
      .map((row) => splitTopLevel(row, '&').map((cell) => cell.trim()));
    return rows.length > 0 ? { kind: 'matrix', rows } : null;
  }
  if (s.includes('\\cup')) {
    const parts = splitTopLevel(s, '\\cup').map((p) => p.trim());
    if (parts.length > 1) return { kind: 'union', parts };
  }
  if (isWrapped(s)) {
    const open = s[0] as string;
    const close = s[s.length - 1] as string;
    const items = splitTopLevel(s.slice(1, -1), ',').map((p) => p.trim());
    if (open === '{' && close === '}')
      return s === '{}' ? { kind: 'set', items: [] } : { kind: 'set', items: items.flatMap(expandItem) };
    if ((open === '(' || open === '[') && (close === ')' || close === ']') && items.length > 1) {
      return { kind: 'sequence', open, close, items };
    }
    return null;
  }
  if (s === '\\emptyset') return { kind: 'set', items: [] };
  const items = splitTopLevel(s, ',').map((p) => p.trim());
  return items.length > 1 ? { kind: 'list', items: items.filter((p) => p !== '').flatMap(expandItem) } : null;
}

/** In a set or list of answers, `1 \pm \sqrt{5}` stands for two answers. */
function expandItem(item: string): string[] {
  return expandPlusMinus(item) ?? [item];
}

/** `a \pm b` as the two answers `a + b` and `a - b`; null when there is no single top-level ± sign. */
export function expandPlusMinus(s: string): string[] | null {
  const m = /\\(pm|mp)(?![a-zA-Z])/.exec(s);
  if (!m || s.indexOf('\\pm', m.index + 3) >= 0 || s.indexOf('\\mp', m.index + 3) >= 0) return null;
  const before = s.slice(0, m.index);
  const after = s.slice(m.index + m[0].length).replace(/^ /, '');
  const [first, second] = m[1] === 'pm' ? ['+', '-'] : ['-', '+'];
  return [`${before}${first}${after}`, `${before}${second}${after}`].map((x) => x.replace(/^\+/, ''));
}

/** The cells of a matrix with a single row or column, as a flat vector. */
export function matrixAsVector(m: { rows: string[][] }): string[] | null {
  if (m.rows.every((row) => row.length === 1)) return m.rows.map((row) => row[0] as string);
  if (m.rows.length === 1) return m.rows[0] ?? null;
  return null;
}
