"""Peak memory and time of `frontdesk verify` on a big store.

Run from the repository root: .venv/bin/python -m benchmarks.bench_verify [--members 100000] [--entries 1000000] [--db PATH]
Builds the store once with bulk SQL (a real hash chain, as bench_core does), then runs verify in a
fresh subprocess and prints its peak resident memory (ru_maxrss) and wall time. It is a benchmark,
not a test: it asserts nothing about memory or time.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_core import seed

# Run in a child so the peak memory is verify's own, not the seeding's.
_CHILD = """
import json, resource, sys, time
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.verify import verify
engine = open_database(sys.argv[1])
start = time.perf_counter()
problems = verify(engine)
wall = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"problems": len(problems), "wall_s": wall, "peak_mib": peak_kib / 1024}))
"""


def _high_water_mib(pid: int) -> float:
    """The process's peak resident memory so far (Linux's VmHWM), 0 when it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0


def measure(path: Path, limit_s: float | None = None) -> dict[str, float]:
    """verify's peak RSS, wall time and problems; with `limit_s`, stopped after that long.

    A verify stopped short reports the peak it had reached (read from /proc while it ran) and
    problems -1: memory that does not grow with the pages read is flat long before the end.
    """
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, _high_water_mib(child.pid))
        if limit_s is not None and time.perf_counter() - start > limit_s:
            child.kill()
            child.wait()
            return {"problems": -1, "wall_s": time.perf_counter() - start, "peak_mib": peak}
        time.sleep(0.5)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, "verify")
    assert child.stdout is not None
    result: dict[str, float] = json.loads(child.stdout.read().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, help="reuse (or build once) the store at this path")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "verify.db"
        if not path.exists():
            seed(path, args.members, args.entries)
        r = measure(path)
        print(
            f"verify on {args.entries:,} entries / {args.members:,} members: "
            f"peak RSS {r['peak_mib']:.0f} MiB, {r['wall_s']:.1f} s, {r['problems']:.0f} problems"
        )


if __name__ == "__main__":
    main()
