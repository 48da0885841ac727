"""Member PIN hash and tier-lock reason at head office; tickets numbered on arrival for tiers.

Revision ID: h0002
Revises: h0001
"""

from __future__ import annotations

from alembic import op

revision = "h0002"
down_revision = "h0001"
branch_labels = None
depends_on = None

_DDL = """
ALTER TABLE member ADD COLUMN pin_hash text, ADD COLUMN tier_lock_reason text;

-- Tickets get arrival numbers like ledger entries, so a till can ask "whose history changed
-- since I last looked" and recompute those members' tiers over every store's tickets.
ALTER TABLE ticket ADD COLUMN arrival bigint NOT NULL DEFAULT nextval('arrival_seq');
CREATE INDEX ix_ticket_arrival ON ticket (arrival);
CREATE INDEX ix_ticket_member ON ticket (member_id);

CREATE OR REPLACE FUNCTION fd_apply_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    p jsonb := NEW.payload;
    at timestamptz;
BEGIN
    IF NEW.kind = 'member' THEN
        INSERT INTO member AS m (member_id, phone, name, birthday, gender, store, recruiter,
                                 created_at, consent_terms_at, consent_marketing_at, tier_lock,
                                 tier_lock_reason, pin_hash, change_seq)
        VALUES (NEW.entity_id, p->>'phone', p->>'name', p->>'birthday', p->>'gender',
                p->>'store', p->>'recruiter', p->>'created_at', p->>'consent_terms_at',
                p->>'consent_marketing_at', p->>'tier_lock', p->>'tier_lock_reason',
                p->>'pin_hash', nextval('master_change_seq'))
        ON CONFLICT (member_id) DO UPDATE SET
            phone = EXCLUDED.phone, name = EXCLUDED.name, birthday = EXCLUDED.birthday,
            gender = EXCLUDED.gender, consent_marketing_at = EXCLUDED.consent_marketing_at,
            tier_lock = EXCLUDED.tier_lock, tier_lock_reason = EXCLUDED.tier_lock_reason,
            -- A PIN is never taken away, only replaced: an event without one (an older till,
            -- a member who never set one there) keeps the PIN head office has.
            pin_hash = coalesce(EXCLUDED.pin_hash, m.pin_hash),
            change_seq = EXCLUDED.change_seq, updated_at = now();
    ELSIF NEW.kind = 'card' THEN
        at := (p->>'at')::timestamptz;
        INSERT INTO card AS c (card_no, member_id, generation, state, state_at, issued_at,
                               revoked_at, change_seq)
        VALUES (NEW.entity_id, p->>'member_id', (p->>'generation')::integer, p->>'state', at, at,
                CASE WHEN p->>'state' = 'active' THEN NULL ELSE at END,
                nextval('master_change_seq'))
        ON CONFLICT (card_no) DO UPDATE SET
            state = EXCLUDED.state, state_at = EXCLUDED.state_at,
            revoked_at = EXCLUDED.revoked_at, change_seq = EXCLUDED.change_seq
        WHERE c.state NOT IN ('replaced', 'returned') AND c.state_at <= EXCLUDED.state_at;
    END IF;
    RETURN NULL;
END $$;

-- Every store's sales and refunds of the members with a ticket that arrived after p_after: what
-- the tier rules read (DOMAIN §3), not the lines or tenders. A store reads other stores' tickets
-- only through this.
CREATE FUNCTION fd_tier_events(p_after bigint)
RETURNS TABLE (member_id text, ticket_id text, created_at text, total bigint,
               points_earned bigint, refund_of text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    WITH changed AS (
        SELECT DISTINCT t.member_id FROM ticket t
         WHERE t.arrival > p_after AND t.member_id IS NOT NULL
    )
    SELECT t.member_id, t.ticket_id, t.created_at, t.total, t.points_earned, t.refund_of
      FROM ticket t JOIN changed USING (member_id)
     WHERE t.kind IN ('sale', 'refund')
     ORDER BY t.member_id, t.created_at
$$;

CREATE FUNCTION fd_last_ticket_arrival() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce(max(arrival), 0) FROM ticket
$$;
"""


def upgrade() -> None:
    op.execute(_DDL)


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
