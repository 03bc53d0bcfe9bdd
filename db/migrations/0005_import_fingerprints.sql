-- What a prompt set was imported from, so that importing the same file again is recognised (and asked about)
-- instead of silently making a second copy: its size and a content hash (src/core/io/fingerprint.ts).
-- Rollout imports keep theirs in rollout_imports.sources (JSON), beside the resume fingerprint.
ALTER TABLE datasets ADD COLUMN source_size INTEGER;
ALTER TABLE datasets ADD COLUMN source_hash TEXT;
