"""What a manager approval is bound to: one vocabulary of actions, and when one is required.

DOMAIN §7: an approval is single-use and bound to an action, a subject and an amount. The
permission table says which operations need one; `required_approval` turns an operation on a
subject into the exact binding the manager approves and the service later checks. Services,
window and CLI all ask it, so none keeps its own list or spelling.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation, needs_approval
from frontdesk.domain.program import Program


class ApprovalAction(Enum):
    """An approval's action: each value is the operation's own (DOMAIN §7's table)."""

    MANAGER_SCREENS = "manager_screens"
    REFUND = "refund"
    CARD_RETURN = "card_return"
    UNREPORT = "unreport"
    FREEZE = "freeze"
    UNFREEZE = "unfreeze"
    REISSUE_FEE_WAIVER = "reissue_fee_waiver"
    POINTS_ADJUST = "points_adjust"
    PIN_RESET = "pin_reset"
    TIER_LOCK = "tier_lock"
    PRICE_OVERRIDE = "price_override"
    SHIFT_CLOSE_OVER_LIMIT = "shift_close_over_limit"
    MEMBER_IMPORT = "member_import"
    SYNC_RECOVER = "sync_recover"
    MEMBER_ERASE = "member_erase"

    @property
    def operation(self) -> Operation:
        return Operation(self.value)

    @property
    def amount_is_money(self) -> bool:
        """The bound amount is fen, except a points adjustment's (points) and a member import's."""
        return self not in (ApprovalAction.POINTS_ADJUST, ApprovalAction.MEMBER_IMPORT)


@dataclass(frozen=True)
class ApprovalBinding:
    """Exactly what one approval allows: this action, on this subject, for this amount."""

    action: ApprovalAction
    subject: str
    amount: int = 0  # fen, or points for a points adjustment; 0 when nothing is counted

    @property
    def money(self) -> Fen | None:
        """The amount to show the manager as money (None when it is not money, or nothing)."""
        if not self.action.amount_is_money or not self.amount:
            return None
        return Fen(self.amount)

    def refusal(self) -> errors.DomainError:
        """The refusal that asks for this approval; `of` reads the binding back from it."""
        return errors.ApprovalRequired(
            action=self.action.value, subject=self.subject, amount=self.amount
        )

    @classmethod
    def of(cls, refusal: errors.DomainError) -> ApprovalBinding:
        action, subject, amount = (refusal.details.get(k) for k in ("action", "subject", "amount"))
        return cls(
            ApprovalAction(str(action)), str(subject), amount if isinstance(amount, int) else 0
        )


def required_approval(
    operation: Operation, subject: str, amount: int, program: Program
) -> ApprovalBinding | None:
    """The approval ``operation`` on ``subject`` for ``amount`` needs, or None when it needs none.

    An amount at or below the program's free limit for that operation goes without one: prices
    and discounts by hand up to ``[counter] discount_without_approval``, others by
    ``[approvals]`` ``free_up_to``.
    """
    if not needs_approval(operation):
        return None
    free: dict[Operation, int] = dict(program.approvals.free_up_to)
    free[Operation.PRICE_OVERRIDE] = program.counter.discount_without_approval.value
    if operation in free and abs(amount) <= free[operation]:
        return None
    return ApprovalBinding(ApprovalAction(operation.value), subject, amount)
