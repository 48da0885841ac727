"""The till window's backend on the real store: the TillBackend port over the service functions.

The window speaks in cards, `Fen` and `ApprovalAction`; the services speak in member ids, integer
amounts and approval action strings. This module translates between the two and nothing more:
every rule stays in the services it calls.
"""

from frontdesk.services.till_facade.counter import CounterSide
from frontdesk.services.till_facade.desk import DeskSide
from frontdesk.services.till_facade.screens import ScreensSide


class ServicesTillBackend(CounterSide, DeskSide, ScreensSide):
    """`TillBackend` over the services, for one till; the logged-in staff member is the actor.

    Every committed result carries its `Receipt`, built by `services.receipts`, and the preview
    lines ``receipt_text`` makes of that same receipt (app.py passes the printer's own layout).
    """


__all__ = ["ServicesTillBackend"]
