"""The sync lock on this platform and, with the platform pinned, on Windows's msvcrt byte locks."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from frontdesk.sync.sync_lock import SyncBusy, SyncLock, lock_path


class FakeMsvcrt(ModuleType):
    """msvcrt.locking as Windows does it: bytes from the handle's position, held per handle."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int], int] = {}  # (file, first byte) -> handle holding it
        self.attempts: list[int] = []  # where each try to lock started

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        at = os.lseek(fd, 0, os.SEEK_CUR)
        key = (os.fstat(fd).st_ino, at)
        assert nbytes == 1
        if mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise PermissionError(13, "unlocking a region this handle does not hold")
            del self.held[key]
        elif mode == self.LK_NBLCK:
            self.attempts.append(at)
            if key in self.held:
                raise PermissionError(13, "region locked by another handle")
            self.held[key] = fd
        else:
            raise AssertionError(f"unexpected mode {mode}")


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def test_a_second_sync_of_the_same_till_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "till.db")

    with SyncLock(path), pytest.raises(SyncBusy) as busy, SyncLock(path):
        pass

    assert str(busy.value) == "另一个同步正在进行，本次跳过"


def test_the_lock_is_free_again_once_its_holder_is_done(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "till.db")
    with SyncLock(path):
        pass

    with SyncLock(path):
        assert path.read_text() == str(os.getpid())


def test_on_windows_a_second_sync_is_refused_although_the_holder_wrote_its_pid(
    tmp_path: Path, windows: FakeMsvcrt
) -> None:
    path = lock_path(tmp_path / "till.db")

    with SyncLock(path):
        assert path.read_text() == str(os.getpid())  # the file grew past byte 0
        with pytest.raises(SyncBusy), SyncLock(path):
            pass

    assert windows.attempts == [0, 0]  # the second tried the holder's byte, not the file's end
    assert windows.held == {}


def test_on_windows_the_lock_is_released_and_taken_again_at_the_same_byte(
    tmp_path: Path, windows: FakeMsvcrt
) -> None:
    path = lock_path(tmp_path / "till.db")
    for _ in range(3):
        with SyncLock(path):
            pass

    assert windows.attempts == [0, 0, 0]
    assert windows.held == {}
