"""Staff kept at head office reach every till at its next sync; store roles cannot read them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, exc, text
from sqlalchemy.engine import URL

from frontdesk.cli.main import main
from frontdesk.domain import errors
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.stored_value import uses_pepper
from frontdesk.services import staff, staff_admin
from frontdesk.sync.hq_engine import make_hq_engine
from tests.integration.sync.conftest import ADMIN, Till


def _hq(url: URL, capsys: pytest.CaptureFixture[str], till: Till, *args: str) -> str:
    hq_url = url.render_as_string(hide_password=False)
    code = main(["--db", str(till.path), "hq", "staff", *args, "--hq-url", hq_url])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    return out


def _hq_pin_hash(hq_admin: Engine, staff_no: str) -> str:
    with hq_admin.connect() as conn:
        return str(
            conn.execute(
                text("SELECT pin_hash FROM staff WHERE staff_no = :s"), {"s": staff_no}
            ).scalar_one()
        )


def test_a_manager_added_at_head_office_works_at_every_till_and_is_disabled_everywhere(
    make_till: Callable[..., Till],
    hq_admin_url: URL,
    hq_admin: Engine,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = make_till(1, 71), make_till(2, 72)
    said = _hq(hq_admin_url, capsys, a, "add", "5001", "赵店长", "manager", "--new-pin", "5001")
    assert "总部已添加员工" in said
    # Head office's copy of the hash is keyed with the chain's PIN secret, as the tills' are.
    assert uses_pepper(_hq_pin_hash(hq_admin, "5001"))
    for till in (a, b):
        assert till.sync().ok
        assert staff.login(till.ctx, "5001", "5001").role == "manager"
        # Approvals work too: the manager need not be added on each till by hand.
        assert staff.approve(
            till.ctx,
            ApprovalBinding(ApprovalAction.REFUND, "R1", 100),
            manager_no="5001",
            pin="5001",
        )
    # A till's own staff changes stay possible (a standalone store has no head office).
    staff_admin.add_staff(
        a.ctx, actor=ADMIN[0], staff_no="1101", name="本店收银", role="cashier", pin="1101"
    )
    assert "本店收银" in [v.name for v in staff_admin.list_staff(a.ctx, actor=ADMIN[0])]

    _hq(hq_admin_url, capsys, a, "set-role", "5001", "cashier")
    assert a.sync().ok
    with pytest.raises(errors.DomainError):
        staff.approve(
            a.ctx, ApprovalBinding(ApprovalAction.REFUND, "R2", 100), manager_no="5001", pin="5001"
        )

    _hq(hq_admin_url, capsys, a, "disable", "5001")
    for till in (a, b):
        assert till.sync().ok
        with pytest.raises(errors.DomainError):
            staff.login(till.ctx, "5001", "5001")

    _hq(hq_admin_url, capsys, a, "enable", "5001")
    _hq(hq_admin_url, capsys, a, "reset-pin", "5001", "--new-pin", "5702")
    assert b.sync().ok
    assert staff.login(b.ctx, "5001", "5702").staff_no == "5001"
    assert uses_pepper(_hq_pin_hash(hq_admin, "5001"))
    listed = _hq(hq_admin_url, capsys, a, "list")
    assert "5001" in listed


def test_a_store_role_cannot_read_head_office_staff_or_their_pin_hashes(
    make_till: Callable[..., Till], hq_admin_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    till = make_till(3, 73)
    _hq(hq_admin_url, capsys, till, "add", "5003", "钱店长", "manager", "--new-pin", "5003")
    assert till.creds is not None
    engine = make_hq_engine(till.creds.url())
    try:
        with engine.connect() as conn, pytest.raises(exc.ProgrammingError):
            conn.execute(text("SELECT pin_hash FROM staff"))
        with engine.connect() as conn, pytest.raises(exc.ProgrammingError):
            conn.execute(text("UPDATE staff SET role = 'admin'"))
    finally:
        engine.dispose()
