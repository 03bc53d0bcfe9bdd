// Prompt grid columns. colIds equal PromptColumn names, so sort and filter models map one to one.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { PromptColumn, PromptRow } from '../../../shared/domain';

const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: { maxNumConditions: 1, buttons: ['reset'], debounceMs: 300 },
} as const;
const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: { maxNumConditions: 1, buttons: ['reset'], debounceMs: 300 },
} as const;

const formatPassRate = (p: ValueFormatterParams<PromptRow, number | null>) =>
  p.value === null || p.value === undefined ? '' : `${(p.value * 100).toFixed(0)}%`;
const oneLine = (p: ValueFormatterParams<PromptRow, string | null>) => (p.value ?? '').replace(/\s+/g, ' ');

type PromptColDef = ColDef<PromptRow> & { colId: PromptColumn; field: PromptColumn };

export const PROMPT_COLUMN_DEFS: PromptColDef[] = [
  { colId: 'id', field: 'id', headerName: 'ID', width: 84, ...NUMBER_FILTER },
  { colId: 'dataset', field: 'dataset', headerName: 'Dataset', width: 120, ...TEXT_FILTER },
  { colId: 'sourceId', field: 'sourceId', headerName: 'Source ID', width: 150, hide: true, ...TEXT_FILTER },
  {
    colId: 'question',
    field: 'question',
    headerName: 'Question',
    flex: 3,
    minWidth: 240,
    valueFormatter: oneLine,
    ...TEXT_FILTER,
  },
  {
    colId: 'goldAnswer',
    field: 'goldAnswer',
    headerName: 'Gold answer',
    width: 120,
    valueFormatter: oneLine,
    ...TEXT_FILTER,
  },
  {
    colId: 'passRate',
    field: 'passRate',
    headerName: 'Pass rate',
    width: 100,
    valueFormatter: formatPassRate,
    ...NUMBER_FILTER,
  },
  { colId: 'source', field: 'source', headerName: 'Source', width: 104, ...TEXT_FILTER },
  { colId: 'subject', field: 'subject', headerName: 'Subject', width: 140, ...TEXT_FILTER },
  { colId: 'level', field: 'level', headerName: 'Level', width: 80, ...NUMBER_FILTER },
];

// Floating filters (a row of inline inputs under the headers) keep the header cells free for the titles.
export const DEFAULT_COL_DEF: ColDef<PromptRow> = {
  sortable: true,
  resizable: true,
  suppressHeaderMenuButton: true,
  suppressHeaderFilterButton: true,
  floatingFilter: true,
};
