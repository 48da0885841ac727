"""Tickets (with lines and tenders) and audit rows each get a per-till hash chain; set_aside.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from typing import Any

from alembic import op
from sqlalchemy import text

from frontdesk.domain.record_chain import GENESIS, audit_hash, ticket_hash

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _rows(conn: Any, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def _seal_tickets(conn: Any) -> None:
    # Existing tickets are sealed in rowid order, the order head office received them in
    # (till_rowid), so head office's own sealing of the rows it holds gives the same hashes.
    prev: dict[str, tuple[int, str]] = {}
    for tk in _rows(conn, "SELECT rowid AS r, * FROM ticket ORDER BY rowid"):
        till = tk["till_id"]
        seq, before = prev.get(till, (0, GENESIS))
        lines = _rows(conn, "SELECT * FROM ticket_line WHERE ticket_id = :t", t=tk["ticket_id"])
        tenders = _rows(conn, "SELECT * FROM tender WHERE ticket_id = :t", t=tk["ticket_id"])
        digest = ticket_hash(till, seq + 1, tk, lines, tenders, before)
        conn.execute(
            text("UPDATE ticket SET seq = :s, prev_hash = :p, hash = :h WHERE rowid = :r"),
            {"s": seq + 1, "p": before, "h": digest, "r": tk["r"]},
        )
        prev[till] = (seq + 1, digest)


def _seal_audit(conn: Any) -> None:
    prev: dict[str, str] = {}
    for row in _rows(conn, "SELECT * FROM audit_log ORDER BY till_id, seq"):
        till = row["till_id"]
        before = prev.get(till, GENESIS)
        digest = audit_hash(till, row["seq"], row, before)
        conn.execute(
            text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE till_id = :t AND seq = :s"),
            {"p": before, "h": digest, "t": till, "s": row["seq"]},
        )
        prev[till] = digest


def upgrade() -> None:
    op.execute("ALTER TABLE ticket ADD COLUMN seq INTEGER")
    op.execute("ALTER TABLE ticket ADD COLUMN prev_hash TEXT")
    op.execute("ALTER TABLE ticket ADD COLUMN hash TEXT")
    op.execute("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT")
    op.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT")
    # The rows are append-only; sealing the ones already there is the one update they get.
    for table in ("ticket", "audit_log"):
        op.execute(f"DROP TRIGGER {table}_no_update")
    conn = op.get_bind()
    _seal_tickets(conn)
    _seal_audit(conn)
    for table in ("ticket", "audit_log"):
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )
    op.execute("CREATE UNIQUE INDEX ix_ticket_chain ON ticket (till_id, seq)")
    # verify finds each ticket's audit row by its moment.
    op.execute("CREATE INDEX ix_audit_at ON audit_log (till_id, at)")
    # What `sync --recover` found here that head office never received, kept for a manager.
    op.execute(
        "CREATE TABLE set_aside (aside_id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " body TEXT NOT NULL, at TEXT NOT NULL)"
    )


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
