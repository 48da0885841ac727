"""One PIN check of a member at a time on this till: across threads and across processes.

A PIN check reads the member's count of wrong tries, runs the slow hash, then counts. Two checks
of one member side by side would both read the same count and a sixth wrong PIN could still be
checked. The gate puts them in a row without holding the database's write lock over the hash:
a lock per member stripe, in this process (a thread lock) and between processes (a byte-range
lock on one file next to the database, dropped by the kernel when its holder dies).
"""

from __future__ import annotations

import sys
import threading
import weakref
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

STRIPES = 64  # members share a stripe now and then: their checks wait ~one hash for each other


def gate_path(db: Path) -> Path:
    return db.with_name(db.name + ".pins.lock")


class MemberGate:
    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: an in-memory database, one process only
        self._threads = [threading.Lock() for _ in range(STRIPES)]
        self._file: IO[bytes] | None = None
        self._open = threading.Lock()

    def _handle(self) -> IO[bytes] | None:
        with self._open:
            if self._file is None and self.path is not None:
                # Kept open for the process's life: closing any handle on the file would drop
                # every byte-range lock this process holds on it (POSIX).
                self._file = open(self.path, "a+b")  # noqa: SIM115
                weakref.finalize(self, self._file.close)  # closed with the gate, not left to GC
            return self._file

    @contextmanager
    def member(self, member_id: str) -> Iterator[None]:
        stripe = zlib.crc32(member_id.encode()) % STRIPES
        with self._threads[stripe]:
            f = self._handle()
            if f is None:
                yield
                return
            _lock(f, stripe)
            try:
                yield
            finally:
                _unlock(f, stripe)


def _lock(f: IO[bytes], stripe: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        f.seek(stripe)
        msvcrt.locking(f.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s, then OSError
    else:
        import fcntl

        fcntl.lockf(f.fileno(), fcntl.LOCK_EX, 1, stripe)


def _unlock(f: IO[bytes], stripe: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        f.seek(stripe)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.lockf(f.fileno(), fcntl.LOCK_UN, 1, stripe)
