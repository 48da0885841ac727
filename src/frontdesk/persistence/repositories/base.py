"""What every SQL repository is: a few statements on the unit of work's one open connection."""

from __future__ import annotations

from sqlalchemy.engine import Connection


class SqlRepository:
    """Runs its statements on the connection it is given; it never opens, commits or closes one.

    The unit of work owns the connection and its one transaction.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
