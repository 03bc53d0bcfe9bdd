-- Generated from db/migrations by `npm run schema:snapshot`; a test compares it with the migrated schema.
-- user_version = 1

CREATE TABLE datasets (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('importing', 'ready')),
  source_path     TEXT,
  source_format   TEXT,
  field_mapping   TEXT,                 -- JSON FieldMapping used for the import
  prompt_count    INTEGER NOT NULL DEFAULT 0,
  duplicate_count INTEGER NOT NULL DEFAULT 0,
  job_id          INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE job_issues (
  job_id  INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  file    TEXT NOT NULL,
  line    INTEGER,
  field   TEXT,
  message TEXT NOT NULL,
  excerpt TEXT,
  PRIMARY KEY (job_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  params      TEXT NOT NULL,            -- JSON
  progress    TEXT,                     -- JSON, the latest progress report
  result      TEXT,                     -- JSON
  error       TEXT,                     -- JSON {code, message, details}
  issue_count INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  started_at  TEXT,
  finished_at TEXT
) STRICT;

CREATE TABLE prompts (
  id               INTEGER PRIMARY KEY,
  dataset_id       INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  row_index        INTEGER NOT NULL,    -- 0-based record number in the source file
  source_id        TEXT,                -- id | unique_id | idx from the source, kept as text
  question         TEXT NOT NULL,
  question_hash    TEXT NOT NULL,       -- hash of the normalised question: duplicate detection and joins
  gold_answer      TEXT,                -- display form of the answer as given
  gold_answer_json TEXT,                -- the answer as given when it is not a plain string (27.0, ["1","2"])
  gold_answer_norm TEXT,                -- normalised text form, for comparison
  pass_rate        REAL,
  source           TEXT,
  subject          TEXT,
  level            INTEGER,
  is_duplicate     INTEGER NOT NULL DEFAULT 0 CHECK (is_duplicate IN (0, 1)),
  extra            TEXT                 -- JSON object: every source field not mapped above
) STRICT;

CREATE VIRTUAL TABLE prompts_fts USING fts5 (
  question, gold_answer,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);

CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  state      TEXT NOT NULL,             -- JSON ViewState
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE workspace (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE INDEX prompts_dataset ON prompts (dataset_id, row_index);

CREATE INDEX prompts_hash ON prompts (question_hash);

CREATE INDEX prompts_level ON prompts (level);

CREATE INDEX prompts_pass_rate ON prompts (pass_rate);

CREATE INDEX prompts_source ON prompts (source);

CREATE INDEX prompts_subject ON prompts (subject);
