// The numeric stage: a small evaluator for constant answers in normalised LaTeX (integers, decimals,
// scientific notation, \frac, \sqrt, \pi, powers, mixed numbers such as 12\frac{3}{5}). It is the
// fast path, so it avoids mathjs; anything with a letter or an unknown command is "not a number".

export interface NumericValue {
  value: number;
  /** Written as a plain integer literal; two such answers are compared exactly (as BigInt). */
  integerLiteral: string | null;
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function parseNumeric(s: string): NumericValue | null {
  if (INTEGER.test(s)) return { value: Number(s), integerLiteral: s };
  if (DECIMAL.test(s)) return { value: Number(s), integerLiteral: null };
  if (/[a-zA-Z]/.test(s.replace(/\\(?:frac|sqrt|pi|cdot|times|div)(?![a-zA-Z])/g, '')) && !/\d[eE][-+]?\d/.test(s))
    return null;
  const parser = new Evaluator(s);
  const value = parser.parse();
  return value === null || !Number.isFinite(value) ? null : { value, integerLiteral: null };
}

class Evaluator {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): number | null {
    const v = this.expr();
    return v !== null && this.i === this.s.length ? v : null;
  }

  private peek(text: string): boolean {
    return this.s.startsWith(text, this.i);
  }

  private eat(text: string): boolean {
    if (!this.peek(text)) return false;
    this.i += text.length;
    return true;
  }

  private command(name: string): boolean {
    if (!this.peek(name)) return false;
    const next = this.s[this.i + name.length];
    if (next !== undefined && /[a-zA-Z]/.test(next)) return false;
    this.i += name.length;
    if (this.s[this.i] === ' ') this.i++;
    return true;
  }

  private expr(): number | null {
    let left = this.term();
    while (left !== null) {
      if (this.eat('+')) {
        const r = this.term();
        left = r === null ? null : left + r;
      } else if (this.eat('-')) {
        const r = this.term();
        left = r === null ? null : left - r;
      } else break;
    }
    return left;
  }

  private term(): number | null {
    let left = this.unary();
    while (left !== null) {
      if (this.eat('*') || this.command('\\cdot') || this.command('\\times')) {
        const r = this.unary();
        left = r === null ? null : left * r;
      } else if (this.eat('/') || this.command('\\div')) {
        const r = this.unary();
        left = r === null ? null : left / r;
      } else if (this.startsAtom()) {
        // Implicit product (2\pi, 3\sqrt{2}), or a mixed number (12\frac{3}{5} = 12 + 3/5).
        const mixed = this.mixedFraction(left);
        if (mixed !== undefined) return mixed;
        const r = this.power();
        left = r === null ? null : left * r;
      } else break;
    }
    return left;
  }

  private unary(): number | null {
    if (this.eat('-')) {
      const v = this.unary();
      return v === null ? null : -v;
    }
    if (this.eat('+')) return this.unary();
    return this.power();
  }

  private power(): number | null {
    const base = this.atom();
    if (base === null || !this.eat('^')) return base;
    const exponent =
      this.s[this.i] === '{' ? this.group() : this.eat('-') ? negate(this.digitOrAtom()) : this.digitOrAtom();
    if (exponent === null || Math.abs(exponent) > 1000) return null;
    return base ** exponent;
  }

  private startsAtom(): boolean {
    const c = this.s[this.i];
    return c !== undefined && (/[\d.({]/.test(c) || this.peek('\\frac') || this.peek('\\sqrt') || this.peek('\\pi'));
  }

  private mixedFraction(whole: number): number | null | undefined {
    const start = this.i;
    const wholeText = this.s.slice(0, start);
    if (!/^-?\d+$/.test(wholeText) || !this.peek('\\frac{')) return undefined;
    const m = /^\\frac\{(\d+)\}\{(\d+)\}$/.exec(this.s.slice(start));
    if (!m) return undefined;
    this.i = this.s.length;
    const frac = Number(m[1]) / Number(m[2]);
    return whole < 0 || wholeText.startsWith('-') ? whole - frac : whole + frac;
  }

  private atom(): number | null {
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    if (this.command('\\pi')) return Math.PI;
    if (this.command('\\frac')) {
      const a = this.group();
      const b = a === null ? null : this.group();
      return a === null || b === null ? null : a / b;
    }
    if (this.command('\\sqrt')) {
      let index = 2;
      if (this.eat('[')) {
        const n = this.expr();
        if (n === null || !this.eat(']')) return null;
        index = n;
      }
      const radicand = this.group();
      if (radicand === null) return null;
      if (radicand < 0) return index % 2 === 1 ? -((-radicand) ** (1 / index)) : null;
      return index === 2 ? Math.sqrt(radicand) : radicand ** (1 / index);
    }
    if (this.eat('(')) {
      const v = this.expr();
      return v !== null && this.eat(')') ? v : null;
    }
    if (this.s[this.i] === '{') return this.group();
    return null;
  }

  /** A `{…}` group, or a single digit / atom as in `\frac12` or `x^2`. */
  private group(): number | null {
    if (this.eat('{')) {
      const v = this.expr();
      return v !== null && this.eat('}') ? v : null;
    }
    return this.digitOrAtom();
  }

  private digitOrAtom(): number | null {
    const c = this.s[this.i];
    if (c !== undefined && /\d/.test(c)) {
      this.i++;
      return Number(c);
    }
    return this.atom();
  }
}

function negate(v: number | null): number | null {
  return v === null ? null : -v;
}

export interface NumericOptions {
  relativeTolerance: number;
  /** Also accept gold×100 and gold/100 (a percentage written as a fraction or the other way round). */
  percent: boolean;
}

export interface NumericVerdict {
  equal: boolean;
  reason: string;
}

export function compareNumeric(pred: NumericValue, gold: NumericValue, options: NumericOptions): NumericVerdict {
  if (pred.integerLiteral !== null && gold.integerLiteral !== null) {
    // Exact for integers: a relative tolerance would call 100001 and 100000 equal.
    if (BigInt(pred.integerLiteral) === BigInt(gold.integerLiteral)) return { equal: true, reason: 'equal integers' };
  } else if (gold.integerLiteral !== null && !isWhole(pred.value)) {
    // As PRM800K's grader: 9999.857 is not an approximation of the integer answer 10000.
    if (!options.percent) {
      const predicted = formatValue(pred.value);
      return {
        equal: false,
        reason: `gold is the integer ${gold.integerLiteral}, the prediction ${predicted} is not an integer`,
      };
    }
  } else if (isClose(pred.value, gold.value, options.relativeTolerance)) {
    return { equal: true, reason: `equal within relative tolerance ${options.relativeTolerance}` };
  }
  if (options.percent) {
    if (isClose(pred.value, gold.value * 100, options.relativeTolerance))
      return { equal: true, reason: 'equal to gold×100 (percent leniency)' };
    if (isClose(pred.value, gold.value / 100, options.relativeTolerance))
      return { equal: true, reason: 'equal to gold/100 (percent leniency)' };
  }
  return { equal: false, reason: `numeric values differ: ${formatValue(pred.value)} vs ${formatValue(gold.value)}` };
}

export function isClose(a: number, b: number, relativeTolerance: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(relativeTolerance * Math.max(Math.abs(a), Math.abs(b)), 1e-12);
}

function isWhole(v: number): boolean {
  return Math.abs(v - Math.round(v)) <= 1e-9 * Math.max(1, Math.abs(v));
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
}
