"""Receipt printing that never blocks or loses a sale: a persistent queue before the printer."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from frontdesk.domain import messages
from frontdesk.domain.receipt import Receipt

if TYPE_CHECKING:
    from frontdesk.services.ports import UnitOfWork


class PrinterFault(Exception):
    """The printer could not print (offline, paper out, timeout); message is for the cashier.

    A fault raised by its catalogue key (`of`) can be said in either language (`text`);
    `message` is its Chinese sentence, the one kept with the print job.
    """

    def __init__(self, message: str, key: str = "", **details: object) -> None:
        self.message = message
        self.key = key
        self.details = details
        super().__init__(message)

    @classmethod
    def of(cls, key: str, **details: object) -> PrinterFault:
        return cls(messages.say(key, messages.ZH, **details), key, **details)

    def text(self, lang: str) -> str:
        """The fault in `lang`; one given only as a sentence is said as it was given."""
        return messages.say(self.key, lang, **self.details) if self.key else self.message


class Delivery(Enum):
    """How far a job got: what the till may tell the cashier about the paper."""

    PRINTED = "printed"  # the printer's status was read back after the job: it took it
    SENT = "sent"  # handed to a printer that reports no status: 已发送, not known printed


DELIVERY_WORDS = {Delivery.PRINTED: "已打印", Delivery.SENT: "已发送"}


class ReceiptPrinter(Protocol):
    def print(self, receipt: Receipt) -> Delivery | None:
        """Print the whole receipt or raise PrinterFault; never print half and return.

        Says how far it got; None is printed (a file written is done, nothing to read back).
        """
        ...


@dataclass(frozen=True)
class PrintJob:
    id: str
    receipt_json: str
    printed: bool = False  # printed or sent: not pending
    delivery: Delivery | None = None

    @property
    def receipt(self) -> Receipt:
        return Receipt.from_json(self.receipt_json)


class PrintJobStore(Protocol):
    def add(self, job: PrintJob) -> None: ...

    def pending(self) -> list[PrintJob]:
        """Jobs not yet printed, oldest first."""
        ...

    def mark_printed(self, job_id: str, delivery: Delivery = Delivery.PRINTED) -> None: ...

    def mark_failed(self, job_id: str, error: str) -> None:
        """Keep the latest fault with the job, so a pending list can say why it waits."""
        ...

    def get(self, job_id: str) -> PrintJob | None: ...


class InMemoryPrintJobStore:
    """A PrintJobStore for tests and for a till that runs without a database."""

    def __init__(self) -> None:
        self._jobs: dict[str, PrintJob] = {}  # dicts keep insertion order: oldest first
        self.errors: dict[str, str] = {}
        self._lock = threading.Lock()

    def add(self, job: PrintJob) -> None:
        with self._lock:
            if job.id in self._jobs:
                raise ValueError(f"print job {job.id} already stored")
            self._jobs[job.id] = job

    def pending(self) -> list[PrintJob]:
        with self._lock:
            return [job for job in self._jobs.values() if not job.printed]

    def mark_printed(self, job_id: str, delivery: Delivery = Delivery.PRINTED) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], printed=True, delivery=delivery)

    def mark_failed(self, job_id: str, error: str) -> None:
        with self._lock:
            self.errors[job_id] = error

    def get(self, job_id: str) -> PrintJob | None:
        with self._lock:
            return self._jobs.get(job_id)


def job_with_operation(uow: UnitOfWork, receipt: Receipt | None, at: datetime) -> None:
    """Write an operation's receipt as its print job in the operation's own transaction.

    This is the outbox: the job commits with the sale (or dies with it), so no kill between a
    commit and the queue can leave a sale without its receipt. The job is named by the receipt
    number, so a later `PrintQueue.submit` of the same receipt prints it instead of adding another.
    """
    if receipt is not None:
        uow.print_jobs.add(receipt.header.receipt_no, receipt.to_json(), at)


def _ignore(_: object) -> None:
    pass


def _unheard(_receipt_no: str, _delivery: Delivery) -> None:
    pass


class PrintQueue:
    """Stores every receipt first, then prints in order; a fault keeps the job for a retry.

    Without start() each submit prints at once in the caller's thread (tests, scripts). After
    start() a worker thread prints, so a sale returns as soon as its job is stored, and it retries
    pending jobs every retry_seconds until the printer is back.
    """

    def __init__(
        self,
        printer: ReceiptPrinter,
        store: PrintJobStore,
        on_fault: Callable[[PrinterFault], None] = _ignore,
        on_recovered: Callable[[], None] = lambda: None,
        retry_seconds: float = 5.0,
        on_delivered: Callable[[str, Delivery], None] = _unheard,
    ) -> None:
        self._printer = printer
        self._store = store
        self._on_fault = on_fault
        self._on_recovered = on_recovered
        # Told each job's receipt number and how far it got: the window says 已打印 or 已发送.
        self._on_delivered = on_delivered
        self._retry_seconds = retry_seconds
        self._print_lock = threading.Lock()  # one job on the wire at a time, in order
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None
        # The printer's current fault, kept whole so each reader says it in their own language.
        self.fault: PrinterFault | None = None
        self.last_delivery: Delivery | None = None  # of the last job that went out

    def submit(self, receipt: Receipt) -> str:
        """Keep the receipt as a job (never lost), then print it or leave it for a retry.

        A receipt whose job was written with its operation (`job_with_operation`) is not
        stored again: that job is the one printed.
        """
        job_id = receipt.header.receipt_no
        if receipt.header.reprint or not job_id or self._store.get(job_id) is None:
            job = PrintJob(id=uuid.uuid4().hex, receipt_json=receipt.to_json())
            self._store.add(job)
            job_id = job.id
        self.kick()
        return job_id

    def kick(self) -> None:
        """Print the pending jobs now, or wake the worker to: the jobs of committed operations."""
        if self._worker is None:
            self.flush()
        else:
            self._wake.set()

    def reprint(self, job_id: str) -> str:
        """Print a past receipt again, marked 重印."""
        job = self._store.get(job_id)
        if job is None:
            raise KeyError(job_id)
        return self.submit(job.receipt.as_reprint())

    def flush(self) -> int:
        """Print pending jobs oldest first; stop at the first fault. Returns how many printed."""
        printed = 0
        with self._print_lock:
            for job in self._store.pending():
                receipt = job.receipt
                try:
                    delivery = self._printer.print(receipt) or Delivery.PRINTED
                except PrinterFault as fault:
                    self._store.mark_failed(job.id, fault.message)
                    if self.fault is None or fault.message != self.fault.message:
                        self._on_fault(fault)
                    self.fault = fault
                    return printed
                self._store.mark_printed(job.id, delivery)
                self.last_delivery = delivery
                self._on_delivered(receipt.header.receipt_no, delivery)
                printed += 1
            if self.fault is not None:
                self.fault = None
                self._on_recovered()
        return printed

    def start(self) -> None:
        if self._worker is not None:
            return
        self._stop.clear()
        self._worker = threading.Thread(target=self._run, name="print-queue", daemon=True)
        self._worker.start()
        self._wake.set()  # jobs left from before a restart print first

    def stop(self, timeout: float = 5.0) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            self._stop.set()
            self._wake.set()
            worker.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self._retry_seconds)
            self._wake.clear()
            if not self._stop.is_set():
                self.flush()
