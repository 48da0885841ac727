"""One command's session: the till's store and program, and the operator, logged in once."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from frontdesk.cli.errors import UsageError
from frontdesk.config import SystemClock, load_program
from frontdesk.domain import errors, messages
from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import member_privacy, membership, staff
from frontdesk.services.context import TillContext
from frontdesk.services.staff import StaffSession

T = TypeVar("T")


class Session:
    """What every command works with; the operator's PIN is checked at most once per command."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang: str = args.lang
        from frontdesk.cli.main import CREATES_ITS_DATABASE

        # Only `init` and `demo` make a database; any other command on a missing --db is refused.
        self.engine = open_database(args.db, create=args.handler in CREATES_ITS_DATABASE)
        local = TillContext(
            SqlUnitOfWorkFactory(self.engine), SystemClock(), load_program(args.program)
        )
        from frontdesk.sync_setup import head_office_program, with_online_holds

        # Head office's program, when the till holds a valid one, prices every command; a
        # connected till asks head office to hold each stored-value spend.
        self.ctx, self.program_problem = head_office_program(local)
        self.ctx = with_online_holds(self.ctx, self.engine)
        if self.program_problem:
            print(self.say("said_warning", text=self.program_problem), file=sys.stderr)
        self._operator: StaffSession | None = None

    def say(self, key: str, **details: object) -> str:
        """A result line in the command's language, from the one catalogue."""
        return messages.say(key, self.lang, **details)

    def operator(self) -> StaffSession:
        """The staff member running the command, checked like at the login screen (once)."""
        if self._operator is None:
            staff_no = self.args.staff or os.environ.get("FRONTDESK_STAFF")
            pin = self.args.pin or os.environ.get("FRONTDESK_PIN")
            if not staff_no or not pin:
                raise UsageError("login_needed")
            self._operator = staff.login(self.ctx, staff_no, pin)
        return self._operator

    def actor(self) -> str:
        return self.operator().staff_no

    @property
    def logged_in(self) -> bool:
        return self._operator is not None

    def sees_full_personal_data(self) -> bool:
        """Managers see full phones (DOMAIN §7); cashiers, and anyone not logged in, masked ones."""
        return self._operator is not None and member_privacy.sees_full_details(self._operator.role)

    def reveal(self, member_ids: list[str]) -> bool:
        """Whether these members are shown in full; a manager's look is audited, once."""
        if not self.sees_full_personal_data():
            return False
        member_privacy.record_full_view(self.ctx, actor=self.actor(), member_ids=member_ids)
        return True

    def approved(self, call: Callable[[str | None], T]) -> T:
        """Run a use case, and again with --manager's approval of exactly what it asked for.

        The same exchange as the window's: the CLI keeps no list of what needs approval, nor
        its own spelling of an approval's action, subject or amount.
        """
        try:
            return call(None)
        except errors.ApprovalRequired as asked:
            if not getattr(self.args, "manager", None):
                raise
            approval = staff.approve(
                self.ctx,
                ApprovalBinding.of(asked),
                manager_no=self.args.manager,
                pin=self.args.manager_pin or "",
                operator=self.actor(),
            )
        return call(approval)

    def member_id(self) -> str:
        a = self.args
        if getattr(a, "member", None):
            return str(a.member)
        if getattr(a, "card", None):
            return membership.lookup_card(self.ctx, a.card, self.actor()).member_id
        if getattr(a, "phone", None):
            return membership.find_member(self.ctx, a.phone, actor=self.actor()).member_id
        raise UsageError("member_ref")


def day(text: str | None) -> date | None:
    """An optional YYYY-MM-DD option (--from, --to, --since, --until)."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("bad_date", text=text) from None


def fen(text: str) -> Fen:
    try:
        return Fen.of(text)
    except ValueError:
        raise UsageError("bad_amount", text=text) from None
