"""Baseline for the prompt import benchmark: Python's json + sqlite3.executemany into an equivalent table.

Equivalent means what our importer writes and serves: the same prompts table (14 columns, STRICT) with the same
three indexes (file order, question hash, source id), the same pragmas (16 KiB pages, 64 MiB cache, WAL,
synchronous NORMAL) and the same rows per transaction as ours (passed in). The question hash here is a plain
SHA-1 of the text (ours hashes the normalised question); duplicates are not looked for.

`--bare` gives the table none of the indexes, hashes nothing and keeps 9 columns: the cheapest Python import,
printed beside the equivalent one so that both ratios are on record.
Prints one JSON line: rows, seconds, rows/s, peak RSS.
"""
import hashlib
import json
import resource
import sqlite3
import sys
import time

KNOWN = {"question", "gold_answer", "pass_rate", "source", "subject", "level", "id"}

EQUIVALENT_SCHEMA = [
    """CREATE TABLE prompts (
         id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL, row_index INTEGER NOT NULL, source_id TEXT,
         question TEXT NOT NULL, question_hash TEXT NOT NULL, gold_answer TEXT, gold_answer_json TEXT,
         gold_answer_norm TEXT, pass_rate REAL, source TEXT, subject TEXT, level INTEGER,
         is_duplicate INTEGER NOT NULL DEFAULT 0, extra TEXT) STRICT""",
    "CREATE INDEX prompts_dataset ON prompts (dataset_id, row_index)",
    "CREATE INDEX prompts_hash ON prompts (question_hash)",
    "CREATE INDEX prompts_source_id ON prompts (source_id)",
]
EQUIVALENT_INSERT = """INSERT INTO prompts (dataset_id, row_index, source_id, question, question_hash, gold_answer,
    gold_answer_json, gold_answer_norm, pass_rate, source, subject, level, is_duplicate, extra)
    VALUES (1, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, ?)"""

BARE_SCHEMA = [
    """CREATE TABLE prompts (
         id INTEGER PRIMARY KEY, row_index INTEGER NOT NULL, source_id TEXT, question TEXT NOT NULL,
         gold_answer TEXT, pass_rate REAL, source TEXT, subject TEXT, level INTEGER, extra TEXT)"""
]
BARE_INSERT = """INSERT INTO prompts (row_index, source_id, question, gold_answer, pass_rate, source, subject, level, extra)
    VALUES (?,?,?,?,?,?,?,?,?)"""


def main(path: str, db_path: str, chunk: int, bare: bool) -> None:
    start = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA page_size = 16384")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA cache_size = -65536")
    for statement in BARE_SCHEMA if bare else EQUIVALENT_SCHEMA:
        db.execute(statement)
    insert = BARE_INSERT if bare else EQUIVALENT_INSERT
    rows = []
    count = 0

    def flush() -> None:
        nonlocal rows, count
        with db:
            db.executemany(insert, rows)
        count += len(rows)
        rows = []

    with open(path, "r", encoding="utf-8") as f:
        for index, line in enumerate(f):
            if not line.strip():
                continue
            r = json.loads(line)
            extra = {k: v for k, v in r.items() if k not in KNOWN}
            extra_json = json.dumps(extra) if extra else None
            source_id = r.get("id")
            source_id = None if source_id is None else str(source_id)
            if bare:
                rows.append((index, source_id, r["question"], r.get("gold_answer"), r.get("pass_rate"), r.get("source"),
                             r.get("subject"), r.get("level"), extra_json))
            else:
                answer = r.get("gold_answer")
                question_hash = hashlib.sha1(r["question"].encode("utf-8")).hexdigest()[:22]
                rows.append((index, source_id, r["question"], question_hash, answer, answer, r.get("pass_rate"),
                             r.get("source"), r.get("subject"), r.get("level"), extra_json))
            if len(rows) >= chunk:
                flush()
    if rows:
        flush()
    db.close()
    seconds = time.perf_counter() - start
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": count, "seconds": seconds, "rowsPerSecond": count / seconds, "maxRssMB": max_rss_mb}))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    main(args[0], args[1], int(args[2]) if len(args) > 2 else 5000, "--bare" in flags)
