"""Baseline for the contamination bench (issue 12): MinHash + LSH in Python over the same files.

With datasketch importable (DATASKETCH_SRC may name the folder holding its `datasketch` package), it runs
datasketch's MinHash (128 permutations) and MinHashLSH with params (32 bands, 4 rows), as our check does: the
benchmark items are inserted, every training prompt is queried. Without it, it runs the same algorithm written with
numpy (sha1 -> 32 bits, (a*h + b) mod (2^61 - 1), bands hashed into dicts) and says so. Tokens and 3-gram shingles
follow src/core/contamination/text.ts closely enough for the timing to compare; reading the files is not timed.
Prints one JSON line. Usage: python_minhash_lsh.py BENCH.jsonl TRAIN.jsonl
"""
import hashlib
import json
import os
import re
import resource
import struct
import sys
import time

NUM_PERM, BANDS, ROWS = 128, 32, 4
TOKEN = re.compile(r"\\[a-z]+|[a-z]+|\d+(?:\.\d+)?|[^\sa-z0-9{}.,;:?!'\"`\\]")

if os.environ.get("DATASKETCH_SRC"):
    sys.path.insert(0, os.environ["DATASKETCH_SRC"])


def shingles(text):
    tokens = TOKEN.findall(text.lower().replace("$", " "))
    if len(tokens) < 3:
        return [t.encode() for t in tokens]
    return [" ".join(tokens[i : i + 3]).encode() for i in range(len(tokens) - 2)]


def read(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(line)["question"] for line in f if line.strip()]


def with_datasketch(bench, train):
    from datasketch import MinHash, MinHashLSH

    perms = MinHash(num_perm=NUM_PERM, seed=1).permutations
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
    for i, q in enumerate(bench):
        m = MinHash(num_perm=NUM_PERM, permutations=perms)
        m.update_batch(shingles(q))
        lsh.insert(i, m)
    candidates = 0
    for q in train:
        m = MinHash(num_perm=NUM_PERM, permutations=perms)
        m.update_batch(shingles(q))
        candidates += len(lsh.query(m))
    return candidates


def with_numpy(bench, train):
    import numpy as np

    prime, max_hash = np.uint64((1 << 61) - 1), np.uint64((1 << 32) - 1)
    gen = np.random.RandomState(1)
    a = gen.randint(1, int(prime), NUM_PERM, dtype=np.uint64)
    b = gen.randint(0, int(prime), NUM_PERM, dtype=np.uint64)

    def signature(text):
        hv = np.array([struct.unpack("<I", hashlib.sha1(s).digest()[:4])[0] for s in shingles(text)], dtype=np.uint64)
        if hv.size == 0:
            return np.full(NUM_PERM, max_hash, dtype=np.uint64)
        return (np.bitwise_and((np.outer(hv, a) + b) % prime, max_hash)).min(axis=0)

    tables = [dict() for _ in range(BANDS)]
    for i, q in enumerate(bench):
        sig = signature(q)
        for band in range(BANDS):
            tables[band].setdefault(sig[band * ROWS : (band + 1) * ROWS].tobytes(), []).append(i)
    candidates = 0
    for q in train:
        sig = signature(q)
        found = set()
        for band in range(BANDS):
            found.update(tables[band].get(sig[band * ROWS : (band + 1) * ROWS].tobytes(), ()))
        candidates += len(found)
    return candidates


def main():
    bench, train = read(sys.argv[1]), read(sys.argv[2])
    try:
        import datasketch  # noqa: F401

        implementation, run = "datasketch", with_datasketch
    except ImportError:
        implementation, run = "numpy (datasketch not importable; set DATASKETCH_SRC)", with_numpy
    started = time.perf_counter()
    candidates = run(bench, train)
    seconds = time.perf_counter() - started
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"implementation": implementation, "seconds": seconds, "candidates": candidates,
                      "prompts": len(train), "items": len(bench), "maxRssMb": max_rss_mb}))


if __name__ == "__main__":
    main()
