"""A member's erasure reaches head office's every copy (个人信息保护法 第四十七条).

Revision ID: h0011
Revises: h0010
"""

from __future__ import annotations

from alembic import op

revision = "h0011"
down_revision = "h0010"
branch_labels = None
depends_on = None

_DDL = """
-- An erasure is an ordinary member event (the push accepts it like any other) whose payload says
-- "erased": change_event_apply has already written its blanked profile on the member row; this
-- trigger (after it, by name) blanks what the event row cannot: the PIN hash the upsert keeps,
-- and every earlier event of the member head office holds, whose payload had the name and phone.
-- The ledger names the member id only, so the chain check is untouched. Written to be run again
-- (OR REPLACE, IF EXISTS) on a head office an older frontdesk left with it half in place.
CREATE OR REPLACE FUNCTION fd_apply_erasure() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    blank jsonb := jsonb_build_object(
        'name', NEW.payload->'name', 'phone', NEW.payload->'phone', 'birthday', NULL,
        'gender', NULL, 'pin_hash', NULL, 'tier_lock_reason', NULL, 'erased', true);
BEGIN
    UPDATE member SET pin_hash = NULL, pin_counted_hash = NULL, birthday = NULL, gender = NULL,
                      tier_lock_reason = NULL, change_seq = nextval('master_change_seq'),
                      updated_at = now()
     WHERE member_id = NEW.entity_id;
    UPDATE change_event SET payload = payload || blank
     WHERE kind = 'member' AND entity_id = NEW.entity_id AND event_uuid <> NEW.event_uuid;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS change_event_zerase ON change_event;
CREATE TRIGGER change_event_zerase AFTER INSERT ON change_event
    FOR EACH ROW WHEN (NEW.kind = 'member' AND NEW.payload ? 'erased')
    EXECUTE FUNCTION fd_apply_erasure();
"""


def upgrade() -> None:
    op.execute(_DDL)


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
