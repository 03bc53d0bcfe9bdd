// The main screen: facets and saved views | the prompt grid | the selected prompt.
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { Facets, PromptFilter, PromptRow, ViewState } from '../../shared/domain';
import { useServices } from './app-context';
import { DetailPane } from './detail/DetailPane';
import { activeFacetCount } from './facets/facet-selection';
import { FacetPanel } from './facets/FacetPanel';
import { combineFilter } from './grid/filter-mapping';
import type { ColumnConditions } from './grid/filter-mapping';
import { PromptGrid } from './grid/PromptGrid';
import type { PromptGridHandle } from './grid/PromptGrid';
import { SearchBox } from './shell/SearchBox';
import type { SearchBoxHandle } from './shell/SearchBox';
import { SavedViews } from './views/SavedViews';

interface CuratorScreenProps {
  dataVersion: number;
  workspacePrompts: number;
  gridRef: RefObject<PromptGridHandle | null>;
  searchRef: RefObject<SearchBoxHandle | null>;
}

export function CuratorScreen({ dataVersion, workspacePrompts, gridRef, searchRef }: CuratorScreenProps) {
  const services = useServices();
  const [baseFilter, setBaseFilter] = useState<PromptFilter>({});
  const [columns, setColumns] = useState<ColumnConditions | undefined>(undefined);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<PromptRow | null>(null);
  const filter = combineFilter(baseFilter, columns);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    void services.transport.call('prompts.facets', { filter: JSON.parse(filterKey) as PromptFilter }).then((result) => {
      if (!current) return;
      if (result.ok) setFacets(result.value);
      else services.reportError(result.error);
    });
    return () => {
      current = false;
    };
  }, [filterKey, dataVersion, services]);

  const setSearch = useCallback((text: string) => {
    setBaseFilter((prev) => {
      const { search: _old, ...rest } = prev;
      return text.trim() ? { ...rest, search: text } : rest;
    });
  }, []);

  const currentView = useCallback((): ViewState => {
    const view = gridRef.current?.currentView();
    return { filter: combineFilter(baseFilter, view?.columns), sort: view?.sort ?? [], columnState: view?.columnState ?? [] };
  }, [baseFilter, gridRef]);

  const applyView = useCallback(
    (state: ViewState) => {
      const { columns: viewColumns, ...rest } = state.filter;
      setBaseFilter(rest);
      setColumns(viewColumns);
      gridRef.current?.applyView(state);
    },
    [gridRef],
  );

  const clearAll = () => {
    setBaseFilter({});
    gridRef.current?.applyView({ filter: {}, sort: gridRef.current.currentView().sort });
  };

  const filtered = activeFacetCount(baseFilter) > 0 || baseFilter.search !== undefined || columns !== undefined;
  return (
    <div className="curator">
      <aside className="sidebar">
        <FacetPanel facets={facets} filter={baseFilter} onChange={setBaseFilter} />
        <SavedViews currentState={currentView} onApply={applyView} />
      </aside>
      <section className="grid-area">
        <div className="grid-toolbar">
          <SearchBox ref={searchRef} value={baseFilter.search ?? ''} onSearch={setSearch} />
          <span className="row-count" data-testid="row-count" data-count={total ?? ''}>
            {total === null ? 'Loading…' : `${total.toLocaleString('en-US')} ${total === 1 ? 'prompt' : 'prompts'}`}
            {filtered && total !== null && <span className="muted"> of {workspacePrompts.toLocaleString('en-US')}</span>}
          </span>
          {total === 0 && <span className="muted">No prompts match.</span>}
          {filtered && (
            <button type="button" className="link-button" onClick={clearAll} data-testid="clear-filters">
              Clear filters
            </button>
          )}
        </div>
        <PromptGrid ref={gridRef} baseFilter={baseFilter} dataVersion={dataVersion} onTotal={setTotal} onColumnsChange={setColumns} onSelect={setSelected} />
      </section>
      <DetailPane promptId={selected?.id ?? null} dataVersion={dataVersion} />
    </div>
  );
}
