"""Head-office sync for one till, wired once: for `frontdesk sync` and for the till window.

The credentials file, the sync lock, the PostgreSQL engine and the till's sync store are put
together here and nowhere else. The sync modules (and with them psycopg) are imported inside the
functions: a command or a window start that never syncs never loads them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk import __version__
from frontdesk.domain import messages
from frontdesk.services.context import TillContext
from frontdesk.services.sync_control import (
    SchedulerSyncControl,
    StandaloneSync,
    SyncControl,
)
from frontdesk.services.sync_port import HQ_PROGRAM_SETTING, SyncReport, effective_program
from frontdesk.services.sync_schedule import (
    EVERY_SETTING,
    NIGHTLY_SETTING,
    RETRY_SETTING,
    SyncSchedule,
    SyncScheduler,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from frontdesk.domain.program import Program
    from frontdesk.services.ports import Clock
    from frontdesk.services.sync_recovery import RecoverBooks, Recovered
    from frontdesk.sync.hq_engine import HqLimits
    from frontdesk.sync.sync_deadline import SyncDeadline


class NotConnected(Exception):
    """The till has no head-office credentials yet."""

    key = "not_connected"  # usage_not_connected in the catalogue

    def __init__(self) -> None:
        self.params: dict[str, object] = {}
        super().__init__(messages.say(f"usage_{self.key}"))


def database_path(engine: Engine) -> Path | None:
    """The till database's file; None for an in-memory database (which has no head office)."""
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def connected(db: Path | None) -> bool:
    """Whether `frontdesk hq init` left credentials beside this database."""
    if db is None:
        return False
    from frontdesk.sync import credentials

    return credentials.credentials_path(db).exists()


def run_sync(
    db: Path,
    engine: Engine,
    program: Program,
    clock: Clock,
    *,
    batch: int = 5000,
    pull_too: bool = True,
    started: Callable[[SyncDeadline], None] | None = None,
) -> SyncReport:
    """One sync, exactly as `frontdesk sync` runs it: under the till's sync lock, push then pull.

    Every wait on head office is bounded (`HqLimits`, from the till's settings) and the whole
    sync ends by its deadline. Raises `NotConnected`, `CredentialsUnsafe` (the file is readable
    by others) or `SyncBusy` (another sync of this till is running); head office being
    unreachable, or too slow, is in the report. `started` gets the sync's deadline before the
    first call to head office; another thread may cut the sync short with its `abort()`.
    """
    from frontdesk.persistence.sync_store import SqliteSyncStore
    from frontdesk.services.sync_port import sync_now
    from frontdesk.sync import credentials
    from frontdesk.sync.enrolment import check_till_version
    from frontdesk.sync.hq_engine import make_hq_engine
    from frontdesk.sync.postgres_head_office import PostgresHeadOffice
    from frontdesk.sync.sync_deadline import DeadlineHeadOffice, SyncDeadline
    from frontdesk.sync.sync_lock import SyncLock, lock_path

    path = credentials.credentials_path(db)
    if not path.exists():
        raise NotConnected()
    creds = credentials.load(path)
    limits = hq_limits(engine)
    with SyncLock(lock_path(db)):
        hq = make_hq_engine(creds.url(), limits)
        deadline = SyncDeadline(limits.deadline_seconds)
        deadline.watch(hq)
        deadline.start()
        if started is not None:
            started(deadline)
        try:
            check_till_version(hq, __version__)  # an old till is told to update, not served
            store = SqliteSyncStore(engine, program)
            office = DeadlineHeadOffice(PostgresHeadOffice(hq), deadline)
            return sync_now(store, office, clock, batch=batch, pull_too=pull_too)
        finally:
            deadline.cancel()
            hq.dispose()


def recover_books(
    db: Path, engine: Engine, ctx: TillContext, *, actor: str, approval_id: str | None
) -> Recovered:
    """`frontdesk sync --recover` and the window's 从总部恢复 page: one path for both.

    This till's own books fetched from head office under the till's sync lock, then put in
    place of its own once the approval (SYNC_RECOVER, bound to the till) is used. Raises
    `NotConnected`, `HeadOfficeUnreachable` (nothing used up), `SyncBusy`, or the approval's
    refusal.
    """
    from frontdesk.persistence import chain_recovery
    from frontdesk.services import sync_recovery
    from frontdesk.sync import credentials
    from frontdesk.sync.hq_engine import make_hq_engine
    from frontdesk.sync.postgres_head_office import PostgresHeadOffice
    from frontdesk.sync.sync_lock import SyncLock, lock_path

    path = credentials.credentials_path(db)
    if not path.exists():
        raise NotConnected()
    hq = make_hq_engine(credentials.load(path).url())
    try:
        with SyncLock(lock_path(db)):
            return sync_recovery.recover(
                ctx,
                actor=actor,
                approval_id=approval_id,
                fetch=PostgresHeadOffice(hq).own_records,
                replace=lambda till, records, at, audit: chain_recovery.recover(
                    engine, till, records, at, audit
                ),
            )
    finally:
        hq.dispose()


def books_recovery(engine: Engine) -> RecoverBooks | None:
    """The window's recovery (None for a till with no head office to recover from)."""
    db = database_path(engine)
    if db is None or not connected(db):
        return None

    def recover(ctx: TillContext, actor: str, approval_id: str | None) -> Recovered:
        return recover_books(db, engine, ctx, actor=actor, approval_id=approval_id)

    return recover


def hq_limits(engine: Engine) -> HqLimits:
    """The till's timeouts for head office: its settings over the defaults."""
    from frontdesk.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from frontdesk.sync.hq_engine import (
        CONNECT_SETTING,
        DEADLINE_SETTING,
        STATEMENT_SETTING,
        HqLimits,
    )

    with SqlAlchemyUnitOfWork(engine, write=False) as uow:
        keys = (CONNECT_SETTING, STATEMENT_SETTING, DEADLINE_SETTING)
        return HqLimits.from_settings({k: uow.settings.get(k) for k in keys})


def sync_control(engine: Engine, ctx: TillContext) -> SyncControl:
    """The window's sync: a scheduler over `run_sync` when connected, else standalone."""
    db = database_path(engine)
    if db is None or not connected(db):
        return StandaloneSync()
    with ctx.uow(write=False) as uow:
        settings = {k: uow.settings.get(k) for k in (NIGHTLY_SETTING, EVERY_SETTING, RETRY_SETTING)}
        last = uow.settings.get("last_sync_at")

    # The sync under way, for `abort` from the GUI thread; once closing, every sync is cut at once.
    lock = threading.Lock()
    running: list[SyncDeadline] = []
    closing = False

    def started(deadline: SyncDeadline) -> None:
        with lock:
            running.append(deadline)
            if closing:
                deadline.abort()

    def run(pull_too: bool) -> SyncReport:
        from frontdesk.sync.credentials import CredentialsUnsafe
        from frontdesk.sync.sync_lock import SyncBusy

        try:
            return run_sync(db, engine, ctx.program, ctx.clock, pull_too=pull_too, started=started)
        except (NotConnected, CredentialsUnsafe, SyncBusy) as exc:
            return SyncReport(ok=False, message=str(exc))
        finally:
            with lock:
                running.clear()

    def abort() -> None:
        nonlocal closing
        with lock:
            closing = True
            for deadline in running:
                deadline.abort()

    scheduler = SyncScheduler(ctx.clock, SyncSchedule.from_settings(settings), run)
    when = datetime.fromisoformat(last) if last else None
    return SchedulerSyncControl(scheduler, when, abort)


def with_online_holds(ctx: TillContext, engine: Engine) -> TillContext:
    """The context asking head office for a hold on each stored-value spend, when connected.

    Nothing of psycopg loads until the first hold; a till without head-office credentials asks
    for none (standalone, or its "offline" is the age of its last sync).
    """
    db = database_path(engine)
    if db is None or not connected(db) or ctx.authoriser is not None:
        return ctx
    from frontdesk.sync import credentials
    from frontdesk.sync.postgres_authoriser import (
        TIMEOUT_SETTING,
        PostgresAuthoriser,
        timeout_from,
    )

    path = credentials.credentials_path(db)
    with ctx.uow(write=False) as uow:
        settings = {TIMEOUT_SETTING: uow.settings.get(TIMEOUT_SETTING)}

    def push() -> bool:
        from frontdesk.sync.credentials import CredentialsUnsafe
        from frontdesk.sync.sync_lock import SyncBusy

        try:
            return run_sync(db, engine, ctx.program, ctx.clock, pull_too=False).ok
        except (NotConnected, CredentialsUnsafe, SyncBusy):
            return False

    authoriser = PostgresAuthoriser(
        lambda: credentials.load(path).url(), timeout_from(settings), push=push
    )
    return replace(ctx, authoriser=authoriser)


def head_office_program(ctx: TillContext) -> tuple[TillContext, messages.Notice | None]:
    """The context pricing with head office's program when the till holds a valid one.

    Returns the problem to show when the stored program was refused. Calling it again on its own
    result gives the same program, so the CLI and the window can both apply it.
    """
    with ctx.uow(write=False) as uow:
        stored = uow.settings.get(HQ_PROGRAM_SETTING)
    chosen = effective_program(stored, ctx.program)
    return replace(ctx, program=chosen.program), chosen.problem
