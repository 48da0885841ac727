"""The other Windows-only paths, with the platform pinned: the member PIN gate's byte locks
(msvcrt.LK_LOCK on the member's stripe) and the spooler printer without pywin32 or printer."""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pytest

from frontdesk.hardware import escpos_printer
from frontdesk.hardware.escpos_printer import Backend, EscposReceiptPrinter, PrinterConnection
from frontdesk.persistence.member_gate import STRIPES, MemberGate, gate_path
from frontdesk.services.printing import PrinterFault


class BlockingMsvcrt(ModuleType):
    """msvcrt.locking's blocking mode (LK_LOCK): bytes from the handle's position."""

    LK_UNLCK, LK_LOCK = 0, 1

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[str, int]] = []
        self.held: set[int] = set()

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        at = os.lseek(fd, 0, os.SEEK_CUR)
        assert nbytes == 1
        if mode == self.LK_LOCK:
            assert at not in self.held, "Windows would wait here (another holder)"
            self.held.add(at)
            self.calls.append(("lock", at))
        elif mode == self.LK_UNLCK:
            self.held.remove(at)
            self.calls.append(("unlock", at))
        else:
            raise AssertionError(f"unexpected mode {mode}")


def test_on_windows_a_members_pin_check_locks_the_byte_of_its_stripe_and_frees_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = BlockingMsvcrt()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    gate = MemberGate(gate_path(tmp_path / "till.db"))
    stripe = zlib.crc32(b"m-1") % STRIPES

    with gate.member("m-1"):
        assert fake.held == {stripe}
    with gate.member("m-1"):
        pass

    assert fake.calls == [("lock", stripe), ("unlock", stripe)] * 2
    assert fake.held == set()


def test_the_spooler_printer_without_pywin32_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import escpos.printer

    class NoPywin32:
        @staticmethod
        def is_usable() -> bool:
            return False

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(escpos.printer, "Win32Raw", NoPywin32)
    with pytest.raises(PrinterFault) as fault:
        EscposReceiptPrinter(PrinterConnection(backend=Backend.WIN32RAW, device="XP-58")).send(b"x")
    assert str(fault.value) == escpos_printer.NO_PYWIN32


def test_a_spooler_printer_windows_does_not_know_is_the_printer_offline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import escpos.printer
    from escpos.exceptions import DeviceNotFoundError

    class Missing:
        def __init__(self, name: str) -> None:
            self.name = name

        @staticmethod
        def is_usable() -> bool:
            return True

        def open(self, job_name: str = "") -> None:
            raise DeviceNotFoundError(f"no printer {self.name}")

        def close(self) -> None:
            pass

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(escpos.printer, "Win32Raw", Missing)
    with pytest.raises(PrinterFault) as fault:
        EscposReceiptPrinter(PrinterConnection(backend=Backend.WIN32RAW, device="无此打印机")).send(
            b"x"
        )
    assert str(fault.value) == escpos_printer.OFFLINE
