"""Suite-wide test setup: hypothesis profiles, no OS keyring, the gui marker for Qt tests."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# `dev` keeps the inner loop quick; `ci` (set by scripts/test) runs the ledger properties long
# enough to find the rare basket. Tests that need a floor of their own ask for it with
# `settings(max_examples=max(N, settings().max_examples))`.
settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# No OS keyring in tests, in this process and in every CLI it starts: the head-office password
# stays in the till's 0600 file, as on a till without one (test_hq_credentials pins its own).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

_QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # By fixture as well as by folder (tests/ui marks its own), so `-m "not gui"` also skips
    # a Qt test that lives beside the core's tests.
    for item in items:
        if _QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
