"""Pushes that share members no longer queue on their summary rows: arrivals are folded after.

The ledger's insert moved member_balance and the tickets' insert member_day and
member_activity, inside the push: row locks on every member the batch touched, held to its
commit, so tills whose members shop at several stores pushed one after another (16 tills at
once took 39 times one alone; nearly all their waits were on each other's transactions).

Those summaries are now folded from the books after the push, in a short transaction of its
own (`fd_fold_arrivals`, which the till calls once its push has committed, and `hq kpi`
before it moves its window): the entries and tickets whose arrival lies above what was folded
and at or under the arrival watermark (h0015: everything under it has committed) are added
in one statement each, and the fold's mark moves to the watermark. One fold runs at a time;
a till that finds one running leaves its rows to it or the next. A push takes no lock on a
member's rows any more.

Whatever reads a balance that must be exact counts the unfolded entries with the folded
rows, in the same statement (one snapshot): head office's holds (fd_hold), the pull's totals
(fd_member_totals), account_balance and negative_account, `hq kpi`'s liability. The KPI
summaries are read after `hq kpi`'s own fold. till_day stays on the tickets' insert: its rows
are the pushing till's own.

Revision ID: h0021
Revises: h0020
"""

from __future__ import annotations

from alembic import op

from frontdesk.sync.hq_migrations.versions import (
    h0007_member_balance,
    h0014_kpi_summaries,
    h0018_hold_own_balance,
)
from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0021"
down_revision = "h0020"
branch_labels = None
depends_on = None

FOLD_FUNCTIONS = ["fd_fold_arrivals()"]

# The unfolded entries: above the fold's mark (an index range on arrival, a batch or so).
_TAIL = "ledger_entry l WHERE l.arrival > (SELECT f.upto FROM arrival_fold f)"


def _h0014_function(name: str) -> str:
    """h0014's definition of one function, as written there."""
    ddl = h0014_kpi_summaries._DDL
    start = ddl.index(f"CREATE OR REPLACE FUNCTION {name}(")
    return ddl[start : ddl.index("END $$;", start) + len("END $$;")]


def _till_day_only() -> str:
    """h0014's tickets' trigger with its member summaries and the window's share lock left out."""
    body = _h0014_function("fd_ticket_summaries")
    head = body.index("DECLARE")
    keep = body.index("    INSERT INTO till_day")
    return (
        "-- The tickets' insert keeps only its till's day (no other till writes that row).\n"
        + body[:head]
        + "BEGIN\n"
        + body[keep:]
    )


def _window_after_fold() -> str:
    """h0014's window move, after folding what arrived under the window it leaves."""
    body = _h0014_function("fd_kpi_window")
    lock = "    SELECT ends INTO w_end FROM kpi_window FOR UPDATE;\n"
    assert lock in body
    fold = (
        "    PERFORM pg_advisory_xact_lock(hashtext('fd_fold_arrivals'));\n"
        "    PERFORM fd_fold_to_watermark(w_end);\n"
    )
    return "-- h0014's window move, after the fold.\n" + body.replace(lock, lock + fold)


def _statements(ddl: str, start: str, end: str) -> str:
    return ddl[ddl.index(start) : ddl.index(end, ddl.index(start))]


def _folds() -> str:
    """The triggers' upserts (h0007, h0014) over the arrivals in (done, mark] of the books."""
    span = "WHERE arrival > done AND arrival <= mark"
    balance = _statements(
        h0007_member_balance._DDL, "    INSERT INTO member_balance", "    RETURN NULL;"
    )
    members = _statements(
        _h0014_function("fd_ticket_summaries"),
        "    INSERT INTO member_day",
        "    INSERT INTO till_day",
    )
    return balance.replace(
        "FROM arrived", f"FROM (SELECT * FROM ledger_entry {span}) arrived"
    ) + members.replace("FROM arrived", f"FROM ticket {span}")


# Every statement may run twice. The triggers are dropped first: they wait for any open push
# and hold new ones back until this commits, so the mark set next covers exactly the arrivals
# the triggers summarised (set once; run again, it stays where the folds moved it).
_DDL = f"""
DROP TRIGGER IF EXISTS ledger_entry_balance ON ledger_entry;
DROP FUNCTION IF EXISTS fd_member_balance_arrived();

CREATE TABLE IF NOT EXISTS arrival_fold (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    upto bigint NOT NULL  -- every ledger entry and ticket at or under it is in the summaries
);
INSERT INTO arrival_fold (upto)
SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM arrival_seq
ON CONFLICT DO NOTHING;

-- A member's unfolded entries are found by index with the folded rows.
CREATE INDEX IF NOT EXISTS ix_ledger_member_arrival ON ledger_entry (member_id, arrival);
DROP INDEX IF EXISTS ix_ledger_member;

{_till_day_only()}

-- The arrivals in (folded mark, watermark] into the member summaries, the 12-month spend
-- against the window ending at w_end (the caller holds the window where it is). The caller
-- holds the fold's lock.
CREATE OR REPLACE FUNCTION fd_fold_to_watermark(w_end date) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    done bigint := (SELECT upto FROM arrival_fold);
    mark bigint := fd_arrival_watermark();
BEGIN
    IF mark <= done THEN
        RETURN;
    END IF;
{_folds()}
    UPDATE arrival_fold SET upto = mark;
END $$;

-- The till's call after its push committed. The window is share-locked first (as the
-- tickets' insert did; `hq kpi` takes it, then the fold's lock, in that order too).
CREATE OR REPLACE FUNCTION fd_fold_arrivals() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    w_end date;
BEGIN
    SELECT ends INTO w_end FROM kpi_window FOR SHARE;
    IF pg_try_advisory_xact_lock(hashtext('fd_fold_arrivals')) THEN
        PERFORM fd_fold_to_watermark(w_end);
    END IF;
END $$;

{_window_after_fold()}

-- The pull's totals: every bucket and lot of each member with an entry after the cursor,
-- folded rows and unfolded entries together.
CREATE OR REPLACE FUNCTION fd_member_totals(p_after bigint)
RETURNS TABLE (member_id text, bucket text, lot_year integer, amount bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    WITH tail AS (
        SELECT l.member_id, l.bucket, l.lot_year, l.amount, l.arrival FROM {_TAIL}
    ), changed AS (
        SELECT c.member_id FROM member_balance c WHERE c.arrival > p_after
        UNION
        SELECT t.member_id FROM tail t WHERE t.arrival > p_after
    ), moves AS (
        SELECT b.member_id, b.bucket, b.lot_year, b.amount FROM member_balance b
         WHERE b.member_id IN (SELECT member_id FROM changed)
        UNION ALL
        SELECT t.member_id, t.bucket, 0, t.amount FROM tail t
         WHERE t.member_id IN (SELECT member_id FROM changed)
        UNION ALL
        SELECT t.member_id, 'lot', t.lot_year, t.amount FROM tail t
         WHERE t.bucket = 'points' AND t.lot_year IS NOT NULL
           AND t.member_id IN (SELECT member_id FROM changed)
    )
    SELECT m.member_id, m.bucket, CASE WHEN m.bucket = 'lot' THEN m.lot_year END,
           sum(m.amount)::bigint
      FROM moves m GROUP BY m.member_id, m.bucket, m.lot_year
$$;

CREATE OR REPLACE VIEW account_balance AS
SELECT member_id,
       coalesce(sum(amount) FILTER (WHERE bucket = 'principal'), 0)::bigint AS principal,
       coalesce(sum(amount) FILTER (WHERE bucket = 'bonus'), 0)::bigint AS bonus,
       coalesce(sum(amount) FILTER (WHERE bucket = 'points'), 0)::bigint AS points
  FROM (SELECT member_id, bucket, amount FROM member_balance WHERE lot_year = 0
        UNION ALL
        SELECT l.member_id, l.bucket, l.amount FROM {_TAIL}) moves
 GROUP BY member_id;
CREATE OR REPLACE VIEW negative_account AS
SELECT b.* FROM account_balance b
 WHERE b.member_id IN (SELECT n.member_id FROM member_balance n
                        WHERE n.lot_year = 0 AND n.amount < 0
                          AND n.bucket IN ('principal', 'bonus')
                       UNION
                       SELECT l.member_id FROM {_TAIL} AND l.bucket IN ('principal', 'bonus'))
   AND (b.principal < 0 OR b.bonus < 0);
"""

# h0018's hold with the member's unfolded entries counted in the booked balance.
_BOOKED = """
        coalesce((SELECT sum(b.amount) FROM member_balance b
                   WHERE b.member_id = p_member AND b.bucket IN ('principal', 'bonus')
                     AND b.lot_year = 0), 0)::bigint,"""
_BOOKED_WITH_TAIL = f"""
        (coalesce((SELECT sum(b.amount) FROM member_balance b
                    WHERE b.member_id = p_member AND b.bucket IN ('principal', 'bonus')
                      AND b.lot_year = 0), 0)
         + coalesce((SELECT sum(l.amount) FROM {_TAIL}
                      AND l.member_id = p_member AND l.bucket IN ('principal', 'bonus')), 0)
        )::bigint,"""


def hold_sql() -> str:
    """fd_hold as h0018 wrote it, its booked balance folded rows plus unfolded entries."""
    assert _BOOKED in h0018_hold_own_balance._DDL
    return h0018_hold_own_balance._DDL.replace(_BOOKED, _BOOKED_WITH_TAIL)


def upgrade() -> None:
    op.execute(_DDL)
    op.execute(hold_sql())
    op.execute(
        "REVOKE EXECUTE ON FUNCTION fd_fold_to_watermark(date), fd_fold_arrivals() FROM PUBLIC"
    )
    op.execute(grant_to_pushers(FOLD_FUNCTIONS))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
