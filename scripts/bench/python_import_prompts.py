"""Baseline for the prompt import benchmark: Python's json + sqlite3.executemany into an equivalent table.

Reads a JSONL prompt file line by line, maps the same fields our importer maps, and inserts in 5,000-row
transactions, as a careful Python script would. Prints one JSON line: rows, seconds, rows/s, peak RSS.
"""
import json
import resource
import sqlite3
import sys
import time

CHUNK = 5000


def main(path: str, db_path: str) -> None:
    start = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(
        """CREATE TABLE prompts (
             id INTEGER PRIMARY KEY, row_index INTEGER NOT NULL, source_id TEXT, question TEXT NOT NULL,
             gold_answer TEXT, pass_rate REAL, source TEXT, subject TEXT, level INTEGER, extra TEXT)"""
    )
    known = {"question", "gold_answer", "pass_rate", "source", "subject", "level", "id"}
    rows = []
    count = 0
    with open(path, "r", encoding="utf-8") as f:
        for index, line in enumerate(f):
            if not line.strip():
                continue
            r = json.loads(line)
            extra = {k: v for k, v in r.items() if k not in known}
            rows.append((index, r.get("id"), r["question"], r.get("gold_answer"), r.get("pass_rate"), r.get("source"),
                         r.get("subject"), r.get("level"), json.dumps(extra) if extra else None))
            if len(rows) >= CHUNK:
                with db:
                    db.executemany("INSERT INTO prompts (row_index, source_id, question, gold_answer, pass_rate, source, subject, level, extra) VALUES (?,?,?,?,?,?,?,?,?)", rows)
                count += len(rows)
                rows = []
    if rows:
        with db:
            db.executemany("INSERT INTO prompts (row_index, source_id, question, gold_answer, pass_rate, source, subject, level, extra) VALUES (?,?,?,?,?,?,?,?,?)", rows)
        count += len(rows)
    db.close()
    seconds = time.perf_counter() - start
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": count, "seconds": seconds, "rowsPerSecond": count / seconds, "maxRssMB": max_rss_mb}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
