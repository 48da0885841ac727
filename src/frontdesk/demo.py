"""A ready demo store: staff, products with real EAN-13 codes, members of every tier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from frontdesk.domain.cards import CardAction
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.services import accounts, checkout, membership, shifts, staff, staff_admin
from frontdesk.services.context import TillContext, new_id


def ean13(first12: str) -> str:
    digits = [int(c) for c in first12]
    check = (10 - (sum(digits[0::2]) + 3 * sum(digits[1::2])) % 10) % 10
    return first12 + str(check)


# (name, price, member discount allowed): tobacco and infant formula are commonly excluded.
DEMO_PRODUCTS = [
    ("农夫山泉 550ml", "2.00", True),
    ("康师傅红烧牛肉面", "4.50", True),
    ("伊利纯牛奶 250ml×12", "58.00", True),
    ("金龙鱼调和油 5L", "79.90", True),
    ("五常大米 5kg", "89.00", True),
    ("中华香烟（软）", "65.00", False),
    ("飞鹤婴幼儿奶粉 900g", "368.00", False),
    ("茅台飞天 500ml", "2999.00", True),
    ("黄金手镯 20g", "15000.00", True),
    ("钻石项链", "31000.00", True),
]


@dataclass(frozen=True)
class DemoMember:
    name: str
    phone: str
    tier: str
    card_no: str
    note: str  # a catalogue key: what the demo shows of this member, said in the reader's language


def build_demo(ctx: TillContext) -> list[DemoMember]:
    """Create the demo store on an empty database through the real use cases."""
    staff.init_till(
        ctx,
        store_no=1,
        till_no=1,
        store_name=ctx.program.store_name,
        admin_no="9001",
        admin_name="管理员",
        admin_pin="9001",
    )
    staff_admin.add_staff(
        ctx, actor="9001", staff_no="8001", name="王店长", role="manager", pin="8001"
    )
    staff_admin.add_staff(
        ctx, actor="9001", staff_no="1001", name="李收银", role="cashier", pin="1001"
    )
    codes = []
    with ctx.uow() as uow:
        for i, (name, price, discount) in enumerate(DEMO_PRODUCTS):
            code = ean13(f"69{i + 1:010d}")
            codes.append(code)
            uow.products.upsert(Product(code, name, Fen.of(price), discount))
        uow.commit()
    shifts.open_shift(ctx, cashier="1001", opening_float=Fen.of("500.00"))
    today = ctx.now().date()
    people = [
        ("张伟", "13800001111", date(1985, 3, 12), "said_demo_note_normal"),
        ("李娜", "13900002222", date(1990, (today.month % 12) + 1, 5), "said_demo_note_silver"),
        ("王芳", "13700003333", date(1988, (today.month + 5) % 12 + 1, 3), "said_demo_note_gold"),
        ("刘洋", "13600004444", date(1979, 7, 21), "said_demo_note_diamond"),
        ("陈静", "13500005555", date(1995, 1, 30), "said_demo_note_lost"),
        ("赵敏", "13300006666", date(1992, today.month, 1), "said_demo_note_birthday"),
    ]
    made = []
    for name, phone, birthday, note in people:
        reg = membership.register(
            ctx,
            actor="1001",
            phone=phone,
            name=name,
            birthday=birthday,
            consent_terms=True,
            consent_marketing=True,
            pin="135790",
        )
        made.append((reg, note))
    # Real purchase history earns the higher tiers, so the books behind them are real too.
    # A tier's single-ticket threshold is on what was paid (98折 for a normal member): one ￥15,000
    # bracelet pays ￥14,700 and stays silver, so 王芳 buys two to be the gold member she shows.
    big = {"李娜": (codes[7], 1), "王芳": (codes[8], 2), "刘洋": (codes[9], 1)}
    for reg, _ in made:
        accounts.topup(ctx, actor="8001", member_id=reg.member.member_id, amount=Fen.of("1000.00"))
        if reg.member.name in big:
            code, qty = big[reg.member.name]
            quote = checkout.quote(
                ctx, actor="8001", card_no=reg.card_no, items=[checkout.SaleItem(code, qty)]
            )
            checkout.checkout(
                ctx,
                txn_id=new_id(),
                cashier="1001",
                card_no=reg.card_no,
                items=[checkout.SaleItem(code, qty)],
                payments=[checkout.Payment("bank_card", quote.priced.due, "DEMO-POS")],
            )
    basket = [checkout.SaleItem(codes[0], 2), checkout.SaleItem(codes[2], 1)]
    first = made[0][0].card_no
    due = checkout.quote(ctx, actor="8001", card_no=first, items=basket).priced.due
    checkout.checkout(
        ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=first,
        items=basket,
        payments=[checkout.Payment("stored_value", due)],
        pin="135790",
    )
    membership.change_card_state(
        ctx, actor="1001", card_no=made[4][0].card_no, action=CardAction.REPORT_LOST
    )
    result = []
    for reg, note in made:
        view = membership.member_by_id(ctx, reg.member.member_id)
        result.append(
            DemoMember(reg.member.name, reg.member.phone, view.tier_name, reg.card_no, note)
        )
    return result
