"""The one family of refusals a rule can give; what each says is in `frontdesk.domain.messages`."""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A business rule refused the operation; nothing was written.

    ``key`` names the situation in the message catalogue and ``details`` are its parameters;
    ``message`` is the Chinese text shown to the cashier (the program's first language) and
    ``message_en`` the English one, both rendered by the catalogue.

    A refusal whose key the catalogue does not know yet says its own ``template`` / ``english``
    (rendered by the same rules); new sentences belong in the catalogue.
    """

    key: ClassVar[str] = "refused"
    template: ClassVar[str] = ""  # empty: the catalogue has the sentence
    english: ClassVar[str] = ""
    # The command's exit status: 2 is "refused" (a rule or the input); StoreProblem says 1.
    exit_code: ClassVar[int] = 2

    def __init__(self, **details: object) -> None:
        self.details = details
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.render("zh_CN")

    @property
    def message_en(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        from frontdesk.domain import messages  # the catalogue knows refusals only by their key

        return messages.render(self, lang)


class StoreProblem(DomainError):
    """The till's environment failed, not the person's input: its database file, disk or lock.

    Shown like a refusal (one sentence, no traceback) but it is exit status 1: retrying the same
    input will not help until someone fixes the machine. The cases are in persistence.
    """

    key: ClassVar[str] = "store_problem"
    exit_code: ClassVar[int] = 1


def _refusal(name: str, key: str) -> type[DomainError]:
    return type(name, (DomainError,), {"key": key})


# Each refusal is a class so callers can catch the situation they handle and tests can name it.
InvalidPhone = _refusal("InvalidPhone", "invalid_phone")
DuplicatePhone = _refusal("DuplicatePhone", "duplicate_phone")
ConsentRequired = _refusal("ConsentRequired", "consent_required")
InvalidName = _refusal("InvalidName", "invalid_name")
InvalidCardNumber = _refusal("InvalidCardNumber", "invalid_card_number")
UnknownCard = _refusal("UnknownCard", "unknown_card")
CardReportedLost = _refusal("CardReportedLost", "card_lost")
CardReplaced = _refusal("CardReplaced", "card_replaced")
CardFrozen = _refusal("CardFrozen", "card_frozen")
CardReturned = _refusal("CardReturned", "card_returned")
CardStateChangeRefused = _refusal("CardStateChangeRefused", "card_state_change")
UnknownMember = _refusal("UnknownMember", "unknown_member")
IdentityMismatch = _refusal("IdentityMismatch", "identity_mismatch")
InsufficientBalance = _refusal("InsufficientBalance", "insufficient_balance")
InsufficientPoints = _refusal("InsufficientPoints", "insufficient_points")
PointsRedemptionBlocked = _refusal("PointsRedemptionBlocked", "points_blocked")
RedemptionTooLarge = _refusal("RedemptionTooLarge", "redemption_too_large")
DiscountTooLarge = _refusal("DiscountTooLarge", "discount_too_large")
PinRequired = _refusal("PinRequired", "pin_required")
WrongPin = _refusal("WrongPin", "wrong_pin")
PinLocked = _refusal("PinLocked", "pin_locked")
WeakPin = _refusal("WeakPin", "weak_pin")
NoPinSet = _refusal("NoPinSet", "no_pin")
InvalidAmount = _refusal("InvalidAmount", "invalid_amount")
UnknownProduct = _refusal("UnknownProduct", "unknown_product")
EmptyTicket = _refusal("EmptyTicket", "empty_ticket")
TenderMismatch = _refusal("TenderMismatch", "tender_mismatch")
ChangeOnlyFromCash = _refusal("ChangeOnlyFromCash", "change_only_cash")
ReferenceRequired = _refusal("ReferenceRequired", "reference_required")
TopupTenderRefused = _refusal("TopupTenderRefused", "topup_tender")
MemberRequired = _refusal("MemberRequired", "member_required")
UnknownTicket = _refusal("UnknownTicket", "unknown_ticket")
NotASale = _refusal("NotASale", "not_a_sale")  # a top-up's receipt asked for a refund
NothingToRefund = _refusal("NothingToRefund", "nothing_to_refund")
RefundTooLarge = _refusal("RefundTooLarge", "refund_too_large")
NotAuthenticated = _refusal("NotAuthenticated", "not_authenticated")
StaffLocked = _refusal("StaffLocked", "staff_locked")
NotAManager = _refusal("NotAManager", "not_manager")
ApprovalRequired = _refusal("ApprovalRequired", "approval_required")
ApprovalMismatch = _refusal("ApprovalMismatch", "approval_mismatch")
ApprovalUsed = _refusal("ApprovalUsed", "approval_used")
ReasonRequired = _refusal("ReasonRequired", "reason_required")
ShiftNotOpen = _refusal("ShiftNotOpen", "shift_not_open")
TicketsHeld = _refusal("TicketsHeld", "tickets_held")
HeldTicketUnknown = _refusal("HeldTicketUnknown", "held_ticket_unknown")
ShiftAlreadyOpen = _refusal("ShiftAlreadyOpen", "shift_open")
OfflineCapExceeded = _refusal("OfflineCapExceeded", "offline_cap")
HoldRefused = _refusal("HoldRefused", "hold_refused")  # head office: too little available
TierLockInvalid = _refusal("TierLockInvalid", "tier_lock_invalid")
NotInitialised = _refusal("NotInitialised", "not_initialised")
BirthdayInvalid = _refusal("BirthdayInvalid", "birthday_invalid")
AlreadyInitialised = _refusal("AlreadyInitialised", "already_initialised")
FeeNotPaid = _refusal("FeeNotPaid", "fee_not_paid")
NoActiveCard = _refusal("NoActiveCard", "no_active_card")
NameTooLong = _refusal("NameTooLong", "name_too_long")
LiveCardExists = _refusal("LiveCardExists", "live_card_exists")
BalanceCapExceeded = _refusal("BalanceCapExceeded", "balance_cap_exceeded")
BearerCardRefused = _refusal("BearerCardRefused", "bearer_card_refused")
UnknownStaff = _refusal("UnknownStaff", "unknown_staff")
DuplicateStaff = _refusal("DuplicateStaff", "duplicate_staff")
StaffDisabled = _refusal("StaffDisabled", "staff_disabled")
OwnRoleChange = _refusal("OwnRoleChange", "own_role_change")
OwnAccountDisable = _refusal("OwnAccountDisable", "own_account_disable")
LastAdmin = _refusal("LastAdmin", "last_admin")
ApprovalExpired = _refusal("ApprovalExpired", "approval_expired")
ApprovalsPaused = _refusal("ApprovalsPaused", "approvals_paused")
PinSecretMissing = _refusal("PinSecretMissing", "pin_secret_missing")
UnknownRole = _refusal("UnknownRole", "unknown_role")
InvalidStaffNumber = _refusal("InvalidStaffNumber", "invalid_staff_number")
MemberSearchEmpty = _refusal("MemberSearchEmpty", "member_search_empty")
MemberSearchDigits = _refusal("MemberSearchDigits", "member_search_digits")
