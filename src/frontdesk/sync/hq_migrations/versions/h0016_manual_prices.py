"""Ticket lines arrive with the cashier's hand: 改价, 单品折扣 and 整单折扣 (till migration 0012).

Head office's ticket lines get the three columns, a push stages and moves them, and the ticket
chain hashes them as the till does (domain/record_chain.py: after the other fields, and only on
a line where one is set, so every ticket sealed before keeps its hash). Written to be run
again: ADD COLUMN IF NOT EXISTS, CREATE OR REPLACE, the staging columns set, not appended.

Revision ID: h0016
Revises: h0015
"""

from __future__ import annotations

from alembic import op

from frontdesk.domain.record_chain import LINE_FIELDS, LINE_MANUAL_FIELDS, TENDER_FIELDS
from frontdesk.domain.record_chain import TICKET_FIELDS as _TICKET
from frontdesk.sync.hq_migrations.versions.h0013_card_return import STAGES as _BEFORE

revision = "h0016"
down_revision = "h0015"
branch_labels = None
depends_on = None

_MANUAL = ", ".join(LINE_MANUAL_FIELDS)
STAGES = {**_BEFORE, "line": (_BEFORE["line"][0], _BEFORE["line"][1] + ", " + _MANUAL)}


def _array(fields: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{f}'" for f in fields) + "]"


_ANY_MANUAL = " OR ".join(f"(l ->> '{f}') IS NOT NULL" for f in LINE_MANUAL_FIELDS)
_SET_MANUAL = ", ".join(f"{f} = s.{f}" for f in LINE_MANUAL_FIELDS)
_NONE_YET = " AND ".join(f"l.{f} IS NULL" for f in LINE_MANUAL_FIELDS)

_DDL = f"""
ALTER TABLE ticket_line ADD COLUMN IF NOT EXISTS list_price bigint,
    ADD COLUMN IF NOT EXISTS line_discount bigint,
    ADD COLUMN IF NOT EXISTS ticket_discount bigint;

CREATE OR REPLACE FUNCTION fd_ticket_hash(me text, seq bigint, tk jsonb, lines jsonb, tenders jsonb,
                               prev text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(
        '[' || to_json(me)::text || ',' || seq::text
        || ',' || fd_json_values(tk, {_array(_TICKET)})
        || ',[' || coalesce((SELECT string_agg('[' || fd_json_values(l, {_array(LINE_FIELDS)})
                                               || CASE WHEN {_ANY_MANUAL}
                                                  THEN ',' || fd_json_values(
                                                      l, {_array(LINE_MANUAL_FIELDS)})
                                                  ELSE '' END
                                               || ']', ',' ORDER BY (l ->> 'line_no')::int)
                               FROM jsonb_array_elements(lines) l), '')
        || '],[' || coalesce((SELECT string_agg('[' || fd_json_values(x, {_array(TENDER_FIELDS)})
                                                || ']', ',' ORDER BY (x ->> 'idx')::int)
                                FROM jsonb_array_elements(tenders) x), '')
        || '],' || to_json(prev)::text || ']', 'UTF8')), 'hex')
$$;

-- After a ticket push passed its chain check and moved: its lines keep the cashier's hand too
-- (the move, from before these columns, copies the others).
CREATE OR REPLACE FUNCTION fd_move_chain_head(me text, p_chain text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE top record;
BEGIN
    IF p_chain = 'ticket' THEN
        UPDATE ticket t SET seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
          FROM pg_temp.fd_stage_ticket s
         WHERE t.ticket_id = s.ticket_id AND t.till_id = me AND t.hash IS NULL;
        UPDATE ticket_line l SET {_SET_MANUAL}
          FROM pg_temp.fd_stage_line s
         WHERE l.till_id = me AND l.ticket_id = s.ticket_id AND l.line_no = s.line_no
           AND {_NONE_YET};
        SELECT s.seq, s.hash INTO top FROM pg_temp.fd_stage_ticket s ORDER BY s.seq DESC LIMIT 1;
    ELSE
        UPDATE audit_log a SET prev_hash = s.prev_hash, hash = s.hash
          FROM pg_temp.fd_stage_audit s
         WHERE a.till_id = me AND a.seq = s.seq AND a.hash IS NULL;
        SELECT s.seq, s.hash INTO top FROM pg_temp.fd_stage_audit s ORDER BY s.seq DESC LIMIT 1;
    END IF;
    IF top.seq IS NOT NULL THEN
        INSERT INTO till_chain_head (till_id, chain, seq, hash)
        VALUES (me, p_chain, top.seq, top.hash)
        ON CONFLICT (till_id, chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash,
            acknowledged_at = now()
        WHERE till_chain_head.seq < EXCLUDED.seq;
    END IF;
END $$;
"""


def upgrade() -> None:
    op.execute(_DDL)
    columns = STAGES["line"][1]
    op.execute(f"UPDATE fd_stage_tables SET columns = '{columns}' WHERE stage = 'fd_stage_line'")


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
