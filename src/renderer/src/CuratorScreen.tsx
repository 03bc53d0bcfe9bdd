// The main screen: facets and saved views | the prompt grid | the selected prompt.
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { Facets, PromptFilter, PromptRow, SortSpec, ViewState } from '../../shared/domain';
import { useServices } from './app-context';
import { useCuration } from './curation/curation-context';
import { CurationToolbar } from './curation/CurationToolbar';
import { filterTitle } from './curation/filter-title';
import { curationConditionCount } from './curation/label-filter';
import { LabelFilters } from './curation/LabelFilters';
import { DetailPane } from './detail/DetailPane';
import { activeFacetCount } from './facets/facet-selection';
import { FacetPanel } from './facets/FacetPanel';
import { combineFilter } from './grid/filter-mapping';
import type { ColumnConditions } from './grid/filter-mapping';
import { PromptGrid } from './grid/PromptGrid';
import type { PromptGridHandle } from './grid/PromptGrid';
import { SearchBox } from './shell/SearchBox';
import type { SearchBoxHandle } from './shell/SearchBox';
import { ReviewScreen } from './review/ReviewScreen';
import { verificationConditionCount } from './verification/verification-filter';
import { VerificationFilters } from './verification/VerificationFilters';
import { ContaminationFilters } from './contamination/ContaminationFilters';
import { contaminationConditionCount } from './contamination/contamination-filter';
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
  const [review, setReview] = useState<{ filter: PromptFilter; sort: SortSpec[]; title: string } | null>(null);
  const { defsById, picks } = useCuration();
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
    return {
      filter: combineFilter(baseFilter, view?.columns),
      sort: view?.sort ?? [],
      columnState: view?.columnState ?? [],
    };
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

  // Review walks a snapshot of the filter and sort: changing the grid meanwhile does not move the queue.
  const startReview = useCallback(() => {
    const view = currentView();
    const datasetNames = new Map((facets?.datasets ?? []).map((d) => [Number(d.value), d.label]));
    setReview({ filter: view.filter, sort: view.sort, title: filterTitle(view.filter, defsById, datasetNames) });
  }, [currentView, facets, defsById]);
  const exitReview = useCallback(() => setReview(null), []);

  const filtered =
    activeFacetCount(baseFilter) +
      curationConditionCount(baseFilter) +
      verificationConditionCount(baseFilter) +
      contaminationConditionCount(baseFilter) >
      0 ||
    baseFilter.search !== undefined ||
    columns !== undefined;
  return (
    <>
      {review && (
        <ReviewScreen filter={review.filter} sort={review.sort} filterTitle={review.title} onExit={exitReview} />
      )}
      <div className="curator" hidden={review !== null}>
        <aside className="sidebar">
          <FacetPanel facets={facets} filter={baseFilter} onChange={setBaseFilter} />
          <LabelFilters filter={baseFilter} onChange={setBaseFilter} />
          <VerificationFilters filter={baseFilter} onChange={setBaseFilter} dataVersion={dataVersion} />
          <ContaminationFilters filter={baseFilter} onChange={setBaseFilter} dataVersion={dataVersion} />
          <SavedViews currentState={currentView} onApply={applyView} />
        </aside>
        <section className="grid-area">
          <div className="grid-toolbar">
            <SearchBox ref={searchRef} value={baseFilter.search ?? ''} onSearch={setSearch} />
            <span className="row-count" data-testid="row-count" data-count={total ?? ''}>
              {total === null ? 'Loading…' : `${total.toLocaleString('en-US')} ${total === 1 ? 'prompt' : 'prompts'}`}
              {filtered && total !== null && (
                <span className="muted"> of {workspacePrompts.toLocaleString('en-US')}</span>
              )}
            </span>
            {total === 0 && <span className="muted">No prompts match.</span>}
            {filtered && (
              <button type="button" className="link-button" onClick={clearAll} data-testid="clear-filters">
                Clear filters
              </button>
            )}
            <CurationToolbar
              active={review === null}
              filter={filter}
              facets={facets}
              selectedIds={picks.ids}
              onReview={startReview}
            />
          </div>
          <PromptGrid
            ref={gridRef}
            baseFilter={baseFilter}
            dataVersion={dataVersion}
            onTotal={setTotal}
            onColumnsChange={setColumns}
            onSelect={setSelected}
          />
        </section>
        <DetailPane promptId={selected?.id ?? null} dataVersion={dataVersion} />
      </div>
    </>
  );
}
