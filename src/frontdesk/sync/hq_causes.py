"""Why head office could not be reached, from psycopg's error, as a sentence of the catalogue.

libpq words its failures in English ("connection refused", "timeout expired"); a cashier reads
Chinese (or English with --lang en), never the driver's text. The driver's own line goes to the
log for whoever looks into it.
"""

from __future__ import annotations

import logging

from frontdesk.domain import messages

log = logging.getLogger(__name__)

# (catalogue key, SQLSTATEs, phrases of libpq's message), checked in order.
_CAUSES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    # TLS first: libpq's "root certificate file … does not exist" is no missing database.
    ("hq_cause_tls_ca_missing", (), ("root certificate file",)),
    ("hq_cause_tls_untrusted", (), ("certificate verify failed",)),
    ("hq_cause_tls_name", (), ("does not match host name",)),
    ("hq_cause_login", ("28P01", "28000"), ("password authentication", "authentication failed")),
    ("hq_cause_database", ("3D000",), ("does not exist",)),
    ("hq_cause_slow", ("57014",), ("statement timeout", "canceling statement")),
    ("hq_cause_refused", (), ("connection refused",)),
    ("hq_cause_host", (), ("translate host name", "name or service not known", "no address")),
    ("hq_cause_timeout", (), ("timeout expired", "timed out")),
    (
        "hq_cause_dropped",
        ("57P01", "08006"),
        ("server closed the connection", "consuming input failed", "connection reset", "eof"),
    ),
]


def cause_key(error: BaseException) -> str:
    raw = getattr(error, "orig", None) or error
    state = getattr(raw, "sqlstate", None) or ""
    text = str(raw).lower()
    for key, states, phrases in _CAUSES:
        if state in states or any(p in text for p in phrases):
            return key
    return "hq_cause_other"


def cause(error: BaseException) -> tuple[str, str]:
    """(Chinese, English) for why head office was not reached; the raw line is logged."""
    first = str(error).splitlines()[0] if str(error) else type(error).__name__
    log.warning("head office not reached: %s", first)
    s = messages.sentence(cause_key(error))
    return s.zh, s.en
