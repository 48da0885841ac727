"""The till's device settings as the manager edits them, and the set-up checks, as a small port.

The settings screen talks to this; app.py hands in the implementation backed by the device file
and the hardware checks, so the UI never imports a driver.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class DeviceSettingsForm:
    scanner_port: str  # empty: keyboard-wedge scanner only
    scanner_baudrate: int
    scanner_framing: str  # the line end the scanner sends: CR, LF or CRLF
    printer_backend: str  # network, serial, usb or file
    printer_host: str
    printer_port: int
    paper: str  # a paper profile name such as 58mm or 80mm
    display_port: str = ""  # 客显 (customer display); empty: the till has none
    display_baudrate: int = 2400
    display_pole: str = "led"  # led (8 digits, price lamps) or vfd (two lines of 20)


@dataclass(frozen=True)
class CheckOutcome:
    ok: bool
    message: str  # Chinese, for the technician
    detail: str = ""


class DeviceSettingsInvalid(ValueError):
    """The settings cannot be saved; the message says which and why."""


class DeviceSettings(Protocol):
    def choices(self) -> dict[str, Sequence[str]]:
        """Allowed values for "baudrate", "framing", "backend" and "paper"."""
        ...

    def load(self) -> DeviceSettingsForm: ...

    def save(self, form: DeviceSettingsForm) -> None:
        """Write the device file and use it at once: print queue, scanner and 客显 made again.

        Raises DeviceSettingsInvalid.
        """
        ...

    def test_scan(self, form: DeviceSettingsForm) -> CheckOutcome:
        """Wait (blocking, a few seconds) for one scan on the form's port."""
        ...

    def test_print(self, form: DeviceSettingsForm) -> CheckOutcome:
        """Print a test receipt on the form's printer (blocking)."""
        ...
