-- Answer re-verification: the current verdict per rollout, what a running verification job has
-- checked so far (staged: invisible until the job finishes, discarded if it fails or is cancelled),
-- and per-question answer statistics for the suspect-gold filter.

-- One verdict per rollout: the latest finished verification job's. run_id, question_hash and
-- agreement are copied from the rollout and its run prompt (both fixed once imported) so that the
-- prompt and rollout filters are index lookups on this table alone.
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

CREATE INDEX rollout_verdicts_run ON rollout_verdicts (run_id, agreement);
CREATE INDEX rollout_verdicts_hash ON rollout_verdicts (question_hash, run_id);
CREATE INDEX rollout_verdicts_agreement ON rollout_verdicts (agreement, question_hash);
CREATE INDEX rollout_verdicts_no_answer ON rollout_verdicts (question_hash) WHERE extracted_answer IS NULL;
CREATE INDEX rollout_verdicts_truncated ON rollout_verdicts (question_hash) WHERE truncated = 1;

-- Verdicts of a running job, written chunk by chunk; its last transaction moves them into
-- rollout_verdicts. A failed, cancelled or interrupted job's rows are deleted (the job id cascades too).
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

-- Per question (normalised-question hash, across all runs): the answers of its verified rollouts,
-- clustered by equivalence. suspect_gold = no rollout's answer matches the gold answer while more than
-- half of them agree on another one (src/core/verify/answer-summary.ts).
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

CREATE INDEX question_answer_stats_suspect ON question_answer_stats (question_hash) WHERE suspect_gold = 1;
