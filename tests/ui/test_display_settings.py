"""The 客显's port, speed and kind on the 设备 page, typed by keys, take effect when saved.

The real store, the real device file beside its database, a socat pty pair as the pole: before
the save nothing reaches the pty; after F2 the next price is on it, and after the kind is
changed to a two-line VFD and saved again, the next one comes as VFD lines.
"""

from __future__ import annotations

import os
import select
import time

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.app import TomlDeviceSettings, configured_display, devices_path
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.settings import DeviceSettingsPage
from tests.integration.devices.conftest import SocatPair, socat_pair
from tests.ui.real_store import RICE, WATER, RealStore

__all__ = ["socat_pair"]  # the pty pair fixture, used below


def _read(fd: int) -> bytes:
    time.sleep(0.2)
    data = b""
    while select.select([fd], [], [], 0.3)[0]:
        data += os.read(fd, 4096)
    return data


def test_the_display_port_saved_on_the_device_page_is_used_at_once(
    qtbot: QtBot, real_store: RealStore, socat_pair: SocatPair
) -> None:
    engine = real_store.till.engine
    backend = real_store.backend
    assert isinstance(backend, ServicesTillBackend)
    path = devices_path(engine)
    assert path is not None
    devices = TomlDeviceSettings(path)
    devices.apply_with(lambda: backend.use_display(configured_display(engine)))
    page = DeviceSettingsPage(devices)
    qtbot.addWidget(page)
    fd = os.open(socat_pair.scan, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        backend.add_product(RICE)
        assert _read(fd) == b""  # no display configured yet

        qtbot.keyClicks(page.display_port_edit, str(socat_pair.till))
        qtbot.keyClick(page.display_port_edit, Qt.Key.Key_F2)  # F2 保存
        backend.add_product(RICE)
        led = _read(fd)

        page.pole_combo.setFocus()
        qtbot.keyClick(page.pole_combo, Qt.Key.Key_Down)  # led → vfd
        qtbot.keyClick(page.pole_combo, Qt.Key.Key_F2)
        backend.add_product(WATER)
        vfd = _read(fd)
    finally:
        os.close(fd)
        backend.use_display(None)

    assert "customer display" in page.result_label.text() or "客显" in page.result_label.text()
    assert devices.load().display_port == str(socat_pair.till)
    assert led.startswith(b"\x1b@")
    assert b"\x1bs1\x1bQA89.00\r" in led  # the 单价 lamp with the rice's price
    assert devices.load().display_pole == "vfd"
    assert b"\x1bQA" in vfd
    assert "单价 ￥2.00".encode("gb18030") in vfd
