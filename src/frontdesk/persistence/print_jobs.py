"""Print jobs kept in the till database: a receipt waiting for paper survives a restart.

An operation's receipt is written by `SqlPrintJobs` in the operation's own transaction (an
outbox: a committed sale always has its job). The store's calls are each their own short
transaction on their own connection: printing never runs inside a sale's transaction, and a sale
never waits for the printer. The table is not append-only: a job is marked printed, and its last
error is overwritten on each try.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, Insert, func, insert, literal_column, select, update
from sqlalchemy.engine import Connection

from frontdesk.persistence.tables import print_job
from frontdesk.services.printing import Delivery, PrintJob

# Insertion order, oldest first: unlike created_at it never ties nor goes back with the clock.
_ROWID: ColumnElement[int] = literal_column("rowid")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _insert(job_id: str, receipt_json: str, at: datetime, printed: bool = False) -> Insert:
    return insert(print_job).values(
        job_id=job_id,
        created_at=at.isoformat(),
        receipt=receipt_json,
        printed_at=at.isoformat() if printed else None,
    )


class SqlPrintJobs:
    """The unit of work's `PrintJobs`: jobs written on the operation's own connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, job_id: str, receipt_json: str, at: datetime) -> None:
        self._conn.execute(_insert(job_id, receipt_json, at))


class SqlitePrintJobStore:
    """A PrintJobStore on the `print_job` table of the till database."""

    def __init__(self, engine: Engine, now: Callable[[], datetime] = _utc_now) -> None:
        self._engine = engine
        self._now = now

    def add(self, job: PrintJob) -> None:
        with self._engine.connect().execution_options(write=True) as conn:
            conn.execute(_insert(job.id, job.receipt_json, self._now(), job.printed))
            conn.commit()

    def pending(self) -> list[PrintJob]:
        query = (
            select(print_job.c.job_id, print_job.c.receipt)
            .where(print_job.c.printed_at.is_(None))
            .order_by(_ROWID)
        )
        with self._engine.connect() as conn:
            return [PrintJob(row.job_id, row.receipt) for row in conn.execute(query)]

    def mark_printed(self, job_id: str, delivery: Delivery = Delivery.PRINTED) -> None:
        self._set(
            job_id, printed_at=self._now().isoformat(), last_error=None, delivery=delivery.value
        )

    def mark_failed(self, job_id: str, error: str) -> None:
        self._set(job_id, last_error=error)

    def get(self, job_id: str) -> PrintJob | None:
        query = select(print_job).where(print_job.c.job_id == job_id)
        with self._engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        return None if row is None else _job(row)

    def last_error(self, job_id: str) -> str | None:
        query = select(print_job.c.last_error).where(print_job.c.job_id == job_id)
        with self._engine.connect() as conn:
            value = conn.execute(query).scalar_one_or_none()
        return None if value is None else str(value)

    def for_receipt(self, receipt_no: str) -> PrintJob | None:
        """The first job printed for a receipt number (not a 重印), as it was at the sale."""
        header = print_job.c.receipt
        query = (
            select(print_job)
            .where(func.json_extract(header, "$.header.receipt_no") == receipt_no)
            .where(func.json_extract(header, "$.header.reprint").is_not(True))
            .order_by(_ROWID)
            .limit(1)
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        return None if row is None else _job(row)

    def _set(self, job_id: str, **values: str | None) -> None:
        with self._engine.connect().execution_options(write=True) as conn:
            conn.execute(update(print_job).where(print_job.c.job_id == job_id).values(**values))
            conn.commit()


def _job(row: Any) -> PrintJob:
    printed = row.printed_at is not None
    delivery = Delivery(row.delivery) if row.delivery else (Delivery.PRINTED if printed else None)
    return PrintJob(row.job_id, row.receipt, printed, delivery)
