// The --filter EXPR language of `rl-curator export`: comma-separated terms KEY OP VALUE, all of which must
// hold. Values may be double-quoted (to hold commas); `|` separates alternatives ("any of").
//
//   subject=Geometry|Algebra    subject!=Geometry    source=MATH    dataset=NAME|ID
//   level=3|4   level>=3   level<5   level!=2
//   pass_rate>0   pass_rate<1   pass_rate>=0.25   pass_rate<=0.75   pass_rate=0.5
//   label=drop|duplicate   label!=drop   rollout_label=reward hacking   rollout_label!=truncated
//   disagree   disagree=keep|drop   note=*   note!=*   note~figure
//   search~"\sqrt{2}"   question~triangle   gold_answer=42
//
// pass_rate bounds go to the export's pass-rate range (see --pass-rate-source); everything else becomes a
// PromptFilter. Label names ignore case, and '_' or '-' may stand for spaces.
import type { ColumnCondition, LabelCondition, PromptFilter } from '../../shared/domain';
import type { PassRateRange } from '../../shared/exports';
import { UsageError } from '../usage-error';

export const FILTER_SYNTAX =
  'KEY OP VALUE terms joined by commas; keys subject, source, dataset, level, pass_rate, label, ' +
  'rollout_label, disagree, note, search, question, gold_answer; ops = != > >= < <= ~ (contains); a|b = any of';

type Op = '>=' | '<=' | '!=' | '=' | '>' | '<' | '~';

export interface Term {
  key: string;
  op: Op | null;
  values: string[];
}

/** Splits on commas outside double quotes; a quote inside quotes is written "". */
export function splitTerms(expr: string): string[] {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i] as string;
    if (ch === '"') {
      if (quoted && expr[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
      continue;
    }
    if (ch === ',' && !quoted) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted) throw new UsageError(`--filter: unclosed quote in "${expr}".`);
  terms.push(current);
  return terms.map((t) => t.trim()).filter((t) => t !== '');
}

export function parseTerm(text: string): Term {
  const m = /^([a-z_]+)\s*(>=|<=|!=|=|>|<|~)?\s*(.*)$/s.exec(text);
  if (!m) throw new UsageError(`--filter: cannot read "${text}" (${FILTER_SYNTAX}).`);
  const [, key, op, rest] = m as unknown as [string, string, Op | undefined, string];
  if (!op && rest !== '') throw new UsageError(`--filter: "${text}" needs an operator (= != > >= < <= ~).`);
  return { key, op: op ?? null, values: op ? rest.split('|').map((v) => v.trim()) : [] };
}

export interface Lookups {
  labels: { id: number; target: 'prompt' | 'rollout' | 'span'; name: string }[];
  datasets: { id: number; name: string }[];
}

export interface ParsedFilter {
  filter: PromptFilter;
  passRate: Partial<Pick<PassRateRange, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>>;
}

const labelKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

export function findLabels(lookups: Lookups, names: readonly string[], targets: readonly string[]): number[] {
  return names.map((name) => {
    const def = lookups.labels.find((l) => targets.includes(l.target) && labelKey(l.name) === labelKey(name));
    if (!def) {
      const known = lookups.labels.filter((l) => targets.includes(l.target)).map((l) => l.name);
      throw new UsageError(`--filter: no ${targets.join('/')} label "${name}" (labels: ${known.join(', ')}).`);
    }
    return def.id;
  });
}

function number(term: Term, value: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n))
    throw new UsageError(`--filter: ${term.key} needs a number, got "${value}".`);
  return n;
}

function need(term: Term, ops: readonly (Op | null)[]): void {
  if (!ops.includes(term.op))
    throw new UsageError(
      `--filter: ${term.key} takes ${ops.map((o) => o ?? '(no operator)').join(' ')}; got "${term.op ?? ''}".`,
    );
}

export function parseFilterExpr(expr: string, lookups: Lookups): ParsedFilter {
  const filter: PromptFilter = {};
  const passRate: ParsedFilter['passRate'] = {};
  const columns: NonNullable<PromptFilter['columns']> = {};
  const labels: LabelCondition[] = [];
  let levelMin: number | undefined;
  let levelMax: number | undefined;
  for (const text of splitTerms(expr)) {
    const term = parseTerm(text);
    const one = () => {
      if (term.values.length !== 1) throw new UsageError(`--filter: ${term.key}${term.op ?? ''} takes one value.`);
      return term.values[0] as string;
    };
    switch (term.key) {
      case 'subject':
      case 'source': {
        need(term, ['=', '!=', '~']);
        const list = term.key === 'subject' ? 'subjects' : 'sources';
        if (term.op === '=') filter[list] = term.values;
        else
          columns[term.key] = {
            kind: 'text',
            op: term.op === '!=' ? 'notEqual' : 'contains',
            value: one(),
          } satisfies ColumnCondition;
        break;
      }
      case 'dataset': {
        need(term, ['=']);
        filter.datasetIds = term.values.map((v) => {
          const ds = lookups.datasets.find((d) => d.name === v || String(d.id) === v);
          if (!ds)
            throw new UsageError(
              `--filter: no dataset "${v}" (datasets: ${lookups.datasets.map((d) => d.name).join(', ') || 'none'}).`,
            );
          return ds.id;
        });
        break;
      }
      case 'level': {
        need(term, ['=', '!=', '>', '>=', '<', '<=']);
        if (term.op === '=') filter.levels = term.values.map((v) => Math.trunc(number(term, v)));
        else if (term.op === '!=') columns.level = { kind: 'number', op: 'notEqual', value: number(term, one()) };
        else {
          // Levels are integers: strict bounds become inclusive ones, two bounds one range.
          const v = number(term, one());
          if (term.op === '>') levelMin = Math.max(levelMin ?? -Infinity, Math.floor(v) + 1);
          if (term.op === '>=') levelMin = Math.max(levelMin ?? -Infinity, Math.ceil(v));
          if (term.op === '<') levelMax = Math.min(levelMax ?? Infinity, Math.ceil(v) - 1);
          if (term.op === '<=') levelMax = Math.min(levelMax ?? Infinity, Math.floor(v));
        }
        break;
      }
      case 'pass_rate': {
        need(term, ['=', '>', '>=', '<', '<=']);
        const v = number(term, one());
        if (v < 0 || v > 1) throw new UsageError(`--filter: pass_rate bounds are between 0 and 1, got ${v}.`);
        if (term.op === '=' || term.op === '>' || term.op === '>=')
          Object.assign(passRate, { min: v, minInclusive: term.op !== '>' });
        if (term.op === '=' || term.op === '<' || term.op === '<=')
          Object.assign(passRate, { max: v, maxInclusive: term.op !== '<' });
        break;
      }
      case 'label':
      case 'rollout_label': {
        need(term, ['=', '!=']);
        const rollout = term.key === 'rollout_label';
        const labelIds = findLabels(lookups, term.values, rollout ? ['rollout', 'span'] : ['prompt']);
        labels.push({
          op: rollout ? (term.op === '=' ? 'rolloutHas' : 'rolloutHasNot') : term.op === '=' ? 'has' : 'hasNot',
          labelIds,
        });
        break;
      }
      case 'disagree':
        need(term, [null, '=']);
        labels.push(
          term.op ? { op: 'disagree', labelIds: findLabels(lookups, term.values, ['prompt']) } : { op: 'disagree' },
        );
        break;
      case 'note':
        need(term, ['=', '!=', '~']);
        if (term.op === '~') filter.notes = { op: 'contains', text: one() };
        else if (one() === '*') filter.notes = { op: term.op === '=' ? 'has' : 'hasNot' };
        else throw new UsageError('--filter: write note=* (has a note), note!=* (has none) or note~TEXT.');
        break;
      case 'search':
      case 'q':
        need(term, ['=', '~']);
        filter.search = one();
        break;
      case 'question':
      case 'gold_answer': {
        need(term, ['=', '!=', '~']);
        const column = term.key === 'question' ? 'question' : 'goldAnswer';
        columns[column] = {
          kind: 'text',
          op: term.op === '=' ? 'equals' : term.op === '!=' ? 'notEqual' : 'contains',
          value: one(),
        };
        break;
      }
      default:
        throw new UsageError(`--filter: unknown key "${term.key}" (${FILTER_SYNTAX}).`);
    }
  }
  if (levelMin !== undefined || levelMax !== undefined) {
    if (levelMin !== undefined && levelMax !== undefined)
      columns.level = { kind: 'number', op: 'inRange', value: levelMin, valueTo: levelMax };
    else if (levelMin !== undefined) columns.level = { kind: 'number', op: 'greaterThanOrEqual', value: levelMin };
    else columns.level = { kind: 'number', op: 'lessThanOrEqual', value: levelMax as number };
  }
  if (Object.keys(columns).length > 0) filter.columns = columns;
  if (labels.length > 0) filter.labels = labels;
  return { filter, passRate };
}
