"""What one PIN check costs at the scrypt cost a till uses (the target is ≤ 150 ms).

Run from the repository root: .venv/bin/python -m benchmarks.bench_pin [--runs 15]
Prints best, median and worst of a peppered check at the current cost and at the old one.
It is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import hashlib
import secrets
import statistics
import time

from frontdesk.domain.stored_value import SCRYPT_COST, hash_pin, pin_matches


def _timed(stored: str, pepper: bytes, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pin_matches("135790", stored, pepper)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    pepper = secrets.token_bytes(32)
    now = hash_pin("135790", pepper)
    n, r, p = SCRYPT_COST
    salt = secrets.token_bytes(16)
    old = hashlib.scrypt(b"135790", salt=salt, n=2**14, r=8, p=1, dklen=32)
    legacy = f"scrypt${salt.hex()}${old.hex()}"  # the format before the pepper
    for label, stored in ((f"n=2^{n.bit_length() - 1} r={r} p={p}", now), ("old n=2^14", legacy)):
        t = sorted(_timed(stored, pepper, runs))
        print(
            f"{label:<18} best {t[0]:6.1f} ms  median {statistics.median(t):6.1f} ms  worst {t[-1]:6.1f} ms"
        )


if __name__ == "__main__":
    main()
