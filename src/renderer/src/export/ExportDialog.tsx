// Export…: the form with live counts, then a job with a progress bar and Cancel, then the manifest
// summary. A second tab lists earlier exports and compares two of them.
import './export.css';
import { useEffect, useState } from 'react';
import type { ExportCounts, ExportDetail } from '../../../shared/exports';
import type { PromptFilter, SavedView } from '../../../shared/domain';
import { callOrReport, useServices } from '../app-context';
import { useCuration } from '../curation/curation-context';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished, useJob } from '../jobs/use-job';
import { Dialog } from '../shell/Dialog';
import { buildExportRequest, defaultExportForm, previewInput } from './export-form';
import type { ExportForm } from './export-form';
import { ExportCountsView } from './ExportCountsView';
import { ExportFormView } from './ExportFormView';
import { ExportHistory } from './ExportHistory';
import { defaultExportDir, jobExportId } from './export-summary';
import { ManifestSummary } from './ManifestSummary';

const PREVIEW_DELAY_MS = 300;

interface ExportDialogProps {
  filter: PromptFilter;
  filterTitle: string;
  onClose(): void;
}

export function ExportDialog({ filter, filterTitle, onClose }: ExportDialogProps) {
  const services = useServices();
  const { defs } = useCuration();
  const [tab, setTab] = useState<'new' | 'history'>('new');
  const [form, setForm] = useState<ExportForm>(defaultExportForm());
  const [views, setViews] = useState<SavedView[]>([]);
  const [preview, setPreview] = useState<{ key: string; counts: ExportCounts } | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [detail, setDetail] = useState<ExportDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useJob(jobId);
  const running = jobId !== null && !isFinished(job);

  useEffect(() => {
    void callOrReport(services, 'views.list', {}).then((list) => list && setViews(list));
    void callOrReport(services, 'app.info', {}).then(
      (info) => info && setForm((f) => (f.outDir ? f : { ...f, outDir: defaultExportDir(info.dbPath) })),
    );
  }, [services]);

  const built = buildExportRequest(form, filter, 'preview');
  const previewKey = built.ok ? JSON.stringify(previewInput({ ...built.request, outDir: '' })) : null;
  useEffect(() => {
    if (!previewKey) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void callOrReport(services, 'exports.preview', JSON.parse(previewKey) as ReturnType<typeof previewInput>).then(
        (counts) => current && counts && setPreview({ key: previewKey, counts }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [previewKey, services]);

  const exportId = jobExportId(job);
  useEffect(() => {
    if (exportId === null) return;
    void callOrReport(services, 'exports.get', { id: exportId }).then((value) => value && setDetail(value));
  }, [exportId, services]);

  const startBuilt = buildExportRequest(form, filter, 'start');
  const start = async () => {
    if (!startBuilt.ok) return;
    setBusy(true);
    setDetail(null);
    const started = await callOrReport(services, 'exports.start', startBuilt.request);
    setBusy(false);
    if (started) setJobId(started.jobId);
  };
  const errors = built.ok ? (startBuilt.ok ? {} : startBuilt.errors) : built.errors;
  const counts = preview?.key === previewKey ? preview.counts : null;
  const labels = defs.filter((d) => !d.archived);

  return (
    <Dialog title="Export" onClose={onClose} testId="export-dialog" wide>
      <div className="taxonomy__tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'new'}
          className={tab === 'new' ? 'tab tab--active' : 'tab'}
          onClick={() => setTab('new')}
        >
          New export
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'history'}
          className={tab === 'history' ? 'tab tab--active' : 'tab'}
          onClick={() => setTab('history')}
          data-testid="export-tab-history"
        >
          Earlier exports
        </button>
      </div>
      {tab === 'history' ? (
        <ExportHistory />
      ) : detail ? (
        <>
          <ManifestSummary detail={detail} />
          <div className="dialog__footer">
            <button
              type="button"
              className="button"
              onClick={() => {
                setJobId(null);
                setDetail(null);
              }}
              data-testid="export-again"
            >
              Another export
            </button>
            <button type="button" className="button button--primary" onClick={onClose} data-testid="export-close">
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <ExportFormView
            form={form}
            errors={jobId === null ? errors : {}}
            views={views}
            labels={labels}
            filterTitle={filterTitle}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          />
          <div className="export-dialog__dock">
            <div
              className="export-dialog__preview"
              data-testid="export-preview"
              data-state={counts ? 'ready' : 'loading'}
            >
              {counts ? (
                <ExportCountsView counts={counts} />
              ) : (
                <p className="muted small">
                  {built.ok ? 'Counting…' : 'Fix the fields marked above to see the counts.'}
                </p>
              )}
            </div>
            {jobId !== null && (
              <>
                <JobProgressBar
                  job={job}
                  onCancel={running ? () => void callOrReport(services, 'jobs.cancel', { id: jobId }) : undefined}
                  testId="export-progress"
                />
                {job?.status === 'failed' && (
                  <p className="notice notice--error">The export failed: {job.error?.message}</p>
                )}
                {job?.status === 'cancelled' && (
                  <p className="notice notice--warn" data-testid="export-cancelled">
                    Cancelled: no files were left behind.
                  </p>
                )}
              </>
            )}
            <div className="dialog__footer">
              <button type="button" className="button" onClick={onClose}>
                {running ? 'Close (the export goes on)' : 'Cancel'}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={!startBuilt.ok || busy || running || counts?.exported === 0}
                onClick={() => void start()}
                data-testid="export-start"
              >
                Export {counts ? `${counts.exported.toLocaleString('en-US')} rows` : ''}
              </button>
            </div>
          </div>
        </>
      )}
    </Dialog>
  );
}
