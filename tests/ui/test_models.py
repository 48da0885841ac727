from __future__ import annotations

from datetime import date

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput, PricedTicket, PricingMember, Product, price_ticket
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


def test_the_ticket_lines_model_announces_each_change_and_shows_no_stale_text(
    qtmodeltester: object,
) -> None:
    water, rice = Product("1", "矿泉水", Fen(200)), Product("2", "大米", Fen(5000))

    def priced(*lines: LineInput) -> PricedTicket:
        return price_ticket(list(lines), None, PROGRAM, date(2026, 3, 1))

    model = TicketLinesModel()
    model.set_ticket(priced(LineInput(water, 1)))
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    assert model.index(0, 6).data() == "￥2.00"  # asked once: the row's texts are kept now
    seen: list[list[str | None]] = []

    for ticket in (
        priced(LineInput(water, 2), LineInput(rice, 1)),  # a line changed, one came
        priced(LineInput(rice, 1)),  # the first voided: the second moves up
        None,  # a new ticket
        priced(LineInput(water, 3)),
    ):
        model.set_ticket(ticket)
        seen.append([model.index(row, 6).data() for row in range(model.rowCount())])

    assert seen == [["￥4.00", "￥50.00"], ["￥50.00"], [], ["￥6.00"]]
