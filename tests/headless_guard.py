"""A pytest plugin that makes Qt unimportable, so the core's tests prove it runs without a screen.

`scripts/test` loads it with `-p tests.headless_guard -p no:pytest-qt` over the core's tests: a
till's rules, storage, devices and sync must work on a machine where PySide6 is not installed
(head office, a nightly sync job, a CI box). Any import of Qt from the core fails the run.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

_BLOCKED = ("PySide6", "shiboken6", "pytestqt")


class _NoQt(MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if fullname.split(".")[0] in _BLOCKED:
            raise ImportError(f"{fullname} is blocked: the core must run without Qt")
        return None


if any(name.split(".")[0] in _BLOCKED for name in sys.modules):
    raise RuntimeError("Qt was imported before the headless guard; load it with -p first")
sys.meta_path.insert(0, _NoQt())


def pytest_addoption(parser: pytest.Parser) -> None:
    # pytest-qt is switched off for this run, but pyproject.toml still sets its options and
    # --strict-config refuses unknown ones; declare them inert here.
    parser.addini("qt_api", "inert without pytest-qt")
    parser.addini("qt_log_level_fail", "inert without pytest-qt")
    parser.addini("qt_log_ignore", "inert without pytest-qt", type="linelist")
