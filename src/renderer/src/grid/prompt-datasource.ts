// AG Grid Infinite Row Model datasource over 'prompts.page': the grid asks for blocks of rows by
// offset/limit and never holds the whole table.
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { PromptFilter, PromptRow } from '../../../shared/domain';
import type { RpcError } from '../../../shared/errors';
import type { AppTransport } from '../transport/types';
import { combineFilter, filterModelToColumns, sortModelToSpecs } from './filter-mapping';

export interface DatasourceHooks {
  /** The facet and search part of the filter at request time (column filters come from the grid). */
  baseFilter(): PromptFilter;
  /** `columns` are the column conditions the page was asked for, to tell a stale answer from a current one. */
  onPage(total: number, columns: string): void;
  onError(error: RpcError): void;
  onLoadingChange(delta: 1 | -1): void;
}

export function createPromptDatasource(transport: AppTransport, hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params: IGetRowsParams<PromptRow>) {
      const columns = filterModelToColumns(params.filterModel as Record<string, unknown> | null);
      const filter = combineFilter(hooks.baseFilter(), columns);
      const sort = sortModelToSpecs(params.sortModel);
      hooks.onLoadingChange(1);
      void transport
        .call('prompts.page', { filter, sort, offset: params.startRow, limit: params.endRow - params.startRow })
        .then((result) => {
          if (!result.ok) {
            params.failCallback();
            hooks.onError(result.error);
            return;
          }
          // The total is exact, so the grid knows the last row and sizes the scrollbar from the start.
          params.successCallback(result.value.rows, result.value.total);
          hooks.onPage(result.value.total, JSON.stringify(columns ?? null));
        })
        .finally(() => hooks.onLoadingChange(-1));
    },
  };
}
