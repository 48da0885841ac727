"""客显 over a socat pty pair: a real sale at the till, decoded from the bytes the pole receives."""

from __future__ import annotations

import os
import re
import select
import time
import tomllib
from pathlib import Path

from frontdesk.domain import customer_display as shown
from frontdesk.domain.customer_display import Pole, frames
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput
from frontdesk.domain.receipt import Tender, TenderKind
from frontdesk.hardware.config import config_from_mapping, config_to_toml
from frontdesk.hardware.customer_display import DisplaySettings, SerialCustomerDisplay
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import TicketDraft
from tests.integration.core_fixtures import RICE, WATER, Till
from tests.integration.devices.conftest import SocatPair

LED = re.compile(rb"\x1bs([0-4])\x1bQA(-?[0-9]+\.[0-9]{2})\r")
LAMPS = {b"1": "单价", b"2": "合计", b"3": "收款", b"4": "找零"}


def test_a_sale_shows_each_price_the_total_what_was_paid_and_the_change(
    till: Till, socat_pair: SocatPair
) -> None:
    fd = os.open(socat_pair.scan, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)  # the pole listens
    display = SerialCustomerDisplay(DisplaySettings(port=str(socat_pair.till)))
    backend = ServicesTillBackend(till.ctx, receipt_text=lambda receipt: [], display=display)
    backend.login("1001", "1001")

    rice, water = backend.add_product(RICE), backend.add_product(WATER)
    draft = TicketDraft(lines=(LineInput(rice, 1), LineInput(water, 2)))
    backend.price(draft)
    backend.checkout(draft, [Tender(TenderKind.CASH, Fen.of("100.00"))], None)
    time.sleep(0.2)
    data = b""
    while select.select([fd], [], [], 0.5)[0]:
        data += os.read(fd, 4096)
    os.close(fd)
    display.close_port()

    assert data.startswith(b"\x1b@")  # initialised once, when the port opened
    assert [(LAMPS[lamp], amount.decode()) for lamp, amount in LED.findall(data)] == [
        ("单价", "89.00"),
        ("单价", "2.00"),
        ("合计", "93.00"),
        ("收款", "100.00"),
        ("找零", "7.00"),
    ]


def test_a_two_line_vfd_gets_its_lines_in_gb18030_cut_to_20_cells() -> None:
    data = frames(shown.item("五常大米 5kg 特级长粒香稻花香", Fen(8900)), Pole.VFD)

    upper, lower = re.fullmatch(rb"\x1bQA(.*)\r\x1bQB(.*)\r", data, re.S).groups()  # type: ignore[union-attr]
    assert upper.decode("gb18030") == "五常大米 5kg 特级长"  # 19 bytes: no half character
    assert lower.decode("gb18030") == "单价 ￥89.00"
    assert len(upper) <= 20
    assert len(lower) <= 20


def test_more_than_the_pole_holds_is_never_shown_as_a_smaller_number() -> None:
    assert shown.number(Fen(123_456_789)) == b"999999.99"
    assert shown.number(Fen(-250)) == b"-2.50"


def test_the_display_is_a_device_setting_that_round_trips() -> None:
    config = config_from_mapping({"display": {"port": "/dev/ttyUSB1", "pole": "vfd"}})

    assert config.display == DisplaySettings(port="/dev/ttyUSB1", pole="vfd")
    assert config_from_mapping(tomllib.loads(config_to_toml(config))).display == config.display


def test_a_display_that_is_gone_never_fails_the_sale(till: Till, tmp_path: Path) -> None:
    display = SerialCustomerDisplay(DisplaySettings(port=str(tmp_path / "no-such-port")))
    backend = ServicesTillBackend(till.ctx, receipt_text=lambda receipt: [], display=display)
    backend.login("1001", "1001")

    product = backend.add_product(RICE)
    result = backend.checkout(
        TicketDraft(lines=(LineInput(product, 1),)), [Tender(TenderKind.CASH, Fen(8900))], None
    )

    assert result.done.change == Fen(0)
