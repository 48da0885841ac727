"""The audit trail and recorded approvals."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Unpack

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection

from frontdesk.persistence import prepared as pr
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.record_seal import ChainHeads, seal_audit
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.services.ports import AuditFields
from frontdesk.services.records import Approval, AuditEntry

# The next number of this till's audit trail and its link are taken from the chain's head.
_ADD_AUDIT = pr.Prepared(insert(t.audit_log))
# json.dumps(detail, ensure_ascii=False, sort_keys=True), without a new encoder on every row.
_DETAIL = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


class SqlAudit(SqlRepository):
    def __init__(self, conn: Connection, till_id: str, heads: ChainHeads | None = None) -> None:
        super().__init__(conn)
        self.till_id = till_id
        self._heads = heads

    def add(self, *, at: datetime, actor: str, action: str, **more: Unpack[AuditFields]) -> None:
        row = {
            "till_id": self.till_id,
            "audit_id": str(uuid.uuid4()),
            "at": at.isoformat(),
            "actor": actor,
            "approver": more.get("approver"),
            "action": action,
            "subject": more.get("subject"),
            "amount": more.get("amount"),
            "outcome": more.get("outcome", "ok"),
            "detail": _DETAIL(more.get("detail") or {}),
        }
        heads = self._heads or ChainHeads(self.conn, self.till_id)
        pr.execute(self.conn, _ADD_AUDIT, seal_audit(heads, row))

    def recent(self, limit: int = 200, action: str | None = None) -> list[AuditEntry]:
        q = select(t.audit_log).where(t.audit_log.c.till_id == self.till_id)
        if action is not None:
            q = q.where(t.audit_log.c.action == action)
        q = q.order_by(t.audit_log.c.seq.desc()).limit(limit)
        return [rows.to_audit(r, json.loads(r.detail)) for r in self.conn.execute(q)]

    def since(self, at: datetime) -> list[AuditEntry]:
        q = (
            select(t.audit_log)
            .where(and_(t.audit_log.c.till_id == self.till_id, t.audit_log.c.at >= at.isoformat()))
            .order_by(t.audit_log.c.seq)
        )
        return [rows.to_audit(r, json.loads(r.detail)) for r in self.conn.execute(q)]


class SqlApprovals(SqlRepository):
    def add(self, a: Approval) -> None:
        self.conn.execute(
            insert(t.approval).values(
                approval_id=a.approval_id,
                action=a.action,
                subject=a.subject,
                amount=a.amount,
                manager=a.manager,
                created_at=a.created_at.isoformat(),
                used_at=None,
                operator=a.operator,
            )
        )

    def get(self, approval_id: str) -> Approval | None:
        r = self.conn.execute(
            select(t.approval).where(t.approval.c.approval_id == approval_id)
        ).first()
        if r is None:
            return None
        return Approval(
            r.approval_id,
            r.action,
            r.subject,
            r.amount,
            r.manager,
            rows.must_dt(r.created_at),
            rows.dt(r.used_at),
            r.operator,
        )

    def mark_used(self, approval_id: str, at: datetime) -> bool:
        done = self.conn.execute(
            update(t.approval)
            .where(and_(t.approval.c.approval_id == approval_id, t.approval.c.used_at.is_(None)))
            .values(used_at=at.isoformat())
        )
        return done.rowcount == 1
