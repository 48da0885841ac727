"""Qt test setup: offscreen before any QApplication, the gui marker, fonts and language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt creates the QApplication

import pytest
from PySide6.QtWidgets import QApplication

from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.i18n import Translations, default_resources, register_fonts
from frontdesk.ui.scanning import ScanHub, WedgeScanFilter
from tests.ui.real_store import RealStore, real_store, store_template

__all__ = ["real_store", "store_template"]

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def till_application(qapp: QApplication) -> Iterator[Translations]:
    register_fonts(qapp, default_resources())
    translations = Translations(default_resources())
    translations.install(qapp, "zh_CN")
    yield translations
    translations.install(qapp, "zh_CN")


@pytest.fixture
def zh(till_application: Translations, qapp: QApplication) -> None:
    till_application.install(qapp, "zh_CN")


@pytest.fixture
def en(till_application: Translations, qapp: QApplication) -> Iterator[None]:
    till_application.install(qapp, "en")
    yield
    till_application.install(qapp, "zh_CN")


@pytest.fixture
def backend(real_store: RealStore) -> ServicesTillBackend:
    """The window's port over the real services on this test's own copy of the store."""
    return real_store.backend


@pytest.fixture
def hub(qapp: QApplication) -> Iterator[ScanHub]:
    scan_hub = ScanHub()
    yield scan_hub
    scan_hub.deleteLater()


@pytest.fixture
def wedge(qapp: QApplication, hub: ScanHub) -> Iterator[WedgeScanFilter]:
    """A keyboard-wedge scanner's filter, app-wide, feeding the test's hub."""
    scan_filter = WedgeScanFilter(hub)
    qapp.installEventFilter(scan_filter)
    yield scan_filter
    qapp.removeEventFilter(scan_filter)
    scan_filter.deleteLater()
