-- Generated from db/migrations by `npm run schema:snapshot`; a test compares it with the migrated schema.
-- user_version = 6

CREATE TABLE contamination_checks (
  id           INTEGER PRIMARY KEY,
  job_id       INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
  benchmarks   TEXT NOT NULL,           -- JSON [{datasetId, name, items}]
  datasets     TEXT NOT NULL,           -- JSON [{datasetId, name, prompts}]: the training datasets checked
  settings     TEXT NOT NULL,           -- JSON ContaminationSettings
  flagged      INTEGER NOT NULL DEFAULT 0,
  clusters     INTEGER NOT NULL DEFAULT 0,
  seconds      REAL,
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE contamination_coverage (
  dataset_id    INTEGER PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
  fingerprint   TEXT NOT NULL,          -- benchmark dataset ids and settings, as checked
  check_id      INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE contamination_matches (
  prompt_id       INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  bench_prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  method          TEXT NOT NULL CHECK (method IN ('exact', 'templated', 'ngram', 'minhash')),
  score           REAL NOT NULL,
  check_id        INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE,
  PRIMARY KEY (prompt_id, bench_prompt_id, method)
) STRICT, WITHOUT ROWID;

CREATE TABLE curation_batches (
  id           INTEGER PRIMARY KEY,
  annotator    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('edit', 'bulk', 'undo', 'redo')),
  description  TEXT NOT NULL,
  reverts      INTEGER REFERENCES curation_batches(id),  -- undo: the batch it reverts; redo: the undo it reverts
  change_count INTEGER NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE curation_changes (
  id         INTEGER PRIMARY KEY,
  batch_id   INTEGER NOT NULL REFERENCES curation_batches(id),
  target     TEXT NOT NULL CHECK (target IN ('prompt', 'rollout', 'span')),
  item_id    INTEGER NOT NULL,
  span_start INTEGER NOT NULL DEFAULT -1,
  span_end   INTEGER NOT NULL DEFAULT -1,
  field      TEXT NOT NULL CHECK (field IN ('label', 'note', 'gold_answer')),
  label_id   INTEGER,
  old_value  TEXT,
  new_value  TEXT
) STRICT;

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
, source_size INTEGER, source_hash TEXT, role TEXT NOT NULL DEFAULT 'train' CHECK (role IN ('train', 'benchmark'))) STRICT;

CREATE TABLE exports (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
  format      TEXT NOT NULL,
  out_dir     TEXT NOT NULL,
  request     TEXT NOT NULL,            -- JSON ExportRequest as given
  manifest    TEXT NOT NULL,            -- JSON, as written beside the files
  row_count   INTEGER NOT NULL,
  prompt_ids  BLOB NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE gold_corrections (
  prompt_id        INTEGER PRIMARY KEY REFERENCES prompts(id) ON DELETE CASCADE,
  gold_answer      TEXT NOT NULL,
  gold_answer_norm TEXT,
  annotator        TEXT NOT NULL,
  updated_at       TEXT NOT NULL
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

CREATE TABLE label_defs (
  id          INTEGER PRIMARY KEY,
  target      TEXT NOT NULL CHECK (target IN ('prompt', 'rollout', 'span')),
  name        TEXT NOT NULL,
  shortcut    TEXT,                     -- one key; unique among the target's active labels
  color       TEXT NOT NULL,            -- #rrggbb
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL,         -- display order within the target
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE near_duplicate_clusters (
  prompt_id  INTEGER PRIMARY KEY REFERENCES prompts(id) ON DELETE CASCADE,
  cluster_id INTEGER NOT NULL,
  check_id   INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE prompt_contamination (
  prompt_id  INTEGER PRIMARY KEY REFERENCES prompts(id) ON DELETE CASCADE,
  class      TEXT NOT NULL CHECK (class IN ('exact', 'templated', 'near')),
  score      REAL NOT NULL,
  matches    INTEGER NOT NULL,
  check_id   INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE prompt_facet_cells (
  dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  source      TEXT,
  subject     TEXT,
  level       INTEGER,
  pass_bucket TEXT NOT NULL,
  count       INTEGER NOT NULL
) STRICT;

CREATE TABLE prompt_labels (
  prompt_id  INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  label_id   INTEGER NOT NULL REFERENCES label_defs(id),
  annotator  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (prompt_id, label_id, annotator)
) STRICT, WITHOUT ROWID;

CREATE TABLE prompt_notes (
  prompt_id  INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  annotator  TEXT NOT NULL,
  text       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (prompt_id, annotator)
) STRICT, WITHOUT ROWID;

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

CREATE TABLE question_answer_stats (
  question_hash   TEXT PRIMARY KEY,
  rollouts        INTEGER NOT NULL,
  answered        INTEGER NOT NULL,
  matching_gold   INTEGER NOT NULL,
  gold_answer     TEXT,                 -- as checked by the latest verdict
  majority_answer TEXT,
  majority_votes  INTEGER NOT NULL,
  tie             INTEGER NOT NULL CHECK (tie IN (0, 1)),
  suspect_gold    INTEGER NOT NULL CHECK (suspect_gold IN (0, 1)),
  updated_at      TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE rollout_imports (
  id               INTEGER PRIMARY KEY,
  job_id           INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
  status           TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'purging', 'done')),
  source_path      TEXT NOT NULL,
  source_format    TEXT NOT NULL,
  sources          TEXT NOT NULL,       -- JSON [{path, size, mtimeMs, head, step}]: what a resume must find unchanged
  options          TEXT NOT NULL,       -- JSON {runName, groupSize, onBadRecord}
  file_index       INTEGER NOT NULL DEFAULT 0,
  committed_line   INTEGER NOT NULL DEFAULT 0,  -- last line (record) of sources[file_index] whose rows are stored
  committed_offset INTEGER NOT NULL DEFAULT 0,  -- byte offset just after it (line-based readers)
  rows_ok          INTEGER NOT NULL DEFAULT 0,
  rows_bad         INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE rollout_labels (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  label_id   INTEGER NOT NULL REFERENCES label_defs(id),
  annotator  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (rollout_id, span_start, span_end, label_id, annotator)
) STRICT, WITHOUT ROWID;

CREATE TABLE rollout_notes (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,          -- -1/-1: the whole rollout, as in rollout_labels
  span_end   INTEGER NOT NULL,
  annotator  TEXT NOT NULL,
  text       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (rollout_id, span_start, span_end, annotator)
) STRICT, WITHOUT ROWID;

CREATE TABLE rollout_signals (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  data       BLOB NOT NULL,
  PRIMARY KEY (rollout_id, name)
) STRICT;

CREATE TABLE rollout_spans (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  span_start INTEGER NOT NULL,          -- [span_start, span_end) in response, UTF-16 indices
  span_end   INTEGER NOT NULL,
  value      REAL NOT NULL
) STRICT;

CREATE TABLE rollout_token_texts (
  rollout_id INTEGER PRIMARY KEY REFERENCES rollouts(id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  ends       BLOB NOT NULL              -- Uint32 LE
) STRICT;

CREATE TABLE rollout_verdicts (
  rollout_id       INTEGER PRIMARY KEY REFERENCES rollouts(id) ON DELETE CASCADE,
  job_id           INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
  run_id           INTEGER NOT NULL,
  question_hash    TEXT,
  extracted_answer TEXT,                -- NULL: no extractable answer
  answer_norm      TEXT,
  rule             TEXT NOT NULL,       -- boxed | answer-phrase | gsm8k | last-math | last-number | none
  truncated        INTEGER NOT NULL CHECK (truncated IN (0, 1)),
  equivalent       INTEGER NOT NULL CHECK (equivalent IN (0, 1)),      -- the re-check's verdict (truncated = wrong)
  answer_matches   INTEGER NOT NULL CHECK (answer_matches IN (0, 1)),  -- the answer alone equals the gold answer
  stage            TEXT NOT NULL,       -- exact | numeric | structured | multiple | symbolic | none
  reason           TEXT NOT NULL,
  gold_answer      TEXT,                -- the gold answer checked against, as text
  gold_source      TEXT NOT NULL CHECK (gold_source IN ('correction', 'prompt', 'log', 'none')),
  agreement        TEXT NOT NULL CHECK (agreement IN ('agree', 'loggedCorrectRecheckWrong', 'loggedWrongRecheckRight', 'ungraded')),
  verifier_version TEXT NOT NULL,
  verified_at      TEXT NOT NULL
) STRICT;

CREATE TABLE rollouts (
  id               INTEGER PRIMARY KEY,
  run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  run_prompt_id    INTEGER NOT NULL REFERENCES run_prompts(id) ON DELETE CASCADE,
  step             INTEGER NOT NULL,
  group_id         TEXT,
  sample_index     INTEGER,
  reward           REAL,
  correct          INTEGER CHECK (correct IN (0, 1)),
  advantage        REAL,
  finish_reason    TEXT,
  truncated        INTEGER CHECK (truncated IN (0, 1)),
  token_count      INTEGER,
  response_chars   INTEGER NOT NULL,
  extracted_answer TEXT,
  rm_final_prob    REAL,                -- sigmoid(mean RM logit): the token RM's verdict on the whole rollout
  rm_crossing      INTEGER,             -- token from which the running RM probability stays on its final side of 0.5
  source_file      INTEGER NOT NULL,    -- index into rollout_imports.sources
  source_line      INTEGER NOT NULL,
  extra            TEXT,                -- JSON object: every source field not mapped above
  response         TEXT NOT NULL,       -- stored once; near the end so scans of the columns above skip it
  token_starts     BLOB                 -- Uint32 LE: start of each token in response (UTF-16 index)
) STRICT;

CREATE TABLE run_prompt_steps (
  run_prompt_id      INTEGER NOT NULL REFERENCES run_prompts(id) ON DELETE CASCADE,
  step               INTEGER NOT NULL,
  rollout_count      INTEGER NOT NULL DEFAULT 0,
  graded_count       INTEGER NOT NULL DEFAULT 0,
  correct_count      INTEGER NOT NULL DEFAULT 0,
  reward_sum         REAL NOT NULL DEFAULT 0,
  response_chars_sum INTEGER NOT NULL DEFAULT 0,
  truncated_count    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_prompt_id, step)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_prompts (
  id                 INTEGER PRIMARY KEY,
  run_id             INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  prompt_key         TEXT NOT NULL,
  question_hash      TEXT,
  source_prompt_id   TEXT,
  question           TEXT,
  gold_answer        TEXT,
  rollout_count      INTEGER NOT NULL DEFAULT 0,
  graded_count       INTEGER NOT NULL DEFAULT 0,
  correct_count      INTEGER NOT NULL DEFAULT 0,
  reward_sum         REAL NOT NULL DEFAULT 0,
  response_chars_sum INTEGER NOT NULL DEFAULT 0,
  truncated_count    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run_id, prompt_key)
) STRICT;

CREATE TABLE run_signals (
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  rollout_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_steps (
  run_id             INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step               INTEGER NOT NULL,
  rollout_count      INTEGER NOT NULL DEFAULT 0,
  graded_count       INTEGER NOT NULL DEFAULT 0,
  correct_count      INTEGER NOT NULL DEFAULT 0,
  reward_sum         REAL NOT NULL DEFAULT 0,
  response_chars_sum INTEGER NOT NULL DEFAULT 0,
  truncated_count    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, step)
) STRICT, WITHOUT ROWID;

CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  import_id      INTEGER NOT NULL REFERENCES rollout_imports(id) ON DELETE CASCADE,
  name           TEXT NOT NULL,         -- unique among ready runs (a suffix is added when needed)
  source_name    TEXT NOT NULL,         -- the name the source or the user gave
  status         TEXT NOT NULL CHECK (status IN ('importing', 'ready')),
  source_path    TEXT,
  source_format  TEXT,
  system_prompt  TEXT,                  -- stored once per run, not per rollout
  rollout_count  INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL
) STRICT;

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

CREATE TABLE undo_stacks (
  annotator TEXT NOT NULL,
  stack     TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
  position  INTEGER NOT NULL,
  batch_id  INTEGER NOT NULL REFERENCES curation_batches(id),
  PRIMARY KEY (annotator, stack, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE verification_staging (
  job_id           INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  rollout_id       INTEGER NOT NULL,
  run_id           INTEGER NOT NULL,
  question_hash    TEXT,
  extracted_answer TEXT,
  answer_norm      TEXT,
  rule             TEXT NOT NULL,
  truncated        INTEGER NOT NULL,
  equivalent       INTEGER NOT NULL,
  answer_matches   INTEGER NOT NULL,
  stage            TEXT NOT NULL,
  reason           TEXT NOT NULL,
  gold_answer      TEXT,
  gold_source      TEXT NOT NULL,
  agreement        TEXT NOT NULL,
  PRIMARY KEY (job_id, rollout_id)
) STRICT;

CREATE TABLE workspace (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE INDEX contamination_matches_bench ON contamination_matches (bench_prompt_id);

CREATE INDEX contamination_matches_check ON contamination_matches (check_id);

CREATE INDEX curation_batches_annotator ON curation_batches (annotator, id);

CREATE INDEX curation_changes_batch ON curation_changes (batch_id);

CREATE INDEX curation_changes_item ON curation_changes (item_id, target);

CREATE INDEX exports_job ON exports (job_id);

CREATE UNIQUE INDEX label_defs_name ON label_defs (target, name COLLATE NOCASE);

CREATE UNIQUE INDEX label_defs_shortcut ON label_defs (target, shortcut) WHERE shortcut IS NOT NULL AND archived = 0;

CREATE INDEX near_duplicate_clusters_cluster ON near_duplicate_clusters (cluster_id);

CREATE INDEX prompt_facet_cells_key ON prompt_facet_cells (dataset_id, source, subject, level, pass_bucket);

CREATE INDEX prompt_labels_label ON prompt_labels (label_id, prompt_id);

CREATE INDEX prompts_dataset ON prompts (dataset_id, row_index);

CREATE INDEX prompts_hash ON prompts (question_hash);

CREATE INDEX prompts_source_id ON prompts (source_id);

CREATE INDEX question_answer_stats_suspect ON question_answer_stats (question_hash) WHERE suspect_gold = 1;

CREATE INDEX rollout_imports_job ON rollout_imports (job_id);

CREATE INDEX rollout_labels_label ON rollout_labels (label_id, rollout_id);

CREATE INDEX rollout_spans_rollout ON rollout_spans (rollout_id);

CREATE INDEX rollout_verdicts_agreement ON rollout_verdicts (agreement, question_hash);

CREATE INDEX rollout_verdicts_hash ON rollout_verdicts (question_hash, run_id);

CREATE INDEX rollout_verdicts_no_answer ON rollout_verdicts (question_hash) WHERE extracted_answer IS NULL;

CREATE INDEX rollout_verdicts_run ON rollout_verdicts (run_id, agreement);

CREATE INDEX rollout_verdicts_truncated ON rollout_verdicts (question_hash) WHERE truncated = 1;

CREATE INDEX rollouts_prompt ON rollouts (run_prompt_id, step);

CREATE INDEX rollouts_run ON rollouts (run_id, step);

CREATE INDEX run_prompts_hash ON run_prompts (question_hash);

CREATE INDEX runs_import ON runs (import_id, source_name);

CREATE TRIGGER curation_batches_no_delete BEFORE DELETE ON curation_batches BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;

CREATE TRIGGER curation_batches_no_update BEFORE UPDATE ON curation_batches BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;

CREATE TRIGGER curation_changes_no_delete BEFORE DELETE ON curation_changes BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;

CREATE TRIGGER curation_changes_no_update BEFORE UPDATE ON curation_changes BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;
