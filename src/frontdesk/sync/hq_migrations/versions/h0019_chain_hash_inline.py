"""The ticket and audit chain checks hash each record from its columns (5 s of a 2,300-ticket push).

h0009 hashed a staged record by building a jsonb of it and calling fd_json_values, a SQL
function with an aggregate (never inlined, planned per call) for each record, line and tender:
0.35 ms a call, 13,000 calls for a till-day's tickets. The canonical text is now written out
column by column, the same jsonb text of each value in the same order (every pushed till's
records, hashed by the domain, still check), and each ticket's lines and tenders are
joined to it once grouped.

Revision ID: h0019
Revises: h0018
"""

from __future__ import annotations

from alembic import op

from frontdesk.domain.record_chain import (
    AUDIT_FIELDS,
    LINE_FIELDS,
    LINE_MANUAL_FIELDS,
    TENDER_FIELDS,
    TICKET_FIELDS,
)

revision = "h0019"
down_revision = "h0018"
branch_labels = None
depends_on = None


def _values(alias: str, fields: tuple[str, ...]) -> str:
    """h0009's fd_json_values(to_jsonb(alias), fields), written out column by column.

    The same jsonb text of each value, without building a document to look each field up in.
    """
    return " || ',' || ".join(f"coalesce(to_jsonb({alias}.{f})::text, 'null')" for f in fields)


def _digest(body: str) -> str:
    return f"encode(sha256(convert_to({body}, 'UTF8')), 'hex')"


# h0009's chain check, the same problems in the same order, its hashes (fd_ticket_hash,
# fd_audit_hash) computed inline: each ticket's lines and tenders are grouped once (they were
# looked for in the staging tables per ticket, quadratic in the batch) and each value is read
# from its column (fd_json_values built a jsonb per record and planned a query per call, 0.35 ms
# a record: most of a ticket push).
_TICKET_DIGEST = _digest(
    "'[' || to_json(me)::text || ',' || s.seq::text || ',' || "
    + _values("s", TICKET_FIELDS)
    + " || ',[' || coalesce(l.rows, '') || '],[' || coalesce(x.rows, '') || '],'"
    " || to_json(s.prev_hash)::text || ']'"
)
_AUDIT_DIGEST = _digest(
    "'[' || to_json(me)::text || ',' || s.seq::text || ',' || "
    + _values("s", AUDIT_FIELDS)
    + " || ',' || to_json(s.prev_hash)::text || ']'"
)
# h0016: the cashier's hand (改价, 单品折扣, 整单折扣) after the other fields, only on a line
# where one is set, so every line sealed before keeps its hash.
_LINE_MANUAL = (
    "CASE WHEN "
    + " OR ".join(f"s.{f} IS NOT NULL" for f in LINE_MANUAL_FIELDS)
    + " THEN ',' || "
    + _values("s", LINE_MANUAL_FIELDS)
    + " ELSE '' END"
)
_CHAIN_PROBLEMS = f"""
CREATE OR REPLACE FUNCTION fd_chain_problems(me text, p_chain text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    h till_chain_head := fd_chain_head(me, p_chain);
    problems jsonb;
BEGIN
    WITH lines AS (
        SELECT s.ticket_id,
               string_agg('[' || {_values("s", LINE_FIELDS)} || {_LINE_MANUAL} || ']', ','
                          ORDER BY s.line_no) AS rows
          FROM pg_temp.fd_stage_line s WHERE p_chain = 'ticket' GROUP BY s.ticket_id
    ), tenders AS (
        SELECT s.ticket_id,
               string_agg('[' || {_values("s", TENDER_FIELDS)} || ']', ',' ORDER BY s.idx) AS rows
          FROM pg_temp.fd_stage_tender s WHERE p_chain = 'ticket' GROUP BY s.ticket_id
    ), links AS (
        SELECT s.seq, s.prev_hash, s.hash, {_TICKET_DIGEST} AS computed,
               (SELECT t.hash FROM ticket t WHERE t.till_id = me AND t.seq = s.seq) AS held,
               s.receipt_no AS name
          FROM pg_temp.fd_stage_ticket s
          LEFT JOIN lines l ON l.ticket_id = s.ticket_id
          LEFT JOIN tenders x ON x.ticket_id = s.ticket_id
         WHERE p_chain = 'ticket'
        UNION ALL
        SELECT s.seq, s.prev_hash, s.hash, {_AUDIT_DIGEST},
               (SELECT a.hash FROM audit_log a WHERE a.till_id = me AND a.seq = s.seq),
               s.action
          FROM pg_temp.fd_stage_audit s WHERE p_chain = 'audit'
    ), fresh AS (
        SELECT s.*, lag(s.seq) OVER w AS before_seq, lag(s.hash) OVER w AS before_hash
          FROM links s WHERE s.seq > h.seq WINDOW w AS (ORDER BY s.seq)
    ), found AS (
        SELECT NULL::bigint AS seq, 'unsealed' AS code, format('%s %s: no link', p_chain, s.name)
               AS detail
          FROM links s WHERE s.seq IS NULL OR s.hash IS NULL OR s.prev_hash IS NULL
        UNION ALL
        SELECT s.seq, 'changed', format('%s#%s %s: differs from the one head office holds',
                                        p_chain, s.seq, s.name)
          FROM links s
         WHERE s.seq <= h.seq AND (s.held IS DISTINCT FROM s.hash OR s.computed <> s.hash)
        UNION ALL
        SELECT f.seq, 'wrong_seq', format('%s: sequence gap, expected %s, found %s',
                                          p_chain, coalesce(f.before_seq, h.seq) + 1, f.seq)
          FROM fresh f WHERE f.seq <> coalesce(f.before_seq, h.seq) + 1
        UNION ALL
        SELECT f.seq, 'wrong_link', format('%s#%s %s: previous hash does not match', p_chain,
                                           f.seq, f.name)
          FROM fresh f WHERE f.prev_hash IS DISTINCT FROM coalesce(f.before_hash, h.hash)
        UNION ALL
        SELECT f.seq, 'wrong_hash', format('%s#%s %s: content does not match its hash', p_chain,
                                           f.seq, f.name)
          FROM fresh f WHERE f.computed IS DISTINCT FROM f.hash
        UNION ALL
        -- Lines and tenders come only with their ticket: none may be added to one already in.
        SELECT NULL, 'loose_rows', format('ticket %s: lines or tenders without their ticket',
                                          x.ticket_id)
          FROM (SELECT ticket_id FROM pg_temp.fd_stage_line
                UNION SELECT ticket_id FROM pg_temp.fd_stage_tender) x
         WHERE p_chain = 'ticket'
           AND x.ticket_id NOT IN (SELECT ticket_id FROM pg_temp.fd_stage_ticket)
    )
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'seq', seq, 'code', p_chain || '_' || code, 'detail', detail)
               ORDER BY seq, code), '[]')
      INTO problems FROM found;
    RETURN problems;
END $$;
"""


# The moved tickets and audit rows take their links in the insert itself (fd_move_chain_head
# then finds none left to update; it rewrote every row of the batch). Rewritten from the
# function's own definition, as h0015 does; a definition without these exact lines keeps the
# update, which gives the same rows.
_LINKED_INSERTS = """
DO $$
DECLARE
    body text := pg_get_functiondef(to_regprocedure('fd_push_rows_unchained(text, bigint)'));
BEGIN
    IF position('offline, note, seq, prev_hash, hash' IN body) > 0 THEN
        RETURN;
    END IF;
    body := replace(body, E'upgraded_to, offline, note)\n',
                    E'upgraded_to, offline, note, seq, prev_hash, hash)\n');
    body := replace(body, E'upgraded_to, offline, note\n              FROM pg_temp.fd_stage_ticket',
                    E'upgraded_to, offline, note, seq, prev_hash, hash\n'
                    '              FROM pg_temp.fd_stage_ticket');
    body := replace(body, E'amount, outcome, detail)\n',
                    E'amount, outcome, detail, prev_hash, hash)\n');
    body := replace(body, E'amount, outcome, detail\n          FROM pg_temp.fd_stage_audit',
                    E'amount, outcome, detail, prev_hash, hash\n'
                    '          FROM pg_temp.fd_stage_audit');
    EXECUTE body;
END $$;
"""


def upgrade() -> None:
    op.execute(_CHAIN_PROBLEMS)
    op.execute(_LINKED_INSERTS)
    op.execute("REVOKE EXECUTE ON FUNCTION fd_chain_problems(text, text) FROM PUBLIC")


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
