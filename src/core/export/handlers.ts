// Contract handlers for exports; spread into the core's handler map (../handlers.ts).
import path from 'node:path';
import type { Handlers } from '../handlers';
import type { CoreState } from '../state';
import { diffExports, getExport, listExports } from './history';
import { EXPORT_JOB_KIND } from './job';
import { resolveExport } from './request';
import type { ExportJobParams } from './run-export';
import { previewExport } from './preview';
import { checkTargets } from './run-export';

export type ExportMethods = 'exports.preview' | 'exports.start' | 'exports.list' | 'exports.get' | 'exports.diff';

export function exportHandlers(state: CoreState): Pick<Handlers, ExportMethods> {
  const { db, jobs } = state;
  return {
    'exports.preview': (request) => previewExport(db, { ...request, outDir: request.outDir ?? '' }),
    'exports.start': (request) => {
      // Fail before a job exists on an unknown view or label, or files that would be overwritten.
      const outDir = path.resolve(request.outDir);
      checkTargets(resolveExport(db, request, outDir));
      const params: ExportJobParams = { request: { ...request, outDir }, appVersion: state.version };
      return { jobId: jobs.start(EXPORT_JOB_KIND, `Export ${request.format} to ${outDir}`, params).id };
    },
    'exports.list': ({ limit }) => listExports(db, limit),
    'exports.get': ({ id }) => getExport(db, id),
    'exports.diff': ({ fromId, toId, limit }) => diffExports(db, fromId, toId, limit),
  };
}
