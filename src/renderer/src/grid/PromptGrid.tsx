// The prompt grid: AG Grid's Infinite Row Model over 'prompts.page'. Sorting and column filters run on the
// server (SQLite); facets and search arrive as `baseFilter` from the side panel and the search box.
import type {
  CellFocusedEvent,
  ColumnState,
  FilterChangedEvent,
  GridApi,
  GridReadyEvent,
  SelectionChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { PromptFilter, PromptRow, SortSpec, ViewState } from '../../../shared/domain';
import { useServices } from '../app-context';
import { withCurationColumns } from '../curation/grid-columns';
import { DEFAULT_COL_DEF, PROMPT_COLUMN_DEFS } from './columns';
import { columnsToFilterModel, filterModelToColumns, sortModelToSpecs, specsToColumnSort } from './filter-mapping';
import type { ColumnConditions } from './filter-mapping';
import { gridTheme } from './grid-setup';
import { createPromptDatasource } from './prompt-datasource';

export interface PromptGridHandle {
  /** Moves the selection by `delta` rows (j/k and arrow keys outside the grid). */
  moveSelection(delta: number): void;
  /** Sort, column filters and column layout, for saving a view. */
  currentView(): { sort: SortSpec[]; columns: ColumnConditions | undefined; columnState: Record<string, unknown>[] };
  applyView(state: ViewState): void;
}

interface PromptGridProps {
  ref?: Ref<PromptGridHandle>;
  baseFilter: PromptFilter;
  /** Bumped when the data changed on the server: reload the visible blocks, keep the scroll position. */
  dataVersion: number;
  onTotal(total: number): void;
  onColumnsChange(columns: ColumnConditions | undefined): void;
  onSelect(row: PromptRow | null): void;
}

const BLOCK_SIZE = 100;
/** The prompt columns plus curation's tick and label columns (display only). */
const COLUMN_DEFS = withCurationColumns(PROMPT_COLUMN_DEFS);
const rowId = (p: { data: PromptRow }) => String(p.data.id);

export function PromptGrid({ ref, baseFilter, dataVersion, onTotal, onColumnsChange, onSelect }: PromptGridProps) {
  const services = useServices();
  const [api, setApi] = useState<GridApi<PromptRow> | null>(null);
  const apiRef = useRef<GridApi<PromptRow> | null>(null);
  // The facet/search filter whose rows the grid shows; ready only while that is the current one, so the
  // moment a filter changes the grid reads as loading (scripts and tests wait on data-grid-ready).
  const [readyKey, setReadyKey] = useState<string | null>(null);
  const [loading, setLoading] = useState(0);
  const filterKey = JSON.stringify(baseFilter);
  const liveFilterKey = useRef(filterKey);
  const callbacks = useRef({ onTotal, onColumnsChange, onSelect });

  useEffect(() => {
    callbacks.current = { onTotal, onColumnsChange, onSelect };
  }, [onTotal, onColumnsChange, onSelect]);
  useEffect(() => {
    liveFilterKey.current = filterKey;
  }, [filterKey]);

  // A new datasource per facet/search filter: the grid starts again from the top with the new rows.
  useEffect(() => {
    if (!api) return;
    const filter = JSON.parse(filterKey) as PromptFilter;
    const datasource = createPromptDatasource(services.transport, {
      baseFilter: () => filter,
      onPage: (total, columns) => {
        // A slow answer for a filter the user already left must not overwrite the current count.
        if (liveFilterKey.current !== filterKey) return;
        if (columns !== JSON.stringify(filterModelToColumns(api.getFilterModel() as Record<string, unknown>) ?? null))
          return;
        setReadyKey(filterKey);
        callbacks.current.onTotal(total);
      },
      onError: services.reportError,
      onLoadingChange: (delta) => setLoading((n) => Math.max(0, n + delta)),
    });
    api.setGridOption('datasource', datasource);
  }, [api, filterKey, services]);

  const firstVersion = useRef(dataVersion);
  useEffect(() => {
    if (dataVersion !== firstVersion.current) apiRef.current?.refreshInfiniteCache();
  }, [dataVersion]);

  const selectIndex = useCallback((index: number) => {
    const api = apiRef.current;
    if (!api) return;
    const count = api.getDisplayedRowCount();
    if (count === 0) return;
    const target = Math.min(count - 1, Math.max(0, index));
    api.ensureIndexVisible(target);
    api.setFocusedCell(target, 'question');
    const node = api.getDisplayedRowAtIndex(target);
    if (node?.data) node.setSelected(true, true);
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      moveSelection(delta) {
        const api = apiRef.current;
        if (!api) return;
        const selected = api.getSelectedNodes()[0];
        const from = selected?.rowIndex ?? api.getFocusedCell()?.rowIndex ?? -1;
        selectIndex(from < 0 ? 0 : from + delta);
      },
      currentView() {
        const api = apiRef.current;
        const columnState = (api?.getColumnState() ?? []) as ColumnState[];
        const sorted = columnState.filter((c) => c.sort).sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
        return {
          sort: sortModelToSpecs(sorted.map((c) => ({ colId: c.colId, sort: c.sort }))),
          columns: filterModelToColumns(api?.getFilterModel() as Record<string, unknown> | undefined),
          columnState: columnState.map((c) => ({ ...c }) as Record<string, unknown>),
        };
      },
      applyView(state) {
        const api = apiRef.current;
        if (!api) return;
        if (state.columnState)
          api.applyColumnState({
            state: state.columnState as unknown as ColumnState[],
            applyOrder: true,
            defaultState: { sort: null },
          });
        else api.applyColumnState({ state: specsToColumnSort(state.sort), defaultState: { sort: null } });
        api.setFilterModel(state.filter.columns ? columnsToFilterModel(state.filter.columns) : null);
      },
    }),
    [selectIndex],
  );

  const handleGridReady = useCallback((e: GridReadyEvent<PromptRow>) => {
    apiRef.current = e.api;
    setApi(e.api);
  }, []);
  const handleSelection = useCallback((e: SelectionChangedEvent<PromptRow>) => {
    callbacks.current.onSelect(e.api.getSelectedRows()[0] ?? null);
  }, []);
  const handleFilterChanged = useCallback((e: FilterChangedEvent<PromptRow>) => {
    callbacks.current.onColumnsChange(filterModelToColumns(e.api.getFilterModel() as Record<string, unknown>));
  }, []);
  // Arrow keys inside the grid move the focused cell; the selection (and the detail pane) follows it.
  const handleCellFocused = useCallback((e: CellFocusedEvent<PromptRow>) => {
    if (e.rowIndex === null || e.rowPinned) return;
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
    if (node?.data && !node.isSelected()) node.setSelected(true, true);
  }, []);

  return (
    <div
      className="prompt-grid"
      data-testid="prompt-grid"
      data-grid-ready={readyKey === filterKey ? 'true' : 'false'}
      data-loading={loading > 0 ? 'true' : 'false'}
    >
      <AgGridReact<PromptRow>
        theme={gridTheme}
        rowModelType="infinite"
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={50}
        blockLoadDebounceMillis={50}
        columnDefs={COLUMN_DEFS}
        defaultColDef={DEFAULT_COL_DEF}
        getRowId={rowId}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        multiSortKey="ctrl"
        // Nine columns are cheap to keep rendered; virtualising them would hide headers off to the right.
        suppressColumnVirtualisation
        onGridReady={handleGridReady}
        onSelectionChanged={handleSelection}
        onFilterChanged={handleFilterChanged}
        onCellFocused={handleCellFocused}
      />
    </div>
  );
}
