"""Settings and named counters of the till, one statement each."""

from __future__ import annotations

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection

from frontdesk.persistence import tables as t

# The statements of a checkout are built once, here, with bound parameters: building a Core
# statement per call cost more CPU than running it (70-100 µs against 16-18 µs each).
_SETTING = select(t.settings.c.value).where(t.settings.c.key == bindparam("b_key"))
# One statement moves a counter and says where it now stands.
_BUMP_COUNTER = (
    update(t.counter)
    .where(t.counter.c.name == bindparam("b_name"))
    .values(value=t.counter.c.value + 1)
    .returning(t.counter.c.value)
)
_BUMP_COUNTER_BY = (
    update(t.counter)
    .where(t.counter.c.name == bindparam("b_name"))
    .values(value=t.counter.c.value + bindparam("b_by"))
    .returning(t.counter.c.value)
)


class SqlSettings:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, key: str) -> str | None:
        return self.conn.execute(_SETTING, {"b_key": key}).scalar()

    def set(self, key: str, value: str) -> None:
        if self.get(key) is None:
            self.conn.execute(insert(t.settings).values(key=key, value=value))
        else:
            self.conn.execute(update(t.settings).where(t.settings.c.key == key).values(value=value))

    def reserve_numbers(self, name: str, count: int) -> int:
        """The first of `count` consecutive values of a counter, all taken at once.

        An import's cards get the same numbers `count` calls of next_number would have given.
        """
        bumped = self.conn.execute(_BUMP_COUNTER_BY, {"b_name": name, "b_by": count}).scalar()
        if bumped is None:
            self.conn.execute(insert(t.counter).values(name=name, value=count))
            return 1
        return int(bumped) - count + 1

    def next_number(self, name: str) -> int:
        """The next value of a named counter (card serials, receipt numbers)."""
        bumped = self.conn.execute(_BUMP_COUNTER, {"b_name": name}).scalar()
        if bumped is None:
            self.conn.execute(insert(t.counter).values(name=name, value=1))
            return 1
        return int(bumped)
