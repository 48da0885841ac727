"""Tickets and audit rows reach head office chained: it recomputes them and holds their heads."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, exc, text

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.domain.record_chain import ticket_hash
from frontdesk.persistence.migrations.versions import __name__ as _versions
from frontdesk.persistence.sync_store import SqliteSyncStore
from frontdesk.persistence.verify import verify
from frontdesk.services import checkout
from frontdesk.services.context import new_id
from frontdesk.services.sync_refusals import HeadOfficeRefused
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_migrations.versions.h0009_record_chains import _SEAL_HELD
from frontdesk.sync.hq_report import build_report
from frontdesk.sync.postgres_head_office import PostgresHeadOffice
from tests.integration.sync.conftest import Till, hq_rows
from tests.integration.sync.test_two_stores import register_with_money, sell_cash

# The till's migration module starts with a digit: loaded by name.
_till_0010 = importlib.import_module(f"{_versions}.0010_record_chains")
_seal_tickets, _seal_audit = _till_0010._seal_tickets, _till_0010._seal_audit


def _synced(make_till: Callable[..., Till], till_no: int) -> tuple[Till, str]:
    till = make_till(1, till_no)
    _, card_no = register_with_money(till, f"138000001{till_no:02d}")
    receipt = sell_cash(till, card_no, 2).ticket.receipt_no
    assert till.sync().ok
    return till, receipt


def _raw(till: Till, *statements: str) -> None:
    with sqlite3.connect(till.path) as raw:
        for (name,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall():
            raw.execute(f"DROP TRIGGER {name}")
        for s in statements:
            raw.execute(s)


def _refused(till: Till, hq_admin: Engine, code: str) -> str:
    report = till.sync()
    assert not report.ok
    assert "拒收" in report.message
    codes = hq_rows(hq_admin, "SELECT code FROM sync_problem WHERE till_id = :t", t=till.till_id)
    assert (code,) in codes, codes
    assert till.till_id in build_report(hq_admin).text
    return report.message


def test_head_office_recomputes_the_ticket_and_audit_chains_it_receives(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, receipt = _synced(make_till, 51)
    with sqlite3.connect(till.path) as raw:
        local = raw.execute(
            "SELECT seq, hash FROM ticket WHERE receipt_no = ?", (receipt,)
        ).fetchone()
        audit_top = raw.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    held = hq_rows(hq_admin, "SELECT seq, hash FROM ticket WHERE receipt_no = :r", r=receipt)
    assert held == [tuple(local)]
    heads: dict[object, object] = dict(
        (chain, seq)
        for chain, seq in hq_rows(
            hq_admin,
            "SELECT chain, seq FROM till_chain_head WHERE till_id = :t",
            t=till.till_id,
        )
    )
    assert heads["ticket"] == local[0]
    assert heads["audit"] == audit_top


def test_a_ticket_edited_and_re_sealed_after_it_reached_head_office_is_refused(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, receipt = _synced(make_till, 52)
    # ￥50 off the total and the cash tender, and the chain made to fit again: verify passes.
    with sqlite3.connect(till.path) as raw:
        raw.row_factory = sqlite3.Row
        tk = dict(raw.execute("SELECT * FROM ticket WHERE receipt_no = ?", (receipt,)).fetchone())
        lines = [
            dict(r)
            for r in raw.execute(
                "SELECT * FROM ticket_line WHERE ticket_id = ?", (tk["ticket_id"],)
            )
        ]
        tenders = [
            dict(r)
            for r in raw.execute("SELECT * FROM tender WHERE ticket_id = ?", (tk["ticket_id"],))
        ]
    tk["total"] -= 5000
    tk["gross"] -= 5000
    tenders[0]["amount"] -= 5000
    digest = ticket_hash(till.till_id, tk["seq"], tk, lines, tenders, tk["prev_hash"])
    later = "SELECT count(*) FROM ticket WHERE seq > ?"
    with sqlite3.connect(till.path) as raw:
        assert raw.execute(later, (tk["seq"],)).fetchone()[0] == 0  # the last ticket: re-sealable
    _raw(
        till,
        f"UPDATE ticket SET total = {tk['total']}, gross = {tk['gross']}, hash = '{digest}' "
        f"WHERE receipt_no = '{receipt}'",
        f"UPDATE tender SET amount = {tenders[0]['amount']} WHERE ticket_id = '{tk['ticket_id']}'"
        f" AND idx = {tenders[0]['idx']}",
    )
    assert not any("ticket" in p and "hash" in p for p in verify(till.engine))

    message = _refused(till, hq_admin, "ticket_head_mismatch")
    assert "小票" in message
    held = hq_rows(hq_admin, "SELECT total FROM ticket WHERE receipt_no = :r", r=receipt)
    assert held == [(tk["total"] + 5000,)]


def test_audit_rows_deleted_after_they_reached_head_office_are_refused(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, _ = _synced(make_till, 53)
    _raw(till, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    # The chain that is left is whole (only the sale's missing audit row shows locally); head
    # office holds the row that was cut off.
    assert not any("audit:" in p or "audit#" in p for p in verify(till.engine))

    message = _refused(till, hq_admin, "audit_head_missing")
    assert "审计记录" in message


def test_a_forged_ticket_pushed_through_the_function_is_refused_by_the_database(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, _ = _synced(make_till, 54)
    _, card_no = register_with_money(till, "13800000155")
    receipt = sell_cash(till, card_no, 1).ticket.receipt_no
    store = SqliteSyncStore(till.engine, till.ctx.program)
    batch = store.rows_after("ticket", store.ack("ticket"), 100)
    forged = [r for r in batch.rows if r["ticket"]["receipt_no"] == receipt]
    forged[0]["ticket"]["total"] += 100_000
    assert till.creds is not None
    engine = make_hq_engine(till.creds.url())
    try:
        with pytest.raises(HeadOfficeRefused) as refused:
            PostgresHeadOffice(engine).push_rows(till.till_id, "ticket", batch)
    finally:
        engine.dispose()
    assert "ticket_wrong_hash" in [p["code"] for p in refused.value.problems]
    assert hq_rows(hq_admin, "SELECT 1 FROM ticket WHERE receipt_no = :r", r=receipt) == []


def test_awkward_text_hashes_the_same_at_head_office(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till = make_till(1, 55)
    odd = Product("6900000000055", 'A"b\\c\nd\te\x01f/😀大米\u2028', Fen(300), True)
    with till.ctx.uow() as uow:
        uow.products.upsert(odd)
        uow.commit()
    _, card_no = register_with_money(till, "13800000155")
    items = [checkout.SaleItem(odd.barcode, 1)]
    due = checkout.quote(till.ctx, card_no=card_no, items=items, actor="9001").priced.due
    sale = checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="9001",
        card_no=card_no,
        items=items,
        payments=[checkout.Payment("cash", due)],
    )
    report = till.sync()
    assert report.ok, report.text
    held = hq_rows(
        hq_admin, "SELECT hash FROM ticket WHERE receipt_no = :r", r=sale.ticket.receipt_no
    )
    assert held[0][0] is not None


def test_records_written_before_the_chains_are_sealed_alike_at_the_till_and_head_office(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, _ = _synced(make_till, 56)
    mine = "WHERE till_id = :t ORDER BY seq"
    ticket_q, audit_q = (
        f"SELECT seq, hash FROM ticket {mine}",
        f"SELECT seq, hash FROM audit_log {mine}",
    )
    sealed_tickets = hq_rows(hq_admin, ticket_q, t=till.till_id)
    sealed_audit = hq_rows(hq_admin, audit_q, t=till.till_id)
    # Both sides as they were before the chains: no links; then each side's upgrade seals them.
    with hq_admin.begin() as conn:
        conn.execute(
            text("UPDATE ticket SET seq = NULL, prev_hash = NULL, hash = NULL WHERE till_id = :t"),
            {"t": till.till_id},
        )
        conn.execute(
            text("UPDATE audit_log SET prev_hash = NULL, hash = NULL WHERE till_id = :t"),
            {"t": till.till_id},
        )
        conn.exec_driver_sql("DELETE FROM till_chain_head")  # the block seals every till anew
        conn.exec_driver_sql(_SEAL_HELD)
    _raw(
        till,
        "UPDATE ticket SET seq = NULL, prev_hash = NULL, hash = NULL",
        "UPDATE audit_log SET prev_hash = NULL, hash = NULL",
    )
    with till.engine.begin() as conn:
        _seal_tickets(conn)
        _seal_audit(conn)

    assert hq_rows(hq_admin, ticket_q, t=till.till_id) == sealed_tickets
    assert hq_rows(hq_admin, audit_q, t=till.till_id) == sealed_audit
    with till.engine.connect() as conn:
        local = [tuple(r) for r in conn.execute(text(ticket_q), {"t": till.till_id})]
    assert local == sealed_tickets
    assert verify(till.engine) == []
    assert till.sync().ok


def test_a_store_role_cannot_call_the_push_without_its_chain_checks(
    make_till: Callable[..., Till],
) -> None:
    till = make_till(1, 57)
    assert till.creds is not None
    engine = make_hq_engine(till.creds.url())
    try:
        with engine.connect() as conn, pytest.raises(exc.ProgrammingError):
            conn.execute(text("SELECT fd_push_rows_unchained('ticket', 0)"))
    finally:
        engine.dispose()
