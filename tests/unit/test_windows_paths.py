"""The paths only a Windows till takes, with the platform pinned: the spooler printer backend,
the machine-wide data folder and its ACL, the serial ports the 设备 page offers, and the Task
Scheduler entries the installer registers."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from frontdesk import data_folder
from frontdesk.hardware import escpos_printer
from frontdesk.hardware.escpos_printer import Backend, EscposReceiptPrinter, PrinterConnection
from frontdesk.services.printing import PrinterFault

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


class FakeWin32Raw:
    """python-escpos's Win32Raw without pywin32: records what the spooler would be given."""

    printed: list[tuple[str, bytes]] = []  # noqa: RUF012 - shared by the instances of one test

    def __init__(self, printer_name: str = "") -> None:
        self.name = printer_name

    @staticmethod
    def is_usable() -> bool:
        return True

    def open(self, job_name: str = "") -> None:
        assert job_name == "frontdesk"

    def _raw(self, data: bytes) -> None:
        FakeWin32Raw.printed.append((self.name, data))

    def close(self) -> None:
        pass


def test_the_windows_printer_backend_sends_raw_bytes_to_the_named_spooler_printer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import escpos.printer

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(escpos.printer, "Win32Raw", FakeWin32Raw)
    FakeWin32Raw.printed = []
    connection = PrinterConnection(backend=Backend.WIN32RAW, device="XP-58 (收银)")
    EscposReceiptPrinter(connection).send(b"\x1b@hello")
    assert FakeWin32Raw.printed == [("XP-58 (收银)", b"\x1b@hello")]


def test_the_windows_printer_backend_is_refused_in_chinese_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    connection = PrinterConnection(backend=Backend.WIN32RAW, device="XP-58")
    with pytest.raises(PrinterFault) as fault:
        EscposReceiptPrinter(connection).send(b"x")
    assert str(fault.value) == escpos_printer.NOT_WINDOWS


@pytest.mark.gui  # the device page's settings live in the composition root, which loads Qt
def test_win32raw_is_a_choice_of_the_device_settings(tmp_path: Path) -> None:
    from frontdesk.app import TomlDeviceSettings

    assert "win32raw" in TomlDeviceSettings(tmp_path / "d.toml").choices()["backend"]


@pytest.mark.gui
def test_the_device_page_lists_com_ports_by_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from serial.tools import list_ports

    from frontdesk.app import TomlDeviceSettings

    monkeypatch.setattr(sys, "platform", "win32")
    ports = [SimpleNamespace(device="COM4"), SimpleNamespace(device="COM3")]
    monkeypatch.setattr(list_ports, "comports", lambda: ports)
    assert list(TomlDeviceSettings(tmp_path / "d.toml").choices()["ports"]) == ["COM3", "COM4"]


def test_a_windows_till_keeps_its_data_per_machine_with_an_acl(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    seen: dict[str, Any] = {}
    monkeypatch.setattr(
        data_folder, "site_data_dir", lambda app, appauthor: r"C:\ProgramData\frontdesk"
    )
    assert str(data_folder.default_data_dir()) == r"C:\ProgramData\frontdesk"

    def run(command: list[str], **kw: Any) -> subprocess.CompletedProcess[bytes]:
        seen["command"], seen["check"] = command, kw.get("check")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", run)
    folder = tmp_path / "ProgramData" / "frontdesk"
    data_folder.restrict(folder)
    assert folder.is_dir()
    assert seen["check"] is True
    assert seen["command"] == [
        "icacls", str(folder), "/inheritance:r",
        "/grant:r", "*S-1-5-32-544:(OI)(CI)F", "/grant:r", "*S-1-5-18:(OI)(CI)F",
        "/grant:r", "*S-1-5-32-545:(OI)(CI)M",
    ]  # fmt: skip


def test_a_linux_till_keeps_its_data_per_user_0700(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert "ProgramData" not in str(data_folder.default_data_dir())
    folder = tmp_path / "data"
    data_folder.restrict(folder)
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(("kind", "args"), [
    ("sync", "sync"), ("backup", "backup --nightly --keep 14"),
])  # fmt: skip
def test_the_task_scheduler_entries_run_nightly_without_a_person(kind: str, args: str) -> None:
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    task = ET.parse(INSTALLER / "windows" / f"nightly-{kind}.xml").getroot()
    assert (
        task.findtext("t:Triggers/t:CalendarTrigger/t:ScheduleByDay/t:DaysInterval", None, ns)
        == "1"
    )
    assert task.findtext("t:Settings/t:StartWhenAvailable", None, ns) == "true"
    assert task.findtext("t:Principals/t:Principal/t:UserId", None, ns) == "S-1-5-18"
    command = task.findtext("t:Actions/t:Exec/t:Command", None, ns)
    assert command == r"C:\Program Files\frontdesk\frontdesk.exe"
    arguments = task.findtext("t:Actions/t:Exec/t:Arguments", None, ns) or ""
    assert arguments.endswith(args)
    assert r"C:\ProgramData\frontdesk\till.db" in arguments


def test_the_installer_registers_both_tasks_and_sets_the_acl() -> None:
    script = (INSTALLER / "windows" / "frontdesk.iss").read_text(encoding="utf-8")
    for needed in ("nightly-sync.xml", "nightly-backup.xml", "icacls.exe", "/inheritance:r",
                   "frontdesk-till.exe"):  # fmt: skip
        assert needed in script
