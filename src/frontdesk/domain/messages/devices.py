"""Sentences of counter hardware and the installed product.

Customer display, scales, printer presets, logs.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
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
