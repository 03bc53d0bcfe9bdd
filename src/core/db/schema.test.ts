// db/schema.sql is a reviewed snapshot of what the migrations produce; a schema change shows up in review.
// Regenerate with `npm run schema:snapshot` after adding a migration.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { CuratorError } from '../../shared/errors';
import { dumpSchema, migrate, MIGRATIONS, parseMigrations, SCHEMA_VERSION } from './migrate';
import { openDatabase } from './open';

const SNAPSHOT = path.resolve(__dirname, '../../../db/schema.sql');

describe('migrations', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('produce exactly the schema in db/schema.sql', () => {
    const db = openDatabase(path.join(tmp.dir, 'ws.db'));
    const schema = dumpSchema(db);
    db.close();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, schema);
    expect(schema).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('are numbered without gaps and tracked in user_version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = openDatabase(path.join(tmp.dir, 'ws.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Re-opening applies nothing twice.
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('reject bad file names and gaps', () => {
    expect(() => parseMigrations({ 'x/0001_init.sql': '', 'x/0003_late.sql': '' })).toThrow(/without gaps/);
    expect(() => parseMigrations({ 'x/1_init.sql': '' })).toThrow(/bad migration file name/);
  });

  it('refuse a database written by a newer version, leaving it untouched', () => {
    const file = path.join(tmp.dir, 'future.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CuratorError);
    expect((error as CuratorError).code).toBe('DB_TOO_NEW');
    expect((error as CuratorError).message).toMatch(/newer RL Curator/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    check.close();
  });

  it('roll back every step of a failing migration', () => {
    const db = new Database(path.join(tmp.dir, 'fail.db'));
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (y INTEGER); SELECT * FROM missing_table;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('a', 'b')`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a file that is not a database with a clear message', () => {
    const file = path.join(tmp.dir, 'junk.db');
    fs.writeFileSync(file, 'this is not sqlite '.repeat(100));
    expect(() => openDatabase(file)).toThrow(/not a valid workspace database/);
  });
});
