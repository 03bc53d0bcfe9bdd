-- Benchmark contamination and near-duplicate checks (issue 12).

-- A dataset is training data (the default) or a benchmark that training data is checked against.
ALTER TABLE datasets ADD COLUMN role TEXT NOT NULL DEFAULT 'train' CHECK (role IN ('train', 'benchmark'));

-- One row per check: what was compared, how (settings as JSON) and what it found. Export manifests cite it.
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

-- The evidence: a training prompt matches a benchmark prompt by a method, with that method's score.
CREATE TABLE contamination_matches (
  prompt_id       INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  bench_prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  method          TEXT NOT NULL CHECK (method IN ('exact', 'templated', 'ngram', 'minhash')),
  score           REAL NOT NULL,
  check_id        INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE,
  PRIMARY KEY (prompt_id, bench_prompt_id, method)
) STRICT, WITHOUT ROWID;
CREATE INDEX contamination_matches_bench ON contamination_matches (bench_prompt_id);
CREATE INDEX contamination_matches_check ON contamination_matches (check_id);

-- The machine label "contaminated" (never mixed with human labels): each flagged prompt's strongest class.
CREATE TABLE prompt_contamination (
  prompt_id  INTEGER PRIMARY KEY REFERENCES prompts(id) ON DELETE CASCADE,
  class      TEXT NOT NULL CHECK (class IN ('exact', 'templated', 'near')),
  score      REAL NOT NULL,
  matches    INTEGER NOT NULL,
  check_id   INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE
) STRICT;

-- Per training dataset, the benchmarks and settings it was last checked against: a later check with the same ones
-- skips it (results are recomputed only for new data).
CREATE TABLE contamination_coverage (
  dataset_id    INTEGER PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
  fingerprint   TEXT NOT NULL,          -- benchmark dataset ids and settings, as checked
  check_id      INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE
) STRICT;

-- Near-duplicate clusters among training prompts (within and across datasets). A cluster is named by its lowest
-- prompt id, the one `--dedup near` keeps. Prompts in no cluster have no row.
CREATE TABLE near_duplicate_clusters (
  prompt_id  INTEGER PRIMARY KEY REFERENCES prompts(id) ON DELETE CASCADE,
  cluster_id INTEGER NOT NULL,
  check_id   INTEGER NOT NULL REFERENCES contamination_checks(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX near_duplicate_clusters_cluster ON near_duplicate_clusters (cluster_id);
