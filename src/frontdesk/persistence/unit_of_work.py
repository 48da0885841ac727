"""The SQLite unit of work: one connection, one transaction, every repository on it."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Self

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from frontdesk.domain.stored_value import PinSecrets
from frontdesk.persistence import repositories as repo
from frontdesk.persistence import tables as t
from frontdesk.persistence.card_returns import SqlCardReturns
from frontdesk.persistence.member_erasure import SqlErasure
from frontdesk.persistence.member_gate import MemberGate, gate_path
from frontdesk.persistence.pin_pepper import PinPepper
from frontdesk.persistence.print_jobs import SqlPrintJobs


class SqlAlchemyUnitOfWork:
    """Nothing is written unless commit() is called; leaving the block discards the rest."""

    till_id: str
    settings: repo.SqlSettings
    staff: repo.SqlStaff
    members: repo.SqlMembers
    accounts: repo.SqlAccounts
    cards: repo.SqlCards
    products: repo.SqlProducts
    ledger: repo.SqlLedger
    tickets: repo.SqlTickets
    audit: repo.SqlAudit
    approvals: repo.SqlApprovals
    shifts: repo.SqlShifts
    outbox: repo.SqlOutbox

    def __init__(
        self,
        engine: Engine,
        *,
        write: bool = True,
        till_id: str = "",
        pepper: PinPepper | None = None,
    ) -> None:
        self.engine = engine
        self.write = write
        self._known_till_id = till_id
        self._pepper = pepper or PinPepper(engine)
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        conn = self.engine.connect().execution_options(write=self.write)
        conn.begin()
        self._conn = conn
        till_id = self._known_till_id or (
            conn.execute(select(t.settings.c.value).where(t.settings.c.key == "till_id")).scalar()
            or ""
        )
        self.till_id = till_id
        self.settings = repo.SqlSettings(conn)
        self.staff = repo.SqlStaff(conn)
        self.members = repo.SqlMembers(conn)
        self.accounts = repo.SqlAccounts(conn)
        self.cards = repo.SqlCards(conn)
        self.products = repo.SqlProducts(conn)
        self.ledger = repo.SqlLedger(conn, till_id)
        self.tickets = repo.SqlTickets(conn)
        self.audit = repo.SqlAudit(conn, till_id)
        self.approvals = repo.SqlApprovals(conn)
        self.shifts = repo.SqlShifts(conn, till_id)
        self.outbox = repo.SqlOutbox(conn)
        self.print_jobs = SqlPrintJobs(conn)
        self.card_returns = SqlCardReturns(conn)
        self.erasure = SqlErasure(conn)
        return self

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("the unit of work is not open")
        return self._conn

    @property
    def pin_pepper(self) -> bytes:
        return self._pepper.get(self.connection)

    @property
    def pin_secrets(self) -> PinSecrets:
        return self._pepper.secrets(self.connection)

    def commit(self) -> None:
        self.connection.commit()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed; a bare rollback is not needed.
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class SqlUnitOfWorkFactory:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._till_id = ""
        self._pepper = PinPepper(engine)
        database = engine.url.database or ":memory:"
        on_disk = database != ":memory:"
        self.member_gate = MemberGate(gate_path(Path(database)) if on_disk else None)

    def __call__(self, *, write: bool = True) -> SqlAlchemyUnitOfWork:
        # A till's id never changes once set, so it is read once instead of on every scan.
        if not self._till_id:
            with self.engine.connect() as conn:
                found = conn.execute(
                    select(t.settings.c.value).where(t.settings.c.key == "till_id")
                )
                self._till_id = found.scalar() or ""
        return SqlAlchemyUnitOfWork(
            self.engine, write=write, till_id=self._till_id, pepper=self._pepper
        )
