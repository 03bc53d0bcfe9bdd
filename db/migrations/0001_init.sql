-- Foundation schema: workspace facts, datasets, prompts (+ trigram FTS), jobs with their issues, saved views.
-- Later migrations add runs, rollouts, token signals, labels and exports. Forward-only: never edit a shipped file.

CREATE TABLE workspace (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Long-running work (imports, exports, verification). Rows written by a job carry its id so that a
-- failed or cancelled job can be rolled back, and nothing of an unfinished job is ever visible.
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

-- Problems found in input files: where (file, line, field) and what. Capped per job by the importer.
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

-- A dataset becomes visible only when its import finishes (status 'ready'); every query filters on it.
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
  -- 1 once the dataset's prompts are in prompts_fts. Import makes a dataset visible first and a follow-up
  -- job builds its search index; until then search falls back to scanning that dataset with LIKE.
  search_indexed  INTEGER NOT NULL DEFAULT 0 CHECK (search_indexed IN (0, 1)),
  created_at      TEXT NOT NULL
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

-- Few secondary indexes on purpose: each one slows a 10^6-row import. Facet counts come from
-- prompt_facet_cells, and the grid sorts once per query and caches the order (prompts/order-cache.ts).
CREATE INDEX prompts_dataset ON prompts (dataset_id, row_index);
CREATE INDEX prompts_hash ON prompts (question_hash);

-- Trigram tokenizer: substring search that also matches LaTeX such as \sqrt or \frac{1}{2}.
-- Contentless with delete support: the text lives once, in prompts; rowid = prompts.id.
CREATE VIRTUAL TABLE prompts_fts USING fts5 (
  question, gold_answer,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);

CREATE TRIGGER prompts_fts_delete AFTER DELETE ON prompts BEGIN
  DELETE FROM prompts_fts WHERE rowid = old.id;
END;

-- Prompt counts per combination of the facet dimensions, kept by the prompt writer. The facet panel and
-- the grid's row count read this small table instead of scanning 10^6 prompts, whenever the filter uses
-- only facet dimensions.
CREATE TABLE prompt_facet_cells (
  dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  source      TEXT,
  subject     TEXT,
  level       INTEGER,
  pass_bucket TEXT NOT NULL,
  count       INTEGER NOT NULL
) STRICT;

-- The writer adds each chunk's counts with one keyed UPDATE per cell (IS matches NULLs, and can use this index).
CREATE INDEX prompt_facet_cells_key ON prompt_facet_cells (dataset_id, source, subject, level, pass_bucket);

CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  state      TEXT NOT NULL,             -- JSON ViewState
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
