// Forward-only numbered migrations from db/migrations, bundled as text at build time (no disk reads at
// run time), applied in one transaction and tracked with PRAGMA user_version.
import type Database from 'better-sqlite3';
import { CuratorError } from '../../shared/errors';

const files = import.meta.glob('../../../db/migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = parseMigrations(files);
export const SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;

export function parseMigrations(sources: Record<string, string>): Migration[] {
  const list = Object.entries(sources).map(([file, sql]) => {
    const base = file.split('/').pop() ?? file;
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(base);
    if (!match) throw new Error(`migrate: bad migration file name ${base} (want NNNN_name.sql)`);
    return { version: Number(match[1]), name: match[2] as string, sql };
  });
  list.sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `migrate: migrations must be numbered 0001, 0002, … without gaps; found ${m.version} at position ${i + 1}`,
      );
  });
  return list;
}

export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length === 0 ? 0 : (migrations[migrations.length - 1] as Migration).version;
  if (current > latest) {
    throw new CuratorError(
      'DB_TOO_NEW',
      `This workspace was written by a newer RL Curator ` +
        `(schema ${current}; this version knows up to ${latest}). Update the app to open it.`,
      { current, latest },
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return latest;
}

/** The schema as SQLite reports it, normalised for the snapshot in db/schema.sql. */
export function dumpSchema(db: Database.Database): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
       WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'
       ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  const version = db.pragma('user_version', { simple: true }) as number;
  return (
    `-- Generated from db/migrations by \`npm run schema:snapshot\`; a test compares it ` +
    `with the migrated schema.\n-- user_version = ${version}\n\n${rows.map((r) => `${r.sql.trim()};`).join('\n\n')}\n`
  );
}
