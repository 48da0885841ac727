"""`frontdesk member import FILE`: members and their balances from an old system's export."""

from __future__ import annotations

from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.catalog import describe
from frontdesk.domain.member_import import COLUMNS, REASONS, read_members
from frontdesk.services import member_import
from frontdesk.sheets.reading import read_sheet


def import_file(s: Session) -> Outcome:
    actor = s.actor()
    sheet = read_sheet(Path(s.args.file))
    read = read_members(sheet.heading, sheet.rows, s.ctx.program)
    try:
        done = s.approved(
            lambda approval: member_import.import_members(
                s.ctx, actor=actor, approval_id=approval, read=read
            )
        )
    except member_import.MembersRefused as refused:
        head = refused.message if s.lang == "zh_CN" else refused.message_en
        lines = [describe(p, s.lang, COLUMNS, REASONS) for p in refused.problems]
        data = {"imported": 0, "problems": [vars(p) for p in refused.problems]}
        return Outcome("\n".join([head, *lines]), data, code=2)
    text = s.say(
        "said_members_imported",
        created=done.members_created,
        rows=done.rows,
        kept=done.cards_kept,
        issued=done.cards_issued,
        principal=done.principal,
        bonus=done.bonus,
        points=done.points,
        before=done.liability_before,
        after=done.liability_after,
        balanced=s.say("said_balanced" if done.reconciles else "said_not_balanced"),
    )
    return Outcome(text, done)
