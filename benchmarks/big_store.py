"""A till store of three years' trade (20M ledger entries by default), written in bulk.

Run from the repository root (it only builds; bench_big_store measures):
    .venv/bin/python -m benchmarks.big_store PATH [--members 1000000] [--entries 20000000]
The schema, the till and its staff are made by the real application (open_database, init_till);
everything else is written with sqlite3 executemany, day by day over three years, in the shape
the services would leave it: members with real UUIDs and cards, top-ups (principal and bonus)
and stored-value sales (1-3 lines, stored value with cash for the rest, points earned into the
year's lot), every ticket sealed into the ticket chain with its audit row sealed into the audit
chain, every ledger entry sealed into the ledger chain, and the accounts and points lots equal
to the entries' sums, so `frontdesk verify` finds nothing to say. Activity is heavy-tailed (a
few members shop weekly, most a handful of times a year); member 0 has 5,000 past sales.
Secondary indexes are dropped during the load and made again after it (a sort, not millions of
random inserts).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import time
from array import array
from datetime import datetime, timedelta
from pathlib import Path

from tests.builders import FixedClock, at

from benchmarks.sealed_members import seal_members
from frontdesk.config import load_program
from frontdesk.domain.cards import make_card_number
from frontdesk.domain.ledger import GENESIS_HASH, LedgerEntry
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.domain.record_chain import GENESIS, audit_hash, ticket_hash
from frontdesk.domain.scan import make_receipt_number
from frontdesk.domain.stored_value import hash_pin
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import staff
from frontdesk.services.context import TillContext

NOW = at(2026, 11, 20)
DAYS = 3 * 365
LOYAL_TICKETS = 5_000
TILL = "001-01"
CASHIER = "1001"
PRODUCTS = [
    ("6900000000014", "大米", 500),
    ("6900000000021", "矿泉水", 600),
    ("6900000000038", "牛奶", 700),
]
# The chains' canonical forms (LedgerEntry.canonical, record_chain's ticket and audit arrays)
# as templates for the values this store holds; each is checked against the application's own
# function on the first records written, so a template that drifted stops the build.
_ENTRY = (
    '{"actor":"' + CASHIER + '","amount":%d,"approver":null,"bucket":"%s","created_at":"%s",'
    '"entry_uuid":"%s","kind":"%s","lot_year":%s,"member_id":"%s","offline":false,'
    '"prev_hash":"%s","seq":%d,"ticket_id":"%s","till_id":"' + TILL + '","txn_uuid":"%s"}'
)
_SALE = (
    '["'
    + TILL
    + '",%d,"%s","%s",null,"sale","%s","%s","%s","'
    + CASHIER
    + '",null,null,%d,0,0,0,0,'
    '%d,%d,1,false,"normal",null,false,null,[%s],[%s],"%s"]'
)
_TOPUP = (
    '["'
    + TILL
    + '",%d,"%s","%s",null,"topup","%s",null,"%s","'
    + CASHIER
    + '",null,null,%d,0,0,0,0,'
    '%d,0,1,false,null,null,false,null,[],[[0,"cash",%d,0,null]],"%s"]'
)
_LINE = '[%d,"%s","%s",%d,%d,%d,0,0,%d,null]'
_AUDIT = '["' + TILL + '",%d,"%s","%s","' + CASHIER + '",null,"%s","%s",%d,"ok","%s","%s"]'
_DETAIL = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _uuid4(bits: int) -> str:
    """A version-4 UUID's text from 128 random bits (uuid.UUID is five times slower)."""
    h = f"{bits:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Writer:
    """Rows a batch at a time, the three chains' heads and every member's balances."""

    def __init__(
        self, raw: sqlite3.Connection, members: list[str], cards: list[str], rng: random.Random
    ) -> None:
        self.raw, self.members, self.cards, self.bits = raw, members, cards, rng.getrandbits
        self.n = len(members)
        self.principal, self.bonus, self.points = (array("q", [0]) * self.n for _ in range(3))
        self.lots: dict[int, array[int]] = {}
        self.seq, self.prev = 0, GENESIS_HASH
        self.tseq, self.tprev = 0, GENESIS
        self.aseq, self.aprev = 0, GENESIS
        self.checked = 0
        self.rows: dict[str, list[tuple[object, ...]]] = {k: [] for k in _INSERTS}

    def entry(
        self, txn: str, kind: str, m: int, bucket: str, amount: int, at: str, year: int | None
    ) -> None:
        self.seq += 1
        member, eid = self.members[m], _uuid4(self.bits(128))
        lot = "null" if year is None else str(year)
        digest = _sha(
            _ENTRY % (amount, bucket, at, eid, kind, lot, member, self.prev, self.seq, txn, txn)
        )
        self.rows["entry"].append(
            (
                TILL,
                self.seq,
                eid,
                txn,
                at,
                kind,
                member,
                bucket,
                amount,
                CASHIER,
                txn,
                year,
                self.prev,
                digest,
            )
        )
        self.prev = digest
        if bucket == "principal":
            self.principal[m] += amount
        elif bucket == "bonus":
            self.bonus[m] += amount
        else:
            assert year is not None
            self.points[m] += amount
            self.lots.setdefault(year, array("q", [0]) * self.n)[m] += amount

    def audit(
        self, action: str, at: str, subject: str, amount: int, detail: dict[str, object]
    ) -> None:
        self.aseq += 1
        aid, text = _uuid4(self.bits(128)), _DETAIL(detail)
        digest = _sha(
            _AUDIT
            % (self.aseq, aid, at, action, subject, amount, text.replace('"', '\\"'), self.aprev)
        )
        self.rows["audit"].append(
            (
                TILL,
                self.aseq,
                aid,
                at,
                CASHIER,
                action,
                subject,
                amount,
                "ok",
                text,
                self.aprev,
                digest,
            )
        )
        self.aprev = digest

    def _ticket(self, row: tuple[object, ...], digest: str) -> None:
        self.rows["ticket"].append((*row, TILL, self.tseq, self.tprev, digest))
        self.tprev = digest

    def topup(self, m: int, at: str, principal: int, bonus: int) -> None:
        self.tseq += 1
        tid, receipt, member = (
            _uuid4(self.bits(128)),
            make_receipt_number(1, 1, self.tseq),
            self.members[m],
        )
        digest = _sha(
            _TOPUP
            % (self.tseq, tid, receipt, member, at, principal, principal, principal, self.tprev)
        )
        self._ticket(
            (tid, receipt, "topup", member, None, at, principal, principal, 0, None), digest
        )
        self.rows["tender"].append((tid, 0, "cash", principal))
        self.entry(tid, "topup", m, "principal", principal, at, None)
        self.entry(tid, "bonus", m, "bonus", bonus, at, None)
        self.audit("topup", at, member, principal, {"bonus": bonus, "receipt_no": receipt})

    def sale(self, m: int, moment: datetime, quantities: tuple[int, int, int], half: bool) -> None:
        at, year = moment.isoformat(), moment.year
        lines = [(i, p, q) for i, (p, q) in enumerate(zip(PRODUCTS, quantities, strict=True)) if q]
        total = sum(p[2] * q for _, p, q in lines)
        stored = total // 2 if half else total
        from_bonus = stored // 11  # a top-up's bonus is a tenth of its principal: spent alike
        tenders = [("stored_value", stored)] + (
            [("cash", total - stored)] if total > stored else []
        )
        points = total // 100
        self.tseq += 1
        tid, receipt, member = (
            _uuid4(self.bits(128)),
            make_receipt_number(1, 1, self.tseq),
            self.members[m],
        )
        line_text = ",".join(
            _LINE % (n, p[0], p[1], p[2], q, p[2] * q, p[2] * q)
            for n, (_, p, q) in enumerate(lines, start=1)
        )
        tender_text = ",".join(f'[{i},"{k}",{a},0,null]' for i, (k, a) in enumerate(tenders))
        digest = _sha(
            _SALE
            % (
                self.tseq,
                tid,
                receipt,
                member,
                self.cards[m],
                at,
                total,
                total,
                points,
                line_text,
                tender_text,
                self.tprev,
            )
        )
        self._ticket(
            (tid, receipt, "sale", member, self.cards[m], at, total, total, points, "normal"),
            digest,
        )
        self.rows["line"].extend(
            (tid, n, p[0], p[1], p[2], q, p[2] * q, p[2] * q)
            for n, (_, p, q) in enumerate(lines, start=1)
        )
        self.rows["tender"].extend((tid, i, k, a) for i, (k, a) in enumerate(tenders))
        self.entry(tid, "spend", m, "principal", -(stored - from_bonus), at, None)
        if from_bonus:
            self.entry(tid, "spend", m, "bonus", -from_bonus, at, None)
        if points:
            self.entry(tid, "earn", m, "points", points, at, year)
        self.audit("sale", at, receipt, total, {"member_id": member, "offline": False})

    def check(self) -> None:
        """The first records' hashes, made by the application's own functions."""
        cur = self.raw.execute("SELECT * FROM ledger_entry ORDER BY seq LIMIT 50")
        names = [d[0] for d in cur.description]
        for r in cur.fetchall():
            e = LedgerEntry(**{**dict(zip(names, r, strict=True)), "offline": False})  # stored 0
            assert e.computed_hash() == e.hash, e
        tk = self.raw.execute("SELECT * FROM ticket ORDER BY seq LIMIT 50").fetchall()
        cols = [d[0] for d in self.raw.execute("SELECT * FROM ticket LIMIT 0").description]
        for values in tk:
            r = dict(zip(cols, values, strict=True))
            key = (r["ticket_id"],)
            lines = _dicts(self.raw, "SELECT * FROM ticket_line WHERE ticket_id = ?", key)
            tenders = _dicts(self.raw, "SELECT * FROM tender WHERE ticket_id = ?", key)
            assert ticket_hash(TILL, r["seq"], r, lines, tenders, r["prev_hash"]) == r["hash"], r
        for values in self.raw.execute(
            "SELECT * FROM audit_log WHERE seq > 1 ORDER BY seq LIMIT 50"
        ).fetchall():
            r = dict(zip(_AUDIT_COLUMNS, values, strict=True))
            assert audit_hash(TILL, r["seq"], r, r["prev_hash"]) == r["hash"], r

    def flush(self) -> None:
        for kind, rows in self.rows.items():
            if rows:
                self.raw.executemany(_INSERTS[kind], rows)
                rows.clear()
        if not self.checked and self.seq:
            self.check()
            self.checked = 1


def _dicts(raw: sqlite3.Connection, sql: str, key: tuple[str]) -> list[dict[str, object]]:
    cur = raw.execute(sql, key)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, v, strict=True)) for v in cur]


_AUDIT_COLUMNS = ("till_id", "seq", "audit_id", "at", "actor", "approver", "action", "subject", "amount",
                  "outcome", "detail", "prev_hash", "hash")  # fmt: skip
_INSERTS = {
    "ticket": "INSERT INTO ticket (ticket_id, receipt_no, kind, member_id, card_no, created_at, gross, total,"
    " points_earned, tier, till_id, seq, prev_hash, hash, cashier, discount_tier, discount_birthday,"
    " redemption, redeemed_points, points_multiplier, birthday_benefit, offline)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'" + CASHIER + "',0,0,0,0,1,0,0)",
    "line": "INSERT INTO ticket_line (ticket_id, line_no, barcode, name, unit_price, quantity, gross,"
    " member_discount, redemption, net) VALUES (?,?,?,?,?,?,?,0,0,?)",
    "tender": "INSERT INTO tender (ticket_id, idx, kind, amount, change) VALUES (?,?,?,?,0)",
    "entry": "INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id,"
    " bucket, amount, actor, ticket_id, lot_year, offline, prev_hash, hash)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?)",
    "audit": "INSERT INTO audit_log (till_id, seq, audit_id, at, actor, action, subject, amount,"
    " outcome, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
}
_LOADED = (
    "ledger_entry",
    "ticket",
    "ticket_line",
    "tender",
    "audit_log",
    "member",
    "card",
    "account",
    "points_lot",
)


def _init(path: Path) -> None:
    engine = open_database(path, create=True)
    ctx = TillContext(
        SqlUnitOfWorkFactory(engine), FixedClock(NOW - timedelta(days=DAYS + 30)), load_program()
    )
    staff.init_till(
        ctx,
        store_no=1,
        till_no=1,
        store_name="三年店",
        admin_no="9001",
        admin_name="管理员",
        admin_pin="9001",
    )
    with ctx.uow() as uow:
        for code, name, price in PRODUCTS:
            uow.products.upsert(Product(code, name, Fen(price)))
        uow.commit()
    engine.dispose()


def _members(raw: sqlite3.Connection, n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    pin = hash_pin("135790", None)
    start = NOW - timedelta(days=DAYS + 20)
    ids = [_uuid4(rng.getrandbits(128)) for _ in range(n)]
    cards = [make_card_number(1, 1, i + 1, 0) for i in range(n)]
    rows = []
    for i, mid in enumerate(ids):
        joined = (start + timedelta(minutes=rng.randrange(20 * 24 * 60))).isoformat()
        rows.append(
            (mid, f"1{3 + i % 7}{i:09d}", f"会员{i}", joined, "9001", "001", joined, pin, joined)
        )
    raw.executemany(
        "INSERT INTO member (member_id, consent_terms_at, recruiter, store, created_at,"
        " pin_hash, pin_failures, pin_locked, updated_at) VALUES (?,?,?,?,?,?,0,0,?)",
        [(r[0], *r[3:]) for r in rows],
    )
    seal_members(raw, [(r[0], r[2], r[1]) for r in rows], start.isoformat())
    raw.executemany(
        "INSERT INTO card (card_no, member_id, generation, state, issued_at, state_at) VALUES (?,?,0,'active',?,?)",
        [(c, m, r[3], r[3]) for c, m, r in zip(cards, ids, rows, strict=True)],
    )
    return ids, cards


def build(path: Path, members: int, entries: int, seed: int = 20) -> dict[str, object]:
    """Write the store at `path` (a new file); returns what a measurement needs to know of it."""
    t0 = time.perf_counter()
    _init(path)
    raw = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "journal_mode=OFF",
        "synchronous=OFF",
        "cache_size=-1000000",
        "temp_store=MEMORY",
    ):
        raw.execute(f"PRAGMA {pragma}")
    indexes = raw.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({','.join('?' * len(_LOADED))})",
        _LOADED,
    ).fetchall()
    for name, _ in indexes:
        raw.execute(f"DROP INDEX {name}")
    rng = random.Random(seed)
    raw.execute("BEGIN")
    ids, cards = _members(raw, members, rng)
    w = Writer(raw, ids, cards, rng)
    w.aseq, w.aprev = raw.execute(  # init_till audited itself: the audit chain goes on from it
        "SELECT seq, hash FROM audit_log WHERE till_id = ? ORDER BY seq DESC LIMIT 1", (TILL,)
    ).fetchone()
    # Who buys what and when, drawn first: about three entries a sale, and one top-up per member
    # before their first sale that covers all they will spend. Activity is heavy-tailed (the
    # smallest of three uniform draws: a few members buy weekly, most a few times a year);
    # member 0 has exactly 5,000 sales, spread over the three years.
    sales = max(LOYAL_TICKETS + 1, (entries - 2 * members) // 3)
    loyal_every = sales // LOYAL_TICKETS
    draw = rng.randrange
    plan = [
        (0 if k % loyal_every == 0 and k // loyal_every < LOYAL_TICKETS
         else 1 + min(draw(members - 1), draw(members - 1), draw(members - 1)),
         (draw(1, 4), draw(4), draw(3)), draw(10) < 3)
        for k in range(sales)
    ]  # fmt: skip
    spend_p, spend_b = array("q", [0]) * members, array("q", [0]) * members
    for m, q, half in plan:
        total = 500 * q[0] + 600 * q[1] + 700 * q[2]
        stored = total // 2 if half else total
        spend_p[m] += stored - stored // 11
        spend_b[m] += stored // 11
    first = NOW - timedelta(days=DAYS)
    step = timedelta(seconds=DAYS * 86_400 / sales)
    topped = bytearray(members)
    for k, (m, q, half) in enumerate(plan):
        moment = first + step * k
        if not topped[m]:
            topped[m] = 1
            w.topup(
                m,
                (moment - timedelta(minutes=1)).isoformat(),
                spend_p[m] + 10_000,
                spend_b[m] + 1_000,
            )
        w.sale(m, moment, q, half)
        if k % 50_000 == 49_999:
            w.flush()
        if k % 1_000_000 == 999_999:
            print(
                f"  {k + 1:,} sales: {w.seq:,} entries, {time.perf_counter() - t0:.0f} s",
                flush=True,
            )
    w.flush()
    raw.executemany(
        "INSERT INTO account (member_id, principal, bonus, points, base_principal, base_bonus, base_points,"
        " base_seq, tier) VALUES (?,?,?,?,0,0,0,0,'normal')",
        ((ids[i], w.principal[i], w.bonus[i], w.points[i]) for i in range(members)),
    )
    for year, lots in w.lots.items():
        raw.executemany(
            "INSERT INTO points_lot (member_id, lot_year, points, base_points) VALUES (?,?,?,0)",
            ((ids[i], year, lots[i]) for i in range(members) if lots[i]),
        )
    for counter, value in (("card", members), ("receipt", w.tseq)):
        raw.execute("INSERT OR REPLACE INTO counter (name, value) VALUES (?, ?)", (counter, value))
    raw.execute("COMMIT")
    print(f"  rows written in {time.perf_counter() - t0:.0f} s; indexes next", flush=True)
    for _, sql in indexes:
        raw.execute(sql)
    # No ANALYZE: the till never runs it, and with statistics of a store without refunds the
    # planner would scan tickets for refund_of = ? (every row NULL) instead of using the index.
    raw.execute("PRAGMA journal_mode=WAL")
    raw.close()
    return {
        "members": members,
        "entries": w.seq,
        "tickets": w.tseq,
        "loyal_member": ids[0],
        "loyal_card": cards[0],
        "cards": cards,
        "seconds": time.perf_counter() - t0,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, default=20_000_000)
    args = ap.parse_args()
    done = build(args.path, args.members, args.entries)
    print(f"{done['entries']:,} entries, {done['tickets']:,} tickets in {done['seconds']:.0f} s")


if __name__ == "__main__":
    main()
