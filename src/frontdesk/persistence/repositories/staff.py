"""Staff rows: lookup by id or login, PIN state, roles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update

from frontdesk.persistence import prepared as pr
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.services.records import Staff

_STAFF = pr.Prepared(
    select(t.staff).where(t.staff.c.staff_no == bindparam("b_staff"))
)  # every use case's


class SqlStaff(SqlRepository):
    def get(self, staff_no: str) -> Staff | None:
        r = pr.first(self.conn, _STAFF, {"b_staff": staff_no})
        return None if r is None else rows.to_staff(r)

    def add(self, s: Staff, at: datetime) -> None:
        self.conn.execute(
            insert(t.staff).values(
                staff_no=s.staff_no,
                name=s.name,
                role=s.role,
                pin_hash=s.pin_hash,
                failed_tries=s.failed_tries,
                locked=s.locked,
                created_at=at.isoformat(),
                disabled=s.disabled,
            )
        )

    def all(self) -> list[Staff]:
        return [rows.to_staff(r) for r in self.conn.execute(select(t.staff).order_by("staff_no"))]

    def set_role(self, staff_no: str, role: str) -> None:
        self.conn.execute(update(t.staff).where(t.staff.c.staff_no == staff_no).values(role=role))

    def set_disabled(self, staff_no: str, disabled: bool) -> None:
        self.conn.execute(
            update(t.staff).where(t.staff.c.staff_no == staff_no).values(disabled=disabled)
        )

    def set_approval_tries(
        self, staff_no: str, failures: int, paused_until: datetime | None
    ) -> None:
        self.conn.execute(
            update(t.staff)
            .where(t.staff.c.staff_no == staff_no)
            .values(
                approval_failures=failures,
                approvals_paused_until=None if paused_until is None else paused_until.isoformat(),
            )
        )

    def set_tries(self, staff_no: str, failed_tries: int, locked: bool) -> None:
        self.conn.execute(
            update(t.staff)
            .where(t.staff.c.staff_no == staff_no)
            .values(failed_tries=failed_tries, locked=locked)
        )

    def set_pin(self, staff_no: str, pin_hash: str) -> None:
        self.conn.execute(
            update(t.staff)
            .where(t.staff.c.staff_no == staff_no)
            .values(pin_hash=pin_hash, failed_tries=0, locked=False)
        )

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(t.staff)).scalar_one())
