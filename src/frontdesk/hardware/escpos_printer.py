"""ESC/POS receipt printer over network (port 9100), serial, USB or a file, with Chinese faults."""

from __future__ import annotations

import errno
import socket
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import serial

from frontdesk.domain import messages
from frontdesk.domain.receipt import Receipt
from frontdesk.hardware.escpos_receipt import PAPER_58MM, PaperProfile, render_escpos
from frontdesk.services.printing import Delivery, PrinterFault

# The faults raised here, by catalogue key; their Chinese sentences are kept by name for the
# screens and tests that show one.
_OFFLINE, _TIMEOUT = "notice_printer_offline", "notice_printer_timeout"
_PAPER_OUT, _NO_STATUS = "notice_printer_paper_out", "notice_printer_no_status"
_NOT_WINDOWS, _NO_PYWIN32 = "notice_printer_not_windows", "notice_printer_no_pywin32"
OFFLINE, TIMEOUT, PAPER_OUT = (
    messages.say(_OFFLINE),
    messages.say(_TIMEOUT),
    messages.say(_PAPER_OUT),
)
NO_STATUS, NOT_WINDOWS = messages.say(_NO_STATUS), messages.say(_NOT_WINDOWS)
NO_PYWIN32 = messages.say(_NO_PYWIN32)

_DLE_EOT_PAPER = b"\x10\x04\x04"  # real-time status: paper roll sensor
_DLE_EOT_PRINTER = b"\x10\x04\x01"  # real-time status: the printer's own
_PAPER_END_BITS = 0x60


class Backend(Enum):
    NETWORK = "network"
    SERIAL = "serial"
    USB = "usb"
    FILE = "file"
    WIN32RAW = "win32raw"  # a printer installed in Windows, through its spooler (RAW data type)


@dataclass(frozen=True)
class PrinterConnection:
    backend: Backend = Backend.NETWORK
    host: str = "192.168.1.100"
    port: int = 9100
    device: str = ""  # serial port or file path
    baudrate: int = 9600
    usb_vendor: int = 0
    usb_product: int = 0
    timeout: float = 3.0  # short: a dead printer must not hold a sale, the queue retries later
    # The printer answers DLE EOT: paper is asked before the job and its status read back after
    # it, and only then is the job printed; without it a job is only sent (已发送).
    check_paper: bool = False


class EscposReceiptPrinter:
    """A ReceiptPrinter: renders the whole job first, then sends it in one write."""

    def __init__(self, connection: PrinterConnection, paper: PaperProfile = PAPER_58MM) -> None:
        self.connection = connection
        self.paper = paper

    def print(self, receipt: Receipt) -> Delivery:
        return self.send(render_escpos(receipt, self.paper))

    def send(self, job: bytes) -> Delivery:
        """Send the job; PRINTED when the printer's status came back after it, else SENT."""
        c = self.connection
        try:
            match c.backend:
                case Backend.NETWORK:
                    return _send_network(c, job)
                case Backend.SERIAL:
                    return _send_serial(c, job)
                case Backend.FILE:
                    with Path(c.device).open("ab") as out:
                        out.write(job)
                    return Delivery.SENT
                case Backend.USB:
                    _send_usb(c, job)
                    return Delivery.SENT
                case Backend.WIN32RAW:
                    _send_win32raw(c, job)  # the spooler says nothing of the paper
                    return Delivery.SENT
        except PrinterFault:
            raise
        except (TimeoutError, serial.SerialTimeoutException) as exc:
            raise PrinterFault.of(_TIMEOUT) from exc
        except (OSError, serial.SerialException) as exc:
            if exc.errno == errno.ETIMEDOUT:
                raise PrinterFault.of(_TIMEOUT) from exc
            raise PrinterFault.of(_OFFLINE) from exc


def _read_back(status: bytes) -> Delivery:
    """The status after the job: an answer means the printer read everything before it."""
    if not status:
        raise PrinterFault.of(_NO_STATUS)
    return Delivery.PRINTED


def _send_network(c: PrinterConnection, job: bytes) -> Delivery:
    # A plain socket rather than escpos.printer.Network: its open() leaks the socket when the
    # printer refuses the connection, and an offline printer is exactly the case that must be clean.
    with socket.create_connection((c.host, c.port), timeout=c.timeout) as sock:
        if c.check_paper:
            sock.sendall(_DLE_EOT_PAPER)
            status = sock.recv(1)
            if status and status[0] & _PAPER_END_BITS == _PAPER_END_BITS:
                raise PrinterFault.of(_PAPER_OUT)
        sock.sendall(job)
        if not c.check_paper:
            return Delivery.SENT
        # Real-time status is answered in the order the printer reads its input: a reply means
        # the job ahead of the request was read; a printer that never reads never replies.
        sock.sendall(_DLE_EOT_PRINTER)
        return _read_back(sock.recv(1))


def _send_serial(c: PrinterConnection, job: bytes) -> Delivery:
    with serial.serial_for_url(
        c.device, baudrate=c.baudrate, timeout=c.timeout, write_timeout=c.timeout
    ) as port:
        if c.check_paper:
            port.write(_DLE_EOT_PAPER)
            status = port.read(1)
            if status and status[0] & _PAPER_END_BITS == _PAPER_END_BITS:
                raise PrinterFault.of(_PAPER_OUT)
        port.write(job)
        port.flush()
        if not c.check_paper:
            return Delivery.SENT
        port.write(_DLE_EOT_PRINTER)
        return _read_back(port.read(1))


def _send_usb(c: PrinterConnection, job: bytes) -> None:
    from escpos.exceptions import DeviceNotFoundError, USBNotFoundError
    from escpos.printer import Usb

    if not Usb.is_usable():
        raise PrinterFault.of("notice_printer_no_usb")
    printer = Usb(c.usb_vendor, c.usb_product, timeout=int(c.timeout * 1000))
    try:
        printer.open()
        printer._raw(job)
    except (DeviceNotFoundError, USBNotFoundError) as exc:
        raise PrinterFault.of(_OFFLINE) from exc
    finally:
        printer.close()


def on_windows() -> bool:
    """Read when asked (not when imported), so a test can pin the platform."""
    return sys.platform.startswith("win")


def _send_win32raw(c: PrinterConnection, job: bytes) -> None:
    """Through the Windows spooler as RAW bytes: the printer's name in ``device`` (or ``host``)."""
    if not on_windows():
        raise PrinterFault.of(_NOT_WINDOWS)
    from escpos.exceptions import DeviceNotFoundError
    from escpos.printer import Win32Raw

    if not Win32Raw.is_usable():
        raise PrinterFault.of(_NO_PYWIN32)
    printer = Win32Raw(c.device or c.host)
    try:
        printer.open(job_name="frontdesk")
        printer._raw(job)
    except DeviceNotFoundError as exc:
        raise PrinterFault.of(_OFFLINE) from exc
    finally:
        printer.close()
