"""The `Authoriser` port: head office asked for a hold on a member's balance, in a short time."""

from __future__ import annotations

from typing import Protocol

from frontdesk.domain.authorisation import HoldOutcome, HoldRequest


class Authoriser(Protocol):
    """Head office's holds as a till sees them; every call returns within its short timeout.

    `hold` answers approved (held), refused (too little available at head office) or
    unreachable (no answer in time: the till sells under the floor limit). `void` gives a hold
    back when the sale did not commit; it is best effort: a hold nobody posts expires.
    """

    def hold(self, request: HoldRequest) -> HoldOutcome: ...
    def void(self, txn_id: str) -> None: ...
    def push_ledger(self) -> bool:
        """Push this till's ledger to head office now; False when that could not be done.

        Head office holds only money it has seen: a till with a top-up not pushed yet pushes
        before it asks again.
        """
        ...
