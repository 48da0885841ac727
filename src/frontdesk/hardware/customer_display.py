"""The customer display (客显) on a serial port: frames from the domain, written as they come.

A display fault never stops a sale: the till logs it, says nothing to the customer's side, and
tries to open the port again on the next update.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass

import serial

from frontdesk.domain.customer_display import INIT, Pole, Shown, frames

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DisplaySettings:
    """``[display]`` in the device file; an empty port means the till has no display."""

    port: str = ""  # any pyserial URL, like the scanner's
    baudrate: int = 2400  # what most poles ship set to
    pole: str = Pole.LED.value  # "led" (8 digits, 4 lamps) or "vfd" (two lines of 20)
    encoding: str = "gb18030"

    def __post_init__(self) -> None:
        Pole(self.pole)  # an unknown kind fails when the settings are read, not at a sale
        "".encode(self.encoding)


class SerialCustomerDisplay:
    """Shows each update at once; thread-safe, and quiet when the port is gone."""

    def __init__(self, settings: DisplaySettings) -> None:
        self.settings = settings
        self._port: serial.SerialBase | None = None
        self._lock = threading.Lock()

    def show(self, shown: Shown) -> None:
        data = frames(shown, Pole(self.settings.pole), self.settings.encoding)
        with self._lock:
            try:
                if self._port is None:
                    self._port = serial.serial_for_url(
                        self.settings.port, baudrate=self.settings.baudrate, timeout=1
                    )
                    self._port.write(INIT)
                self._port.write(data)
                self._port.flush()
            except (serial.SerialException, OSError):
                log.warning("customer display on %s is not answering", self.settings.port)
                self.close_port()

    def close_port(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()
