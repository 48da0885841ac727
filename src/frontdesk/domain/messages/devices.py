"""Sentences of counter hardware and the installed product.

Customer display, scales, printer presets, logs.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    # What the receipt printer told the till (services/printing.PrinterFault).
    "notice_printer_offline": Sentence(
        "打印机未连接，小票已保存，恢复后自动补打",
        "The printer is not connected; the receipt is saved and prints when it is back",
    ),
    "notice_printer_timeout": Sentence(
        "打印机无响应（超时），小票已保存，恢复后自动补打",
        "The printer did not answer (timeout); the receipt is saved and prints when it is back",
    ),
    "notice_printer_paper_out": Sentence(
        "打印机缺纸，请装纸；小票已保存，装纸后自动补打",
        "The printer is out of paper: load paper; the receipt is saved and prints after that",
    ),
    "notice_printer_no_status": Sentence(
        "打印机未回报状态，小票可能未打印；已保存，恢复后自动补打",
        "The printer reported no status, so the receipt may not have printed; it is saved and "
        "prints when the printer is back",
    ),
    "notice_printer_no_usb": Sentence(
        "未安装USB打印支持（pyusb），请改用网口或串口",
        "USB printing support (pyusb) is not installed: use a network or serial printer",
    ),
    "notice_printer_not_windows": Sentence(
        "Windows 打印机（win32raw）只能在 Windows 收银台上使用，请改用网口、串口或 USB",
        "A Windows printer (win32raw) works only on a Windows till: use a network, serial or "
        "USB printer",
    ),
    "notice_printer_no_pywin32": Sentence(
        "未安装 Windows 打印支持（pywin32），请安装后重试，或改用网口、串口",
        "Windows printing support (pywin32) is not installed: install it and retry, or use a "
        "network or serial printer",
    ),
    "notice_printer_pdf_unsaved": Sentence(
        "无法保存PDF小票：{reason}", "The PDF receipt could not be saved: {reason}"
    ),
    # The window's crash dialog (ui/crash.py).
    "window_failed_title": Sentence("程序出错", "Something went wrong"),
    "window_failed": Sentence(
        "收银程序遇到意外错误，已记录错误报告：{report}。已结账的交易不受影响，可以继续收银；"
        "如再次出现，请联系技术支持并提供该报告",
        "The till hit an unexpected error and wrote a report: {report}. Completed sales are "
        "not affected and you can carry on; if it happens again, send the report to support",
    ),
    "window_failed_ticket_held": Sentence(
        "未结账的商品已挂单保存（{held_no} 号），按 Ctrl+Q 取单即可继续",
        "The open ticket was held as No. {held_no}; press Ctrl+Q to recall it",
    ),
}
