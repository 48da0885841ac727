"""A store's member KPIs (DOMAIN §10) at its till, by the rule head office's figures are held to.

The till holds its own members and tickets, a few thousand rows, so the rule itself
(`domain.analytics.kpis`) runs over them; head office computes the same figures in SQL over every
store (sync/hq_kpi.py). The result is one `Kpis` object, which the Excel export, the PDF report
and the screen all use as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from frontdesk.domain.analytics import Kpis, MemberFact, TicketFact, kpis
from frontdesk.domain.money import Fen


class KpiSource(Protocol):
    """The till's members and sales as the KPI rule reads them, and the liability's sums."""

    def member_facts(self) -> list[MemberFact]: ...
    def ticket_facts(self) -> list[TicketFact]: ...
    def liability_sums(self) -> tuple[int, int, int]:
        """(principal, bonus, points) over every member account."""
        ...


def compute(source: KpiSource, today: date) -> Kpis:
    """The KPIs as of `today`; the caller has checked that its actor may see them."""
    principal, bonus, points = source.liability_sums()
    return kpis(
        source.member_facts(),
        source.ticket_facts(),
        today,
        principal=Fen(principal),
        bonus=Fen(bonus),
        points=points,
    )
