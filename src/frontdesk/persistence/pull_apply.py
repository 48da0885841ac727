"""Applying what a pull brought, in transactions short enough that a sale never waits on them."""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from cryptography.exceptions import InvalidTag
from sqlalchemy import Engine, and_, bindparam, insert, select, update
from sqlalchemy.engine import Connection

from frontdesk.domain.erasure import is_erased
from frontdesk.domain.merge import member_update, project_balance
from frontdesk.domain.messages import Notice
from frontdesk.domain.money import Fen
from frontdesk.domain.pin_state import NOTHING_WRONG, PinState
from frontdesk.domain.program import Program
from frontdesk.domain.tiers import TierEvent, tier_status
from frontdesk.persistence import tables as t
from frontdesk.persistence.engine import writers_waiting
from frontdesk.persistence.member_erasure import forget_erased
from frontdesk.persistence.member_keys import PREFIX, key_of, open_with
from frontdesk.persistence.member_personal import (
    FIELDS,
    Personal,
    SqlPersonal,
    ids_by_phone_key,
    phone_key,
)
from frontdesk.persistence.repositories import SqlAccounts, SqlTickets
from frontdesk.services.sync_port import BalanceSnapshot, Row

Item = TypeVar("Item")

# Each transaction of a pull holds the till's write lock about this long; then the pull steps
# aside as long again, so a sale waiting in SQLite's busy handler (which retries every few ms,
# then every 25 ms) finds the lock free. A 1M-member pull is thousands of these, never one.
BUDGET_S = 0.03
FIRST_CHUNK, MIN_CHUNK, MAX_CHUNK = 10, 1, 2000
# How long a pull lets the counter's waiting writers go first before it takes the lock anyway
# (a writer stuck elsewhere must not stop the pull for good).
YIELD_AT_MOST_S = 0.3
# How often a thread running Python hands the interpreter to another that wants it. Python's
# 5 ms default made a sale in the counter's thread wait up to 5 ms each time it came back from
# SQLite while the pull's thread ran Python (building a million members' totals): about fifty
# such waits, and a 3-line sale took 230-280 ms (bench_pull at 1M members).
SWITCH_INTERVAL_S = 0.0005


def favour_the_counter() -> None:
    """For the whole process: any thread running Python lets the others in every 0.5 ms."""
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))


def _let_the_counter_in() -> None:
    """Wait while a sale (or any of this process's foreground writers) waits for the lock."""
    deadline = time.perf_counter() + YIELD_AT_MOST_S
    while writers_waiting() and time.perf_counter() < deadline:
        time.sleep(0.002)


def in_short_transactions(
    engine: Engine,
    items: Sequence[Item],
    apply: Callable[[Connection, Sequence[Item]], list[Notice]],
    budget_s: float = BUDGET_S,
) -> list[Notice]:
    """`apply` over chunks of `items`, each chunk its own write transaction of about `budget_s`.

    The chunk grows or shrinks with the time the last one took, so the budget holds whatever a
    row costs on this machine. Every `apply` here is idempotent: a pull cut short (power, a
    closed till) is applied again from its unmoved cursor with the same result.
    """
    favour_the_counter()
    problems: list[Notice] = []
    size, i = FIRST_CHUNK, 0
    while i < len(items):
        chunk = items[i : i + size]
        _let_the_counter_in()
        with engine.connect().execution_options(write=True, background=True) as conn:
            conn.begin()  # BEGIN IMMEDIATE: the wait for a sale's lock is not counted below
            started = time.perf_counter()
            problems += apply(conn, chunk)
            conn.commit()
            took = time.perf_counter() - started
            # The pull moves its own pages from the WAL into the database, outside any
            # transaction (a passive checkpoint takes no write lock): left to SQLite's automatic
            # checkpoint, a sale's COMMIT that crossed 1,000 WAL pages copied them, up to 150 ms
            # of that sale's time (bench_pull's COMMIT figures).
            driver = conn.connection.driver_connection
            assert driver is not None
            driver.execute("PRAGMA wal_checkpoint(PASSIVE)")
        i += len(chunk)
        if took > budget_s:
            size = max(MIN_CHUNK, int(size * budget_s / took))
        elif took < budget_s / 2:
            size = min(MAX_CHUNK, size * 2)
        if i < len(items):
            time.sleep(min(took, budget_s))  # the lock is free for the counter meanwhile
    return problems


# -- balances -------------------------------------------------------------------------------

_SET_BALANCE = (
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(
        base_principal=bindparam("b_base_principal"),
        base_bonus=bindparam("b_base_bonus"),
        base_points=bindparam("b_base_points"),
        base_seq=bindparam("b_base_seq"),
        principal=bindparam("b_principal"),
        bonus=bindparam("b_bonus"),
        points=bindparam("b_points"),
    )
)
_SET_LOT = (
    update(t.points_lot)
    .where(
        and_(
            t.points_lot.c.member_id == bindparam("b_member"),
            t.points_lot.c.lot_year == bindparam("b_year"),
        )
    )
    .values(base_points=bindparam("b_base"), points=bindparam("b_points"))
)
_ADD_LOT = insert(t.points_lot)

Totals = dict[tuple[str, int | None], int]


# A member's totals from head office as one flat tuple of plain values: bucket, lot year,
# amount, bucket, ... A tuple of strings and numbers is not followed by the garbage collector,
# where a dict keyed by tuples is, with its keys: a million members held that way made every
# full collection walk five million objects, a second or more with the interpreter held, and
# the counter's sale in the other thread waited through it (bench_pull at 1M members).
Flat = tuple[str | int | None, ...]


def balance_items(snapshot: BalanceSnapshot) -> list[tuple[str, Flat]]:
    """Head office's totals member by member, in the order they are applied."""
    hq: dict[str, Flat] = {}
    for r in snapshot.totals:
        member_id = str(r["member_id"])
        hq[member_id] = (*hq.get(member_id, ()), str(r["bucket"]), r["lot_year"], int(r["amount"]))
    # In head office's order, not sorted: sorting a million members is one call that holds the
    # interpreter for a second, and the counter's sale waits that long (bench_pull: a 1.15 s
    # sale at the start of the balances). Members are applied one by one; order changes nothing.
    return list(hq.items())


def _totals(flat: Flat) -> Totals:
    totals: Totals = {}
    for i in range(0, len(flat), 3):
        bucket, year, amount = flat[i : i + 3]
        totals[(str(bucket), None if year is None else int(year))] = int(amount or 0)
    return totals


def apply_balance_chunk(
    conn: Connection, chunk: Sequence[tuple[str, Flat]], *, till_id: str, till_seq: int
) -> list[Notice]:
    """base_* := head office's totals; projection := base + this till's entries after them.

    Read in bulk for the chunk: which members the till has, this till's entries head office
    has not counted, the lots held; then one executemany per kind of write.
    """
    ids = [member_id for member_id, _ in chunk]
    known = set(
        conn.execute(select(t.account.c.member_id).where(t.account.c.member_id.in_(ids))).scalars()
    )
    local: dict[str, Totals] = defaultdict(lambda: defaultdict(int))
    entries = select(
        t.ledger_entry.c.member_id,
        t.ledger_entry.c.bucket,
        t.ledger_entry.c.lot_year,
        t.ledger_entry.c.amount,
    ).where(
        t.ledger_entry.c.member_id.in_(ids),
        t.ledger_entry.c.till_id == till_id,
        t.ledger_entry.c.seq > till_seq,
    )
    for member_id, bucket, lot_year, amount in conn.execute(entries):
        mine = local[member_id]
        mine[(bucket, None)] += amount
        if bucket == "points" and lot_year is not None:
            mine[("lot", lot_year)] += amount
    lot_years: dict[str, set[int]] = defaultdict(set)
    lots_held = select(t.points_lot.c.member_id, t.points_lot.c.lot_year).where(
        t.points_lot.c.member_id.in_(ids)
    )
    for member_id, year in conn.execute(lots_held):
        lot_years[member_id].add(int(year))
    problems: list[Notice] = []
    accounts: list[dict[str, object]] = []
    lot_updates: list[dict[str, object]] = []
    lot_inserts: list[dict[str, object]] = []
    for member_id, flat in chunk:
        if member_id not in known:
            continue
        projected = project_balance(_totals(flat), local.get(member_id, {}), lot_years[member_id])
        if projected.negative:
            problems.append(
                Notice(
                    "sync_balance_negative",
                    {
                        "member_id": member_id,
                        "principal": Fen(projected.now["principal"]),
                        "bonus": Fen(projected.now["bonus"]),
                    },
                )
            )
            continue
        base, now = projected.base, projected.now
        accounts.append(
            {"b_member": member_id, "b_base_seq": till_seq}
            | {f"b_base_{b}": base[b] for b in ("principal", "bonus", "points")}
            | {f"b_{b}": now[b] for b in ("principal", "bonus", "points")}
        )
        for year, (lot_base, points) in projected.lots.items():
            if year in lot_years[member_id]:
                lot_updates.append(
                    {"b_member": member_id, "b_year": year, "b_base": lot_base, "b_points": points}
                )
            else:
                lot_inserts.append(
                    {
                        "member_id": member_id,
                        "lot_year": year,
                        "points": points,
                        "base_points": lot_base,
                    }
                )
    for statement, params in ((_SET_BALANCE, accounts), (_SET_LOT, lot_updates)):
        if params:
            conn.execute(statement, params)
    if lot_inserts:
        conn.execute(_ADD_LOT, lot_inserts)
    return problems


# -- tiers ----------------------------------------------------------------------------------


def tier_items(events: Sequence[Row]) -> list[tuple[str, list[TierEvent]]]:
    """Every store's tickets of each member the pull names, member by member."""
    chain_wide: dict[str, dict[str, TierEvent]] = defaultdict(dict)
    for r in events:
        chain_wide[str(r["member_id"])][str(r["ticket_id"])] = TierEvent(
            at=datetime.fromisoformat(str(r["created_at"])),
            ticket_id=str(r["ticket_id"]),
            spend=Fen(int(r["total"])),
            points=int(r["points_earned"]),
            refund_of=r["refund_of"],
        )
    return sorted((m, list(e.values())) for m, e in chain_wide.items())


def apply_tier_chunk(
    conn: Connection,
    chunk: Sequence[tuple[str, list[TierEvent]]],
    *,
    program: Program,
    now: datetime,
) -> list[Notice]:
    """Tier as DOMAIN §3 has it: `tier_status` over every store's tickets of the member.

    Head office's events are the pushed tickets of all stores; they are kept beside this
    till's own tickets (the same ticket counted once) for every later tier check here.
    """
    tickets, accounts = SqlTickets(conn), SqlAccounts(conn)
    ids = [member_id for member_id, _ in chunk]
    found = select(t.member.c.member_id, t.member.c.tier_lock).where(t.member.c.member_id.in_(ids))
    locks = {member_id: lock for member_id, lock in conn.execute(found)}
    for member_id, events in chunk:
        # A member this till does not have, or whose tier the manager locked, is left alone.
        if member_id not in locks or locks[member_id] is not None:
            continue
        # Kept, so the upgrade check of the next sale here sees them too.
        tickets.add_remote_tier_events(member_id, "head-office", events)
        status = tier_status(tickets.tier_events(member_id), now, program)
        accounts.set_tier(member_id, status.code, status.since, status.held_until)
    return []


# -- members --------------------------------------------------------------------------------

_ADD_MEMBER = insert(t.member)
# domain/merge.py decides which columns a row writes: the profile, and the PIN's hash and state
# when they change. One statement per set of columns, built once.
_SET_MEMBER: dict[tuple[str, ...], Any] = {}


def _set_member(columns: tuple[str, ...]) -> Any:
    if columns not in _SET_MEMBER:
        values: dict[str, Any] = {c: bindparam(f"b_{c}") for c in ("updated_at", *columns)}
        where = t.member.c.member_id == bindparam("b_member")
        _SET_MEMBER[columns] = update(t.member).where(where).values(values)
    return _SET_MEMBER[columns]


def apply_member_chunk(
    conn: Connection,
    chunk: Sequence[Row],
    *,
    entry_tier: str,
    apply_cards: Callable[[Connection, Row], None],
) -> list[Notice]:
    """Head office's members: profiles written, new members added with an account, cards after.

    Read in bulk for the chunk; a phone another member holds is refused exactly as if the rows
    were applied one by one in order (a phone freed by an earlier row may be taken by a later).
    """
    moment = datetime.now().astimezone()
    now = moment.isoformat()
    problems: list[Notice] = []
    readable: list[Row] = []
    for row in chunk:
        opened = _opened(row)
        if opened is None:
            problems.append(Notice("sync_member_unreadable", {"member_id": row["member_id"]}))
        else:
            readable.append(opened)
    chunk = readable
    ids = [str(r["member_id"]) for r in chunk]
    personal = SqlPersonal(conn)
    lookup = personal.lookup()
    # A phone is known here by its keyed hash only (persistence/member_personal.py).
    mine = (
        select(
            t.member.c.member_id,
            t.member_personal.c.phone_key,
            t.member.c.pin_hash,
            t.member.c.pin_failures,
            t.member.c.pin_locked,
        )
        .select_from(t.member.outerjoin(t.member_personal))
        .where(t.member.c.member_id.in_(ids))
    )
    local = {
        m: (hashed, pin, PinState(failures, bool(locked)))
        for m, hashed, pin, failures, locked in conn.execute(mine)
    }
    owner = {hashed: m for m, (hashed, _, _) in local.items()}
    hashes = {str(r["phone"]): phone_key(lookup, str(r["phone"])) for r in chunk}
    for hashed, m in ids_by_phone_key(conn, list(set(hashes.values()))).items():
        owner.setdefault(hashed, m)
    with_account = set(
        conn.execute(select(t.account.c.member_id).where(t.account.c.member_id.in_(ids))).scalars()
    )
    updates: dict[tuple[str, ...], list[dict[str, object]]] = defaultdict(list)
    fresh: list[dict[str, object]] = []
    sealed: dict[str, Personal] = {}
    accounts: list[str] = []
    applied: dict[str, str] = {}  # member id -> the phone head office gave it
    for row in chunk:
        member_id, phone = str(row["member_id"]), str(row["phone"])
        hashed = hashes[phone]
        holder = owner.get(hashed)
        if holder is not None and holder != member_id:
            problems.append(Notice("sync_phone_taken", {"member_id": member_id, "holder": holder}))
            continue
        pin, state = None, NOTHING_WRONG
        if member_id in local:
            old_key, pin, state = local[member_id]
            owner.pop(old_key, None)
            values = _unsealed(member_update(row, pin, state), sealed, member_id)
            pin = values.get("pin_hash", pin)
            state = PinState(
                int(values.get("pin_failures", state.failures)),
                bool(values.get("pin_locked", state.locked)),
            )
            updates[tuple(values)].append(
                {"b_member": member_id, "b_updated_at": now}
                | {f"b_{k}": v for k, v in values.items()}
            )
        else:
            fresh.append(
                {
                    "member_id": member_id,
                    "store": row["store"],
                    "recruiter": row["recruiter"],
                    "created_at": row["created_at"],
                    "consent_terms_at": row["consent_terms_at"],
                    "pin_hash": None,
                    "pin_failures": 0,
                    "pin_locked": False,
                    "updated_at": now,
                }
                | _unsealed(member_update(row, None), sealed, member_id)
            )
        local[member_id] = (hashed, pin, state)
        owner[hashed] = member_id
        applied[member_id] = phone
        if member_id not in with_account:
            accounts.append(member_id)
            with_account.add(member_id)
    for columns, params in updates.items():
        conn.execute(_set_member(columns), params)
    if fresh:
        conn.execute(_ADD_MEMBER, fresh)
    _adopt_keys(conn, [r for r in chunk if str(r["member_id"]) in applied], now)
    personal.write_many(sealed.items(), moment)
    for member_id in accounts:
        SqlAccounts(conn).create(member_id, entry_tier)
    for row in chunk:
        if str(row["member_id"]) in applied:
            for card in row["cards"]:
                apply_cards(conn, card)
    for member_id in sorted(m for m, phone in applied.items() if is_erased(phone)):
        forget_erased(conn, member_id)  # erased at another till: this till's copies go too
    return problems


def _unsealed(
    values: dict[str, Any], sealed: dict[str, Personal], member_id: str
) -> dict[str, Any]:
    """The member columns of `values`; its personal fields go to `sealed`, to be sealed."""
    name, phone, birthday, gender = (values.pop(f) for f in FIELDS)
    day = None if birthday is None else str(birthday)
    sealed[member_id] = Personal(
        str(name), str(phone), day, None if gender is None else str(gender)
    )
    return values


def _opened(row: Row) -> Row | None:
    """The row with the fields head office holds sealed opened under the key it sent.

    None when they cannot be (no key came, or it does not open them). A field head office
    holds in the clear (sent before events were sealed) is taken as it is.
    """
    sealed = [f for f in FIELDS if isinstance(row.get(f), str) and str(row[f]).startswith(PREFIX)]
    if not sealed:
        return row
    if row.get("key") is None:
        return None
    key, member_id = key_of(str(row["key"])), str(row["member_id"])
    try:
        return row | {f: open_with(key, member_id, f, str(row[f])) for f in sealed}
    except InvalidTag:
        return None


def _adopt_keys(conn: Connection, rows: Sequence[Row], now: str) -> None:
    """Members this till has no key for yet take head office's keys.

    One key for the member at every till, so destroying it (erasure) leaves every copy
    unreadable. A till that made a key of its own before keys travelled keeps it (what it
    sealed with it stays readable here).
    """
    offered = {str(r["member_id"]): key_of(str(r["key"])) for r in rows if r.get("key")}
    if not offered:
        return
    known = set(
        conn.execute(
            select(t.member_key.c.member_id).where(t.member_key.c.member_id.in_(list(offered)))
        ).scalars()
    )
    fresh = [
        {"member_id": m, "key": k, "created_at": now} for m, k in offered.items() if m not in known
    ]
    if fresh:
        conn.execute(insert(t.member_key), fresh)
