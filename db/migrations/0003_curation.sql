-- Curation: an editable label taxonomy, labels and notes per annotator on prompts, rollouts and token
-- spans, corrected gold answers (the original stays in prompts), an append-only history of every such
-- change grouped in batches (with each annotator's undo and redo stacks), and the export history.

-- The taxonomy. A label applies to one kind of item: a prompt, a whole rollout, or a token span of a
-- rollout. Labels in use are archived rather than deleted, so history and exports keep their names.
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

CREATE UNIQUE INDEX label_defs_name ON label_defs (target, name COLLATE NOCASE);
CREATE UNIQUE INDEX label_defs_shortcut ON label_defs (target, shortcut) WHERE shortcut IS NOT NULL AND archived = 0;

-- Defaults for math RL.
INSERT INTO label_defs (target, name, shortcut, color, description, position, created_at) VALUES
  ('prompt', 'keep', 'k', '#2e7d32', 'Good training prompt.', 1, '1970-01-01T00:00:00.000Z'),
  ('prompt', 'drop', 'd', '#c62828', 'Leave out of training data.', 2, '1970-01-01T00:00:00.000Z'),
  ('prompt', 'wrong gold answer', 'g', '#ef6c00', 'The reference answer is wrong.', 3, '1970-01-01T00:00:00.000Z'),
  ('prompt', 'ambiguous', 'a', '#f9a825', 'The question admits more than one reading.', 4, '1970-01-01T00:00:00.000Z'),
  ('prompt', 'duplicate', 'u', '#6d4c41', 'Same problem as another prompt.', 5, '1970-01-01T00:00:00.000Z'),
  ('prompt', 'not verifiable', 'v', '#8e24aa', 'A proof or open-ended question: no checkable final answer.', 6, '1970-01-01T00:00:00.000Z'),
  ('prompt', 'too easy', 'e', '#0277bd', 'The policy always solves it.', 7, '1970-01-01T00:00:00.000Z'),
  ('prompt', 'too hard', 'h', '#283593', 'The policy never solves it.', 8, '1970-01-01T00:00:00.000Z'),
  ('rollout', 'verifier false negative', 'n', '#d84315', 'Correct answer graded wrong.', 1, '1970-01-01T00:00:00.000Z'),
  ('rollout', 'verifier false positive', 'p', '#ad1457', 'Wrong answer graded correct.', 2, '1970-01-01T00:00:00.000Z'),
  ('rollout', 'reward hacking', 'r', '#b71c1c', 'Right reward for the wrong reason.', 3, '1970-01-01T00:00:00.000Z'),
  ('rollout', 'truncated', 't', '#546e7a', 'Cut off before the answer.', 4, '1970-01-01T00:00:00.000Z'),
  ('rollout', 'exemplar', 'x', '#00897b', 'A model solution worth imitating (preferred by the behaviour-cloning export).', 5, '1970-01-01T00:00:00.000Z'),
  ('span', 'first error', 'f', '#e53935', 'The first wrong step of the reasoning.', 1, '1970-01-01T00:00:00.000Z');

-- Labels per annotator. Presence of a row means "applied".
CREATE TABLE prompt_labels (
  prompt_id  INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  label_id   INTEGER NOT NULL REFERENCES label_defs(id),
  annotator  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (prompt_id, label_id, annotator)
) STRICT, WITHOUT ROWID;

CREATE INDEX prompt_labels_label ON prompt_labels (label_id, prompt_id);

-- Rollout labels and span labels share a table: span_start = span_end = -1 is the whole rollout,
-- otherwise [span_start, span_end) is a token range of the rollout.
CREATE TABLE rollout_labels (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  label_id   INTEGER NOT NULL REFERENCES label_defs(id),
  annotator  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (rollout_id, span_start, span_end, label_id, annotator)
) STRICT, WITHOUT ROWID;

CREATE INDEX rollout_labels_label ON rollout_labels (label_id, rollout_id);

-- Free-text notes, one per item and annotator.
CREATE TABLE prompt_notes (
  prompt_id  INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  annotator  TEXT NOT NULL,
  text       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (prompt_id, annotator)
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

-- A corrected gold answer, shared by all annotators; prompts.gold_answer keeps the original.
CREATE TABLE gold_corrections (
  prompt_id        INTEGER PRIMARY KEY REFERENCES prompts(id) ON DELETE CASCADE,
  gold_answer      TEXT NOT NULL,
  gold_answer_norm TEXT,
  annotator        TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

-- History. A batch is one user action (a toggle, a bulk edit, an undo, a redo) by one annotator; its
-- changes record old -> new per item and field. Both tables are append-only (triggers below).
CREATE TABLE curation_batches (
  id           INTEGER PRIMARY KEY,
  annotator    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('edit', 'bulk', 'undo', 'redo')),
  description  TEXT NOT NULL,
  reverts      INTEGER REFERENCES curation_batches(id),  -- undo: the batch it reverts; redo: the undo it reverts
  change_count INTEGER NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX curation_batches_annotator ON curation_batches (annotator, id);

-- Values: label '1' (applied) or NULL (absent); note text or NULL; gold_answer the corrected answer or
-- NULL (the original in force). Span items are keyed by their rollout id and token range.
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

CREATE INDEX curation_changes_item ON curation_changes (item_id, target);
CREATE INDEX curation_changes_batch ON curation_changes (batch_id);

CREATE TRIGGER curation_batches_no_update BEFORE UPDATE ON curation_batches BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;
CREATE TRIGGER curation_batches_no_delete BEFORE DELETE ON curation_batches BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;
CREATE TRIGGER curation_changes_no_update BEFORE UPDATE ON curation_changes BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;
CREATE TRIGGER curation_changes_no_delete BEFORE DELETE ON curation_changes BEGIN
  SELECT RAISE(ABORT, 'curation history is append-only');
END;

-- Each annotator's undo and redo stacks (state, not history): the top is the highest position.
CREATE TABLE undo_stacks (
  annotator TEXT NOT NULL,
  stack     TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
  position  INTEGER NOT NULL,
  batch_id  INTEGER NOT NULL REFERENCES curation_batches(id),
  PRIMARY KEY (annotator, stack, position)
) STRICT, WITHOUT ROWID;

-- Finished exports. The record is written before the files are renamed into place, so a crash in
-- between can be undone from it; prompt_ids (Uint32 LE, ascending) let two exports be compared.
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

CREATE INDEX exports_job ON exports (job_id);
