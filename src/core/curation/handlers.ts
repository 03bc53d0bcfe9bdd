// Contract handlers for curation (settings, taxonomy, labels, notes, gold answers, history, agreement);
// spread into the core's handler map (../handlers.ts). Every write emits data.changed so cached grid
// orders (which may depend on label filters) are dropped.
import type { PromptDetail } from '../../shared/domain';
import type { Db } from '../db/open';
import type { Handlers } from '../handlers';
import { itemHistory, listBatches, undoStatus } from '../history/queries';
import { undoOrRedo } from '../history/undo';
import { getPrompt } from '../prompts/queries';
import type { CoreState } from '../state';
import { agreementReport, annotatorSummaries } from './agreement';
import { readAnnotations } from './annotations';
import { bulkLabel, previewBulkLabel } from './bulk';
import { getSettings, resolveAnnotator, setAnnotator } from './settings';
import { archiveLabelDef, listLabelDefs, saveLabelDef } from './taxonomy';
import { goldCorrection, setGoldAnswer, setNote, toggleLabel } from './write';

export type CurationMethods =
  | 'settings.get'
  | 'settings.set'
  | 'labels.defs'
  | 'labels.saveDef'
  | 'labels.archiveDef'
  | 'labels.annotators'
  | 'labels.toggle'
  | 'labels.bulkPreview'
  | 'labels.bulk'
  | 'notes.set'
  | 'prompts.setGoldAnswer'
  | 'annotations.get'
  | 'history.forItem'
  | 'history.batches'
  | 'history.status'
  | 'history.undo'
  | 'history.redo'
  | 'agreement.report';

/** prompts.get with the curators' gold-answer correction beside the original. */
export function promptWithCorrection(db: Db, id: number): PromptDetail {
  return { ...getPrompt(db, id), goldCorrection: goldCorrection(db, id) };
}

export function curationHandlers(state: CoreState): Pick<Handlers, CurationMethods> {
  const { db } = state;
  const who = (annotator: string | undefined) => resolveAnnotator(db, annotator);
  const changed = <T>(value: T, scope: 'labels' | 'settings' = 'labels'): T => {
    state.emit('data.changed', { scope });
    return value;
  };
  return {
    'settings.get': () => getSettings(db),
    'settings.set': ({ annotator }) => changed(setAnnotator(db, annotator), 'settings'),

    'labels.defs': ({ includeArchived }) => listLabelDefs(db, includeArchived),
    'labels.saveDef': (input) => changed(saveLabelDef(db, input)),
    'labels.archiveDef': ({ id, archived }) => changed(archiveLabelDef(db, id, archived)),
    'labels.annotators': () => annotatorSummaries(db),

    'labels.toggle': ({ item, labelId, on, annotator }) => changed(toggleLabel(db, item, labelId, on, who(annotator))),
    'labels.bulkPreview': ({ annotator, ...request }) => previewBulkLabel(db, request, who(annotator)),
    'labels.bulk': ({ annotator, ...request }) => changed(bulkLabel(db, request, who(annotator))),
    'notes.set': ({ item, text, annotator }) => changed(setNote(db, item, text, who(annotator))),
    'prompts.setGoldAnswer': ({ promptId, goldAnswer, annotator }) => {
      setGoldAnswer(db, promptId, goldAnswer, who(annotator));
      return changed(promptWithCorrection(db, promptId));
    },
    'annotations.get': ({ target, ids }) => readAnnotations(db, target, ids),

    'history.forItem': ({ target, id, limit }) => itemHistory(db, target, id, limit),
    'history.batches': ({ annotator, limit }) => listBatches(db, annotator, limit),
    'history.status': ({ annotator }) => undoStatus(db, who(annotator)),
    'history.undo': ({ annotator }) => changed(undoOrRedo(db, who(annotator), 'undo')),
    'history.redo': ({ annotator }) => changed(undoOrRedo(db, who(annotator), 'redo')),

    'agreement.report': (input) => agreementReport(db, input),
  };
}
