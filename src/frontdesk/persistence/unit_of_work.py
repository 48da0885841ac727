"""The SQLite unit of work: one connection, one transaction, every repository on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Generic, Self, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from frontdesk.domain.stored_value import PinSecrets
from frontdesk.persistence import prepared
from frontdesk.persistence import repositories as repo
from frontdesk.persistence import tables as t
from frontdesk.persistence.card_returns import SqlCardReturns
from frontdesk.persistence.member_erasure import SqlErasure
from frontdesk.persistence.member_gate import MemberGate, gate_path
from frontdesk.persistence.member_personal import SqlPersonal
from frontdesk.persistence.pin_pepper import PinPepper
from frontdesk.persistence.print_jobs import SqlPrintJobs
from frontdesk.persistence.record_seal import ChainHeads

R = TypeVar("R")


class _repository(Generic[R]):  # noqa: N801 - a decorator, like functools.cached_property
    """A repository made on first use and kept on the unit of work.

    functools.cached_property would do, but takes a lock on every first use (3.11), and a sale
    makes nine repositories.
    """

    def __init__(self, make: Callable[[SqlAlchemyUnitOfWork], R]) -> None:
        self._make = make
        self._name = make.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, uow: SqlAlchemyUnitOfWork, owner: object = None) -> R:
        made = self._make(uow)
        uow.__dict__[self._name] = made  # a plain attribute from now on: this is not called again
        return made


def _on_connection(repository: Callable[[Connection], R]) -> _repository[R]:
    """A repository that needs nothing but the unit of work's connection."""
    return _repository(lambda uow: repository(uow.connection))


class SqlAlchemyUnitOfWork:
    """Nothing is written unless commit() is called; leaving the block discards the rest.

    A repository is made the first time a use case asks for it: a sale uses half of them, and
    making all fifteen on every unit of work was a measurable part of a sale's CPU.
    """

    till_id: str

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
        prepared.bind(conn)
        till_id = self._known_till_id or (
            conn.execute(select(t.settings.c.value).where(t.settings.c.key == "till_id")).scalar()
            or ""
        )
        self.till_id = till_id
        return self

    # Made on first use; these need nothing but the connection.
    settings = _on_connection(repo.SqlSettings)
    staff = _on_connection(repo.SqlStaff)
    accounts = _on_connection(repo.SqlAccounts)
    products = _on_connection(repo.SqlProducts)
    approvals = _on_connection(repo.SqlApprovals)
    print_jobs = _on_connection(SqlPrintJobs)
    card_returns = _on_connection(SqlCardReturns)
    erasure = _on_connection(SqlErasure)
    # One per transaction, shared: a member the card scan opened is not opened again to save.
    personal = _on_connection(SqlPersonal)

    @_repository
    def members(self) -> repo.SqlMembers:
        return repo.SqlMembers(self.connection, self.personal)

    @_repository
    def cards(self) -> repo.SqlCards:
        return repo.SqlCards(self.connection, self.personal)

    @_repository
    def outbox(self) -> repo.SqlOutbox:
        return repo.SqlOutbox(self.connection, self.personal)

    @_repository
    def chain_heads(self) -> ChainHeads:
        return ChainHeads(self.connection, self.till_id)

    @_repository
    def ledger(self) -> repo.SqlLedger:
        return repo.SqlLedger(self.connection, self.till_id, self.chain_heads)

    @_repository
    def tickets(self) -> repo.SqlTickets:
        return repo.SqlTickets(self.connection, self.chain_heads)

    @_repository
    def audit(self) -> repo.SqlAudit:
        return repo.SqlAudit(self.connection, self.till_id, self.chain_heads)

    @_repository
    def shifts(self) -> repo.SqlShifts:
        return repo.SqlShifts(self.connection, self.till_id)

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
            prepared.unbind(self._conn)
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
