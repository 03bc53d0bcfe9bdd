// Saved views: a named filter + sort + column layout, stored in the workspace ('views.*').
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { SavedView, ViewState } from '../../../shared/domain';
import { callOrReport, useServices } from '../app-context';

interface SavedViewsProps {
  currentState(): ViewState;
  onApply(state: ViewState): void;
}

export function SavedViews({ currentState, onApply }: SavedViewsProps) {
  const services = useServices();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    let current = true;
    void callOrReport(services, 'views.list', {}).then((list) => {
      if (current && list) setViews(list);
    });
    return () => {
      current = false;
    };
  }, [services, version]);

  useEffect(
    () =>
      services.transport.on('data.changed', ({ scope }) => {
        if (scope === 'views') setVersion((v) => v + 1);
      }),
    [services],
  );

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const saved = await callOrReport(services, 'views.save', { name: trimmed, state: currentState() });
    if (saved) {
      setName('');
      reload();
    }
  };

  const remove = async (view: SavedView) => {
    if ((await callOrReport(services, 'views.delete', { id: view.id })) !== undefined) reload();
  };

  return (
    <section className="saved-views" data-testid="saved-views">
      <h3>Saved views</h3>
      {views.length === 0 && <p className="muted small">No saved views yet.</p>}
      <ul>
        {views.map((view) => (
          <li key={view.id} className="saved-view">
            <button
              type="button"
              className="saved-view__apply"
              onClick={() => onApply(view.state)}
              title={`Apply “${view.name}”`}
            >
              {view.name}
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete view ${view.name}`}
              onClick={() => void remove(view)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="saved-views__form" onSubmit={(e) => void save(e)}>
        <input
          type="text"
          value={name}
          maxLength={200}
          placeholder="View name"
          aria-label="New view name"
          data-testid="view-name"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={!name.trim()} data-testid="view-save">
          Save
        </button>
      </form>
    </section>
  );
}
