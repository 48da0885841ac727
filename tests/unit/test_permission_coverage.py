"""The permission table against the services: every entry point checks a row, every row is checked.

Read from the services' source (the window, the CLI and any later API all come in through these
functions), so an entry point added without a role check, or a row no service asks, fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from frontdesk.domain.approvals import ApprovalAction
from frontdesk.domain.cards import CardAction
from frontdesk.domain.permissions import PERMISSIONS, Operation

SERVICES = Path(__file__).resolve().parents[2] / "src" / "frontdesk" / "services"

# The calls that check the logged-in person against the table (directly, or the approval that
# a row with "manager approval" needs, which names its operation).
_CHECKS = {
    "authorize", "authorize_in", "consume_approval", "check_role_change", "require", "require_role"
}  # fmt: skip

# Entry points taking the till's context that check no role, each with the reason.
EXEMPT = {
    "staff.login": "is the check itself: the staff number and PIN",
    "staff.init_till": "makes the first admin on an empty till; refused once a till exists",
    "staff.approve": "a manager's own PIN is the check; may_approve and the approval counter",
    "staff.authorize": "is the role check every other entry point calls",
    "member_pin.check_member_pin": "the member's PIN inside a sale already authorised",
    "online_holds.ask_hold": "inside a sale already authorised (head office's hold)",
    "online_holds.voided_on_failure": "inside a sale already authorised",
    "membership.card_return.paid_by_bank": "yes/no for the 退卡 form, which CARD_RETURN checks",
    "sync_recovery.refusal": "head office's refusal sentence for the 从总部恢复 page; no member",
    "shifts.current": "the till's open shift (drawer, float) for the login screen; no member",
    "accounts.account_of": "an account read inside an authorised use case",
    "audit_trail.staff_names": "staff names for the audit page, read after AUDIT_LOG",
    "refund.refund_amount": "arithmetic over a ticket already read under REFUND",
    "refund_preview.was_refunded": "whether a receipt was refunded, for 重打 under REPRINT",
    "membership.lookup.member_by_id": "CLI helper after a checked lookup (the member's id)",
    "membership.lookup.member_in": "a read inside a transaction its caller authorised",
    "membership.lookup.usable_card": "a read inside a transaction its caller authorised",
    "membership.lookup.usable_holder": "a read inside a transaction its caller authorised",
    "backups.record_backup": "the audit row of a backup may_back_up allowed (BACKUP)",
    "membership.lookup.card_of": "a card's number and state for a card action, which its own "
    "service checks (any_card_view under MEMBER_LOOKUP, the card page's actions)",
    "scale_items.product_for": "the catalogue's product for a scan, no member or ticket data; "
    "the ticket it joins is priced under QUOTE",
}
# Receipts are made for a use case that was authorised (the sale, refund, top-up, …) from its
# result; `past` and `record_reprint` read the books and are checked.
_RECEIPT_BUILDERS = {
    "who", "who_in", "held", "sale", "sale_in", "refund", "refund_in", "topup", "topup_in",
    "reissue", "reissue_in", "card_return", "card_return_in", "cooling_off_refund", "shift",
}  # fmt: skip


def _entry_points() -> dict[str, ast.FunctionDef]:
    found: dict[str, ast.FunctionDef] = {}
    for path in sorted(SERVICES.rglob("*.py")):
        module = ".".join(path.relative_to(SERVICES).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            params = [a.arg for a in node.args.args + node.args.kwonlyargs]
            if params and params[0] == "ctx":
                found[f"{module}.{node.name}"] = node
    return found


def _called(node: ast.AST) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            f = call.func
            names.add(
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
    return names


def _checking(points: dict[str, ast.FunctionDef]) -> set[str]:
    """Entry points that check a role, directly or through a checking entry point they call
    (export_file through export, open_or_resume through open_shift)."""
    checking = {name for name, node in points.items() if _called(node) & _CHECKS}
    while True:
        short = {n.rsplit(".", 1)[1] for n in checking}
        more = {name for name, node in points.items() if _called(node) & short} - checking
        if not more:
            return checking
        checking |= more


def test_every_service_entry_point_checks_the_permission_table_or_says_why_not() -> None:
    points = _entry_points()
    checking = _checking(points)
    unchecked = {
        name
        for name in points
        if name not in checking
        and not EXEMPT.get(name)
        and not (name.startswith("receipt_making.") and name.split(".")[-1] in _RECEIPT_BUILDERS)
    }
    assert unchecked == set(), f"entry points that check no role: {sorted(unchecked)}"
    stale = {name for name in EXEMPT if name not in points}
    assert stale == set(), f"exemptions for entry points that are gone: {sorted(stale)}"


def test_the_window_only_operations_are_checked_in_the_services() -> None:
    points = _entry_points()
    checking = _checking(points)
    for name in (
        "shifts.report_so_far",  # Ctrl+B 中途报表
        "held_tickets.hold",  # Ctrl+G 挂单
        "held_tickets.take",
        "held_tickets.held",
        "held_tickets.keep_open",
        "held_tickets.open_ticket",
        "member_directory.search",  # F1 member search
        "member_directory.history",  # the member page
        "manager_screens.open_screens",  # F9
        "sale.quote",  # the ticket priced as it is built
        "membership.lookup.lookup_card",
        "membership.lookup.find_member",
        "receipt_making.past",
        "statement.member_statement",
        "backups.may_back_up",  # frontdesk backup: the file copy itself is the CLI's
        "backups.restore_by",  # frontdesk restore, signed in on the backup's copy
    ):
        assert name in checking, name


def test_every_row_of_the_table_is_asked_by_some_service() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in SERVICES.rglob("*.py"))
    # Rows reached by value: an approval action is its operation (ApprovalAction.operation),
    # a card action too, and staff management picks its row with staff_operation.
    by_value = {a.value for a in ApprovalAction} | {a.value for a in CardAction}
    staff_rows = {op for op in Operation if op.name.startswith("STAFF_")}
    # Not done at the till yet by any service or window; the row says who will may.
    not_yet = {Operation.PROGRAM_SETTINGS, Operation.PRICE_OVERRIDE}
    unasked = {
        op
        for op in PERMISSIONS
        if f"Operation.{op.name}" not in source
        and op.value not in by_value
        and op not in staff_rows | not_yet
    }
    assert unasked == set(), sorted(op.name for op in unasked)
