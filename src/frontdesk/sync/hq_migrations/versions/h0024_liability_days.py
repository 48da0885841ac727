"""The prepaid liability per store and day from summaries that move with what arrived.

`hq report` traced every member's principal first in, first out over the whole ledger in one
statement (22-35 s at 1M members, 102 s at 2M entries under load): its cost grew with the
years of books, not with what changed since the last report.

The same trace now runs per member, for the members whose principal moved since the last
fold only: `member_liability` holds each member's part of every store's days (the principal
the store gained or lost for them that day, what was paid in at the store, how many moves its
tills made), `store_liability_day` the sum over members. `fd_fold_liability` takes the
members with principal entries above its mark and at or under the arrival watermark (h0015:
everything under it has committed), takes their old rows out of the store's days, traces each
of them again over their whole principal history (an entry that arrives late, written earlier
at an offline till, changes what the member's later spends drew), and adds the new rows. The
report folds first, then reads `store_liability_day`: days × stores, not entries.

The trace is the statement of hq_report before this revision, scoped to a list of members;
domain/settlement.settle stays the rule, and a test holds the report equal to it.

Revision ID: h0024
Revises: h0023
"""

from __future__ import annotations

from alembic import op

revision = "h0024"
down_revision = "h0023"
branch_labels = None
depends_on = None

# The members come as a list joined to the ledger (a list of a million is hashed, one of a few
# is looked up by index); `= ANY (list)` would compare every row with the whole list.
# Per member, in time order: D and W are the running sums of money paid in and taken out;
# what has been drawn from the lots so far is C = W + min(0, min over the moves so far of
# D − W) (a spend beyond every lot draws on no store, and a later top-up is not drawn by it).
# A spend draws the lots lying across [C before it, C after it) on the axis of paid-in money,
# each lot the stretch [D before it, D after it) of its store.
_TRACE = """
    WITH moves AS (
        SELECT l.member_id, t.store_no, fd_day(l.created_at) AS day, l.amount,
               row_number() OVER (PARTITION BY l.member_id
                                  ORDER BY l.created_at, l.till_id, l.seq) AS k
          FROM unnest(p_members) AS u (member_id)
          JOIN ledger_entry l ON l.member_id = u.member_id
          JOIN till t ON t.till_id = l.till_id
         WHERE l.bucket = 'principal'
    ), sums AS (
        SELECT m.*, sum(greatest(amount, 0)) OVER w AS paid_in,
               sum(greatest(-amount, 0)) OVER w AS taken
          FROM moves m WINDOW w AS (PARTITION BY member_id ORDER BY k)
    ), drawn AS (
        SELECT s.*, taken + least(0, min(paid_in - taken) OVER w) AS upto
          FROM sums s WINDOW w AS (PARTITION BY member_id ORDER BY k)
    ), spans AS (
        SELECT d.*, coalesce(lag(upto) OVER (PARTITION BY member_id ORDER BY k), 0) AS since
          FROM drawn d
    ), parts AS (
        -- every move at its store's day: paid in, and counted
        SELECT member_id, store_no, day, greatest(amount, 0) AS delta,
               greatest(amount, 0) AS topped, 1 AS moves
          FROM spans
        UNION ALL
        -- what a spend draws from a lot leaves the lot's store, on the spend's day
        SELECT s.member_id, lot.store_no, s.day,
               greatest(lot.paid_in - lot.amount, s.since) - least(lot.paid_in, s.upto), 0, 0
          FROM spans s JOIN spans lot ON lot.member_id = s.member_id AND lot.amount > 0
                                     AND lot.paid_in > s.since
                                     AND lot.paid_in - lot.amount < s.upto
         WHERE s.amount < 0 AND s.upto > s.since
    )
    SELECT member_id, store_no, day, sum(delta)::bigint, sum(topped)::bigint,
           sum(moves)::integer
      FROM parts GROUP BY member_id, store_no, day
"""

_DDL = f"""
CREATE TABLE IF NOT EXISTS member_liability (
    member_id text NOT NULL,
    store_no text NOT NULL,
    day date NOT NULL,
    delta bigint NOT NULL,   -- principal the store holds for the member: that day's change
    topped bigint NOT NULL,  -- principal paid in at the store that day
    moves integer NOT NULL,  -- principal moves the store's tills made that day
    PRIMARY KEY (member_id, store_no, day)
);
CREATE TABLE IF NOT EXISTS store_liability_day (
    store_no text NOT NULL,
    day date NOT NULL,
    delta bigint NOT NULL,
    topped bigint NOT NULL,
    moves bigint NOT NULL,
    PRIMARY KEY (store_no, day)
);
CREATE TABLE IF NOT EXISTS liability_fold (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    upto bigint NOT NULL  -- every principal entry at or under it is in the store's days
);
INSERT INTO liability_fold (upto) VALUES (0) ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION fd_trace_liability(p_members text[])
RETURNS TABLE (member_id text, store_no text, day date, delta bigint, topped bigint,
               moves integer)
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
{_TRACE}
$$;

-- The members whose principal moved in (mark, watermark], traced again. One fold at a time:
-- a second caller waits for the first and then finds little or nothing left.
CREATE OR REPLACE FUNCTION fd_fold_liability() RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    done bigint;
    mark bigint;
    touched text[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('fd_fold_liability'));
    done := (SELECT upto FROM liability_fold);
    mark := fd_arrival_watermark();
    IF mark <= done THEN
        RETURN;
    END IF;
    touched := ARRAY(SELECT DISTINCT l.member_id FROM ledger_entry l
                      WHERE l.arrival > done AND l.arrival <= mark
                        AND l.bucket = 'principal');
    WITH gone AS (
        DELETE FROM member_liability m USING unnest(touched) AS u (member_id)
         WHERE m.member_id = u.member_id RETURNING m.*
    ), old AS (
        SELECT g.store_no, g.day, sum(g.delta) AS delta, sum(g.topped) AS topped,
               sum(g.moves) AS moves
          FROM gone g GROUP BY g.store_no, g.day
    )
    UPDATE store_liability_day s
       SET delta = s.delta - o.delta, topped = s.topped - o.topped, moves = s.moves - o.moves
      FROM old o WHERE s.store_no = o.store_no AND s.day = o.day;
    WITH traced AS (
        INSERT INTO member_liability SELECT * FROM fd_trace_liability(touched) RETURNING *
    )
    INSERT INTO store_liability_day AS s (store_no, day, delta, topped, moves)
    SELECT t.store_no, t.day, sum(t.delta), sum(t.topped), sum(t.moves)
      FROM traced t GROUP BY t.store_no, t.day
    ON CONFLICT (store_no, day) DO UPDATE
       SET delta = s.delta + excluded.delta, topped = s.topped + excluded.topped,
           moves = s.moves + excluded.moves;
    UPDATE liability_fold SET upto = mark;
END $$;
REVOKE EXECUTE ON FUNCTION fd_trace_liability(text[]), fd_fold_liability() FROM PUBLIC;
"""


def upgrade() -> None:
    # Created empty with its mark at 0: the first report folds every member once.
    op.execute(_DDL)


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
