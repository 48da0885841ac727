"""One sender at a time: an OS file lock next to the till database, released even on SIGKILL.

The lock belongs to the open file, so the kernel drops it when its holder dies however it dies:
a killed sync never blocks the next one, and nothing has to decide whether a holder is "stale".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Self


class SyncBusy(Exception):
    """Another sync of this till is running; this one does nothing."""

    def __init__(self) -> None:
        super().__init__("另一个同步正在进行，本次跳过")


def _lock(f: IO[bytes]) -> None:
    """Take the lock without waiting; OSError if another holder has it."""
    if sys.platform == "win32":
        import msvcrt

        # msvcrt locks bytes from the current position. Always byte 0: a file opened for
        # appending starts at its end, which moves once the holder writes its pid, so two syncs
        # would each lock a different byte and both run.
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(f: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        # Windows wants a locked region unlocked before its file is closed.
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
    # elsewhere closing the file releases the lock, exactly as the death of its holder does


class SyncLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    def __enter__(self) -> Self:
        f = open(self.path, "a+b")  # never truncated before the lock is ours: it holds the pid
        try:
            _lock(f)
        except OSError:
            f.close()
            raise SyncBusy() from None
        f.truncate(0)
        f.write(str(os.getpid()).encode())  # for a person looking: which process syncs
        f.flush()
        self._file = f
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._file is not None:
            try:
                _unlock(self._file)
            finally:
                self._file.close()
                self._file = None


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sync.lock")
