"""One sender at a time: an OS file lock next to the till database, released even on SIGKILL."""

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


class SyncLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    def __enter__(self) -> Self:
        f = open(self.path, "a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            f.close()
            raise SyncBusy() from None
        f.truncate(0)
        f.write(str(os.getpid()).encode())
        f.flush()
        self._file = f
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Closing the file releases the lock; the kernel does the same for a killed process.
        if self._file is not None:
            self._file.close()
            self._file = None


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sync.lock")
