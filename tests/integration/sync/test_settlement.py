"""Cross-store settlement at head office for two tills against the real PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from frontdesk.cli import main
from frontdesk.sync.hq_settlement import build_settlement
from tests.integration.sync.conftest import Till, hq_rows
from tests.integration.sync.test_two_stores import pay_stored, register_with_money


def test_value_topped_up_at_a_and_spent_at_b_is_owed_by_a_and_reconciles_with_the_ledger(
    make_till: Callable[..., Till],
    hq_admin: Engine,
    hq_admin_url: URL,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = make_till(31, 1), make_till(32, 1)
    _, card = register_with_money(a, "13800003101", "500.00")  # ￥500 + ￥60 bonus at store 031
    assert a.sync().ok
    assert b.sync().ok
    pay_stored(b, card, "112.00")  # paid from 本金 and 赠金 in proportion, at store 032
    assert b.sync().ok

    report = build_settlement(hq_admin)

    spent_principal = -sum(
        int(str(r[0]))
        for r in hq_rows(
            hq_admin,
            "SELECT amount FROM ledger_entry WHERE till_id = :t AND bucket = 'principal' "
            "AND kind = 'spend'",
            t=b.till_id,
        )
    )
    assert spent_principal > 0  # the sale's due, principal's proportional share of it
    assert report.settlement.owed() == [("031", "032", spent_principal)]
    assert report.reconciles
    assert report.ledger_principal == 50_000 - spent_principal

    url = hq_admin_url.render_as_string(hide_password=False)
    code = main(["--db", str(a.path), "--json", "hq", "settlement", "--hq-url", url])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["owed"] == [{"from_store": "031", "to_store": "032", "fen": spent_principal}]
    assert data["reconciles"] is True
    assert data["outstanding"] == {"031": 50_000 - spent_principal}


def test_the_settlement_of_a_period_counts_only_the_spends_made_in_it(
    make_till: Callable[..., Till],
    hq_admin: Engine,
    hq_admin_url: URL,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = make_till(33, 1), make_till(34, 1)
    _, card = register_with_money(a, "13800003301", "500.00")
    assert a.sync().ok
    assert b.sync().ok
    pay_stored(b, card, "112.00")
    assert b.sync().ok
    [(spent_at,)] = hq_rows(
        hq_admin,
        "SELECT min(created_at) FROM ledger_entry WHERE till_id = :t AND kind = 'spend'",
        t=b.till_id,
    )
    day = datetime.fromisoformat(str(spent_at)).date()
    url = hq_admin_url.render_as_string(hide_password=False)

    def owed(*period: str) -> list[dict[str, object]]:
        code = main(["--db", str(a.path), "--json", "hq", "settlement", "--hq-url", url, *period])
        out, err = capsys.readouterr()
        assert code == 0, err
        # Head office is shared by this session's tests: these two stores' debts only.
        return [o for o in json.loads(out)["owed"] if o["from_store"] == "033"]

    whole = owed()
    assert len(whole) == 1
    assert owed("--from", day.isoformat(), "--to", day.isoformat()) == whole
    assert owed("--from", (day + timedelta(days=1)).isoformat()) == []
    assert owed("--to", (day - timedelta(days=1)).isoformat()) == []
