"""Card lookup and checkout commit on a big store, against the bare-sqlite3 floor.

Run from the repository root: .venv/bin/python -m benchmarks.bench_core [--members 1000000] [--entries 5000000] [--db PATH]
Builds the store once (seeded with bulk SQL, the ledger sealed into a real hash chain), then
prints p50/p99 figures. It is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from tests.builders import FixedClock, at

from benchmarks.sealed_members import seal_members
from frontdesk.config import load_program
from frontdesk.domain.cards import make_card_number
from frontdesk.domain.ledger import GENESIS_HASH, Bucket, EntryDraft, EntryKind, seal
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.domain.program import PinPolicy
from frontdesk.domain.stored_value import hash_pin
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.pin_pepper import pepper_beside
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout, membership, shifts, staff
from frontdesk.services.context import TillContext, new_id

NOW = at(2026, 11, 20)
PIN_HASH = hash_pin("135790", None)
CODES = ["6900000000014", "6900000000021", "6900000000038"]


def seed(path: Path, members: int, entries: int) -> list[str]:
    engine = open_database(path, create=True)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), load_program())
    staff.init_till(
        ctx,
        store_no=1,
        till_no=1,
        store_name="基准店",
        admin_no="9001",
        admin_name="管理员",
        admin_pin="9001",
    )
    with ctx.uow() as uow:
        for i, code in enumerate(CODES):
            uow.products.upsert(Product(code, f"商品{i}", Fen(500 + 100 * i)))
        uow.commit()
    engine.dispose()
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous=OFF")  # seeding only; the measured part uses the app's pragmas
    raw.execute("BEGIN")
    ts = NOW.isoformat()
    cards = []
    batch_m, batch_a, batch_c = [], [], []
    for i in range(members):
        mid = f"m{i:08d}"
        card = make_card_number(1, 1, i + 1, 0)
        cards.append(card)
        batch_m.append(
            (mid, f"1{3 + i % 7}{i:09d}", f"会员{i}", ts, "9001", "001", ts, PIN_HASH, ts)
        )
        batch_a.append((mid, 10**9, 10**8, 10**6, "normal"))
        batch_c.append((card, mid, ts, ts))
    raw.executemany(
        "INSERT INTO member (member_id, consent_terms_at, recruiter, store, created_at, pin_hash,"
        " pin_failures, pin_locked, updated_at) VALUES (?,?,?,?,?,?,0,0,?)",
        [(m[0], *m[3:]) for m in batch_m],
    )
    seal_members(raw, [(m[0], m[2], m[1]) for m in batch_m], ts)
    raw.executemany(
        "INSERT INTO account (member_id, principal, bonus, points, base_principal, base_bonus, base_points, base_seq,"
        " tier) VALUES (?,?,?,?,?,?,?,0,?)",
        [(m, p, b, pt, p, b, pt, t) for m, p, b, pt, t in batch_a],
    )
    raw.executemany(
        "INSERT INTO card (card_no, member_id, generation, state, issued_at, state_at) VALUES (?,?,0,'active',?,?)",
        batch_c,
    )
    raw.executemany(
        "INSERT INTO points_lot (member_id, lot_year, points, base_points) VALUES (?, 2026, ?, ?)",
        [(a[0], 10**6, 10**6) for a in batch_a],
    )
    prev = GENESIS_HASH
    rows = []
    for seq in range(1, entries + 1):
        mid = f"m{seq % members:08d}"
        txn = f"t{seq}"
        draft = EntryDraft(
            f"e{seq}", txn, EntryKind.ADJUST, mid, Bucket.POINTS, 0, "9001", None, None, 2026
        )
        e = seal(draft, till_id="001-01", seq=seq, created_at=ts, prev_hash=prev)
        prev = e.hash
        rows.append(
            (
                e.till_id,
                e.seq,
                e.entry_uuid,
                e.txn_uuid,
                ts,
                e.kind,
                mid,
                e.bucket,
                0,
                "9001",
                e.lot_year,
                e.prev_hash,
                e.hash,
            )
        )
        if len(rows) == 100_000:
            _insert_entries(raw, rows)
            rows = []
    _insert_entries(raw, rows)
    raw.execute("COMMIT")
    raw.execute("ANALYZE")
    raw.close()
    return cards


def _insert_entries(raw: sqlite3.Connection, rows: Sequence[tuple[object, ...]]) -> None:
    raw.executemany(
        "INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id, bucket, amount,"
        " actor, lot_year, offline, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,0,?,?)",
        rows,
    )


def pct(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(len(s) * 0.99))] * 1000


CACHE = Path(tempfile.gettempdir()) / "frontdesk-bench-cache"


def cached_store(members: int, entries: int, folder: Path) -> tuple[Path, list[str]]:
    """A fresh copy of the seeded store, built once per size and kept outside the repository."""
    CACHE.mkdir(exist_ok=True)
    built = CACHE / f"seed-{members}-{entries}.db"
    if not built.exists():
        partial = CACHE / f"building-{members}-{entries}.db"
        partial.unlink(missing_ok=True)
        seed(partial, members, entries)
        pepper_beside(partial).rename(pepper_beside(built))
        partial.rename(built)
    path = folder / "store.db"
    shutil.copyfile(built, path)
    shutil.copyfile(pepper_beside(built), pepper_beside(path))
    with sqlite3.connect(path) as raw:  # the next card this till issues follows the seeded ones
        raw.execute("INSERT OR REPLACE INTO counter (name, value) VALUES ('card', ?)", (members,))
    return path, [make_card_number(1, 1, i + 1, 0) for i in range(members)]


def floor_connection(path: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the till's pragmas, for the floor."""
    raw = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
        raw.execute(f"PRAGMA {pragma}")
    return raw


def floor_sale(raw: sqlite3.Connection, mid: str) -> None:
    """The same writes as a checkout (ticket, lines, tenders, 3 entries, projections, audit)."""
    ts = NOW.isoformat()
    raw.execute("BEGIN IMMEDIATE")
    seq, prev = raw.execute(
        "SELECT seq, hash FROM ledger_entry WHERE till_id='001-01' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    raw.execute("SELECT principal, bonus FROM account WHERE member_id=?", (mid,)).fetchone()
    tid = new_id()
    raw.execute(
        "INSERT INTO ticket (ticket_id, receipt_no, till_id, kind, member_id, created_at, cashier, gross, discount_tier,"
        " discount_birthday, redemption, redeemed_points, total, points_earned, points_multiplier, birthday_benefit,"
        " offline) VALUES (?,?,'001-01','sale',?,?,'1001',1800,36,0,0,0,1764,17,1,0,0)",
        (tid, f"F{tid}", mid, ts),
    )
    raw.executemany(
        "INSERT INTO ticket_line (ticket_id, line_no, barcode, name, unit_price, quantity, gross, member_discount,"
        " redemption, net) VALUES (?,?,?,?,600,1,600,12,0,588)",
        [(tid, n, CODES[n - 1], "商品") for n in (1, 2, 3)],
    )
    raw.executemany(
        "INSERT INTO tender (ticket_id, idx, kind, amount, change) VALUES (?,?,?,?,0)",
        [(tid, 0, "stored_value", 1000), (tid, 1, "cash", 764)],
    )
    for n, (bucket, amount) in enumerate((("principal", -909), ("bonus", -91), ("points", 17))):
        raw.execute(
            "INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id, bucket, amount,"
            " actor, ticket_id, lot_year, offline, prev_hash, hash) VALUES ('001-01',?,?,?,?,'spend',?,?,?,'1001',?,2026,0,?,?)",
            (seq + 1 + n, new_id(), tid, ts, mid, bucket, amount, tid, prev, prev),
        )
        raw.execute(
            f"UPDATE account SET {bucket} = {bucket} + ? WHERE member_id = ?", (amount, mid)
        )
    raw.execute(
        "UPDATE points_lot SET points = points + 17 WHERE member_id=? AND lot_year=2026", (mid,)
    )
    raw.execute(
        "INSERT INTO audit_log (till_id, seq, audit_id, at, actor, action, outcome, detail) VALUES ('001-01',"
        " (SELECT coalesce(max(seq),0)+1 FROM audit_log WHERE till_id='001-01'), ?, ?, '1001', 'sale', 'ok', '{}')",
        (new_id(), ts),
    )
    raw.execute("COMMIT")


def floor_checkout(
    path: Path, member_ids: list[str], runs: int, clock: Callable[[], float] = time.perf_counter
) -> list[float]:
    """The floor's sales one after another; `clock` is what is measured (time.thread_time: CPU)."""
    raw = floor_connection(path)
    times = []
    for i in range(runs):
        t0 = clock()
        floor_sale(raw, member_ids[i % len(member_ids)])
        times.append(clock() - t0)
    raw.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, default=5_000_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--runs", type=int, default=500)
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="frontdesk-bench-")
    path = args.db or Path(folder) / "store.db"
    t0 = time.perf_counter()
    if path.exists():  # a store built by an earlier run: measure it again as it is
        with sqlite3.connect(path) as raw:
            cards = [r[0] for r in raw.execute("SELECT card_no FROM card WHERE state = 'active'")]
            args.members = len(cards)
            args.entries = raw.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]
    else:
        cards = seed(path, args.members, args.entries)
    print(
        f"store: {args.members:,} members, {args.entries:,} ledger entries, built in {time.perf_counter() - t0:.1f} s"
    )
    engine = open_database(path)
    # The PIN check is a deliberately slow hash before the transaction; the commit is measured
    # without it, so the policy here asks for no PIN.
    program = replace(
        load_program(), pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen(10**12)
    )
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), program)
    rng = random.Random(7)
    picks = [cards[rng.randrange(len(cards))] for _ in range(2000)]
    lookups = []
    for card in picks:
        s = time.perf_counter()
        membership.lookup_card(ctx, card, "9001")
        lookups.append(time.perf_counter() - s)
    p50, p99 = pct(lookups)
    print(
        f"card lookup (card → member, balance, points, tier): p50 {p50:.3f} ms  p99 {p99:.3f} ms  ({len(lookups)} lookups)"
    )
    with ctx.uow(write=False) as uow:
        shift_open = uow.shifts.current() is not None
    if not shift_open:
        shifts.open_shift(ctx, cashier="9001", opening_float=Fen(0))
    items = [checkout.SaleItem(c) for c in CODES]
    pays = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(10_000))]
    sales = []
    for i in range(args.runs):
        card = picks[i % len(picks)]
        s = time.perf_counter()
        checkout.checkout(
            ctx,
            txn_id=new_id(),
            cashier="9001",
            card_no=card,
            items=items,
            payments=pays,
        )
        sales.append(time.perf_counter() - s)
    c50, c99 = pct(sales)
    print(
        f"checkout commit (3 lines, stored value + cash, ledger + projections + audit): p50 {c50:.2f} ms  p99 {c99:.2f} ms  ({args.runs} sales)"
    )
    engine.dispose()
    member_ids = [f"m{rng.randrange(args.members):08d}" for _ in range(args.runs)]
    floor = floor_checkout(path, member_ids, args.runs)
    f50, f99 = pct(floor)
    print(f"floor (same writes, bare sqlite3, same pragmas): p50 {f50:.2f} ms  p99 {f99:.2f} ms")
    print(f"ratio checkout/floor: p50 {c50 / f50:.2f}×  p99 {c99 / f99:.2f}×")


if __name__ == "__main__":
    main()
