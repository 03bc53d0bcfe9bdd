// JSON formats read questions through SQLite's json_quote (layout.ts): it must give exactly the bytes of
// JSON.stringify, for every character a question can hold.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

describe('json_quote for JSON exports', () => {
  it('quotes like JSON.stringify: controls, quotes, backslashes, line separators, astral characters', () => {
    const db = new Database(':memory:');
    const quote = db.prepare('SELECT json_quote(?)').pluck();
    const samples: string[] = [];
    for (let c = 0; c < 0xd800; c += c < 0x300 ? 1 : 97) samples.push(`a${String.fromCharCode(c)}b`);
    samples.push(
      '\u{1F600} \u{1D400}',
      'π ∑ 中文 Ω',
      '\\frac{1}{2} "quoted" \\\\',
      'tab\tnew\nline\r\f\b\v\0',
      '\u2028\u2029\u007f\u0080\ufeff\uffff',
      '',
    );
    for (const s of samples) expect(quote.get(s), JSON.stringify(s)).toBe(JSON.stringify(s));
    db.close();
  });
});
