"""Connecting to head office: one small pool, short timeouts, errors that say "unreachable"."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url

MIGRATIONS = Path(__file__).with_name("hq_migrations")


def hq_url(url: str | URL) -> URL:
    """Any postgresql:// address, driven by psycopg 3."""
    u = make_url(url)
    return u.set(drivername="postgresql+psycopg")


def make_hq_engine(url: str | URL) -> Engine:
    # A till on a shop's line should fail fast and retry later, not hang the nightly job.
    return create_engine(
        hq_url(url), pool_size=1, max_overflow=1, connect_args={"connect_timeout": 10}
    )


def migrate_hq(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
