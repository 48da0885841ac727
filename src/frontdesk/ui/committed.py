"""After a commit: one transaction id per request until its result is seen, and what to say then.

A sale, top-up or refund that committed stays committed whatever fails after it (building the
receipt, printing it, the preview): the cashier is told the money was taken and the receipt not
printed, and a retry of the same request carries the same transaction id, so the services answer
with the committed one instead of taking the money twice.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from frontdesk.services.context import new_id

log = logging.getLogger(__name__)


def receipt_not_printed() -> str:
    """The words for a committed operation whose receipt could not be printed."""
    return QCoreApplication.translate("Committed", "Paid; receipt not printed (queued)")


def not_finished() -> str:
    """An unexpected failure of a call that may or may not have committed; retrying is safe."""
    return QCoreApplication.translate(
        "Committed", "Not finished; try again (a retry never charges twice)"
    )


class Request:
    """The transaction id of one request (what, for whom, how much), kept until it is done.

    The same request asked again gets the same id; a different one, or the same after `done`,
    gets a new id.
    """

    def __init__(self) -> None:
        self._key: object = None
        self._txn_id = ""

    def txn_id(self, key: object) -> str:
        if key != self._key or not self._txn_id:
            self._key, self._txn_id = key, new_id()
        return self._txn_id

    def done(self) -> None:
        """The person has seen the result: the next request is a new one."""
        self._key, self._txn_id = None, ""
