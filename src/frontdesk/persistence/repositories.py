"""SQL repositories over one open connection: each method is a few statements, no rules."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, bindparam, case, func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from frontdesk.domain.cards import Card, CardState
from frontdesk.domain.ledger import GENESIS_HASH, EntryDraft, LedgerEntry, seal
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.domain.tiers import TierEvent, TierTotals
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.services.records import (
    Account,
    Approval,
    AuditEntry,
    Member,
    Shift,
    Staff,
    Ticket,
)

# The statements of a checkout are built once, here, with bound parameters: building a Core
# statement per call cost more CPU than running it (70-100 µs against 16-18 µs each).
_SETTING = select(t.settings.c.value).where(t.settings.c.key == bindparam("b_key"))
# One statement moves a counter and says where it now stands.
_BUMP_COUNTER = (
    update(t.counter)
    .where(t.counter.c.name == bindparam("b_name"))
    .values(value=t.counter.c.value + 1)
    .returning(t.counter.c.value)
)


class SqlSettings:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, key: str) -> str | None:
        return self.conn.execute(_SETTING, {"b_key": key}).scalar()

    def set(self, key: str, value: str) -> None:
        if self.get(key) is None:
            self.conn.execute(insert(t.settings).values(key=key, value=value))
        else:
            self.conn.execute(update(t.settings).where(t.settings.c.key == key).values(value=value))

    def next_number(self, name: str) -> int:
        """The next value of a named counter (card serials, receipt numbers)."""
        bumped = self.conn.execute(_BUMP_COUNTER, {"b_name": name}).scalar()
        if bumped is None:
            self.conn.execute(insert(t.counter).values(name=name, value=1))
            return 1
        return int(bumped)


_STAFF = select(t.staff).where(t.staff.c.staff_no == bindparam("b_staff"))  # every use case's


class SqlStaff:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, staff_no: str) -> Staff | None:
        r = self.conn.execute(_STAFF, {"b_staff": staff_no}).first()
        return None if r is None else rows.to_staff(r)

    def add(self, s: Staff, at: datetime) -> None:
        self.conn.execute(
            insert(t.staff).values(
                staff_no=s.staff_no,
                name=s.name,
                role=s.role,
                pin_hash=s.pin_hash,
                failed_tries=s.failed_tries,
                locked=s.locked,
                created_at=at.isoformat(),
                disabled=s.disabled,
            )
        )

    def all(self) -> list[Staff]:
        return [rows.to_staff(r) for r in self.conn.execute(select(t.staff).order_by("staff_no"))]

    def set_role(self, staff_no: str, role: str) -> None:
        self.conn.execute(update(t.staff).where(t.staff.c.staff_no == staff_no).values(role=role))

    def set_disabled(self, staff_no: str, disabled: bool) -> None:
        self.conn.execute(
            update(t.staff).where(t.staff.c.staff_no == staff_no).values(disabled=disabled)
        )

    def set_approval_tries(
        self, staff_no: str, failures: int, paused_until: datetime | None
    ) -> None:
        self.conn.execute(
            update(t.staff)
            .where(t.staff.c.staff_no == staff_no)
            .values(
                approval_failures=failures,
                approvals_paused_until=None if paused_until is None else paused_until.isoformat(),
            )
        )

    def set_tries(self, staff_no: str, failed_tries: int, locked: bool) -> None:
        self.conn.execute(
            update(t.staff)
            .where(t.staff.c.staff_no == staff_no)
            .values(failed_tries=failed_tries, locked=locked)
        )

    def set_pin(self, staff_no: str, pin_hash: str) -> None:
        self.conn.execute(
            update(t.staff)
            .where(t.staff.c.staff_no == staff_no)
            .values(pin_hash=pin_hash, failed_tries=0, locked=False)
        )

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(t.staff)).scalar_one())


_MEMBER = select(t.member).where(t.member.c.member_id == bindparam("b_member"))


class SqlMembers:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, member_id: str) -> Member | None:
        r = self.conn.execute(_MEMBER, {"b_member": member_id}).first()
        return None if r is None else rows.to_member(r)

    def by_phone(self, phone: str) -> Member | None:
        r = self.conn.execute(select(t.member).where(t.member.c.phone == phone)).first()
        return None if r is None else rows.to_member(r)

    def find(self, text: str, limit: int = 20) -> list[Member]:
        pattern = f"%{text}%"
        q = (
            select(t.member)
            .where((t.member.c.phone.like(pattern)) | (t.member.c.name.like(pattern)))
            .order_by(t.member.c.created_at)
            .limit(limit)
        )
        return [rows.to_member(r) for r in self.conn.execute(q)]

    def add(self, m: Member, at: datetime) -> None:
        self.conn.execute(insert(t.member).values(**rows.from_member(m, at)))

    def save(self, m: Member, at: datetime) -> None:
        values = rows.from_member(m, at)
        del values["member_id"]
        self.conn.execute(
            update(t.member).where(t.member.c.member_id == m.member_id).values(**values)
        )


_ACCOUNT = select(t.account).where(t.account.c.member_id == bindparam("b_member"))
_SET_TIER = (
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(
        tier=bindparam("b_tier"),
        tier_since=bindparam("b_since"),
        tier_held_until=bindparam("b_held_until"),
    )
)
_TOUCH_PURCHASE = (
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(last_purchase_at=bindparam("b_at"))
)
_LOTS = select(t.points_lot.c.lot_year, t.points_lot.c.points).where(
    t.points_lot.c.member_id == bindparam("b_member")
)


class SqlAccounts:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, member_id: str) -> Account | None:
        r = self.conn.execute(_ACCOUNT, {"b_member": member_id}).first()
        return None if r is None else rows.to_account(r)

    def create(self, member_id: str, tier: str) -> None:
        self.conn.execute(
            insert(t.account).values(
                member_id=member_id,
                principal=0,
                bonus=0,
                points=0,
                base_principal=0,
                base_bonus=0,
                base_points=0,
                base_seq=0,
                tier=tier,
            )
        )

    def set_tier(
        self, member_id: str, tier: str, since: datetime | None, held_until: datetime | None
    ) -> None:
        self.conn.execute(
            _SET_TIER,
            {
                "b_member": member_id,
                "b_tier": tier,
                "b_since": rows.iso(since),
                "b_held_until": rows.iso(held_until),
            },
        )

    def touch_purchase(self, member_id: str, at: datetime) -> None:
        self.conn.execute(_TOUCH_PURCHASE, {"b_member": member_id, "b_at": at.isoformat()})

    def lots(self, member_id: str) -> dict[int, int]:
        return {int(y): int(p) for y, p in self.conn.execute(_LOTS, {"b_member": member_id})}

    def liability(self) -> Fen:
        q = select(func.coalesce(func.sum(t.account.c.principal + t.account.c.bonus), 0))
        return Fen(int(self.conn.execute(q).scalar_one()))


_HOLDER = (
    select(
        *[c.label(f"c_{c.name}") for c in t.card.c],
        *[c.label(f"m_{c.name}") for c in t.member.c],
        *[c.label(f"a_{c.name}") for c in t.account.c],
    )
    .select_from(
        t.card.join(t.member).join(t.account, t.account.c.member_id == t.member.c.member_id)
    )
    .where(t.card.c.card_no == bindparam("card_no"))
)


class SqlCards:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, card_no: str) -> Card | None:
        r = self.conn.execute(select(t.card).where(t.card.c.card_no == card_no)).first()
        return None if r is None else rows.to_card(r)

    def with_holder(self, card_no: str) -> tuple[Card, Member, Account] | None:
        """The card, its member and account in one query: the counter's hot path."""
        r = self.conn.execute(_HOLDER, {"card_no": card_no}).mappings().first()
        if r is None:
            return None
        part = {
            p: SimpleNamespace(**{k[2:]: v for k, v in r.items() if k[:2] == p})
            for p in ("c_", "m_", "a_")
        }
        return rows.to_card(part["c_"]), rows.to_member(part["m_"]), rows.to_account(part["a_"])

    def for_member(self, member_id: str) -> list[Card]:
        q = select(t.card).where(t.card.c.member_id == member_id).order_by(t.card.c.generation)
        return [rows.to_card(r) for r in self.conn.execute(q)]

    def add(self, c: Card, at: datetime) -> None:
        self.conn.execute(
            insert(t.card).values(
                card_no=c.card_no,
                member_id=c.member_id,
                generation=c.generation,
                state=c.state.value,
                issued_at=at.isoformat(),
                state_at=at.isoformat(),
            )
        )

    def set_state(self, card_no: str, state: CardState, at: datetime) -> None:
        self.conn.execute(
            update(t.card)
            .where(t.card.c.card_no == card_no)
            .values(state=state.value, state_at=at.isoformat())
        )

    def state_since(self, card_no: str) -> str | None:
        """When the card's present state was set (ISO text): what a 解挂 names."""
        q = select(t.card.c.state_at).where(t.card.c.card_no == card_no)
        return self.conn.execute(q).scalar()


_PRODUCTS = select(t.product).where(
    and_(
        t.product.c.barcode.in_(bindparam("b_codes", expanding=True)), t.product.c.active.is_(True)
    )
)


class SqlProducts:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, barcode: str) -> Product | None:
        r = self.conn.execute(
            select(t.product).where(
                and_(t.product.c.barcode == barcode, t.product.c.active.is_(True))
            )
        ).first()
        return None if r is None else _product_of(r)

    def many(self, barcodes: Sequence[str]) -> dict[str, Product]:
        """The active products among these barcodes, in one query (a basket is priced at once)."""
        found = self.conn.execute(_PRODUCTS, {"b_codes": sorted(set(barcodes))})
        return {r.barcode: _product_of(r) for r in found}

    def upsert(self, p: Product) -> None:
        values = _product_values(p)
        del values["barcode"]
        done = self.conn.execute(
            update(t.product).where(t.product.c.barcode == p.barcode).values(**values)
        )
        if done.rowcount == 0:
            self.conn.execute(insert(t.product).values(barcode=p.barcode, **values))

    def upsert_many(self, products: Sequence[Product]) -> None:
        # One compiled statement for the whole catalog: a 50,000-product file is one
        # executemany, not 100,000 statements built one by one.
        if not products:
            return
        rows = [_product_values(p) for p in products]
        q = sqlite_insert(t.product)
        q = q.on_conflict_do_update(
            index_elements=[t.product.c.barcode],
            set_={k: q.excluded[k] for k in rows[0] if k != "barcode"},
        )
        self.conn.execute(q, rows)

    def all(self) -> list[Product]:
        q = select(t.product).where(t.product.c.active.is_(True)).order_by(t.product.c.barcode)
        return [_product_of(r) for r in self.conn.execute(q)]

    def names(self) -> list[tuple[str, str]]:
        """(barcode, name) of every active product, by barcode: what the search indexes."""
        q = (
            select(t.product.c.barcode, t.product.c.name)
            .where(t.product.c.active.is_(True))
            .order_by(t.product.c.barcode)
        )
        return [(r.barcode, r.name) for r in self.conn.execute(q)]


def _product_values(p: Product) -> dict[str, Any]:
    return {
        "barcode": p.barcode,
        "name": p.name,
        "unit_price": p.unit_price.value,
        "member_discount": p.member_discount,
        "active": True,
        "member_price": None if p.member_price is None else p.member_price.value,
        "category": p.category,
        "unit": p.unit,
    }


def _product_of(r: Any) -> Product:
    return Product(
        r.barcode,
        r.name,
        Fen(r.unit_price),
        bool(r.member_discount),
        member_price=None if r.member_price is None else Fen(r.member_price),
        category=r.category,
        unit=r.unit,
    )


_BALANCE_COLUMN = {"principal": "principal", "bonus": "bonus", "points": "points"}
_HEAD = (
    select(t.ledger_entry.c.seq, t.ledger_entry.c.hash)
    .where(t.ledger_entry.c.till_id == bindparam("b_till"))
    .order_by(t.ledger_entry.c.seq.desc())
    .limit(1)
)
_ADD_ENTRIES = insert(t.ledger_entry)
# Every bucket moves in the one statement, by zero where the transaction did not touch it.
_MOVE_ACCOUNT = (
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(
        principal=t.account.c.principal + bindparam("b_principal"),
        bonus=t.account.c.bonus + bindparam("b_bonus"),
        points=t.account.c.points + bindparam("b_points"),
    )
)
_MOVE_LOT = (
    update(t.points_lot)
    .where(
        and_(
            t.points_lot.c.member_id == bindparam("b_member"),
            t.points_lot.c.lot_year == bindparam("b_year"),
        )
    )
    .values(points=t.points_lot.c.points + bindparam("b_points"))
)
_ADD_LOT = insert(t.points_lot)


class SqlLedger:
    """Appends sealed entries and moves the projections in the same transaction."""

    def __init__(self, conn: Connection, till_id: str) -> None:
        self.conn = conn
        self.till_id = till_id

    def head(self) -> tuple[int, str]:
        r = self.conn.execute(_HEAD, {"b_till": self.till_id}).first()
        return (0, GENESIS_HASH) if r is None else (int(r.seq), str(r.hash))

    def append(self, drafts: Sequence[EntryDraft], at: datetime) -> list[LedgerEntry]:
        seq, prev = self.head()
        sealed: list[LedgerEntry] = []
        for d in drafts:
            seq += 1
            entry = seal(
                d, till_id=self.till_id, seq=seq, created_at=at.isoformat(), prev_hash=prev
            )
            sealed.append(entry)
            prev = entry.hash
        if not sealed:
            return sealed
        self.conn.execute(_ADD_ENTRIES, [vars_of(e) for e in sealed])
        # One UPDATE per account and per points lot, however many entries the transaction has.
        deltas: dict[str, dict[str, int]] = {}
        lot_deltas: dict[tuple[str, int], int] = {}
        for e in sealed:
            per_member = deltas.setdefault(e.member_id, {})
            column = _BALANCE_COLUMN[e.bucket]
            per_member[column] = per_member.get(column, 0) + e.amount
            if e.bucket == "points" and e.lot_year is not None:
                key = (e.member_id, e.lot_year)
                lot_deltas[key] = lot_deltas.get(key, 0) + e.amount
        for member_id, moves in deltas.items():
            self.conn.execute(
                _MOVE_ACCOUNT,
                {
                    "b_member": member_id,
                    "b_principal": moves.get("principal", 0),
                    "b_bonus": moves.get("bonus", 0),
                    "b_points": moves.get("points", 0),
                },
            )
        for (member_id, lot_year), amount in lot_deltas.items():
            lot = {"b_member": member_id, "b_year": lot_year, "b_points": amount}
            if self.conn.execute(_MOVE_LOT, lot).rowcount == 0:
                self.conn.execute(
                    _ADD_LOT,
                    {
                        "member_id": member_id,
                        "lot_year": lot_year,
                        "points": amount,
                        "base_points": 0,
                    },
                )
        return sealed

    def has_txn(self, txn_uuid: str) -> bool:
        q = select(t.ledger_entry.c.seq).where(t.ledger_entry.c.txn_uuid == txn_uuid).limit(1)
        return self.conn.execute(q).first() is not None

    def entries(self, after_seq: int = 0, limit: int | None = None) -> list[LedgerEntry]:
        q = (
            select(t.ledger_entry)
            .where(and_(t.ledger_entry.c.till_id == self.till_id, t.ledger_entry.c.seq > after_seq))
            .order_by(t.ledger_entry.c.seq)
        )
        if limit is not None:
            q = q.limit(limit)
        return [entry_of(r) for r in self.conn.execute(q)]

    def for_ticket(self, ticket_id: str) -> list[LedgerEntry]:
        q = (
            select(t.ledger_entry)
            .where(t.ledger_entry.c.ticket_id == ticket_id)
            .order_by(t.ledger_entry.c.seq)
        )
        return [entry_of(r) for r in self.conn.execute(q)]

    def for_member(self, member_id: str) -> list[LedgerEntry]:
        """The member's entries on this till, in chain order (a statement's lines)."""
        q = (
            select(t.ledger_entry)
            .where(t.ledger_entry.c.member_id == member_id)
            .order_by(t.ledger_entry.c.till_id, t.ledger_entry.c.seq)
        )
        return [entry_of(r) for r in self.conn.execute(q)]

    def offline_spent(self, member_id: str, day: date) -> Fen:
        q = select(func.coalesce(func.sum(t.ledger_entry.c.amount), 0)).where(
            and_(
                t.ledger_entry.c.member_id == member_id,
                t.ledger_entry.c.kind == "spend",
                t.ledger_entry.c.offline.is_(True),
                func.substr(t.ledger_entry.c.created_at, 1, 10) == day.isoformat(),
            )
        )
        return Fen(-int(self.conn.execute(q).scalar_one()))


def vars_of(e: LedgerEntry) -> dict[str, Any]:
    return {k: getattr(e, k) for k in LedgerEntry.__dataclass_fields__}


def entry_of(r: Any) -> LedgerEntry:
    return LedgerEntry(**{k: getattr(r, k) for k in LedgerEntry.__dataclass_fields__})


_TICKET = select(t.ticket).where(t.ticket.c.ticket_id == bindparam("b_ticket"))
_TICKET_LINES = (
    select(t.ticket_line)
    .where(t.ticket_line.c.ticket_id == bindparam("b_ticket"))
    .order_by(t.ticket_line.c.line_no)
)
_TICKET_TENDERS = (
    select(t.tender).where(t.tender.c.ticket_id == bindparam("b_ticket")).order_by(t.tender.c.idx)
)
_TIER_TICKETS = select(
    t.ticket.c.ticket_id,
    t.ticket.c.created_at,
    t.ticket.c.total,
    t.ticket.c.points_earned,
    t.ticket.c.refund_of,
).where(
    and_(t.ticket.c.member_id == bindparam("b_member"), t.ticket.c.kind.in_(("sale", "refund")))
)
_REMOTE_TIER_EVENTS = select(t.remote_tier_event).where(
    t.remote_tier_event.c.member_id == bindparam("b_member")
)
# The same after a moment (text bound, see _text_bound): what a sale's tier check reads.
_TIER_TICKETS_AFTER = _TIER_TICKETS.where(t.ticket.c.created_at > bindparam("b_bound"))
_REMOTE_TIER_EVENTS_AFTER = _REMOTE_TIER_EVENTS.where(
    t.remote_tier_event.c.at > bindparam("b_bound")
)
_ADD_TICKET = insert(t.ticket)
_ADD_LINES = insert(t.ticket_line)
_ADD_TENDERS = insert(t.tender)


def _text_bound(since: datetime) -> str:
    """A stored-time text bound two days before `since`.

    Times are kept as ISO text and may carry different UTC offsets (this till's, head office's),
    so text order is only wall-clock order; two days early covers any pair of offsets, and the
    tier rules themselves cut the window at the exact moment.
    """
    return (since - timedelta(days=2)).isoformat()


def _upper_totals(spend: Any, points: Any, is_sale: Any) -> tuple[Any, Any, Any]:
    return (
        func.coalesce(func.sum(case((spend > 0, spend), else_=0)), 0),
        func.coalesce(func.sum(case((points > 0, points), else_=0)), 0),
        func.coalesce(func.max(case((is_sale, spend), else_=0)), 0),
    )


# Built once: a sale asks them every time, and SQLAlchemy's statement cache keys on the object.
_LOCAL_TIER_TOTALS = select(
    *_upper_totals(t.ticket.c.total, t.ticket.c.points_earned, t.ticket.c.kind == "sale")
).where(
    t.ticket.c.member_id == bindparam("b_member"),
    t.ticket.c.kind.in_(("sale", "refund")),
    t.ticket.c.created_at > bindparam("b_bound"),
)
_REMOTE_TIER_TOTALS = select(
    *_upper_totals(
        t.remote_tier_event.c.spend,
        t.remote_tier_event.c.points,
        t.remote_tier_event.c.refund_of.is_(None),
    )
).where(
    t.remote_tier_event.c.member_id == bindparam("b_member"),
    t.remote_tier_event.c.at > bindparam("b_bound"),
    # A ticket of this till that head office sent back is counted once, from `ticket`.
    ~select(t.ticket.c.ticket_id)
    .where(t.ticket.c.ticket_id == t.remote_tier_event.c.ticket_id)
    .exists(),
)


class SqlTickets:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _load(self, r: Any) -> Ticket:
        key = {"b_ticket": r.ticket_id}
        lines = tuple(rows.to_line(x) for x in self.conn.execute(_TICKET_LINES, key))
        tenders = tuple(rows.to_tender(x) for x in self.conn.execute(_TICKET_TENDERS, key))
        return rows.to_ticket(r, lines, tenders)

    def get(self, ticket_id: str) -> Ticket | None:
        r = self.conn.execute(_TICKET, {"b_ticket": ticket_id}).first()
        return None if r is None else self._load(r)

    def by_receipt(self, receipt_no: str) -> Ticket | None:
        r = self.conn.execute(select(t.ticket).where(t.ticket.c.receipt_no == receipt_no)).first()
        return None if r is None else self._load(r)

    def refunds_of(self, ticket_id: str) -> list[Ticket]:
        q = (
            select(t.ticket)
            .where(t.ticket.c.refund_of == ticket_id)
            .order_by(t.ticket.c.created_at)
        )
        return [self._load(r) for r in self.conn.execute(q)]

    def in_shift(self, shift_id: str) -> list[Ticket]:
        q = select(t.ticket).where(t.ticket.c.shift_id == shift_id).order_by(t.ticket.c.created_at)
        return [self._load(r) for r in self.conn.execute(q)]

    def tier_events(self, member_id: str, since: datetime | None = None) -> list[TierEvent]:
        """The member's tickets at this till and, as pulled from head office, at every other.

        With `since`: the tickets after it and, for each refund among them, its sale and that
        sale's refunds (whether a sale was refunded in full decides if it counts at all).
        """
        if since is None:
            return list(
                self._tier_events(_TIER_TICKETS, _REMOTE_TIER_EVENTS, {}, member_id).values()
            )
        bound = {"b_bound": _text_bound(since)}
        events = self._tier_events(_TIER_TICKETS_AFTER, _REMOTE_TIER_EVENTS_AFTER, bound, member_id)
        linked = {e.refund_of for e in events.values() if e.refund_of is not None}
        if linked:
            local, remote = t.ticket.c, t.remote_tier_event.c
            more = self._tier_events(
                _TIER_TICKETS.where(or_(local.ticket_id.in_(linked), local.refund_of.in_(linked))),
                _REMOTE_TIER_EVENTS.where(
                    or_(remote.ticket_id.in_(linked), remote.refund_of.in_(linked))
                ),
                {},
                member_id,
            )
            events.update({k: v for k, v in more.items() if k not in events})
        return list(events.values())

    def _tier_events(
        self, local: Any, remote: Any, params: dict[str, Any], member_id: str
    ) -> dict[str, TierEvent]:
        params = {**params, "b_member": member_id}
        events = {
            r.ticket_id: TierEvent(
                rows.must_dt(r.created_at), r.ticket_id, Fen(r.total), r.points_earned, r.refund_of
            )
            for r in self.conn.execute(local, params)
        }
        for r in self.conn.execute(remote, params):
            events.setdefault(
                r.ticket_id,
                TierEvent(rows.must_dt(r.at), r.ticket_id, Fen(r.spend), r.points, r.refund_of),
            )
        return events

    def tier_totals(self, member_id: str, since: datetime) -> TierTotals:
        """An upper bound of the tier window's totals after `since`, summed by the database.

        Every ticket's positive spend and points and the largest sale: refunds and tickets taken
        out of the history only ever lower the exact figures.
        """
        params = {"b_member": member_id, "b_bound": _text_bound(since)}
        mine = self.conn.execute(_LOCAL_TIER_TOTALS, params).one()
        theirs = self.conn.execute(_REMOTE_TIER_TOTALS, params).one()
        return TierTotals(
            Fen(mine[0] + theirs[0]), mine[1] + theirs[1], Fen(max(mine[2], theirs[2], 0))
        )

    def add_remote_tier_events(
        self, member_id: str, till_id: str, events: Sequence[TierEvent]
    ) -> None:
        """Keep other stores' tickets of a member; a ticket already known is left as it is."""
        known = set(
            self.conn.execute(
                select(t.remote_tier_event.c.ticket_id).where(
                    t.remote_tier_event.c.ticket_id.in_([e.ticket_id for e in events])
                )
            ).scalars()
        )
        fresh: dict[str, dict[str, object]] = {}
        for e in events:
            if e.ticket_id in known:
                continue
            fresh[e.ticket_id] = {
                "ticket_id": e.ticket_id,
                "member_id": member_id,
                "till_id": till_id,
                "at": e.at.isoformat(),
                "spend": e.spend.value,
                "points": e.points,
                "refund_of": e.refund_of,
            }
        if fresh:
            self.conn.execute(insert(t.remote_tier_event), list(fresh.values()))

    def add(self, tk: Ticket) -> None:
        self.conn.execute(
            _ADD_TICKET,
            {
                "ticket_id": tk.ticket_id,
                "receipt_no": tk.receipt_no,
                "till_id": tk.till_id,
                "shift_id": tk.shift_id,
                "kind": tk.kind,
                "member_id": tk.member_id,
                "card_no": tk.card_no,
                "created_at": tk.created_at.isoformat(),
                "cashier": tk.cashier,
                "approver": tk.approver,
                "refund_of": tk.refund_of,
                "gross": tk.gross.value,
                "discount_tier": tk.discount_tier.value,
                "discount_birthday": tk.discount_birthday.value,
                "redemption": tk.redemption.value,
                "redeemed_points": tk.redeemed_points,
                "total": tk.total.value,
                "points_earned": tk.points_earned,
                "points_multiplier": tk.points_multiplier,
                "birthday_benefit": tk.birthday_benefit,
                "tier": tk.tier,
                "upgraded_to": tk.upgraded_to,
                "offline": tk.offline,
                "note": tk.note,
            },
        )
        if tk.lines:
            self.conn.execute(
                _ADD_LINES,
                [
                    {
                        "ticket_id": tk.ticket_id,
                        "line_no": ln.line_no,
                        "barcode": ln.barcode,
                        "name": ln.name,
                        "unit_price": ln.unit_price.value,
                        "quantity": ln.quantity,
                        "gross": ln.gross.value,
                        "member_discount": ln.member_discount.value,
                        "redemption": ln.redemption.value,
                        "net": ln.net.value,
                        "refund_of_line": ln.refund_of_line,
                    }
                    for ln in tk.lines
                ],
            )
        if tk.tenders:
            self.conn.execute(
                _ADD_TENDERS,
                [
                    {
                        "ticket_id": tk.ticket_id,
                        "idx": i,
                        "kind": x.kind,
                        "amount": x.amount.value,
                        "change": x.change.value,
                        "reference": x.reference,
                    }
                    for i, x in enumerate(tk.tenders)
                ],
            )


# The next number of this till's audit trail is taken inside the insert itself.
_ADD_AUDIT = insert(t.audit_log).values(
    seq=select(func.coalesce(func.max(t.audit_log.c.seq), 0) + 1)
    .where(t.audit_log.c.till_id == bindparam("b_till"))
    .scalar_subquery()
)


class SqlAudit:
    def __init__(self, conn: Connection, till_id: str) -> None:
        self.conn = conn
        self.till_id = till_id

    def add(
        self,
        *,
        at: datetime,
        actor: str,
        action: str,
        outcome: str = "ok",
        approver: str | None = None,
        subject: str | None = None,
        amount: int | None = None,
        detail: dict[str, object] | None = None,
    ) -> None:
        self.conn.execute(
            _ADD_AUDIT,
            {
                "b_till": self.till_id,
                "till_id": self.till_id,
                "audit_id": str(uuid.uuid4()),
                "at": at.isoformat(),
                "actor": actor,
                "approver": approver,
                "action": action,
                "subject": subject,
                "amount": amount,
                "outcome": outcome,
                "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
            },
        )

    def recent(self, limit: int = 200, action: str | None = None) -> list[AuditEntry]:
        q = select(t.audit_log).where(t.audit_log.c.till_id == self.till_id)
        if action is not None:
            q = q.where(t.audit_log.c.action == action)
        q = q.order_by(t.audit_log.c.seq.desc()).limit(limit)
        return [rows.to_audit(r, json.loads(r.detail)) for r in self.conn.execute(q)]

    def since(self, at: datetime) -> list[AuditEntry]:
        q = (
            select(t.audit_log)
            .where(and_(t.audit_log.c.till_id == self.till_id, t.audit_log.c.at >= at.isoformat()))
            .order_by(t.audit_log.c.seq)
        )
        return [rows.to_audit(r, json.loads(r.detail)) for r in self.conn.execute(q)]


class SqlApprovals:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, a: Approval) -> None:
        self.conn.execute(
            insert(t.approval).values(
                approval_id=a.approval_id,
                action=a.action,
                subject=a.subject,
                amount=a.amount,
                manager=a.manager,
                created_at=a.created_at.isoformat(),
                used_at=None,
                operator=a.operator,
            )
        )

    def get(self, approval_id: str) -> Approval | None:
        r = self.conn.execute(
            select(t.approval).where(t.approval.c.approval_id == approval_id)
        ).first()
        if r is None:
            return None
        return Approval(
            r.approval_id,
            r.action,
            r.subject,
            r.amount,
            r.manager,
            rows.must_dt(r.created_at),
            rows.dt(r.used_at),
            r.operator,
        )

    def mark_used(self, approval_id: str, at: datetime) -> bool:
        done = self.conn.execute(
            update(t.approval)
            .where(and_(t.approval.c.approval_id == approval_id, t.approval.c.used_at.is_(None)))
            .values(used_at=at.isoformat())
        )
        return done.rowcount == 1


_OPEN_SHIFT = select(t.shift).where(
    and_(t.shift.c.till_id == bindparam("b_till"), t.shift.c.closed_at.is_(None))
)


class SqlShifts:
    def __init__(self, conn: Connection, till_id: str) -> None:
        self.conn = conn
        self.till_id = till_id

    def current(self) -> Shift | None:
        r = self.conn.execute(_OPEN_SHIFT, {"b_till": self.till_id}).first()
        return None if r is None else rows.to_shift(r)

    def get(self, shift_id: str) -> Shift | None:
        r = self.conn.execute(select(t.shift).where(t.shift.c.shift_id == shift_id)).first()
        return None if r is None else rows.to_shift(r)

    def add(self, s: Shift) -> None:
        self.conn.execute(
            insert(t.shift).values(
                shift_id=s.shift_id,
                till_id=s.till_id,
                cashier=s.cashier,
                opened_at=s.opened_at.isoformat(),
                opening_float=s.opening_float.value,
                opening_liability=s.opening_liability.value,
                opening_seq=s.opening_seq,
            )
        )

    def close(self, shift_id: str, at: datetime, counted: Fen, report: dict[str, object]) -> None:
        self.conn.execute(
            update(t.shift)
            .where(t.shift.c.shift_id == shift_id)
            .values(
                closed_at=at.isoformat(),
                counted_cash=counted.value,
                report=json.dumps(report, ensure_ascii=False),
            )
        )


class SqlOutbox:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, kind: str, entity_id: str, payload: dict[str, object], at: datetime) -> None:
        self.conn.execute(
            insert(t.outbox).values(
                event_uuid=str(uuid.uuid4()),
                kind=kind,
                entity_id=entity_id,
                payload=json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str),
                created_at=at.isoformat(),
            )
        )
