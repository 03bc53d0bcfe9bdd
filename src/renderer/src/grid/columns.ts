// Prompt grid columns. colIds equal PromptColumn names, so sort and filter models map one to one.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { PromptColumn, PromptRow } from '../../../shared/domain';

const TEXT_FILTER = { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 1, buttons: ['reset'], debounceMs: 300 } } as const;
const NUMBER_FILTER = { filter: 'agNumberColumnFilter', filterParams: { maxNumConditions: 1, buttons: ['reset'], debounceMs: 300 } } as const;

const formatPassRate = (p: ValueFormatterParams<PromptRow, number | null>) => (p.value === null || p.value === undefined ? '' : `${(p.value * 100).toFixed(0)}%`);
const oneLine = (p: ValueFormatterParams<PromptRow, string | null>) => (p.value ?? '').replace(/\s+/g, ' ');

type PromptColDef = ColDef<PromptRow> & { colId: PromptColumn; field: PromptColumn };

export const PROMPT_COLUMN_DEFS: PromptColDef[] = [
  { colId: 'id', field: 'id', headerName: 'ID', width: 72, ...NUMBER_FILTER },
  { colId: 'dataset', field: 'dataset', headerName: 'Dataset', width: 116, ...TEXT_FILTER },
  { colId: 'sourceId', field: 'sourceId', headerName: 'Source ID', width: 150, hide: true, ...TEXT_FILTER },
  { colId: 'question', field: 'question', headerName: 'Question', flex: 3, minWidth: 220, valueFormatter: oneLine, ...TEXT_FILTER },
  { colId: 'goldAnswer', field: 'goldAnswer', headerName: 'Gold answer', width: 110, valueFormatter: oneLine, ...TEXT_FILTER },
  { colId: 'passRate', field: 'passRate', headerName: 'Pass rate', width: 96, valueFormatter: formatPassRate, ...NUMBER_FILTER },
  { colId: 'source', field: 'source', headerName: 'Source', width: 96, ...TEXT_FILTER },
  { colId: 'subject', field: 'subject', headerName: 'Subject', width: 138, ...TEXT_FILTER },
  { colId: 'level', field: 'level', headerName: 'Level', width: 78, ...NUMBER_FILTER },
];

export const DEFAULT_COL_DEF: ColDef<PromptRow> = { sortable: true, resizable: true, suppressHeaderMenuButton: true };
