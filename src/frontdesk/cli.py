"""The `frontdesk` command: every till operation, headless and scriptable.

Exit codes: 0 done, 2 refused by a rule (reason printed, Chinese by default), 1 anything else.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from frontdesk.config import SystemClock, default_db_path, load_program
from frontdesk.domain.cards import CardAction, parse_card_number
from frontdesk.domain.errors import DomainError
from frontdesk.domain.money import Fen
from frontdesk.domain.program import ProgramInvalid
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, checkout, membership, shifts, staff
from frontdesk.services.context import TillContext, new_id


class UsageError(Exception):
    """Bad command-line input: said plainly, nothing written."""


def _plain(value: Any) -> Any:
    if isinstance(value, Fen):
        return value.value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)} | _extra(value)
    if isinstance(value, dict):
        return {(k.value if isinstance(k, Enum) else str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _extra(value: Any) -> dict[str, Any]:
    if isinstance(value, membership.MemberView):
        return {"balance": value.balance.value, "warnings": value.warnings}
    return {}


def _fen(text: str) -> Fen:
    try:
        return Fen.of(text)
    except ValueError:
        raise UsageError(f"金额格式不正确：{text}（例如 100.00）") from None


class Cli:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang = args.lang
        self.engine = open_database(args.db)
        local = TillContext(
            SqlUnitOfWorkFactory(self.engine), SystemClock(), load_program(args.program)
        )
        from frontdesk.sync_setup import head_office_program

        # Head office's program, when the till holds a valid one, prices every command.
        self.ctx, self.program_problem = head_office_program(local)
        if self.program_problem:
            print(f"警告：{self.program_problem}", file=sys.stderr)

    def out(self, human: str, data: Any) -> None:
        if self.args.json:
            print(json.dumps(_plain(data), ensure_ascii=False, indent=2, default=str))
        else:
            print(human)

    @property
    def actor(self) -> str:
        """The staff member running the command; their PIN is checked like at the login screen."""
        staff_no = self.args.staff or os.environ.get("FRONTDESK_STAFF")
        pin = self.args.pin or os.environ.get("FRONTDESK_PIN")
        if not staff_no or not pin:
            raise UsageError(
                "请用 --staff 和 --pin（或环境变量 FRONTDESK_STAFF / FRONTDESK_PIN）指定操作员"
            )
        return staff.login(self.ctx, staff_no, pin).staff_no

    def approval(self, action: str, subject: str, amount: int) -> str | None:
        if not self.args.manager:
            return None
        return staff.approve(
            self.ctx,
            action=action,
            subject=subject,
            amount=amount,
            manager_no=self.args.manager,
            pin=self.args.manager_pin or "",
        )

    def member_id(self) -> str:
        a = self.args
        if getattr(a, "member", None):
            return str(a.member)
        if getattr(a, "card", None):
            return membership.lookup_card(self.ctx, a.card, self.actor).member_id
        if getattr(a, "phone", None):
            return membership.find_member(self.ctx, a.phone).member_id
        raise UsageError("请用 --card、--phone 或 --member 指定会员")


def _member_text(v: membership.MemberView) -> str:
    lines = [
        f"会员：{v.name}  {v.masked_phone}  {v.tier_name}",
        f"卡号：{v.card_no or '（无有效卡）'}",
        f"储值余额：{v.balance}（本金 {v.principal}，赠金 {v.bonus}）",
        f"积分：{v.points}",
    ]
    if v.birthday_benefit_available:
        lines.append("生日礼遇：本次可用")
    lines += [f"提示：{w}" for w in v.warnings]
    return "\n".join(lines)


def cmd_init(cli: Cli) -> None:
    a = cli.args
    till = staff.init_till(
        cli.ctx,
        store_no=a.store,
        till_no=a.till,
        store_name=a.store_name or cli.ctx.program.store_name,
        admin_no=a.admin,
        admin_name=a.admin_name,
        admin_pin=a.admin_pin,
    )
    cli.out(f"收银台 {till} 已初始化，管理员工号 {a.admin}", {"till_id": till})


def cmd_demo(cli: Cli) -> None:
    from frontdesk.demo import build_demo

    members = build_demo(cli.ctx)
    rows = [f"{m.name}  {m.phone}  {m.tier:<6}  卡号 {m.card_no}  {m.note}" for m in members]
    text = "示范门店已建立（工号/密码：收银员 1001/1001，店长 8001/8001，管理员 9001/9001；会员密码 135790）\n"
    views = [
        membership.member_by_id(cli.ctx, membership.find_member(cli.ctx, m.phone).member_id)
        for m in members
    ]
    for m, v in zip(members, views, strict=True):
        text += f"{m.name}  {v.masked_phone}  {v.tier_name}  卡号 {m.card_no}  余额 {v.balance}（本金 {v.principal} 赠金 {v.bonus}）积分 {v.points}  {m.note}\n"
    cli.out(text.rstrip() if rows else text, {"members": members, "views": views})


def cmd_staff_add(cli: Cli) -> None:
    a = cli.args
    staff.add_staff(
        cli.ctx, actor=cli.actor, staff_no=a.staff_no, name=a.name, role=a.role, pin=a.new_pin
    )
    cli.out(f"已添加员工 {a.staff_no} {a.name}（{a.role}）", {"staff_no": a.staff_no})


def cmd_member_add(cli: Cli) -> None:
    a = cli.args
    birthday = None
    if a.birthday:
        try:
            birthday = date.fromisoformat(a.birthday)
        except ValueError:
            raise UsageError(f"生日格式应为 YYYY-MM-DD：{a.birthday}") from None
    reg = membership.register(
        cli.ctx,
        actor=cli.actor,
        phone=a.phone,
        name=a.name,
        birthday=birthday,
        gender=a.gender,
        consent_terms=a.consent_terms,
        consent_marketing=a.consent_marketing,
        pin=a.member_pin,
    )
    cli.out(f"已注册会员，卡号 {reg.card_no}\n{_member_text(reg.member)}", reg)


def cmd_member_show(cli: Cli) -> None:
    a = cli.args
    if a.card:
        view = membership.lookup_card(cli.ctx, a.card, cli.actor)
    elif a.phone:
        view = membership.find_member(cli.ctx, a.phone)
    elif a.member:
        view = membership.member_by_id(cli.ctx, a.member)
    else:
        raise UsageError("请用 --card、--phone 或 --member 指定会员")
    cli.out(_member_text(view), view)


def cmd_member_find(cli: Cli) -> None:
    cli.actor  # noqa: B018 - member data is shown to a logged-in staff member only
    with cli.ctx.uow(write=False) as uow:
        found = uow.members.find(cli.args.text)
    views = [membership.member_by_id(cli.ctx, m.member_id) for m in found]
    cli.out("\n\n".join(_member_text(v) for v in views) or "未找到会员", views)


def cmd_card(cli: Cli) -> None:
    a = cli.args
    action = a.card_action
    if action == "issue":
        card_no = membership.issue_card(cli.ctx, actor=cli.actor, member_id=a.member)
        cli.out(f"已发卡 {card_no}", {"card_no": card_no})
        return
    card_no = parse_card_number(a.card_no)
    if action == "reissue":
        waive = None
        if a.waive_reason:
            waive = cli.approval("waive_reissue_fee", card_no, cli.ctx.program.reissue_fee.value)
        r = membership.reissue_card(
            cli.ctx,
            actor=cli.actor,
            card_no=card_no,
            phone=a.phone,
            name=a.name,
            fee_tender=a.tender,
            fee_reference=a.ref,
            waive_approval_id=waive,
            waive_reason=a.waive_reason or "",
        )
        cli.out(f"补卡完成：旧卡 {r.old_card} 作废，新卡 {r.new_card}，工本费 {r.fee}", r)
        return
    if action == "return":
        with cli.ctx.uow(write=False) as uow:
            card = uow.cards.get(card_no)
            account = None if card is None else uow.accounts.get(card.member_id)
        principal = 0 if account is None else account.principal.value
        returned = membership.return_card(
            cli.ctx,
            actor=cli.actor,
            card_no=card_no,
            approval_id=cli.approval("return", card_no, principal),
        )
        cli.out(
            f"退卡完成：退还本金 {returned.cash_paid}，赠金 {returned.bonus_forfeited} 作废",
            returned,
        )
        return
    act = {
        "lost": CardAction.REPORT_LOST,
        "unlost": CardAction.UNREPORT,
        "freeze": CardAction.FREEZE,
        "unfreeze": CardAction.UNFREEZE,
    }[action]
    approval = None if act is CardAction.REPORT_LOST else cli.approval(act.value, card_no, 0)
    card = membership.change_card_state(
        cli.ctx,
        actor=cli.actor,
        card_no=card_no,
        action=act,
        approval_id=approval,
        reason=a.reason or "",
    )
    cli.out(f"卡 {card.card_no}：{act.label}完成，当前状态 {card.state.label}", card)


def cmd_topup(cli: Cli) -> None:
    a = cli.args
    amount = _fen(a.amount)
    result = accounts.topup(
        cli.ctx,
        actor=cli.actor,
        member_id=cli.member_id(),
        amount=amount,
        tender=a.tender,
        reference=a.ref,
    )
    cli.out(
        f"充值 {amount}，赠送 {result.bonus}；余额 {result.after.balance}"
        f"（本金 {result.after.principal}，赠金 {result.after.bonus}）小票 {result.ticket.receipt_no}",
        result,
    )


def _items(specs: Sequence[str]) -> list[checkout.SaleItem]:
    items = []
    for spec in specs:
        code, _, qty = spec.partition("x")
        try:
            items.append(checkout.SaleItem(code, int(qty) if qty else 1))
        except ValueError:
            raise UsageError(f"商品写法应为 条码 或 条码x数量：{spec}") from None
    return items


def _payments(specs: Sequence[str]) -> list[checkout.Payment]:
    pays = []
    for spec in specs:
        parts = spec.split(":")
        if len(parts) not in (2, 3) or parts[0] not in checkout.TENDER_KINDS:
            raise UsageError(
                f"付款写法应为 方式:金额[:参考号]，方式为 {', '.join(checkout.TENDER_KINDS)}：{spec}"
            )
        pays.append(
            checkout.Payment(parts[0], _fen(parts[1]), parts[2] if len(parts) == 3 else None)
        )
    return pays


def cmd_sale(cli: Cli) -> None:
    a = cli.args
    actor = cli.actor
    items = _items(a.item)
    if not a.pay:
        q = checkout.quote(
            cli.ctx, card_no=a.card, items=items, redeem_blocks=a.redeem, actor=actor
        )
        cli.out(
            f"应付 {q.priced.due}，优惠 {q.priced.savings}，可得积分 {q.priced.points_earned}",
            q.priced,
        )
        return
    result = checkout.checkout(
        cli.ctx,
        txn_id=a.txn or new_id(),
        cashier=actor,
        card_no=a.card,
        items=items,
        payments=_payments(a.pay),
        redeem_blocks=a.redeem,
        pin=a.member_pin,
    )
    t = result.ticket
    text = f"小票 {t.receipt_no}：合计 {t.gross}，优惠 {t.gross - t.total}，实付 {t.total}，找零 {result.change}"
    if t.points_earned:
        text += f"，积分 +{t.points_earned}"
    if result.upgraded_to:
        text += f"\n恭喜升级为{cli.ctx.program.tier(result.upgraded_to).name}"
    if result.member_after is not None:
        text += f"\n{_member_text(result.member_after)}"
    cli.out(
        text,
        {
            "ticket": t,
            "change": result.change,
            "upgraded_to": result.upgraded_to,
            "replayed": result.replayed,
        },
    )


def cmd_refund(cli: Cli) -> None:
    a = cli.args
    actor = cli.actor
    lines = None
    if a.line:
        lines = {}
        for spec in a.line:
            no, _, qty = spec.partition(":")
            try:
                lines[int(no)] = int(qty or "0")
            except ValueError:
                raise UsageError(f"退货行写法应为 行号:数量：{spec}") from None
    with cli.ctx.uow(write=False) as uow:
        original = uow.tickets.by_receipt(a.receipt_no)
    amount = 0
    if original is not None:
        # The approval is bound to the amount; work it out the same way the refund will.
        amount = _refund_amount(cli, a.receipt_no, lines)
    result = checkout.refund(
        cli.ctx,
        txn_id=a.txn or new_id(),
        cashier=actor,
        receipt_no=a.receipt_no,
        lines=lines,
        approval_id=cli.approval("refund", a.receipt_no, amount),
    )
    cli.out(
        f"退货完成：小票 {result.ticket.receipt_no}，退款 {-result.ticket.total}", result.ticket
    )


def _refund_amount(cli: Cli, receipt_no: str, lines: dict[int, int] | None) -> int:
    return checkout.refund_amount(cli.ctx, receipt_no=receipt_no, lines=lines)


def cmd_points_adjust(cli: Cli) -> None:
    a = cli.args
    member_id = cli.member_id()
    account = accounts.adjust_points(
        cli.ctx,
        actor=cli.actor,
        member_id=member_id,
        points=a.points,
        reason=a.reason,
        approval_id=cli.approval("points_adjust", member_id, a.points),
    )
    cli.out(f"积分已调整 {a.points:+d}，当前积分 {account.points}", account)


def cmd_pin_set(cli: Cli) -> None:
    a = cli.args
    member_id = cli.member_id()
    membership.set_pin(
        cli.ctx,
        actor=cli.actor,
        member_id=member_id,
        pin=a.new_pin,
        approval_id=cli.approval("pin_reset", member_id, 0),
    )
    cli.out("会员密码已设置", {"member_id": member_id})


def cmd_tier_lock(cli: Cli) -> None:
    a = cli.args
    member_id = cli.member_id()
    membership.lock_tier(
        cli.ctx,
        actor=cli.actor,
        member_id=member_id,
        tier=a.tier,
        reason=a.reason,
        approval_id=cli.approval("tier_lock", member_id, 0),
    )
    cli.out(
        f"等级已锁定为 {a.tier}" if a.tier else "等级锁定已解除",
        {"member_id": member_id, "tier": a.tier},
    )


def cmd_shift_open(cli: Cli) -> None:
    s = shifts.open_shift(cli.ctx, cashier=cli.actor, opening_float=_fen(cli.args.float))
    cli.out(f"已开班，备用金 {s.opening_float}", s)


def cmd_shift_close(cli: Cli) -> None:
    r = shifts.close_shift(cli.ctx, cashier=cli.actor, counted_cash=_fen(cli.args.counted))
    summary = shifts.report_summary(r)
    text = (
        f"交班：销售 {r.sales_count} 笔；现金应有 {r.expected_cash}，实点 {r.counted_cash}，长短款 {r.over_short}\n"
        f"储值负债：期初 {r.liability_opening} + 充值 {r.liability_topups} − 消费 {r.liability_spends}"
        f" + 退款 {r.liability_refunds} ± 调整 {r.liability_adjustments} = 期末 {r.liability_closing}"
        f"（{'平' if r.liability_reconciles else '不平'}）"
    )
    cli.out(text, summary)


def cmd_verify(cli: Cli) -> None:
    problems = verify(cli.engine)
    if problems:
        cli.out("核对发现问题：\n" + "\n".join(problems), {"ok": False, "problems": problems})
        raise SystemExit(2)
    cli.out("核对通过：账本哈希链完整，余额与积分投影与账本一致", {"ok": True, "problems": []})


def cmd_audit(cli: Cli) -> None:
    with cli.ctx.uow(write=False) as uow:
        entries = uow.audit.recent(cli.args.limit)
    text = "\n".join(
        f"{e.at:%Y-%m-%d %H:%M:%S}  {e.action:<16} {e.outcome:<8} {e.actor:<6} {e.approver or '':<6} {e.subject or ''}"
        for e in entries
    )
    cli.out(text, entries)


def cmd_till(cli: Cli) -> None:
    a = cli.args
    if a.selftest is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads: no display needed
    # Imported here, not at the top: every other command runs without loading Qt.
    from frontdesk.app import run_till_app

    staff_no = a.staff or os.environ.get("FRONTDESK_STAFF") or "1001"
    pin = a.pin or os.environ.get("FRONTDESK_PIN") or "1001"
    raise SystemExit(
        run_till_app(cli.engine, cli.ctx, a.lang, selftest=a.selftest, staff_no=staff_no, pin=pin)
    )


def _hq_settings(cli: Cli) -> tuple[str, str, str]:
    with cli.ctx.uow(write=False) as uow:
        store, till = uow.settings.get("store_no"), uow.settings.get("till_id")
        name = uow.settings.get("store_name") or ""
    if store is None or till is None:
        raise UsageError("收银台尚未初始化，请先执行 frontdesk init")
    return f"{int(store):03d}", till, name


def cmd_hq_init(cli: Cli) -> None:
    from frontdesk.sync import credentials
    from frontdesk.sync.hq_engine import make_hq_engine
    from frontdesk.sync.hq_setup import init_head_office

    store_no, till_id, store_name = _hq_settings(cli)
    admin = make_hq_engine(cli.args.hq_url)
    try:
        creds = init_head_office(
            admin, store_no=store_no, till_id=till_id, store_name=cli.args.store_name or store_name
        )
    finally:
        admin.dispose()
    path = credentials.credentials_path(Path(cli.args.db))
    credentials.save(path, creds)
    with cli.ctx.uow() as uow:
        uow.settings.set("hq_configured", "1")
        uow.commit()
    cli.out(
        f"总部已就绪：收银台 {till_id} 以角色 {creds.role} 同步，登录信息保存在 {path}（仅本用户可读）",
        {"till_id": till_id, "role": creds.role, "credentials": str(path)},
    )


def cmd_hq_report(cli: Cli) -> None:
    from frontdesk.sync.hq_engine import make_hq_engine
    from frontdesk.sync.hq_report import build_report

    admin = make_hq_engine(cli.args.hq_url)
    try:
        report = build_report(admin)
    finally:
        admin.dispose()
    cli.out(report.text, report)


def cmd_hq_kpi(cli: Cli) -> None:
    from frontdesk.sync.hq_engine import make_hq_engine
    from frontdesk.sync.hq_kpi import chain_kpis, kpi_text

    today = cli.ctx.now().date()
    if cli.args.as_of:
        try:
            today = date.fromisoformat(cli.args.as_of)
        except ValueError:
            raise UsageError(f"日期格式应为 YYYY-MM-DD：{cli.args.as_of}") from None
    admin = make_hq_engine(cli.args.hq_url)
    try:
        k = chain_kpis(admin, today)
    finally:
        admin.dispose()
    cli.out(kpi_text(k), k)


def cmd_sync(cli: Cli) -> None:
    """Exit 0 synced; 1 head office unreachable (nothing lost, try later); 2 refused."""
    from frontdesk.sync.credentials import CredentialsUnsafe
    from frontdesk.sync.sync_lock import SyncBusy
    from frontdesk.sync_setup import NotConnected, run_sync

    try:
        report = run_sync(
            Path(cli.args.db),
            cli.engine,
            cli.ctx.program,
            cli.ctx.clock,
            batch=cli.args.batch,
            pull_too=not cli.args.push_only,
        )
    except (NotConnected, CredentialsUnsafe) as exc:
        raise UsageError(str(exc)) from None
    except SyncBusy as busy:
        print(str(busy), file=sys.stderr)
        raise SystemExit(2) from None
    cli.out(report.text, report)
    if not report.ok:
        print(report.message, file=sys.stderr)
        raise SystemExit(2 if "拒收" in report.message else 1)


# --- Receipts and devices -------------------------------------------------------------------
# Hardware and the print-job store are imported inside these functions: commands that print
# nothing never load reportlab or python-escpos.

PRINTED_COMMANDS = {
    ("sale",): "ticket",
    ("refund",): "ticket",
    ("topup",): "topup",
    ("card", "reissue"): "reissue",
    ("card", "return"): "return",
    ("shift", "close"): "shift",
}


def devices_path(db: Path) -> Path:
    """The device settings live next to the till database: <db>.devices.toml."""
    return db.with_name(db.name + ".devices.toml")


class _Captured:
    """What a command handed to Cli.out, kept so its receipt can be printed afterwards."""

    def __init__(self, cli: Cli) -> None:
        self.data: Any = None
        self._out = cli.out

        def out(human: str, data: Any) -> None:
            self.data = data
            self._out(human, data)

        cli.out = out  # type: ignore[method-assign]


def _who(cli: Cli, cashier: str) -> Any:
    from frontdesk.services.receipts import Printed

    with cli.ctx.uow(write=False) as uow:
        store_name = uow.settings.get("store_name") or cli.ctx.program.store_name
        till = uow.settings.get("till_no") or ""
        person = uow.staff.get(cashier)
    return Printed(store_name, till.zfill(2), person.name if person is not None else cashier)


def _ticket_receipt(cli: Cli, ticket: Any, fresh: bool) -> Any:
    """A ticket's receipt; `fresh` (just committed) adds the member's balances before → after."""
    from frontdesk.services.receipts import ticket_receipt

    with cli.ctx.uow(write=False) as uow:
        entries = uow.ledger.for_ticket(ticket.ticket_id)
        original = None if ticket.refund_of is None else uow.tickets.get(ticket.refund_of)
        member = None if ticket.member_id is None else uow.members.get(ticket.member_id)
    now = None
    if fresh and ticket.member_id is not None:
        now = membership.member_by_id(cli.ctx, ticket.member_id)
    return ticket_receipt(
        ticket,
        _who(cli, ticket.cashier),
        cli.ctx.program,
        entries,
        phone=None if member is None else member.phone,
        original_receipt_no=None if original is None else original.receipt_no,
        member_now=now,
    )


def _receipt_of(cli: Cli, kind: str, data: Any, shift_id: str | None) -> Any:
    from frontdesk.services import receipts

    program = cli.ctx.program
    if kind == "ticket":
        ticket = data["ticket"] if isinstance(data, dict) else data
        receipt = _ticket_receipt(
            cli, ticket, fresh=not (isinstance(data, dict) and data["replayed"])
        )
        return (
            receipt if not (isinstance(data, dict) and data["replayed"]) else receipt.as_reprint()
        )
    if kind == "topup":
        member = membership.member_by_id(cli.ctx, data.before.member_id)
        return receipts.topup_receipt(data, _who(cli, data.ticket.cashier), program, member)
    if kind == "reissue":
        if data.ticket is None:
            return None
        return receipts.reissue_receipt(data, _who(cli, data.ticket.cashier), program)
    if kind == "return":
        return receipts.card_return_receipt(data, _who(cli, data.ticket.cashier), program)
    return _shift_receipt(cli, shift_id, data) if shift_id is not None else None


def _shift_receipt(cli: Cli, shift_id: str, summary: dict[str, Any]) -> Any:
    from frontdesk.services.receipts import report_from_summary, shift_receipt

    with cli.ctx.uow(write=False) as uow:
        shift = uow.shifts.get(shift_id)
        store, till = uow.settings.get("store_no"), uow.settings.get("till_no")
        assert shift is not None
        approvals = [a for a in uow.audit.since(shift.opened_at) if a.approver is not None]
        names = {a.approver: _staff_name(uow, a.approver) for a in approvals if a.approver}
    report = report_from_summary(shift, summary, approvals)
    return shift_receipt(report, _who(cli, shift.cashier), int(store or 0), int(till or 0), names)


def _staff_name(uow: Any, staff_no: str) -> str:
    person = uow.staff.get(staff_no)
    return str(person.name) if person is not None else staff_no


def _queue(cli: Cli) -> Any:
    """The print queue of this till: jobs in its database, the printer from <db>.devices.toml."""
    from frontdesk.printing_setup import print_queue

    faults: list[str] = []
    queue, _store = print_queue(cli.engine, devices_path(cli.args.db), faults.append)
    return queue, faults


def _print(cli: Cli, receipt: Any) -> None:
    """Queue and print; a printer fault is a warning, never a failed command (it is committed)."""
    queue, faults = _queue(cli)
    queue.submit(receipt)
    _also_pdf(cli, receipt)
    if faults:
        print(
            f"警告：{faults[-1]}（小票 {receipt.header.receipt_no} 已排队，"
            "可用 frontdesk print pending 补打）",
            file=sys.stderr,
        )


def _also_pdf(cli: Cli, receipt: Any) -> None:
    from frontdesk.printing_setup import pdf_copy

    fault = pdf_copy(devices_path(cli.args.db), receipt)
    if fault is not None:
        print(f"警告：{fault}", file=sys.stderr)


def _printing(fn: Callable[[Cli], None], kind: str) -> Callable[[Cli], None]:
    """Run the command, then print its receipt when this till has a device file (or --print)."""

    def run(cli: Cli) -> None:
        wanted = not cli.args.no_print and (
            cli.args.print_receipt or devices_path(cli.args.db).exists()
        )
        if not wanted:
            fn(cli)
            return
        shift_id = None
        if kind == "shift":
            with cli.ctx.uow(write=False) as uow:
                current = uow.shifts.current()
            shift_id = None if current is None else current.shift_id
        captured = _Captured(cli)
        fn(cli)
        if kind == "ticket" and isinstance(captured.data, dict) and "ticket" not in captured.data:
            return  # a sale without --pay is only priced
        receipt = _receipt_of(cli, kind, captured.data, shift_id)
        if receipt is not None:
            _print(cli, receipt)

    return run


def _past_receipt(cli: Cli, receipt_no: str) -> Any:
    """The receipt as first printed if this till kept it, else rebuilt from the stored ticket."""
    from frontdesk.persistence.print_jobs import SqlitePrintJobStore

    job = SqlitePrintJobStore(cli.engine).for_receipt(receipt_no.strip())
    if job is not None:
        return job.receipt
    with cli.ctx.uow(write=False) as uow:
        ticket = uow.tickets.by_receipt(receipt_no.strip())
    if ticket is None:
        raise UsageError(f"找不到小票 {receipt_no}")
    return _ticket_receipt(cli, ticket, fresh=False)


def cmd_receipt_reprint(cli: Cli) -> None:
    cli.actor  # noqa: B018 - a reprint is a till operation: the operator signs in
    receipt = _past_receipt(cli, cli.args.receipt_no).as_reprint()
    queue, faults = _queue(cli)
    job_id = queue.submit(receipt)
    if faults:
        print(f"警告：{faults[-1]}", file=sys.stderr)
    cli.out(
        f"小票 {receipt.header.receipt_no} 已重印" + ("（排队中）" if faults else ""),
        {"job_id": job_id, "receipt_no": receipt.header.receipt_no, "printed": not faults},
    )


def cmd_receipt_pdf(cli: Cli) -> None:
    from frontdesk.hardware.pdf_receipt import render_pdf

    receipt = _past_receipt(cli, cli.args.receipt_no)
    out = Path(cli.args.out)
    out.write_bytes(render_pdf(receipt))
    cli.out(f"已保存 {out}", {"receipt_no": receipt.header.receipt_no, "path": str(out)})


def cmd_print_pending(cli: Cli) -> None:
    from frontdesk.persistence.print_jobs import SqlitePrintJobStore

    queue, faults = _queue(cli)
    printed = queue.flush()
    left = len(SqlitePrintJobStore(cli.engine).pending())
    if faults:
        print(f"警告：{faults[-1]}", file=sys.stderr)
    cli.out(f"补打 {printed} 张，仍排队 {left} 张", {"printed": printed, "pending": left})


def cmd_card_print(cli: Cli) -> None:
    from frontdesk.hardware.member_card import CardFace, write_member_card

    card_no = parse_card_number(cli.args.card_no)
    with cli.ctx.uow(write=False) as uow:
        card = uow.cards.get(card_no)
        member = None if card is None else uow.members.get(card.member_id)
        store_name = uow.settings.get("store_name") or cli.ctx.program.store_name
    if card is None or member is None:
        raise UsageError(f"找不到会员卡 {card_no}")
    view = membership.member_by_id(cli.ctx, member.member_id)
    face = CardFace(store_name, view.tier_name, member.name, card_no)
    path = write_member_card(face, Path(cli.args.out))
    cli.out(f"会员卡已保存 {path}（CR80）", {"card_no": card_no, "path": str(path)})


def cmd_devices(cli: Cli) -> None:
    from frontdesk.hardware import checks
    from frontdesk.hardware.config import load_config

    config = load_config(devices_path(cli.args.db))
    if cli.args.sub == "test-scan":
        result = checks.test_scan(config.scanner, cli.args.timeout)
    else:
        result = checks.test_print(config.printer, config.paper)
    cli.out(result.message, result)
    if not result.ok:
        raise SystemExit(1)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="frontdesk", description="frontdesk 会员收银台")
    p.add_argument(
        "--db", type=Path, default=None, help="till database (default: per-user data folder)"
    )
    p.add_argument(
        "--program", type=Path, default=None, help="program file (default: resources/program.toml)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.add_argument("--staff", help="operator staff number (or FRONTDESK_STAFF)")
    p.add_argument("--pin", help="operator PIN (or FRONTDESK_PIN)")
    p.add_argument("--manager", help="approving manager's staff number")
    p.add_argument("--manager-pin", help="approving manager's own PIN")
    sub = p.add_subparsers(dest="command", required=True)

    def cmd(
        parent: Any, name: str, fn: Callable[[Cli], None], help_text: str
    ) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = parent.add_parser(name, help=help_text)
        sp.set_defaults(fn=fn)
        return sp

    def member_ref(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--card")
        sp.add_argument("--phone")
        sp.add_argument("--member")

    s = cmd(sub, "init", cmd_init, "set up this till")
    s.add_argument("--store", type=int, required=True)
    s.add_argument("--till", type=int, required=True)
    s.add_argument("--store-name")
    s.add_argument("--admin", required=True)
    s.add_argument("--admin-name", default="管理员")
    s.add_argument("--admin-pin", required=True)
    cmd(sub, "demo", cmd_demo, "create a ready demo store")
    s = cmd(sub, "till", cmd_till, "open the till window")
    s.add_argument(
        "--selftest",
        type=Path,
        metavar="PNG",
        help="open the window offscreen as --staff (default the demo cashier 1001), save it, exit",
    )
    cmd(sub, "verify", cmd_verify, "recompute projections and check the ledger chain")
    s = cmd(sub, "audit", cmd_audit, "show the audit log")
    s.add_argument("--limit", type=int, default=50)

    st = sub.add_parser("staff").add_subparsers(dest="sub", required=True)
    s = cmd(st, "add", cmd_staff_add, "add a staff member")
    s.add_argument("staff_no")
    s.add_argument("name")
    s.add_argument("role", choices=["cashier", "manager", "admin"])
    s.add_argument("--new-pin", required=True)

    mp = sub.add_parser("member").add_subparsers(dest="sub", required=True)
    s = cmd(mp, "add", cmd_member_add, "register a member and issue a card")
    s.add_argument("--phone", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--birthday")
    s.add_argument("--gender", choices=["F", "M"])
    s.add_argument("--consent-terms", action="store_true")
    s.add_argument("--consent-marketing", action="store_true")
    s.add_argument("--member-pin")
    s = cmd(mp, "show", cmd_member_show, "show a member")
    member_ref(s)
    s = cmd(mp, "find", cmd_member_find, "find members by phone or name")
    s.add_argument("text")

    cp = sub.add_parser("card").add_subparsers(dest="card_action", required=True)
    s = cmd(cp, "issue", cmd_card, "issue a card to a member without one")
    s.add_argument("--member", required=True)
    for name in ("lost", "unlost", "freeze", "unfreeze", "return"):
        s = cmd(cp, name, cmd_card, f"card {name}")
        s.add_argument("card_no")
        s.add_argument("--reason")
    s = cmd(cp, "reissue", cmd_card, "reissue (补卡)")
    s.add_argument("card_no")
    s.add_argument("--phone", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--tender", default="cash")
    s.add_argument("--ref")
    s.add_argument("--waive-reason")

    s = cmd(sub, "topup", cmd_topup, "top up stored value")
    member_ref(s)
    s.add_argument("amount")
    s.add_argument("--tender", default="cash", choices=list(accounts.PAID_TENDERS))
    s.add_argument("--ref")

    s = cmd(sub, "sale", cmd_sale, "price or check out a sale")
    s.add_argument("--card")
    s.add_argument("--item", action="append", required=True, help="BARCODE or BARCODExQTY")
    s.add_argument(
        "--pay", action="append", help="KIND:AMOUNT[:REF]; without --pay the sale is only priced"
    )
    s.add_argument("--redeem", type=int, default=0, help="points blocks to redeem")
    s.add_argument("--member-pin")
    s.add_argument("--txn", help="idempotency key (UUID) of this sale")

    s = cmd(sub, "refund", cmd_refund, "refund by receipt number")
    s.add_argument("receipt_no")
    s.add_argument("--line", action="append", help="LINE_NO:QTY; none means the whole ticket")
    s.add_argument("--txn")

    pp = sub.add_parser("points").add_subparsers(dest="sub", required=True)
    s = cmd(pp, "adjust", cmd_points_adjust, "adjust points (manager)")
    member_ref(s)
    s.add_argument("points", type=int)
    s.add_argument("--reason", required=True)

    pn = sub.add_parser("pin").add_subparsers(dest="sub", required=True)
    s = cmd(pn, "set", cmd_pin_set, "set or reset a member PIN")
    member_ref(s)
    s.add_argument("--new-pin", required=True)

    tp = sub.add_parser("tier").add_subparsers(dest="sub", required=True)
    s = cmd(tp, "lock", cmd_tier_lock, "lock (or with no --tier, unlock) a member's tier")
    member_ref(s)
    s.add_argument("--tier")
    s.add_argument("--reason", required=True)

    hq = sub.add_parser("hq").add_subparsers(dest="sub", required=True)
    s = cmd(hq, "init", cmd_hq_init, "create/upgrade head office and give this till its login")
    s.add_argument("--hq-url", required=True, help="head-office admin address (postgresql://…)")
    s.add_argument("--store-name")
    s = cmd(hq, "report", cmd_hq_report, "negative accounts and spends after revocation")
    s.add_argument("--hq-url", required=True, help="head-office admin address (postgresql://…)")
    s = cmd(hq, "kpi", cmd_hq_kpi, "member KPIs over every store (DOMAIN §10)")
    s.add_argument("--hq-url", required=True, help="head-office admin address (postgresql://…)")
    s.add_argument("--as-of", help="YYYY-MM-DD (default: today)")
    s = cmd(sub, "sync", cmd_sync, "push to head office, then pull (for timers and cron)")
    s.add_argument("--batch", type=int, default=5000, help="rows per head-office transaction")
    s.add_argument("--push-only", action="store_true", help="push only (a 挂失 right away)")

    sh = sub.add_parser("shift").add_subparsers(dest="sub", required=True)
    s = cmd(sh, "open", cmd_shift_open, "open a shift")
    s.add_argument("--float", required=True)
    s = cmd(sh, "close", cmd_shift_close, "close the shift")
    s.add_argument("--counted", required=True)
    p.add_argument(
        "--print",
        dest="print_receipt",
        action="store_true",
        help="print the receipt even without <db>.devices.toml (default printer settings)",
    )
    p.add_argument("--no-print", action="store_true", help="do not print the receipt")
    rp = sub.add_parser("receipt").add_subparsers(dest="sub", required=True)
    s = cmd(rp, "reprint", cmd_receipt_reprint, "print a past receipt again, marked 重印")
    s.add_argument("receipt_no")
    s = cmd(rp, "pdf", cmd_receipt_pdf, "save a past receipt as PDF")
    s.add_argument("receipt_no")
    s.add_argument("out")
    pq = sub.add_parser("print").add_subparsers(dest="sub", required=True)
    cmd(pq, "pending", cmd_print_pending, "print receipts still waiting for the printer")
    s = cmd(cp, "print", cmd_card_print, "member card as a CR80 PDF for the card printer")
    s.add_argument("card_no")
    s.add_argument("out")
    dv = sub.add_parser("devices").add_subparsers(dest="sub", required=True)
    s = cmd(dv, "test-scan", cmd_devices, "wait for one scan on the configured scanner")
    s.add_argument("--timeout", type=float, default=10.0)
    cmd(dv, "test-print", cmd_devices, "print a test receipt on the configured printer")
    for path, kind in PRINTED_COMMANDS.items():
        parser: Any = sub
        for name in path:
            parser = parser.choices[name]
            parser = next(
                (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), parser
            )
        parser.set_defaults(fn=_printing(parser.get_default("fn"), kind))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = default_db_path()
    try:
        cli = Cli(args)
        args.fn(cli)
    except DomainError as refusal:
        print(refusal.message if args.lang == "zh_CN" else refusal.message_en, file=sys.stderr)
        return 2
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ProgramInvalid as exc:
        print(f"方案文件有误：{exc}", file=sys.stderr)
        return 1
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
