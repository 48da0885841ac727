"""A member's wrong PINs counted at head office for every store; a lock holds at every store.

Each till sends one `pin` event per PIN check that counts (a wrong one, or a right one after
wrong ones). Head office adds the wrong ones of every store, locks at the limit the till names,
and numbers the member again so every till pulls the count and the lock (`fd_pin_states`). A
new PIN (a member event with another hash, a manager's reset at some till) starts the count
again and lifts the lock; nothing else does.

Revision ID: h0005
Revises: h0004
"""

from __future__ import annotations

from alembic import op

from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0005"
down_revision = "h0004"
branch_labels = None
depends_on = None

_DDL = """
ALTER TABLE member
    ADD COLUMN pin_failures integer NOT NULL DEFAULT 0,
    ADD COLUMN pin_locked boolean NOT NULL DEFAULT false,
    -- The PIN the count belongs to: a member event bringing another hash starts it again.
    ADD COLUMN pin_counted_hash text;
UPDATE member SET pin_counted_hash = pin_hash;

-- Fires after change_event_apply (triggers of one event fire in name order), so a member
-- event's new PIN hash is already on the member row here.
CREATE FUNCTION fd_apply_pin_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p jsonb := NEW.payload;
    m member%ROWTYPE;
    failures integer;
    locked boolean;
BEGIN
    SELECT * INTO m FROM member WHERE member_id = NEW.entity_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    failures := m.pin_failures;
    locked := m.pin_locked;
    IF m.pin_hash IS DISTINCT FROM m.pin_counted_hash THEN
        failures := 0;
        locked := false;
    END IF;
    IF NEW.kind = 'pin' AND p->>'outcome' = 'wrong' THEN
        failures := failures + 1;
        locked := locked OR coalesce((p->>'locked')::boolean, false)
                  OR failures >= coalesce((p->>'max_tries')::integer, 5);
    ELSIF NEW.kind = 'pin' AND p->>'outcome' = 'right' AND NOT locked THEN
        failures := 0;
    END IF;
    IF (failures, locked, m.pin_hash) IS DISTINCT FROM
       (m.pin_failures, m.pin_locked, m.pin_counted_hash) THEN
        UPDATE member SET pin_failures = failures, pin_locked = locked,
                          pin_counted_hash = m.pin_hash,
                          change_seq = nextval('master_change_seq'), updated_at = now()
         WHERE member_id = m.member_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER change_event_pin AFTER INSERT ON change_event
    FOR EACH ROW WHEN (NEW.kind IN ('member', 'pin')) EXECUTE FUNCTION fd_apply_pin_event();

-- What the member pull adds: each member's count and lock as head office holds them.
CREATE FUNCTION fd_pin_states(p_members text[])
RETURNS TABLE (member_id text, pin_failures integer, pin_locked boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM fd_caller_till();
    RETURN QUERY SELECT m.member_id, m.pin_failures, m.pin_locked
                   FROM member m WHERE m.member_id = ANY (p_members);
END $$;
"""

PIN_FUNCTIONS = ["fd_pin_states(text[])"]


def upgrade() -> None:
    op.execute(_DDL)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(PIN_FUNCTIONS)} FROM PUBLIC")
    op.execute("REVOKE EXECUTE ON FUNCTION fd_apply_pin_event() FROM PUBLIC")
    op.execute(grant_to_pushers(PIN_FUNCTIONS))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
