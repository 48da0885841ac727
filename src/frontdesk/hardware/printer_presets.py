"""Presets for the receipt printers Chinese counters use: encoding, columns, cut and drawer.

Each is a `PaperProfile` the 设备 page offers by name beside the plain 58mm and 80mm ones:
佳博 Gprinter and 芯烨 Xprinter (their 58 mm models have no knife; Xprinter's fonts are GBK
only, so a GB18030-only sign is mapped), 商米 Sunmi's built-in printers, and Epson's TM-T82
(the China model, 80 mm, GB18030 and a partial cut).
"""

from __future__ import annotations

from frontdesk.hardware.escpos_receipt import PaperProfile

PRESETS: tuple[PaperProfile, ...] = (
    PaperProfile("佳博 Gprinter 58mm", 32, "gb18030", chinese_mode=True, cut="none"),
    PaperProfile("佳博 Gprinter 80mm", 48, "gb18030", chinese_mode=True, cut="feed_partial"),
    PaperProfile("芯烨 Xprinter 58mm", 32, "gbk", chinese_mode=True, cut="none"),
    PaperProfile("芯烨 Xprinter 80mm", 48, "gbk", chinese_mode=True, cut="feed_full"),
    PaperProfile("商米 Sunmi 58mm", 32, "gb18030", cut="none"),
    PaperProfile("商米 Sunmi 80mm", 48, "gb18030", cut="feed_partial"),
    PaperProfile("Epson TM-T82", 48, "gb18030", cut="feed_partial"),
)
