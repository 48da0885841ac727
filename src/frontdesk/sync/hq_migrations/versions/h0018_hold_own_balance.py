"""A hold counts head office's own balance, never a till's word that would raise it.

`fd_hold` (h0004) took the member's booked entries, left out the asking till's entries after the
sequence number it said head office had acknowledged, and added the till's own figure for
those (`p_unsent`): a till that claimed a large unsent top-up (a bug, a forged request, a
restored old copy) was held against money head office had never seen. Now the balance is
head office's own (`member_balance`, moved in the transaction that brings the entries), less
the open holds. The till's figure is held to the entries of that till head office did receive
after the acknowledged sequence number, and what is left of it counts only when it lowers the
balance (a provisional spend not pushed yet): `domain.authorisation.available_for_hold`.
A till with a top-up not pushed yet pushes first and asks again (services.online_holds).

Revision ID: h0018
Revises: h0017
"""

from __future__ import annotations

from alembic import op

revision = "h0018"
down_revision = "h0017"
branch_labels = None
depends_on = None

_DDL = """
CREATE OR REPLACE FUNCTION fd_hold(p_txn text, p_member text, p_amount bigint, p_acked bigint,
                        p_unsent bigint, p_ttl_seconds integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    h balance_hold%ROWTYPE;
    booked bigint;
    arrived bigint;
    held bigint;
    avail bigint;
    ttl integer := least(greatest(coalesce(p_ttl_seconds, 900), 30), 86400);
BEGIN
    IF p_amount IS NULL OR p_amount <= 0 THEN
        RETURN jsonb_build_object('state', 'refused', 'reason', 'bad_amount', 'available', 0);
    END IF;
    -- One member's holds one at a time, across every till: the second waits for the first.
    PERFORM pg_advisory_xact_lock(hashtextextended('fd_hold:' || p_member, 0));
    SELECT * INTO h FROM balance_hold WHERE txn_uuid = p_txn;
    IF FOUND THEN
        IF h.till_id <> me OR h.member_id <> p_member OR h.amount <> p_amount THEN
            RETURN jsonb_build_object('state', 'refused', 'reason', 'txn_reused', 'available', 0);
        END IF;
        IF h.state IN ('pending', 'posted') THEN
            -- The same sale asked again (its answer was lost): the same hold, not a second one.
            RETURN jsonb_build_object('state', 'approved', 'available', h.available);
        END IF;
    END IF;
    -- One statement, one snapshot: a push that posts a hold and adds its entries (and moves
    -- member_balance with them) is seen whole or not at all.
    SELECT
        coalesce((SELECT sum(b.amount) FROM member_balance b
                   WHERE b.member_id = p_member AND b.bucket IN ('principal', 'bonus')
                     AND b.lot_year = 0), 0)::bigint,
        -- What of the till's figure head office has: its entries after the acknowledged seq
        -- that arrived, counted as the till counts its claim (online spends are held instead).
        coalesce((SELECT sum(l.amount) FROM ledger_entry l
                   WHERE l.till_id = me AND l.seq > coalesce(p_acked, 0)
                     AND l.member_id = p_member AND l.bucket IN ('principal', 'bonus')
                     AND NOT (l.kind = 'spend' AND NOT l.offline)), 0)::bigint,
        coalesce((SELECT sum(b.amount) FROM balance_hold b
                   WHERE b.member_id = p_member AND b.state = 'pending'
                     AND b.expires_at > now() AND b.txn_uuid <> p_txn), 0)::bigint
      INTO booked, arrived, held;
    avail := booked + least(coalesce(p_unsent, 0) - arrived, 0) - held;
    INSERT INTO balance_hold AS b (txn_uuid, till_id, member_id, amount, acked_seq, unsent,
                                   available, state, expires_at)
    VALUES (p_txn, me, p_member, p_amount, coalesce(p_acked, 0), coalesce(p_unsent, 0), avail,
            CASE WHEN p_amount <= avail THEN 'pending' ELSE 'refused' END,
            now() + make_interval(secs => ttl))
    ON CONFLICT (txn_uuid) DO UPDATE SET
        acked_seq = EXCLUDED.acked_seq, unsent = EXCLUDED.unsent, available = EXCLUDED.available,
        state = EXCLUDED.state, created_at = now(), expires_at = EXCLUDED.expires_at,
        settled_at = NULL;
    RETURN jsonb_build_object(
        'state', CASE WHEN p_amount <= avail THEN 'approved' ELSE 'refused' END,
        'reason', CASE WHEN p_amount <= avail THEN NULL ELSE 'insufficient' END,
        'available', greatest(avail, 0));
END $$;
"""


def upgrade() -> None:
    # CREATE OR REPLACE keeps the grants h0004 gave and the REVOKE FROM PUBLIC it made.
    op.execute(_DDL)


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
