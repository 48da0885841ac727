"""Set-up checks a technician runs from the settings screen: scan once, print a test receipt."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import serial

from frontdesk.domain.money import ZERO
from frontdesk.domain.scan import ScanRefused, classify
from frontdesk.hardware.escpos_printer import EscposReceiptPrinter, PrinterConnection
from frontdesk.hardware.escpos_receipt import PaperProfile
from frontdesk.hardware.framing import FrameAssembler
from frontdesk.hardware.sample_receipts import sale
from frontdesk.hardware.serial_scanner import ScannerSettings
from frontdesk.services.printing import PrinterFault


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    message: str  # Chinese, for the technician
    detail: str = ""


def test_scan(settings: ScannerSettings, timeout: float) -> CheckResult:
    """Open the port and wait for one frame; say what it was."""
    try:
        port = serial.serial_for_url(
            settings.port,
            baudrate=settings.baudrate,
            bytesize=settings.bytesize,
            parity=settings.parity,
            stopbits=settings.stopbits,
            timeout=0.1,
        )
    except (serial.SerialException, OSError, ValueError) as exc:
        return CheckResult(False, f"无法打开扫描枪端口 {settings.port}", str(exc))
    assembler = FrameAssembler(settings.framing)
    deadline = time.monotonic() + timeout
    try:
        with port:
            while time.monotonic() < deadline:
                frames = assembler.feed(port.read(64), time.monotonic())
                if frames and frames[0].too_long:
                    limit = settings.framing.max_frame
                    return CheckResult(
                        False, f"收到超过 {limit} 字节仍无结束符的数据，请检查结束符设置"
                    )
                if frames:
                    return _describe(frames[0].data, frames[0].framed)
    except (serial.SerialException, OSError) as exc:
        return CheckResult(False, "扫描枪已断开", str(exc))
    return CheckResult(False, f"{timeout:g} 秒内未收到条码，请检查波特率和结束符设置")


def _describe(data: bytes, framed: bool) -> CheckResult:
    text = data.decode("ascii", errors="replace")
    if not framed:
        return CheckResult(False, "收到数据，但前缀/后缀与设置不符", text)
    try:
        scan = classify(text)
    except ScanRefused as refused:
        return CheckResult(False, refused.message, text)
    kinds = {"member_card": "会员卡", "product": "商品条码", "receipt_number": "小票号"}
    return CheckResult(True, f"扫描正常：{kinds[scan.kind.value]} {scan.code}", scan.code)


def test_print(connection: PrinterConnection, paper: PaperProfile) -> CheckResult:
    """Print the sample sale marked 重印 so nobody takes it for a sale; no tender, no drawer."""
    receipt = replace(
        sale().as_reprint(), tenders=(), change=ZERO, text_lines=("*** 打印测试，非销售凭证 ***",)
    )
    try:
        EscposReceiptPrinter(connection, paper).print(receipt)
    except PrinterFault as fault:
        return CheckResult(False, fault.message)
    return CheckResult(True, f"测试小票已发送（{paper.name}，{paper.columns}列，{paper.encoding}）")
