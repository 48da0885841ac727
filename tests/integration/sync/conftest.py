"""Fixtures for head-office sync: a fresh PostgreSQL database per module and real SQLite tills."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url

from frontdesk.config import load_program
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.sync_store import SqliteSyncStore
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.provisioning import join_chain_secret
from frontdesk.services import shifts, staff
from frontdesk.services.context import TillContext
from frontdesk.services.sync_port import SyncReport, sync_now
from frontdesk.sync import credentials
from frontdesk.sync.credentials import HqCredentials
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_setup import init_head_office
from frontdesk.sync.postgres_head_office import PostgresHeadOffice

ADMIN = ("9001", "9001")
PRODUCTS = [
    Product("6901234567892", "矿泉水", Fen(200), True),
    Product("6900000000017", "大米", Fen(5000), True),
]


@dataclass
class MovableClock:
    at: datetime = field(default_factory=lambda: datetime(2026, 3, 10, 10, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.at

    def advance(self, **kw: float) -> None:
        self.at += timedelta(**kw)


@dataclass
class Till:
    path: Path
    engine: Engine
    ctx: TillContext
    clock: MovableClock
    till_id: str
    creds: HqCredentials | None = None

    def sync(self, *, batch: int = 500, pull_too: bool = True) -> SyncReport:
        assert self.creds is not None
        hq = make_hq_engine(self.creds.url())
        try:
            store = SqliteSyncStore(self.engine, self.ctx.program)
            return sync_now(
                store, PostgresHeadOffice(hq), self.clock, batch=batch, pull_too=pull_too
            )
        finally:
            hq.dispose()


@pytest.fixture(scope="module")
def hq_admin_url() -> Iterator[URL]:
    """A database of its own for each test module, dropped (with its roles) afterwards."""
    raw = os.environ.get("FRONTDESK_HQ_TEST_URL")
    if not raw:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("FRONTDESK_HQ_TEST_URL is not set: CI must test against PostgreSQL")
        pytest.skip("FRONTDESK_HQ_TEST_URL is not set (run scripts/hq-postgres start)")
    server = make_hq_engine(raw)
    name = f"fdsync_{uuid.uuid4().hex[:10]}"
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(raw).set(database=name)
    finally:
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            roles = conn.execute(
                text(
                    "SELECT rolname FROM pg_roles WHERE rolname LIKE :p "
                    "ORDER BY length(rolname) DESC"
                ),
                {"p": f"{name}\\_%"},
            ).scalars()
            for role in list(roles):
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        server.dispose()


@pytest.fixture(scope="module")
def hq_admin(hq_admin_url: URL) -> Iterator[Engine]:
    engine = make_hq_engine(hq_admin_url)
    yield engine
    engine.dispose()


@pytest.fixture
def make_till(tmp_path: Path, hq_admin: Engine) -> Iterator[Callable[..., Till]]:
    """A till built as `frontdesk init` builds it, with a shift open and the catalog loaded."""
    engines: list[Engine] = []

    def build(
        store: int, till: int, *, connect: bool = True, clock: MovableClock | None = None
    ) -> Till:
        path = tmp_path / f"till-{store:03d}-{till:02d}.db"
        engine = open_database(path, create=True)
        engines.append(engine)
        clock = clock or MovableClock()
        ctx = TillContext(SqlUnitOfWorkFactory(engine), clock, load_program())
        till_id = staff.init_till(
            ctx,
            store_no=store,
            till_no=till,
            store_name=f"门店{store}",
            admin_no=ADMIN[0],
            admin_name="管理员",
            admin_pin=ADMIN[1],
        )
        with ctx.uow() as uow:
            for p in PRODUCTS:
                uow.products.upsert(p)
            uow.commit()
        shifts.open_shift(ctx, cashier=ADMIN[0], opening_float=Fen(10000))
        t = Till(path, engine, ctx, clock, till_id)
        if connect:
            connect_till(t, hq_admin)
        return t

    yield build
    for e in engines:
        e.dispose()


def connect_till(till: Till, hq_admin: Engine) -> None:
    """`frontdesk hq init` for one till: its own login, kept in a 0600 file, and a first sync."""
    store_no = till.till_id.split("-")[0]
    creds = init_head_office(hq_admin, store_no=store_no, till_id=till.till_id, store_name="门店")
    credentials.save(credentials.credentials_path(till.path), creds)
    join_chain_secret(till.path, hq_admin)  # and the chain's PIN secret, as `hq init` takes it
    till.creds = creds
    with till.ctx.uow() as uow:
        uow.settings.set("hq_configured", "1")
        uow.commit()
    report = till.sync()
    assert report.ok, report.text


def hq_rows(hq_admin: Engine, query: str, **params: object) -> list[tuple[object, ...]]:
    with hq_admin.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]
