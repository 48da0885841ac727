"""`frontdesk hq staff …`: the chain's staff list, kept at head office by its administrator.

Every change numbers the row anew (change_seq), so each till pulls it at its next sync; a PIN
change also moves pin_seq, so the new hash goes out once to every till.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from frontdesk.domain import errors
from frontdesk.domain.permissions import Role
from frontdesk.domain.stored_value import hash_pin
from frontdesk.services.staff import check_staff_pin_strength
from frontdesk.sync.hq_setup import chain_pin_secret


@dataclass(frozen=True)
class HqStaff:
    staff_no: str
    name: str
    role: str
    disabled: bool


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise errors.UnknownRole(role=role) from None


def add(admin: Engine, *, staff_no: str, name: str, role: str, pin: str) -> HqStaff:
    staff_no, name = staff_no.strip(), name.strip()
    if not staff_no.isdigit():
        raise errors.InvalidStaffNumber(staff_no=staff_no)
    if not name:
        raise errors.InvalidName()
    new_role = _role(role)
    check_staff_pin_strength(pin)
    with admin.begin() as conn:
        existing = conn.execute(
            text("SELECT name FROM staff WHERE staff_no = :s"), {"s": staff_no}
        ).scalar()
        if existing is not None:
            raise errors.DuplicateStaff(staff_no=staff_no, name=existing)
        conn.execute(
            text(
                "INSERT INTO staff (staff_no, name, role, pin_hash, pin_seq) "
                "VALUES (:s, :n, :r, :h, nextval('master_change_seq'))"
            ),
            {"s": staff_no, "n": name, "r": new_role.value, "h": _hashed(conn, pin)},
        )
    return HqStaff(staff_no, name, new_role.value, False)


def _hashed(conn: Connection, pin: str) -> str:
    # Keyed with the chain's PIN secret, the one every till of the chain holds outside its
    # database: a copy of head office's staff table alone is not enough to try the PINs.
    return hash_pin(pin, chain_pin_secret(conn, None))


def _change(
    admin: Engine, staff_no: str, assignment: str, pin: str | None = None, **params: object
) -> HqStaff:
    with admin.begin() as conn:
        if pin is not None:
            params["h"] = _hashed(conn, pin)
        r = conn.execute(
            text(
                f"UPDATE staff SET {assignment}, change_seq = nextval('master_change_seq'), "
                "updated_at = now() WHERE staff_no = :s RETURNING staff_no, name, role, disabled"
            ),
            {"s": staff_no, **params},
        ).first()
    if r is None:
        raise errors.UnknownStaff(staff_no=staff_no)
    return HqStaff(r.staff_no, r.name, r.role, bool(r.disabled))


def set_disabled(admin: Engine, staff_no: str, disabled: bool) -> HqStaff:
    return _change(admin, staff_no, "disabled = :d", d=disabled)


def set_role(admin: Engine, staff_no: str, role: str) -> HqStaff:
    return _change(admin, staff_no, "role = :r", r=_role(role).value)


def reset_pin(admin: Engine, staff_no: str, pin: str) -> HqStaff:
    check_staff_pin_strength(pin)
    return _change(
        admin,
        staff_no,
        "pin_hash = :h, pin_seq = nextval('master_change_seq')",
        pin=pin,
    )


def listing(admin: Engine) -> list[HqStaff]:
    with admin.connect() as conn:
        rows = conn.execute(text("SELECT staff_no, name, role, disabled FROM staff ORDER BY 1"))
        return [HqStaff(r.staff_no, r.name, r.role, bool(r.disabled)) for r in rows]
