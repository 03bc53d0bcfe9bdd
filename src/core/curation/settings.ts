// Workspace settings for curation. The annotator name stamps every label, note and history batch; until
// someone sets it, it is the OS user (os.userInfo().username).
import os from 'node:os';
import type { Settings } from '../../shared/curation';
import type { Db } from '../db/open';

const ANNOTATOR_KEY = 'annotator';

export function osUserName(): string {
  try {
    const name = os.userInfo().username.trim();
    if (name) return name;
  } catch {
    // No passwd entry (some containers): fall through to the environment.
  }
  return process.env.USER?.trim() || process.env.USERNAME?.trim() || 'annotator';
}

export function getSettings(db: Db): Settings {
  const stored = db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(ANNOTATOR_KEY) as
    string | undefined;
  return stored
    ? { annotator: stored, annotatorIsDefault: false }
    : { annotator: osUserName(), annotatorIsDefault: true };
}

/** null goes back to the OS user. */
export function setAnnotator(db: Db, annotator: string | null): Settings {
  const name = annotator?.trim();
  if (name)
    db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(ANNOTATOR_KEY, name);
  else db.prepare(`DELETE FROM settings WHERE key = ?`).run(ANNOTATOR_KEY);
  return getSettings(db);
}

/** The annotator of a write: the caller's, else the one from settings. */
export function resolveAnnotator(db: Db, override: string | undefined): string {
  return override?.trim() || getSettings(db).annotator;
}
