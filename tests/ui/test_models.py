from __future__ import annotations

from datetime import date

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput, PricingMember, Product, price_ticket
from frontdesk.ui.ticket_model import TicketLinesModel
from tests.builders import PROGRAM


def test_the_ticket_lines_model_passes_the_qt_model_tester(qtmodeltester: object) -> None:
    model = TicketLinesModel()
    ticket = price_ticket(
        [
            LineInput(Product("1", "矿泉水", Fen(200)), 3),
            LineInput(Product("2", "香烟", Fen(4500), member_discount=False), 1),
        ],
        PricingMember("gold", None, None, 0),
        PROGRAM,
        date(2026, 3, 1),
    )

    model.set_ticket(ticket)

    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    assert model.index(0, 6).data() == "￥5.40"
    assert model.index(1, 5).data() == ""
