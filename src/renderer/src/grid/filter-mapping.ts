// Translation between AG Grid's sort/filter models and the contract's SortSpec[] / PromptFilter.columns.
// AG Grid hands the datasource free-form models; only whitelisted columns and known operators pass.
import { PROMPT_COLUMNS } from '../../../shared/domain';
import type { ColumnCondition, PromptColumn, PromptFilter, SortSpec } from '../../../shared/domain';

export type ColumnConditions = NonNullable<PromptFilter['columns']>;

/** The shape AG Grid uses for one sorted column (SortModelItem) and for column state entries. */
export interface GridSortItem {
  colId: string;
  sort: 'asc' | 'desc' | null | undefined;
}

const TEXT_OPS = [
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
  'blank',
  'notBlank',
] as const;
const NUMBER_OPS = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
] as const;
const MAX_SORT_COLUMNS = 5;

export function isPromptColumn(value: string): value is PromptColumn {
  return (PROMPT_COLUMNS as readonly string[]).includes(value);
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** AG Grid sort model (in priority order) → contract sort; unknown columns are dropped, at most five kept. */
export function sortModelToSpecs(sortModel: readonly GridSortItem[]): SortSpec[] {
  const specs: SortSpec[] = [];
  for (const item of sortModel) {
    if (!isPromptColumn(item.colId) || (item.sort !== 'asc' && item.sort !== 'desc')) continue;
    if (specs.some((s) => s.column === item.colId)) continue;
    specs.push({ column: item.colId, direction: item.sort });
  }
  return specs.slice(0, MAX_SORT_COLUMNS);
}

/** Contract sort → AG Grid column state entries (sortIndex keeps multi-column priority). */
export function specsToColumnSort(
  sort: readonly SortSpec[],
): { colId: string; sort: 'asc' | 'desc'; sortIndex: number }[] {
  return sort.map((s, index) => ({ colId: s.column, sort: s.direction, sortIndex: index }));
}

/** One simple filter model (text or number) → a column condition, or undefined when incomplete or unknown. */
function simpleModelToCondition(model: Record<string, unknown>): ColumnCondition | undefined {
  const { filterType, type } = model;
  if (filterType === 'text' && isOneOf(TEXT_OPS, type)) {
    if (type === 'blank' || type === 'notBlank') return { kind: 'text', op: type };
    const value = model.filter;
    if (typeof value !== 'string' || value === '') return undefined;
    return { kind: 'text', op: type, value: value.slice(0, 1000) };
  }
  if (filterType === 'number' && isOneOf(NUMBER_OPS, type)) {
    if (type === 'blank' || type === 'notBlank') return { kind: 'number', op: type };
    const value = model.filter;
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    if (type === 'inRange') {
      const to = model.filterTo;
      if (typeof to !== 'number' || !Number.isFinite(to)) return undefined;
      return { kind: 'number', op: 'inRange', value, valueTo: to };
    }
    return { kind: 'number', op: type, value };
  }
  return undefined;
}

/**
 * AG Grid filter model → PromptFilter.columns. The grid's filters are configured with one condition per
 * column (maxNumConditions: 1) because the contract holds one condition per column; a combined model
 * from an older saved state contributes its first condition.
 */
export function filterModelToColumns(
  filterModel: Record<string, unknown> | null | undefined,
): ColumnConditions | undefined {
  const columns: ColumnConditions = {};
  for (const [colId, raw] of Object.entries(filterModel ?? {})) {
    if (!isPromptColumn(colId) || typeof raw !== 'object' || raw === null) continue;
    const model = raw as Record<string, unknown>;
    const simple = Array.isArray(model.conditions)
      ? (model.conditions[0] as Record<string, unknown> | undefined)
      : model;
    const condition = simple ? simpleModelToCondition({ filterType: model.filterType, ...simple }) : undefined;
    if (condition) columns[colId] = condition;
  }
  return Object.keys(columns).length > 0 ? columns : undefined;
}

/** PromptFilter.columns → AG Grid filter model, for restoring a saved view. */
export function columnsToFilterModel(columns: ColumnConditions | undefined): Record<string, Record<string, unknown>> {
  const model: Record<string, Record<string, unknown>> = {};
  for (const [colId, condition] of Object.entries(columns ?? {}) as [PromptColumn, ColumnCondition][]) {
    const entry: Record<string, unknown> = { filterType: condition.kind, type: condition.op };
    if (condition.value !== undefined) entry.filter = condition.value;
    if (condition.kind === 'number' && condition.valueTo !== undefined) entry.filterTo = condition.valueTo;
    model[colId] = entry;
  }
  return model;
}

/** Facet/search filter plus the grid's column conditions: what the server is asked for. */
export function combineFilter(base: PromptFilter, columns: ColumnConditions | undefined): PromptFilter {
  const { columns: _ignored, ...rest } = base;
  return columns ? { ...rest, columns } : rest;
}
