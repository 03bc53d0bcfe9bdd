// Converts a LaTeX subset (the normal forms of math answers) to a mathjs expression string with
// explicit multiplication: \frac, \sqrt[n]{}, ^, \cdot, \times, \div, \pi, \binom, |x|, factorials,
// trig/log functions, Greek letters and implicit products such as 2x, 3\sqrt{2}, xy (= x·y).
// Anything outside the subset (\text, intervals, relations) makes the conversion fail (null).

export interface MathjsExpression {
  expr: string;
  /** Free variables, as they appear in `expr`. */
  variables: Set<string>;
}

type Token = { type: 'num' | 'cmd' | 'letter' | 'sym'; text: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|(\\[a-zA-Z]+)|([a-zA-Z])|([-+*/^_()[\]{}!|,=<>']))/y;

const FUNCTIONS: Record<string, string> = {
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  sec: 'sec',
  csc: 'csc',
  cot: 'cot',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
  sinh: 'sinh',
  cosh: 'cosh',
  tanh: 'tanh',
  ln: 'log',
  log: 'log10',
  exp: 'exp',
};
const INVERSE: Record<string, string> = { sin: 'asin', cos: 'acos', tan: 'atan' };
const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
]);

class Unsupported extends Error {}

export function latexToMathjs(latex: string): MathjsExpression | null {
  const tokens = tokenize(latex);
  if (tokens === null) return null;
  const converter = new Converter(tokens);
  try {
    const expr = converter.sum();
    if (!converter.done()) return null;
    return { expr, variables: converter.variables };
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

function tokenize(s: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let end = 0;
  while (end < s.length) {
    const m = TOKEN.exec(s);
    if (!m) return /^\s*$/.test(s.slice(end)) ? tokens : null;
    end = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ type: 'num', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: 'cmd', text: m[2].slice(1) });
    else if (m[3] !== undefined) tokens.push({ type: 'letter', text: m[3] });
    else tokens.push({ type: 'sym', text: m[4] as string });
  }
  return tokens;
}

class Converter {
  private i = 0;
  readonly variables = new Set<string>();
  private absDepth = 0;

  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.i === this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isSym(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.type === 'sym' && t.text === text;
  }

  private isCmd(...names: string[]): boolean {
    const t = this.peek();
    return t !== undefined && t.type === 'cmd' && names.includes(t.text);
  }

  private expect(text: string): void {
    if (!this.isSym(text)) throw new Unsupported(`expected ${text}`);
    this.i++;
  }

  sum(): string {
    let out = this.product();
    for (;;) {
      if (this.isSym('+') || this.isSym('-')) {
        const op = (this.tokens[this.i++] as Token).text;
        out = `${out} ${op} ${this.product()}`;
      } else return out;
    }
  }

  private product(): string {
    let out = this.unary();
    for (;;) {
      if (this.isSym('*') || this.isCmd('cdot', 'times')) {
        this.i++;
        out = `${out} * ${this.unary()}`;
      } else if (this.isSym('/') || this.isCmd('div')) {
        this.i++;
        out = `${out} / ${this.unary()}`;
      } else if (this.startsPrimary()) out = `${out} * ${this.power()}`;
      else return out;
    }
  }

  private unary(): string {
    if (this.isSym('-')) {
      this.i++;
      return `-(${this.unary()})`;
    }
    if (this.isSym('+')) {
      this.i++;
      return this.unary();
    }
    return this.power();
  }

  private power(): string {
    let base = this.primary();
    for (;;) {
      if (this.isSym('!')) {
        this.i++;
        base = `(${base})!`;
      } else if (this.isSym('^')) {
        this.i++;
        base = `(${base}) ^ (${this.argument()})`;
      } else return base;
    }
  }

  private startsPrimary(): boolean {
    const t = this.peek();
    if (t === undefined) return false;
    if (t.type === 'num' || t.type === 'letter') return true;
    if (t.type === 'cmd') return !['cdot', 'times', 'div'].includes(t.text);
    return t.text === '(' || t.text === '[' || t.text === '{' || (t.text === '|' && this.absDepth === 0);
  }

  /** A `{…}` group, or one token: `\frac12`, `x^2`, `x^-1`. */
  private argument(): string {
    if (this.isSym('{')) {
      this.i++;
      const inner = this.sum();
      this.expect('}');
      return inner;
    }
    if (this.isSym('-')) {
      this.i++;
      return `-(${this.argument()})`;
    }
    const t = this.peek();
    if (t?.type === 'num' && t.text.length > 1 && !t.text.includes('.')) {
      // `x^23` is x^2·3 in LaTeX: take one digit, leave the rest as the next token.
      this.tokens[this.i] = { type: 'num', text: t.text.slice(1) };
      return t.text.slice(0, 1);
    }
    return this.primary();
  }

  private primary(): string {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new Unsupported('unexpected end');
    if (t.type === 'num') return t.text;
    if (t.type === 'letter') return this.variable(t.text);
    if (t.type === 'cmd') return this.command(t.text);
    if (t.text === '(' || t.text === '[' || t.text === '{') {
      const inner = this.sum();
      this.expect(t.text === '(' ? ')' : t.text === '[' ? ']' : '}');
      return `(${inner})`;
    }
    if (t.text === '|' && this.absDepth === 0) {
      this.absDepth++;
      const inner = this.sum();
      this.absDepth--;
      this.expect('|');
      return `abs(${inner})`;
    }
    throw new Unsupported(`unexpected ${t.text}`);
  }

  private variable(letter: string): string {
    if (letter === 'e' || letter === 'i') return letter; // Euler's number and the imaginary unit.
    let name = letter;
    if (this.isSym('_')) {
      this.i++;
      const sub = this.isSym('{') ? this.braced() : (this.tokens[this.i++]?.text ?? '');
      if (!/^[a-zA-Z0-9]+$/.test(sub)) throw new Unsupported('subscript');
      name = `${letter}_${sub}`;
    }
    const safe = `v_${name}`;
    this.variables.add(safe);
    return safe;
  }

  /** The raw text of a `{…}` holding plain tokens (a subscript). */
  private braced(): string {
    this.expect('{');
    let text = '';
    while (!this.isSym('}')) {
      const t = this.tokens[this.i++];
      if (t === undefined) throw new Unsupported('unclosed subscript');
      text += t.text;
    }
    this.i++;
    return text;
  }

  private command(name: string): string {
    if (name === 'pi') return 'pi';
    if (name === 'infty') return 'Infinity';
    if (name === 'frac') return `((${this.argument()}) / (${this.argument()}))`;
    if (name === 'binom') return `combinations(${this.argument()}, ${this.argument()})`;
    if (name === 'sqrt') {
      if (this.isSym('[')) {
        this.i++;
        const index = this.sum();
        this.expect(']');
        return `nthRoot(${this.argument()}, ${index})`;
      }
      return `sqrt(${this.argument()})`;
    }
    if (GREEK.has(name)) {
      const safe = `v_${name}`;
      this.variables.add(safe);
      return safe;
    }
    const fn = FUNCTIONS[name];
    if (fn !== undefined) return this.functionCall(name, fn);
    throw new Unsupported(`\\${name}`);
  }

  /** `\sin^2 x`, `\sin^{-1}(x)`, `\log_2 8`, `\ln(x+1)`, `\cos 2\theta`. */
  private functionCall(name: string, fn: string): string {
    let exponent: string | null = null;
    let base: string | null = null;
    let callee = fn;
    if (this.isSym('^')) {
      this.i++;
      exponent = this.argument();
      if (exponent === '-(1)' && INVERSE[name]) {
        callee = INVERSE[name];
        exponent = null;
      }
    }
    if (name === 'log' && this.isSym('_')) {
      this.i++;
      base = this.argument();
      callee = 'log';
    }
    const arg = this.isSym('(') ? this.primary() : this.implicitArgument();
    const call = base === null ? `${callee}(${arg})` : `${callee}(${arg}, ${base})`;
    return exponent === null ? call : `(${call}) ^ (${exponent})`;
  }

  /** The argument of `\sin 2x`: factors up to an operator or the next function. */
  private implicitArgument(): string {
    let out = this.power();
    while (this.startsPrimary() && !this.isCmd(...Object.keys(FUNCTIONS))) out = `${out} * ${this.power()}`;
    return out;
  }
}
