"""Baseline for the rollout import benchmark: Python json + sqlite3, per-token arrays as array('f').tobytes().

One rollout per line of a native-format JSONL file; the response once, token starts and each signal as a
little-endian BLOB, 1,000-row transactions, as a careful Python script would. Prints one JSON line.
"""
import array
import json
import resource
import sqlite3
import sys
import time

CHUNK = 1000


def main(path: str, db_path: str) -> None:
    start = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("""CREATE TABLE rollouts (id INTEGER PRIMARY KEY, run TEXT, step INTEGER, question TEXT, group_id TEXT,
                  sample_index INTEGER, reward REAL, response TEXT, token_starts BLOB)""")
    db.execute("CREATE TABLE rollout_signals (rollout_id INTEGER, name TEXT, data BLOB, PRIMARY KEY (rollout_id, name))")
    count = 0
    size = 0
    batch = []
    signals = []
    next_id = 1
    with open(path, "r", encoding="utf-8") as f:
        for line in f:
            size += len(line)
            if not line.strip():
                continue
            r = json.loads(line)
            starts = array.array("I")
            pos = 0
            for t in r["tokens"]:
                starts.append(pos)
                pos += len(t)
            batch.append((next_id, r.get("run"), r.get("step"), r.get("question"), r.get("group_id"), r.get("sample_index"),
                          r.get("reward"), r["response"], starts.tobytes()))
            for name, values in r.get("signals", {}).items():
                signals.append((next_id, name, array.array("f", values).tobytes()))
            next_id += 1
            if len(batch) >= CHUNK:
                with db:
                    db.executemany("INSERT INTO rollouts VALUES (?,?,?,?,?,?,?,?,?)", batch)
                    db.executemany("INSERT INTO rollout_signals VALUES (?,?,?)", signals)
                count += len(batch)
                batch, signals = [], []
    if batch:
        with db:
            db.executemany("INSERT INTO rollouts VALUES (?,?,?,?,?,?,?,?,?)", batch)
            db.executemany("INSERT INTO rollout_signals VALUES (?,?,?)", signals)
        count += len(batch)
    db.close()
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": count, "seconds": seconds, "mbPerSecond": size / 1e6 / seconds,
                      "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
