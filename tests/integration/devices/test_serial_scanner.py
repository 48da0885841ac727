"""A real pyserial reader on a socat pty pair, as a USB-CDC or RS-232 scanner would be seen."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from frontdesk.domain.scan import Scan, ScanKind
from frontdesk.hardware.framing import Framing, Terminator
from frontdesk.hardware.serial_scanner import (
    CONNECTED,
    DISCONNECTED,
    DOUBLE_READ,
    PARTIAL_DROPPED,
    ScannerSettings,
    SerialScanner,
)
from tests.integration.devices.conftest import SocatPair, wait_until

CARD = "800101000045102"
EAN13 = "6901234567892"


@dataclass
class Till:
    """What the till sees of the scanner: accepted scans and status texts, in order."""

    scans: queue.Queue[Scan] = field(default_factory=queue.Queue)
    statuses: list[str] = field(default_factory=list)

    def next_scan(self, timeout: float = 10.0) -> Scan:
        return self.scans.get(timeout=timeout)

    def saw(self, status: str) -> bool:
        return any(status in s for s in self.statuses)


def settings_for(
    pair: SocatPair, terminator: Terminator = Terminator.CR, **kw: float
) -> ScannerSettings:
    return ScannerSettings(
        port=str(pair.till),
        baudrate=9600,
        framing=Framing(terminator=terminator, partial_timeout=kw.get("partial_timeout", 0.5)),
        duplicate_window=kw.get("duplicate_window", 1.0),
        reconnect_first=0.05,
        reconnect_max=0.5,
    )


@pytest.fixture
def till() -> Till:
    return Till()


def run_scanner(settings: ScannerSettings, till: Till) -> SerialScanner:
    return SerialScanner(settings, on_scan=till.scans.put, on_status=till.statuses.append)


@pytest.fixture
def scanner_cr(socat_pair: SocatPair, till: Till) -> Iterator[SerialScanner]:
    with run_scanner(settings_for(socat_pair), till) as scanner:
        assert wait_until(lambda: scanner.connected)
        yield scanner


def test_a_card_framed_with_cr_at_9600_8n1_arrives_classified(
    socat_pair: SocatPair, till: Till, scanner_cr: SerialScanner
) -> None:
    socat_pair.write(f"{CARD}\r".encode())

    scan = till.next_scan()

    assert scan == Scan(ScanKind.MEMBER_CARD, CARD)
    assert till.saw(CONNECTED)


def test_frames_ended_with_crlf_arrive_one_each(socat_pair: SocatPair, till: Till) -> None:
    settings = settings_for(socat_pair, Terminator.CRLF)

    with run_scanner(settings, till) as scanner:
        assert wait_until(lambda: scanner.connected)
        socat_pair.write(f"{EAN13}\r\n{CARD}\r\n".encode())
        first, second = till.next_scan(), till.next_scan()

    assert (first.kind, first.code) == (ScanKind.PRODUCT, EAN13)
    assert (second.kind, second.code) == (ScanKind.MEMBER_CARD, CARD)
    assert till.scans.empty()


def test_a_frame_split_across_two_writes_is_reassembled(
    socat_pair: SocatPair, till: Till, scanner_cr: SerialScanner
) -> None:
    socat_pair.write(b"69012")
    assert wait_until(lambda: scanner_cr._assembler.pending == b"69012")
    socat_pair.write(b"34567892\r")

    scan = till.next_scan()

    assert scan.code == EAN13


def test_garbage_is_refused_with_a_status_and_the_next_scan_still_works(
    socat_pair: SocatPair, till: Till, scanner_cr: SerialScanner
) -> None:
    socat_pair.write(b"\x8f\xff\x01zz\r")
    assert wait_until(lambda: till.saw("无法识别的条码"))
    socat_pair.write(f"{CARD}\r".encode())

    scan = till.next_scan()

    assert scan.code == CARD
    assert till.scans.empty()


def test_a_partial_frame_that_goes_quiet_is_dropped_not_glued_to_the_next(
    socat_pair: SocatPair, till: Till
) -> None:
    with run_scanner(settings_for(socat_pair, partial_timeout=0.1), till) as scanner:
        assert wait_until(lambda: scanner.connected)
        socat_pair.write(b"80010100")
        assert wait_until(lambda: till.saw(PARTIAL_DROPPED))
        socat_pair.write(f"{EAN13}\r".encode())
        scan = till.next_scan()

    assert scan.code == EAN13


def test_a_line_that_never_ends_is_dropped_with_a_status_and_the_next_scan_reads(
    socat_pair: SocatPair, till: Till, scanner_cr: SerialScanner
) -> None:
    socat_pair.write(b"A" * 4096)  # a scanner set to the wrong terminator, or line noise
    assert wait_until(lambda: till.saw("收到超长数据"))
    socat_pair.write(f"\r{EAN13}\r".encode())

    scan = till.next_scan()

    assert scan.code == EAN13
    assert till.scans.empty()


def test_the_same_code_twice_within_the_window_is_read_once(
    socat_pair: SocatPair, till: Till, scanner_cr: SerialScanner
) -> None:
    socat_pair.write(f"{CARD}\r{CARD}\r{EAN13}\r".encode())

    first, second = till.next_scan(), till.next_scan()

    assert [first.code, second.code] == [CARD, EAN13]
    assert till.scans.empty()


def test_a_second_scan_of_the_same_product_a_moment_later_is_read(
    socat_pair: SocatPair, till: Till, scanner_cr: SerialScanner
) -> None:
    # The old one-second window (still in saved device files) dropped the second bottle.
    socat_pair.write(f"{EAN13}\r".encode())
    first = till.next_scan()
    time.sleep(DOUBLE_READ + 0.15)  # a cashier passing the next bottle: still under a second
    socat_pair.write(f"{EAN13}\r".encode())

    assert [first.code, till.next_scan().code] == [EAN13, EAN13]


def test_unplugging_reports_disconnected_and_the_reader_comes_back_after_replug(
    socat_pair: SocatPair, till: Till, scanner_cr: SerialScanner
) -> None:
    socat_pair.unplug()
    assert wait_until(lambda: till.saw(DISCONNECTED))
    assert not scanner_cr.connected
    socat_pair.plug()
    assert wait_until(lambda: scanner_cr.connected)

    socat_pair.write(f"{CARD}\r".encode())
    scan = till.next_scan()

    assert scan.code == CARD
    assert till.statuses.count(CONNECTED) == 2
