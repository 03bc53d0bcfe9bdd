// What every curation component needs: the annotator (settings) and the label taxonomy, loaded once and
// kept current through data.changed events, plus the store behind the grid's label chips.
import './curation.css';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { LabelDef, Settings } from '../../../shared/curation';
import { callOrReport, useServices } from '../app-context';
import { createAnnotationStore } from './annotation-store';
import type { AnnotationStore } from './annotation-store';
import { createPickStore } from './pick-store';
import type { PickStore } from './pick-store';

export interface Curation {
  settings: Settings | null;
  /** Every label, archived ones included (history and chips still name them); pickers filter them out. */
  defs: LabelDef[];
  defsById: ReadonlyMap<number, LabelDef>;
  annotations: AnnotationStore;
  /** Prompts ticked in the grid for a bulk edit. */
  picks: PickStore;
}

const CurationContext = createContext<Curation | null>(null);

export function useCuration(): Curation {
  const curation = useContext(CurationContext);
  if (!curation) throw new Error('useCuration() outside <CurationProvider>');
  return curation;
}

export function CurationProvider({ children }: { children: ReactNode }) {
  const services = useServices();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [defs, setDefs] = useState<LabelDef[]>([]);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [labelsVersion, setLabelsVersion] = useState(0);
  const annotations = useMemo(() => createAnnotationStore(services.transport, services.reportError), [services]);
  const [picks] = useState(createPickStore);

  useEffect(
    () =>
      services.transport.on('data.changed', ({ scope }) => {
        if (scope === 'settings') setSettingsVersion((v) => v + 1);
        // Labels change with every write; prompts with imports and deletions (chips of deleted prompts go).
        if (scope === 'labels' || scope === 'prompts' || scope === 'datasets') {
          setLabelsVersion((v) => v + 1);
          annotations.invalidate();
        }
      }),
    [services, annotations],
  );

  useEffect(() => {
    let current = true;
    void callOrReport(services, 'settings.get', {}).then((value) => current && value && setSettings(value));
    return () => {
      current = false;
    };
  }, [services, settingsVersion]);

  useEffect(() => {
    let current = true;
    void callOrReport(services, 'labels.defs', { includeArchived: true }).then(
      (value) => current && value && setDefs(value),
    );
    return () => {
      current = false;
    };
  }, [services, labelsVersion]);

  const value = useMemo<Curation>(
    () => ({ settings, defs, defsById: new Map(defs.map((d) => [d.id, d])), annotations, picks }),
    [settings, defs, annotations, picks],
  );
  return <CurationContext.Provider value={value}>{children}</CurationContext.Provider>;
}
