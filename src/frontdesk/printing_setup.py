"""Receipt printing for one till, built once from its device file: for the CLI and the window.

The print queue keeps jobs in the till database and prints on the printer named in
``<db>.devices.toml``; a PDF copy goes to the configured folder. Hardware and the job store are
imported inside the functions: a command or a window start that prints nothing never loads
python-escpos, pyserial or reportlab.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.domain import errors
from frontdesk.domain.receipt import Receipt
from frontdesk.services.card_output import CardNotPrinted
from frontdesk.services.printing import Delivery, PrinterFault
from frontdesk.services.till_port import MemberView

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from frontdesk.hardware.config import DeviceConfig
    from frontdesk.persistence.print_jobs import SqlitePrintJobStore
    from frontdesk.services.printing import PrintQueue, ReceiptPrinter

PREVIEW_COLUMNS = 48  # 80 mm paper: the preview reads as the wider roll does


def _ignore(_: object) -> None:
    pass


def _unheard(_receipt_no: str, _delivery: Delivery) -> None:
    pass


def device_config(devices: Path | None) -> DeviceConfig:
    """The device file's settings; no file (or an in-memory database) means the defaults."""
    from frontdesk.hardware.config import DeviceConfig, load_config

    return DeviceConfig() if devices is None else load_config(devices)


def print_queue(
    engine: Engine,
    devices: Path | None,
    on_fault: Callable[[PrinterFault], None] = _ignore,
    on_recovered: Callable[[], None] = lambda: None,
    retry_seconds: float = 5.0,
    *,
    pdf_copies: bool = False,
    on_delivered: Callable[[str, Delivery], None] = _unheard,
) -> tuple[PrintQueue, SqlitePrintJobStore]:
    """This till's queue: jobs in its database, the ESC/POS printer from its device file.

    With ``pdf_copies`` the print worker also files each receipt's PDF copy (see `pdf_copy`).
    """
    from frontdesk.hardware.escpos_printer import EscposReceiptPrinter
    from frontdesk.persistence.print_jobs import SqlitePrintJobStore
    from frontdesk.services.printing import PrintQueue

    config = device_config(devices)
    store = SqlitePrintJobStore(engine)
    printer: ReceiptPrinter = EscposReceiptPrinter(config.printer, config.paper)
    if pdf_copies:
        printer = _PdfCopyFirst(printer, devices)
    queue = PrintQueue(
        printer,
        store,
        on_fault,
        on_recovered,
        retry_seconds=retry_seconds,
        on_delivered=on_delivered,
    )
    return queue, store


def pdf_copy(devices: Path | None, receipt: Receipt) -> PrinterFault | None:
    """File a PDF copy when the device file names a folder; returns the fault, or None."""
    folder = device_config(devices).pdf_folder
    if not folder:
        return None
    from frontdesk.hardware.pdf_receipt import PdfReceiptPrinter

    try:
        PdfReceiptPrinter(Path(folder)).print(receipt)
    except PrinterFault as fault:
        return fault
    return None


class _PdfCopyFirst:
    """A receipt printer that files the PDF copy before the paper one, on the print worker.

    The copy comes first so it exists while the paper printer is down; a retried job writes the
    same file again. A 重印 gets no copy: the original was filed when it was first printed.
    """

    def __init__(self, printer: ReceiptPrinter, devices: Path | None) -> None:
        self._printer = printer
        self._devices = devices

    def print(self, receipt: Receipt) -> Delivery | None:
        if not receipt.header.reprint:
            pdf_copy(self._devices, receipt)  # a PDF fault is not the receipt printer's fault
        return self._printer.print(receipt)


def receipt_text(receipt: Receipt, columns: int = PREVIEW_COLUMNS) -> list[str]:
    """The receipt in the printer's own layout, as plain lines (the barcode is left out)."""
    from frontdesk.hardware.escpos_receipt import text_lines
    from frontdesk.hardware.receipt_layout import receipt_blocks

    return [line.rstrip() for b in receipt_blocks(receipt) for line in text_lines(b, columns)]


@dataclass(frozen=True)
class Listener:
    """Who hears the print thread: a fault, the printer back, and each job's delivery."""

    on_fault: Callable[[PrinterFault], None]
    on_recovered: Callable[[], None]
    on_delivered: Callable[[str, Delivery], None]


class QueuedReceiptOutput:
    """The window's `ReceiptOutput`: a PrintQueue on a worker thread, built on first use.

    The queue (and with it python-escpos and the job store) is made when the window first
    prints or when `start` runs after the window is shown, never before: start-up stays short.
    ``rebuild`` makes a past receipt from its stored ticket when no job kept it (an older sale).
    """

    def __init__(
        self,
        engine: Engine,
        devices: Path | None,
        rebuild: Callable[[str], Receipt | None],
        retry_seconds: float = 5.0,
        refunded: Callable[[str], bool] = lambda _receipt_no: False,
    ) -> None:
        self._engine = engine
        self._devices = devices
        self._rebuild = rebuild
        self._refunded = refunded  # whether a sale was refunded since: its reprint says so
        self._retry_seconds = retry_seconds
        self._lock = threading.Lock()
        self._built: tuple[PrintQueue, SqlitePrintJobStore] | None = None
        self._listeners: list[Listener] = []

    def _queue(self) -> tuple[PrintQueue, SqlitePrintJobStore]:
        with self._lock:
            if self._built is None:
                self._built = print_queue(
                    self._engine,
                    self._devices,
                    self._on_fault,
                    self._on_recovered,
                    self._retry_seconds,
                    pdf_copies=True,
                    on_delivered=self._on_delivered,
                )
                self._built[0].start()
            return self._built

    def _on_fault(self, fault: PrinterFault) -> None:
        for listener in list(self._listeners):
            listener.on_fault(fault)

    def _on_recovered(self) -> None:
        for listener in list(self._listeners):
            listener.on_recovered()

    def _on_delivered(self, receipt_no: str, delivery: Delivery) -> None:
        for listener in list(self._listeners):
            listener.on_delivered(receipt_no, delivery)

    def listen(
        self,
        on_fault: Callable[[PrinterFault], None],
        on_recovered: Callable[[], None],
        on_delivered: Callable[[str, Delivery], None] = _unheard,
    ) -> None:
        self._listeners.append(Listener(on_fault, on_recovered, on_delivered))

    @property
    def fault(self) -> PrinterFault | None:
        return None if self._built is None else self._built[0].fault

    def start(self) -> None:
        self._queue()

    def rebuild(self) -> None:
        """The device file was saved: the queue is made again from it, at once.

        Jobs still pending (the old printer was off) print on the new one; a fault the old
        printer reported is cleared, and the new one reports its own.
        """
        with self._lock:
            built, self._built = self._built, None
        if built is None:
            return
        built[0].stop()
        if built[0].fault is not None:
            self._on_recovered()
        self._queue()

    def stop(self) -> None:
        with self._lock:
            built, self._built = self._built, None
        if built is not None:
            built[0].stop()

    def submit(self, receipt: Receipt) -> None:
        # The PDF copy is made on the print worker with the paper one (reportlab is slow).
        self._queue()[0].submit(receipt)

    def reprint(self, receipt_no: str) -> Receipt:
        receipt_no = receipt_no.strip()
        queue, store = self._queue()
        job = store.for_receipt(receipt_no)
        receipt = job.receipt if job is not None else self._rebuild(receipt_no)
        if receipt is None:
            raise errors.UnknownTicket(receipt_no=receipt_no)
        again = receipt.as_reprint(refunded=self._refunded(receipt_no))
        queue.submit(again)
        return again

    def text(self, receipt: Receipt) -> list[str]:
        """The preview in the configured paper's columns (32 on 58 mm, 48 on 80 mm)."""
        from frontdesk.hardware.config import DeviceConfigInvalid

        try:
            columns = device_config(self._devices).paper.columns
        except (DeviceConfigInvalid, tomllib.TOMLDecodeError, OSError):
            columns = PREVIEW_COLUMNS  # a broken device file: the preview still shows, at 80 mm
        return receipt_text(receipt, columns)


class PdfCardOutput:
    """The window's `CardOutput`: member cards as CR80 PDFs for the card printer.

    Cards go to the device file's PDF folder, where the card printer picks them up, and are then
    made without asking; with no folder set they go beside the database in ``cards/`` and are
    made when the manager presses 打印会员卡.
    """

    def __init__(
        self, devices: Path | None, database: Path | None, store_name: Callable[[], str]
    ) -> None:
        self._devices = devices
        self._database = database
        self._store_name = store_name

    def _folder(self) -> tuple[Path, bool]:
        config = device_config(self._devices)
        if config.pdf_folder:
            return Path(config.pdf_folder), True
        base = Path.cwd() if self._database is None else self._database.parent
        return base / config.card_folder, False

    @property
    def automatic(self) -> bool:
        return self._folder()[1]

    def print_card(self, member: MemberView) -> str:
        from frontdesk.hardware.member_card import CardFace, write_member_card

        folder = self._folder()[0]
        if member.card_no is None:
            raise CardNotPrinted("会员没有可用的卡")
        face = CardFace(self._store_name(), member.tier_name, member.name, member.card_no)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = write_member_card(face, folder / f"member-card-{member.card_no}.pdf")
        except OSError as exc:
            raise CardNotPrinted(f"会员卡未能保存到 {folder}：{exc.strerror or exc}") from None
        return str(path)
