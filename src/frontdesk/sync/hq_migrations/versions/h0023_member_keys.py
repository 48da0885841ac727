"""Members' keys at head office: sealed profiles arrive, keys kept apart, erasure destroys one.

A till now sends a member event with the name, phone, birthday and gender sealed under the
member's own key (the `fdk1:` text of the till's member_personal), and the push adds the key
beside them. Before the event is stored, `fd_take_member_key` moves the key into member_key
(the first key to arrive for a member is the member's, for good: a later or forged one is
dropped) and takes it out of the event, so neither change_event nor member holds a key and
neither holds the profile in the clear. Tills pulling the member get its key through
`fd_member_keys`, beside the sealed row, and keep the same key.

An erasure (a member event that says "erased") destroys the key here: every sealed copy of the
member — events, member rows, backups of either, every till that pulled them — is unreadable
from then on, and no later event can bring a key back (个人信息保护法 第四十七条). The blanking
of h0011/h0013 stays, for the rows a till sent in the clear before it carried keys.

A member whose profile head office still holds in the clear (sent before this revision) is
sealed by the next event a till sends for it.

Revision ID: h0023
Revises: h0022
"""

from __future__ import annotations

from alembic import op

from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0023"
down_revision = "h0022"
branch_labels = None
depends_on = None

KEY_FUNCTIONS = ["fd_member_keys(text[])"]

# A 256-bit AES key in base64, as the till's push writes it (persistence/member_keys.py).
_KEY_TEXT = "^[A-Za-z0-9+/]{43}=$"

_DDL = f"""
CREATE TABLE IF NOT EXISTS member_key (
    member_id text PRIMARY KEY,
    key bytea,  -- NULL once destroyed by the member's erasure
    from_till text NOT NULL,
    arrived_at timestamptz NOT NULL DEFAULT now(),
    erased_at timestamptz
);
REVOKE ALL ON member_key FROM PUBLIC;

CREATE OR REPLACE FUNCTION fd_take_member_key() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.payload ? 'key' THEN
        IF NEW.payload->>'key' ~ '{_KEY_TEXT}' THEN
            INSERT INTO member_key (member_id, key, from_till)
            VALUES (NEW.entity_id, decode(NEW.payload->>'key', 'base64'), NEW.till_id)
            ON CONFLICT (member_id) DO NOTHING;
        END IF;
        NEW.payload := NEW.payload - 'key';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS change_event_key ON change_event;
CREATE TRIGGER change_event_key BEFORE INSERT ON change_event
    FOR EACH ROW WHEN (NEW.kind = 'member') EXECUTE FUNCTION fd_take_member_key();

CREATE OR REPLACE FUNCTION fd_destroy_member_key() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO member_key AS k (member_id, key, from_till, erased_at)
    VALUES (NEW.entity_id, NULL, NEW.till_id, now())
    ON CONFLICT (member_id) DO UPDATE SET key = NULL, erased_at = coalesce(k.erased_at, now());
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS change_event_zerase_key ON change_event;
CREATE TRIGGER change_event_zerase_key AFTER INSERT ON change_event
    FOR EACH ROW WHEN (NEW.kind = 'member' AND NEW.payload ? 'erased')
    EXECUTE FUNCTION fd_destroy_member_key();

-- The keys of the members a pull brought, for the till that pulled them; NULL once erased.
CREATE OR REPLACE FUNCTION fd_member_keys(p_members text[])
RETURNS TABLE (member_id text, key text, erased boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM fd_caller_till();
    RETURN QUERY SELECT k.member_id, encode(k.key, 'base64'), k.key IS NULL
                   FROM member_key k WHERE k.member_id = ANY (p_members);
END $$;
"""


def upgrade() -> None:
    op.execute(_DDL)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(KEY_FUNCTIONS)} FROM PUBLIC")
    op.execute(
        "REVOKE EXECUTE ON FUNCTION fd_take_member_key(), fd_destroy_member_key() FROM PUBLIC"
    )
    op.execute(grant_to_pushers(KEY_FUNCTIONS))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
