"""What one PIN check costs at the scrypt cost a till uses (the target is ≤ 150 ms).

Run from the repository root: .venv/bin/python -m benchmarks.bench_pin [--runs 15]
Prints best and median CPU and wall time of a peppered check at the current cost and the old one.
It is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import hashlib
import secrets
import statistics
import time

from frontdesk.domain.stored_value import SCRYPT_COST, hash_pin, pin_matches


def _timed(stored: str, pepper: bytes, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per check; on a shared machine the wall time measures the queue."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        pin_matches("135790", stored, pepper)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return sorted(wall), sorted(cpu)


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
        wall, cpu = _timed(stored, pepper, runs)
        print(
            f"{label:<18} cpu best {cpu[0]:6.1f} median {statistics.median(cpu):6.1f} ms"
            f"  wall best {wall[0]:6.1f} median {statistics.median(wall):6.1f} ms"
        )


if __name__ == "__main__":
    main()
