"""SQL repositories over one open connection: each method is a few statements, no rules."""

from frontdesk.persistence.repositories.accounts import SqlAccounts
from frontdesk.persistence.repositories.audit import SqlApprovals, SqlAudit
from frontdesk.persistence.repositories.cards import SqlCards
from frontdesk.persistence.repositories.ledger import SqlLedger, entry_of, vars_of
from frontdesk.persistence.repositories.members import SqlMembers
from frontdesk.persistence.repositories.outbox import SqlOutbox
from frontdesk.persistence.repositories.products import SqlProducts
from frontdesk.persistence.repositories.settings import SqlSettings
from frontdesk.persistence.repositories.shifts import SqlShifts
from frontdesk.persistence.repositories.staff import SqlStaff
from frontdesk.persistence.repositories.tickets import SqlTickets

__all__ = [
    "SqlAccounts",
    "SqlApprovals",
    "SqlAudit",
    "SqlCards",
    "SqlLedger",
    "SqlMembers",
    "SqlOutbox",
    "SqlProducts",
    "SqlSettings",
    "SqlShifts",
    "SqlStaff",
    "SqlTickets",
    "entry_of",
    "vars_of",
]
