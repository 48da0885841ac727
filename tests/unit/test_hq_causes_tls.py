"""What verify-full refused, read from libpq's words: the CA, its file, or the name."""

from __future__ import annotations

import pytest

from frontdesk.sync.hq_causes import cause_key

HOST = 'connection to server at "127.0.0.1", port 5432 failed: '


@pytest.mark.parametrize(
    ("libpq", "key"),
    [
        (HOST + "SSL error: certificate verify failed", "hq_cause_tls_untrusted"),
        # "does not exist" here is the CA file's, not a database's.
        (HOST + 'root certificate file "/etc/hq/ca.crt" does not exist', "hq_cause_tls_ca_missing"),
        (
            HOST + 'server certificate for "127.0.0.1" does not match host name "localhost"',
            "hq_cause_tls_name",
        ),
        (HOST + 'database "fd" does not exist', "hq_cause_database"),
    ],
)
def test_each_tls_refusal_has_its_own_sentence(libpq: str, key: str) -> None:
    assert cause_key(Exception(libpq)) == key
