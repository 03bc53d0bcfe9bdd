// The application shell: services (transport + error banner), workspace state, dialogs and shortcuts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import type { WorkspaceStats } from '../../shared/domain';
import type { RpcError } from '../../shared/errors';
import { AppContext, callOrReport, useServices } from './app-context';
import { CuratorScreen } from './CuratorScreen';
import { CurationProvider } from './curation/curation-context';
import { CurationMenu } from './curation/CurationMenu';
import type { PromptGridHandle } from './grid/PromptGrid';
import { ImportWizard } from './import/ImportWizard';
import { progressFraction } from './jobs/format-progress';
import { PromptPage } from './prompt-page/PromptPage';
import { useHashRoute } from './prompt-page/route';
import { isFinished, useJob } from './jobs/use-job';
import { EmptyState } from './shell/EmptyState';
import { ErrorBanner } from './shell/ErrorBanner';
import type { ShownError } from './shell/ErrorBanner';
import { HelpOverlay } from './shell/HelpOverlay';
import type { SearchBoxHandle } from './shell/SearchBox';
import { useShortcuts } from './shell/use-shortcuts';
import type { AppTransport } from './transport/types';
import { VerifyMenu } from './verification/VerifyMenu';
import { ContaminationMenu } from './contamination/ContaminationMenu';

const DEMO_PROMPTS = 2000;
const MAX_SHOWN_ERRORS = 4;

export function App({ transport }: { transport: AppTransport }) {
  const [errors, setErrors] = useState<ShownError[]>([]);
  const nextErrorId = useRef(1);
  const reportError = useCallback((error: RpcError) => {
    const id = nextErrorId.current++;
    setErrors((prev) => [...prev.slice(-(MAX_SHOWN_ERRORS - 1)), { id, error }]);
  }, []);
  const services = useMemo(() => ({ transport, reportError }), [transport, reportError]);
  return (
    <AppContext.Provider value={services}>
      <ErrorBanner errors={errors} onDismiss={(id) => setErrors((prev) => prev.filter((e) => e.id !== id))} />
      <CurationProvider>
        <Shell />
      </CurationProvider>
    </AppContext.Provider>
  );
}

function Shell() {
  const services = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [stats, setStats] = useState<WorkspaceStats | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [wizard, setWizard] = useState<{ open: boolean; jobId: number | null }>({ open: false, jobId: null });
  const [helpOpen, setHelpOpen] = useState(false);
  const [demoJobId, setDemoJobId] = useState<number | null>(null);
  const bumpData = useCallback(() => setDataVersion((v) => v + 1), []);
  // The server also sends data.changed when a job is done; refreshing on the job's end as well keeps
  // the screen right even if that event was missed (e.g. the event stream reconnected).
  const demoJob = useJob(demoJobId, bumpData);
  const importJob = useJob(wizard.jobId, bumpData);
  const gridRef = useRef<PromptGridHandle | null>(null);
  const searchRef = useRef<SearchBoxHandle | null>(null);
  // The prompt page (#/prompt/…) covers the main screen, which stays mounted to keep the grid's state.
  const [pageRoute, navigate] = useHashRoute();

  useEffect(() => {
    void callOrReport(services, 'app.info', {}).then((value) => value && setInfo(value));
    return services.transport.on('data.changed', ({ scope }) => {
      if (scope !== 'views') bumpData();
    });
  }, [services, bumpData]);

  useEffect(() => {
    void callOrReport(services, 'stats.get', {}).then((value) => value && setStats(value));
  }, [services, dataVersion]);

  const demoFinished = isFinished(demoJob);

  const loadDemo = async () => {
    const started = await callOrReport(services, 'demo.load', { prompts: DEMO_PROMPTS });
    if (started) setDemoJobId(started.jobId);
  };
  const cancelDemo = () => {
    if (demoJobId !== null) void callOrReport(services, 'jobs.cancel', { id: demoJobId });
  };

  const openImport = useCallback(() => setWizard((w) => ({ ...w, open: true })), []);
  const closeImport = useCallback(
    () => setWizard((w) => ({ open: false, jobId: isFinished(importJob) ? null : w.jobId })),
    [importJob],
  );
  const onJobStarted = useCallback((jobId: number) => setWizard({ open: true, jobId }), []);
  const onReset = useCallback(() => setWizard({ open: true, jobId: null }), []);

  const dialogOpen = wizard.open || helpOpen;
  useShortcuts({
    enabled: !dialogOpen && pageRoute === null,
    focusSearch: () => searchRef.current?.focus(),
    move: (delta) => gridRef.current?.moveSelection(delta),
    toggleHelp: () => setHelpOpen((open) => !open),
  });

  const empty = stats !== null && stats.prompts === 0;
  const importRunning = wizard.jobId !== null && !isFinished(importJob);
  const importFraction = progressFraction(importJob?.progress);
  return (
    <div className="app" data-testid="app" data-app-state={stats === null ? 'loading' : empty ? 'empty' : 'ready'}>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="logo" aria-hidden="true">
            ∑
          </span>
          <h1>RL Curator</h1>
          {info && (
            <span className="topbar__workspace muted small" title={info.dbPath}>
              {info.dbPath.split(/[\\/]/).pop()}
            </span>
          )}
        </div>
        <div className="topbar__actions">
          {importRunning && !wizard.open && (
            <button type="button" className="button button--ghost" onClick={openImport} data-testid="import-running">
              Importing… {importFraction === null ? '' : `${Math.floor(importFraction * 100)}%`}
            </button>
          )}
          <CurationMenu />
          <VerifyMenu />
          <ContaminationMenu />
          <button type="button" className="button" onClick={openImport} data-testid="import-button">
            Import…
          </button>
          <button
            type="button"
            className="icon-button icon-button--round"
            aria-label="Keyboard shortcuts"
            onClick={() => setHelpOpen(true)}
            data-testid="help-button"
          >
            ?
          </button>
        </div>
      </header>

      {stats === null ? (
        <div className="loading-screen muted">Opening workspace…</div>
      ) : empty && pageRoute === null ? (
        <EmptyState
          demoJob={demoJob}
          demoRunning={demoJobId !== null && !demoFinished}
          onImport={openImport}
          onLoadDemo={() => void loadDemo()}
          onCancelDemo={cancelDemo}
        />
      ) : (
        <div className="screen" hidden={pageRoute !== null}>
          <CuratorScreen
            dataVersion={dataVersion}
            workspacePrompts={stats.prompts}
            gridRef={gridRef}
            searchRef={searchRef}
          />
        </div>
      )}
      {pageRoute && stats !== null && <PromptPage route={pageRoute} onNavigate={navigate} dataVersion={dataVersion} />}

      {wizard.open && (
        <ImportWizard
          job={importJob}
          jobId={wizard.jobId}
          onJobStarted={onJobStarted}
          onReset={onReset}
          onClose={closeImport}
        />
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
