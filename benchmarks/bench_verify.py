"""Peak memory and time of `frontdesk verify` on a big store.

Run from the repository root: .venv/bin/python -m benchmarks.bench_verify [--members 100000] [--entries 1000000] [--db PATH]
Builds the store once with bulk SQL (a real hash chain, as bench_core does), then runs verify in a
fresh subprocess and prints its peak resident memory (ru_maxrss) and wall time. It is a benchmark,
not a test: it asserts nothing about memory or time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
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


def measure(path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out.splitlines()[-1])
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
