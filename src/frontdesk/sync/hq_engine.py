"""Connecting to head office: one small pool, bounded waits, errors that say "unreachable"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url

from frontdesk.resources import migrations_dir

MIGRATIONS = migrations_dir("sync/hq_migrations")  # found like every shipped file

# Till settings (seconds) that override the defaults below; a missing or bad value keeps them.
CONNECT_SETTING = "sync_connect_timeout_seconds"
STATEMENT_SETTING = "sync_statement_timeout_seconds"
DEADLINE_SETTING = "sync_deadline_seconds"

# A line that died without a word (a pulled cable, a router that lost its state) is noticed by
# the kernel: keepalive probes after 10 s of silence, every 5 s, three missed mean dead (~25 s);
# data the other end never acknowledges fails the connection after 20 s.
_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 20_000,  # ms; Linux only, libpq ignores it elsewhere
}


@dataclass(frozen=True)
class HqLimits:
    """How long one till sync may wait on head office: each step and the whole sync."""

    connect_seconds: float = 5
    statement_seconds: float = 30  # also how long head office keeps a till idle in a transaction
    deadline_seconds: float = 120  # the whole sync, push and pull; then it is cut off

    @classmethod
    def from_settings(cls, settings: Mapping[str, str | None]) -> HqLimits:
        default = cls()

        def seconds(key: str, fallback: float) -> float:
            try:
                value = float(settings.get(key) or "")
            except ValueError:
                return fallback
            return value if 0 < value < 86_400 else fallback

        return cls(
            connect_seconds=seconds(CONNECT_SETTING, default.connect_seconds),
            statement_seconds=seconds(STATEMENT_SETTING, default.statement_seconds),
            deadline_seconds=seconds(DEADLINE_SETTING, default.deadline_seconds),
        )


def hq_url(url: str | URL) -> URL:
    """Any postgresql:// address, driven by psycopg 3."""
    u = make_url(url)
    return u.set(drivername="postgresql+psycopg")


def _connect_args(limits: HqLimits | None) -> dict[str, Any]:
    if limits is None:
        # Admin work (hq init, reports) may run long statements; it only must not hang connecting.
        return {"connect_timeout": 10, **_KEEPALIVES}
    ms = max(1, round(limits.statement_seconds * 1000))
    return {
        "connect_timeout": max(2, round(limits.connect_seconds)),  # libpq's floor is 2 s
        **_KEEPALIVES,
        # statement_timeout bounds what head office runs for us; the idle timeout frees the push
        # lock when the till vanished mid-transaction and head office never heard it go.
        "options": f"-c statement_timeout={ms} -c idle_in_transaction_session_timeout={ms}",
    }


def make_hq_engine(url: str | URL, limits: HqLimits | None = None) -> Engine:
    """The engine a till syncs through (with `limits`), or an admin one (without)."""
    return create_engine(
        hq_url(url), pool_size=1, max_overflow=1, connect_args=_connect_args(limits)
    )


def migrate_hq(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
