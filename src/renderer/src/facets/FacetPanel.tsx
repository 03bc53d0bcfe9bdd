// Facet counts for the current filter. Each dimension's counts ignore its own selection (the server
// does that), so picking "Geometry" still shows how many Algebra prompts there are.
import { useState } from 'react';
import type { Facets, FacetValue, PromptFilter } from '../../../shared/domain';
import { FACET_DIMENSIONS, clearFacet, isFacetSelected, isSelectable, toggleFacetValue } from './facet-selection';
import type { FacetDimension } from './facet-selection';

interface FacetPanelProps {
  facets: Facets | null;
  filter: PromptFilter;
  onChange(filter: PromptFilter): void;
}

/** Long value lists (hundreds of sources) stay short until asked. */
const COLLAPSED_COUNT = 10;

const BUCKET_LABELS: Record<string, string> = {
  unknown: 'Unknown',
  '0': '0%',
  '(0,0.25)': '0 – 25%',
  '[0.25,0.5)': '25 – 50%',
  '[0.5,0.75)': '50 – 75%',
  '[0.75,1)': '75 – 100%',
  '1': '100%',
};

export function FacetPanel({ facets, filter, onChange }: FacetPanelProps) {
  if (!facets) return <div className="facet-panel facet-panel--loading">Loading facets…</div>;
  return (
    <div className="facet-panel" data-testid="facet-panel">
      {FACET_DIMENSIONS.map(({ dimension, title }) =>
        facets[dimension].length === 0 ? null : (
          <FacetSection
            key={dimension}
            dimension={dimension}
            title={title}
            values={facets[dimension]}
            filter={filter}
            onChange={onChange}
          />
        ),
      )}
    </div>
  );
}

interface FacetSectionProps {
  dimension: FacetDimension;
  title: string;
  values: FacetValue[];
  filter: PromptFilter;
  onChange(filter: PromptFilter): void;
}

function FacetSection({ dimension, title, values, filter, onChange }: FacetSectionProps) {
  const [expanded, setExpanded] = useState(false);
  const anySelected = values.some((v) => isFacetSelected(filter, dimension, v.value));
  const shown = expanded
    ? values
    : values.filter((v, i) => i < COLLAPSED_COUNT || isFacetSelected(filter, dimension, v.value));
  return (
    <section className="facet" data-testid={`facet-${dimension}`}>
      <header className="facet__header">
        <h3>{title}</h3>
        {anySelected && (
          <button type="button" className="link-button" onClick={() => onChange(clearFacet(filter, dimension))}>
            clear
          </button>
        )}
      </header>
      <ul className="facet__values">
        {shown.map((value) => {
          const selectable = isSelectable(dimension, value.value);
          const text =
            dimension === 'passRateBuckets' ? (BUCKET_LABELS[String(value.value)] ?? value.label) : value.label;
          return (
            <li key={String(value.value)}>
              <label
                className={selectable ? 'facet__value' : 'facet__value facet__value--disabled'}
                title={
                  selectable ? text : 'Prompts without a value cannot be picked here; use the column filter "Blank".'
                }
              >
                <input
                  type="checkbox"
                  checked={isFacetSelected(filter, dimension, value.value)}
                  disabled={!selectable}
                  onChange={() => onChange(toggleFacetValue(filter, dimension, value.value))}
                />
                <span className="facet__label">{text}</span>
                <span className="facet__count">{value.count.toLocaleString('en-US')}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {values.length > COLLAPSED_COUNT && (
        <button type="button" className="link-button facet__more" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      )}
    </section>
  );
}
