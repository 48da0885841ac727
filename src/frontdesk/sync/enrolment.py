"""Enrolling a till with head office: a one-time code issued there, redeemed by the till.

Head office's admin issues the code (`frontdesk hq enrol`); the till, which never sees the admin
login, redeems it (`frontdesk init --enrol CODE --hq HOST`) and leaves with its own role's login:
a password it made itself, known to no one else, kept with head office's TLS settings.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import Engine, text

from frontdesk.domain.provisioning import (
    EnrolmentCode,
    EnrolmentCodeInvalid,
    EnrolmentUnreachable,
    check_version,
    parse_version,
)
from frontdesk.sync.credentials import HqCredentials
from frontdesk.sync.hq_causes import cause
from frontdesk.sync.hq_engine import migrate_hq
from frontdesk.sync.hq_setup import chain_pin_secret, register_till, role_names, set_login

CODE_LIFETIME = timedelta(days=7)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue_code(
    admin: Engine,
    *,
    store_no: str,
    till_id: str,
    store_name: str,
    lifetime: timedelta = CODE_LIFETIME,
) -> EnrolmentCode:
    """A new code for the till (any earlier one dies): its role may log in with it, once."""
    migrate_hq(admin)
    secret = secrets.token_urlsafe(18)
    with admin.begin() as conn:
        role = register_till(conn, store_no=store_no, till_id=till_id, store_name=store_name)
        chain_pin_secret(conn, None)  # there to hand out when the code is redeemed
        expires = conn.execute(
            text("SELECT now() + CAST(:s || ' seconds' AS interval)"),
            {"s": str(int(lifetime.total_seconds()))},
        ).scalar_one()
        set_login(conn, role, secret, valid_until=expires.isoformat())
        conn.execute(
            text(
                "INSERT INTO enrolment (till_id, secret_hash, expires_at) VALUES (:t, :h, :e) "
                "ON CONFLICT (till_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, "
                "issued_at = now(), expires_at = EXCLUDED.expires_at, redeemed_at = NULL"
            ),
            {"t": till_id, "h": _hash(secret), "e": expires},
        )
    return EnrolmentCode(store_no, till_id, secret)


@dataclass(frozen=True)
class Enrolled:
    credentials: HqCredentials
    store_no: str
    till_id: str
    store_name: str
    pin_secret: bytes  # the chain's, for every PIN hash the till makes


def redeem_code(
    code: EnrolmentCode, *, host: str, port: int, database: str, tls: dict[str, str]
) -> Enrolled:
    """Spend the code as the till's role; the role's password becomes one only this till knows."""
    role = role_names(database, code.store_no, code.till_id)[2]
    first = HqCredentials(host, port, database, role, code.secret, **tls)
    own = HqCredentials(host, port, database, role, secrets.token_urlsafe(24), **tls)
    conninfo = make_conninfo(
        host=host, port=port, dbname=database, user=role, password=code.secret,
        connect_timeout=10, **first.tls(),
    )  # fmt: skip
    try:
        with psycopg.connect(conninfo) as conn:
            # Asked before the code is spent, in the transaction that spends it: both or none.
            secret = conn.execute("SELECT fd_enrolment_pin_secret(%s)", (code.secret,)).fetchone()
            row = conn.execute(
                "SELECT till_id, store_no, store_name FROM fd_redeem_enrolment(%s, %s)",
                (code.secret, own.password),
            ).fetchone()
    except psycopg.Error as exc:
        # A wrong or expired code fails the login (password authentication) or head office's
        # check (FDE01); anything else (unreachable, TLS refused) is said as such by the command.
        if exc.sqlstate in ("FDE01", "28P01") or "password authentication failed" in str(exc):
            raise EnrolmentCodeInvalid() from None
        if isinstance(exc, psycopg.OperationalError):
            zh, en = cause(exc)  # why, in the catalogue's words (a refused CA, no server…)
            where = f"{host}:{port}/{database}"
            raise EnrolmentUnreachable(host=where, cause=zh, cause_en=en) from exc
        raise
    if row is None or secret is None or secret[0] is None:
        raise EnrolmentCodeInvalid()
    return Enrolled(own, str(row[1]), str(row[0]), str(row[2]), bytes.fromhex(str(secret[0])))


def set_min_version(admin: Engine, version: str) -> None:
    parse_version(version)  # refused before anything is written
    migrate_hq(admin)
    with admin.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO hq_setting (key, value) VALUES ('min_till_version', :v) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
            ),
            {"v": version.strip()},
        )


def check_till_version(engine: Engine, mine: str) -> None:
    """Refuses to serve this till when head office asks for a newer one (TillTooOld)."""
    from sqlalchemy.exc import ProgrammingError

    try:
        with engine.connect() as conn:
            minimum = str(conn.execute(text("SELECT fd_min_till_version()")).scalar_one())
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42883":  # a head office before h0008:
            return  # no minimum there; its schema greeting says what to upgrade
        raise
    check_version(mine, minimum)
