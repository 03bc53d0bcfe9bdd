// One handler per contract method. Inputs arrive validated; outputs are checked by the contract test.
import { CONTRACT_VERSION } from '../shared/contract';
import type { Method, Output, ParsedInput } from '../shared/contract';
import { CuratorError } from '../shared/errors';
import { deleteDataset, listDatasets, refuseReimport, renameDataset } from './datasets';
import { fingerprintFile } from './io/fingerprint';
import type { CoreState } from './state';
import { previewPromptFile } from './import/prompt-import-job';
import type { PromptImportParams } from './import/prompt-import-job';
import { pagePrompts, promptFacets } from './prompts/queries';
import { deleteView, listViews, saveView } from './views';
import { workspaceStats } from './workspace';
import { rolloutHandlers } from './rollouts/handlers';
import { rolloutWorkspaceStats } from './rollouts/queries/runs';
import { curationHandlers, promptWithCorrection } from './curation/handlers';
import { exportHandlers } from './export/handlers';
import { verificationHandlers } from './verification/handlers';
import { contaminationHandlers } from './contamination/handlers';
import path from 'node:path';

export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

export function createHandlers(state: CoreState): Handlers {
  const { db, jobs } = state;
  return {
    'app.info': () => ({
      name: 'RL Curator',
      version: state.version,
      workspaceId: state.workspaceId,
      dbPath: state.dbPath,
      schemaVersion: state.schemaVersion,
      contractVersion: CONTRACT_VERSION,
      host: state.host,
    }),
    'stats.get': () => ({
      ...workspaceStats(db, state.dbPath, state.workspaceId, state.schemaVersion),
      rollouts: rolloutWorkspaceStats(db),
    }),

    'datasets.list': () => listDatasets(db),
    'datasets.rename': ({ id, name }) => {
      const dataset = renameDataset(db, id, name);
      state.emit('data.changed', { scope: 'datasets' });
      return dataset;
    },
    'datasets.delete': ({ id }) => {
      const deletedPrompts = deleteDataset(db, id);
      state.emit('data.changed', { scope: 'datasets' });
      return { deletedPrompts };
    },

    'import.preview': ({ path: file, format, mapping }) => previewPromptFile(file, format, mapping),
    'import.prompts': async (input) => {
      // Preview first: it detects the format and mapping and fails fast on an unreadable file.
      const preview = await previewPromptFile(input.path, input.format, input.mapping);
      const mapping = input.mapping ?? preview.mapping;
      if (!mapping.question) {
        throw new CuratorError(
          'MISSING_FIELD',
          `${preview.fileName}: no question column found ` +
            `(columns: ${preview.columns.join(', ') || 'none'}). Map one of them to "question".`,
          {
            file: preview.path,
            field: 'question',
          },
        );
      }
      const source = await fingerprintFile(preview.path);
      if (!input.again) refuseReimport(db, preview.fileName, source);
      const params: PromptImportParams = {
        path: preview.path,
        format: preview.format,
        mapping,
        datasetName: input.datasetName ?? preview.suggestedName,
        onBadRecord: input.onBadRecord,
        source,
      };
      const job = jobs.start('import.prompts', `Import ${path.basename(preview.path)}`, params);
      return { jobId: job.id };
    },

    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.list': ({ limit }) => jobs.list(limit),
    'jobs.cancel': ({ id }) => jobs.cancel(id),

    'prompts.page': ({ filter, sort, offset, limit }) => pagePrompts(db, state.queryCache, filter, sort, offset, limit),
    'prompts.facets': ({ filter }) => promptFacets(db, state.queryCache, filter),
    'prompts.get': ({ id }) => promptWithCorrection(db, id),

    'views.list': () => listViews(db),
    'views.save': ({ name, state: viewState }) => {
      const view = saveView(db, name, viewState);
      state.emit('data.changed', { scope: 'views' });
      return view;
    },
    'views.delete': ({ id }) => {
      const deleted = deleteView(db, id);
      state.emit('data.changed', { scope: 'views' });
      return { deleted };
    },

    ...rolloutHandlers(state),
    ...curationHandlers(state),
    ...exportHandlers(state),
    ...verificationHandlers(state),
    ...contaminationHandlers(state),

    'demo.load': ({ prompts, seed }) => ({ jobId: jobs.start('demo', 'Load demo data', { prompts, seed }).id }),
  };
}
