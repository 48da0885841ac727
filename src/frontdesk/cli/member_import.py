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
    if s.lang == "zh_CN":
        text = (
            f"已导入会员 {done.members_created}/{done.rows} 位（沿用旧卡 {done.cards_kept}，"
            f"新发卡 {done.cards_issued}）；期初本金 {done.principal}，赠金 {done.bonus}，"
            f"积分 {done.points}；储值负债 {done.liability_before} → {done.liability_after}"
            f"（{'平' if done.reconciles else '不平'}）"
        )
    else:
        text = (
            f"Imported {done.members_created}/{done.rows} members ({done.cards_kept} old cards "
            f"kept, {done.cards_issued} issued); opening principal {done.principal}, bonus "
            f"{done.bonus}, points {done.points}; liability {done.liability_before} -> "
            f"{done.liability_after} ({'reconciles' if done.reconciles else 'DOES NOT reconcile'})"
        )
    return Outcome(text, done)
