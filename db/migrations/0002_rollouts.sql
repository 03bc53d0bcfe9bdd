-- Rollout logs: imports (resumable), runs, steps, the prompts each run sampled, rollouts with their
-- token tables and per-token signals. Per-token arrays are little-endian Float32 / Uint32 BLOBs, one
-- row per rollout and signal: never a row per token, never JSON. A run is visible only once its import
-- has finished (status 'ready'); every query filters on it.

-- One import of a file or folder of rollout logs. Each chunk commits its rows and the resume point
-- (file_index, committed_line, committed_offset) in the same transaction, so after a crash or kill the
-- import continues from there without duplicates; 'interrupted' ones wait to be resumed, 'purging' ones
-- are being deleted (and are finished off by the next import if that was cut short).
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

CREATE INDEX rollout_imports_job ON rollout_imports (job_id);

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

CREATE INDEX runs_import ON runs (import_id, source_name);

-- Per-step totals, kept current by every import chunk. A rollout counts as graded when it has a reward
-- and as correct when the reward is > 0 (1/0, ±1, true/false).
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

-- The prompts a run sampled. They join to the prompt sets by normalised-question hash at query time,
-- so a prompt set imported later still finds its rollouts; keys without a matching prompt are listed as
-- unmatched. prompt_key = question hash, else 'id:' || the source's prompt id, else ''.
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

CREATE INDEX run_prompts_hash ON run_prompts (question_hash);

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

-- Signal names present in a run, with how many rollouts carry each (for the viewer's layer picker).
CREATE TABLE run_signals (
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  rollout_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, name)
) STRICT, WITHOUT ROWID;

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

CREATE INDEX rollouts_run ON rollouts (run_id, step);
CREATE INDEX rollouts_prompt ON rollouts (run_prompt_id, step);

-- Token strings, only for rollouts whose tokens are not slices of the response (special tokens,
-- byte-level pieces): the strings joined, and the end of each in that text.
CREATE TABLE rollout_token_texts (
  rollout_id INTEGER PRIMARY KEY REFERENCES rollouts(id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  ends       BLOB NOT NULL              -- Uint32 LE
) STRICT;

-- One row per rollout and signal (rm_logit, logprob, …): Float32 LE, one value per token. A rowid table,
-- since values of kilobytes do not belong in a WITHOUT ROWID b-tree.
CREATE TABLE rollout_signals (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  data       BLOB NOT NULL,
  PRIMARY KEY (rollout_id, name)
) STRICT;

-- Character-range signals (a PRM step rating, a prefix value): few per rollout.
CREATE TABLE rollout_spans (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  span_start INTEGER NOT NULL,          -- [span_start, span_end) in response, UTF-16 indices
  span_end   INTEGER NOT NULL,
  value      REAL NOT NULL
) STRICT;

CREATE INDEX rollout_spans_rollout ON rollout_spans (rollout_id);

-- Rollout logs that name prompts by id join on the prompt set's own ids.
CREATE INDEX prompts_source_id ON prompts (source_id);
