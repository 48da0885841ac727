"""`frontdesk hq init`: migrate head office and give a till its own least-privilege login."""

from __future__ import annotations

import re
import secrets

from psycopg import sql
from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from frontdesk.services.sync_port import program_from_text
from frontdesk.sync.credentials import HqCredentials, tls_of
from frontdesk.sync.hq_engine import migrate_hq
from frontdesk.sync.hq_migrations.versions.h0003_authority import (
    BOOKS,
    MEMBER_READABLE,
    PUSH_FUNCTIONS,
)
from frontdesk.sync.hq_migrations.versions.h0004_holds import HOLD_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0005_pin_lock import PIN_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0006_schema_version import GREET_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0008_enrolment_catalog import ENROL_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0009_record_chains import CHAIN_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0010_staff import STAFF_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0012_pin_secret import PIN_SECRET_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0021_folded_arrivals import FOLD_FUNCTIONS
from frontdesk.sync.hq_migrations.versions.h0023_member_keys import KEY_FUNCTIONS

# What a store may do: read its own books (row-level security narrows them to its tills) and
# master data, and push through head office's checking functions. No direct INSERT, UPDATE or
# DELETE on the books, ever: the functions are the only way in.
_READ = ["store", "till", "card", "product", "program", "store_price"]
_PULL_FUNCTIONS = [
    "fd_member_totals(bigint)",
    "fd_last_arrival()",
    "fd_tier_events(bigint)",
    "fd_last_ticket_arrival()",
]


def _ident(conn: Connection, name: str) -> str:
    raw = conn.connection.driver_connection
    return sql.Identifier(name).as_string(raw)


def role_names(database: str, store_no: str, till_id: str) -> tuple[str, str, str]:
    """(all stores, this store, this till); roles are cluster-wide, so they carry the database."""
    db = re.sub(r"[^a-z0-9_]", "_", database.lower())[:30]
    tag = re.sub(r"[^a-z0-9_]", "_", till_id.lower())
    return f"{db}_stores", f"{db}_store_{store_no}", f"{db}_till_{tag}"


def _ensure_role(conn: Connection, name: str, member_of: str | None) -> None:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if exists is None:
        conn.exec_driver_sql(f"CREATE ROLE {_ident(conn, name)} NOLOGIN")
    if member_of is not None:
        conn.exec_driver_sql(f"GRANT {_ident(conn, member_of)} TO {_ident(conn, name)}")


def _grant(conn: Connection, group: str) -> None:
    g = _ident(conn, group)
    for table in BOOKS:
        conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {table} FROM {g}")
        conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {g}")
    for table in _READ:
        conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {g}")
    # The member master only through the pull (fd_pull_members): the members that changed, with
    # the PIN hash a till needs to check a PIN offline; no ad-hoc query over every store's
    # phones and PIN hashes.
    conn.exec_driver_sql(f"REVOKE SELECT ON member FROM {g}")
    conn.exec_driver_sql(f"REVOKE SELECT ({MEMBER_READABLE}, pin_hash) ON member FROM {g}")
    sequences = "arrival_seq, sync_problem_problem_id_seq"
    conn.exec_driver_sql(f"REVOKE USAGE ON SEQUENCE {sequences} FROM {g}")
    # Holds only through head office's functions too: it counts the balance, the till asks.
    conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON balance_hold FROM {g}")
    conn.exec_driver_sql(f"GRANT SELECT ON balance_hold TO {g}")
    conn.exec_driver_sql(f"GRANT SELECT ON till_chain_head TO {g}")
    conn.exec_driver_sql(f"GRANT SELECT ON card_return TO {g}")  # its own (h0013, h0017)
    functions = ", ".join(
        [
            *_PULL_FUNCTIONS,
            *PUSH_FUNCTIONS,
            *HOLD_FUNCTIONS,
            *PIN_FUNCTIONS,
            *GREET_FUNCTIONS,
            *ENROL_FUNCTIONS,
            *CHAIN_FUNCTIONS,
            *STAFF_FUNCTIONS,
            *PIN_SECRET_FUNCTIONS,
            *FOLD_FUNCTIONS,
            *KEY_FUNCTIONS,
        ]
    )
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {functions} TO {g}")
    for view in ("account_balance", "negative_account", "spend_after_revocation"):
        conn.exec_driver_sql(f"REVOKE ALL ON {view} FROM PUBLIC")


def register_till(conn: Connection, *, store_no: str, till_id: str, store_name: str) -> str:
    """The store and the till at head office, with the till's role (no login yet); its name."""
    database = str(conn.execute(text("SELECT current_database()")).scalar_one())
    group, store_role, till_role = role_names(database, store_no, till_id)
    _ensure_role(conn, group, None)
    _ensure_role(conn, store_role, group)
    _ensure_role(conn, till_role, store_role)
    _grant(conn, group)
    conn.execute(
        text(
            "INSERT INTO store (store_no, name) VALUES (:s, :n) "
            "ON CONFLICT (store_no) DO UPDATE SET name = EXCLUDED.name"
        ),
        {"s": store_no, "n": store_name},
    )
    conn.execute(
        text(
            "INSERT INTO till (till_id, store_no, role_name) VALUES (:t, :s, :r) "
            "ON CONFLICT (till_id) DO UPDATE SET role_name = EXCLUDED.role_name"
        ),
        {"t": till_id, "s": store_no, "r": till_role},
    )
    return till_role


def set_login(conn: Connection, role: str, password: str, valid_until: str = "infinity") -> None:
    raw = conn.connection.driver_connection
    statement = sql.SQL("ALTER ROLE {} LOGIN PASSWORD {} VALID UNTIL {}").format(
        sql.Identifier(role), sql.Literal(password), sql.Literal(valid_until)
    )
    conn.exec_driver_sql(statement.as_string(raw))


def init_head_office(
    admin: Engine, *, store_no: str, till_id: str, store_name: str
) -> HqCredentials:
    """Idempotent: a second run for the same till gives it a fresh password (the old one dies)."""
    migrate_hq(admin)
    password = secrets.token_urlsafe(24)
    with admin.begin() as conn:
        database = str(conn.execute(text("SELECT current_database()")).scalar_one())
        till_role = register_till(conn, store_no=store_no, till_id=till_id, store_name=store_name)
        set_login(conn, till_role, password)
    url = admin.url
    return HqCredentials(
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database=url.database or database,
        role=till_role,
        password=password,
        **tls_of(url),  # the admin's verify-full and CA are the till's too
    )


def chain_pin_secret(conn: Connection, offered: bytes | None) -> bytes:
    """The chain's PIN secret (hq_setting, no store role reads it); the first asks makes it.

    The first till to join offers its own secret, so the PINs of a store that grew into a chain
    keep checking everywhere; with nothing offered, a fresh one is made.
    """
    value = (offered or secrets.token_bytes(32)).hex()
    conn.execute(
        text(
            "INSERT INTO hq_setting (key, value) VALUES ('pin_secret', :v) "
            "ON CONFLICT (key) DO NOTHING"
        ),
        {"v": value},
    )
    stored = conn.execute(text("SELECT value FROM hq_setting WHERE key = 'pin_secret'"))
    return bytes.fromhex(str(stored.scalar_one()))


def join_pin_secret(admin: Engine, offered: bytes | None) -> bytes:
    """`hq init` hands the till the chain's PIN secret (see `chain_pin_secret`)."""
    migrate_hq(admin)
    with admin.begin() as conn:
        return chain_pin_secret(conn, offered)


def publish_program(admin: Engine, body: str) -> int:
    """`frontdesk hq program`: a new program version for every till, refused here if invalid."""
    program_from_text(body)
    with admin.begin() as conn:
        return int(
            conn.execute(
                text("INSERT INTO program (body) VALUES (:b) RETURNING version"), {"b": body}
            ).scalar_one()
        )
