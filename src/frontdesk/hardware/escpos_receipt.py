"""Receipt → ESC/POS bytes for 58 mm and 80 mm thermal printers, with Chinese encoded raw."""

from __future__ import annotations

from dataclasses import dataclass

from escpos.image import EscposImage
from escpos.printer import Dummy

from frontdesk.domain.receipt import Receipt
from frontdesk.hardware import cells
from frontdesk.hardware.barcode_image import code128_image
from frontdesk.hardware.receipt_layout import (
    Align,
    Barcode,
    Block,
    Item,
    Pair,
    Rule,
    Text,
    Title,
    receipt_blocks,
)

INIT = b"\x1b@"
CHINESE_MODE_ON = b"\x1c&"  # FS &: some printers boot in single-byte mode and need this first
BOLD_ON, BOLD_OFF = b"\x1bE\x01", b"\x1bE\x00"
DOUBLE_HEIGHT_ON, SIZE_NORMAL = b"\x1d!\x01", b"\x1d!\x00"
FEED_AND_CUT = b"\x1bd\x06\x1dV\x00"  # what python-escpos cut() sends: feed past the knife, cut
RASTER_IMAGE = b"\x1dv0\x00"  # GS v 0, normal density; width in bytes and height follow
DRAWER_KICK = b"\x1bp\x00\x32\x32"  # ESC p, pin 2, 100 ms on / 100 ms off
# How the models in use cut and kick: the printer presets name these (hardware/printer_presets).
CUTS = {
    "feed_full": FEED_AND_CUT,
    "feed_partial": b"\x1bd\x06\x1dV\x01",  # GS V 1: partial cut, a tab holds the slip
    "none": b"\x1bd\x06",  # no knife: feed past the tear bar
}
DRAWERS = {
    "pin2": DRAWER_KICK,
    "pin5": b"\x1bp\x01\x32\x32",  # ESC p on pin 5 (a second drawer, some Sunmi stands)
}

# Signs that printers' GB fonts lack or print as junk, mapped before encoding.
_SUBSTITUTES = str.maketrans({"¥": "￥", "\u00a0": " "})


@dataclass(frozen=True)
class PaperProfile:
    """What a receipt printer model can do: paper width in columns and its Chinese encoding."""

    name: str
    columns: int
    encoding: str = "gb18030"  # or "gbk" for printers that only know the double-byte range
    chinese_mode: bool = False
    hardware_barcode: bool = True  # False: send the barcode as a raster image instead
    cut: str = "feed_full"  # a key of CUTS: how this model feeds and cuts (none: no knife)
    drawer: str = "pin2"  # a key of DRAWERS: where its cash drawer is wired

    def __post_init__(self) -> None:
        if self.columns < 24:
            raise ValueError("a receipt needs at least 24 columns")
        "".encode(self.encoding)  # an unknown encoding fails at configuration time, not at a sale
        if self.cut not in CUTS or self.drawer not in DRAWERS:
            raise ValueError(f"unknown cut {self.cut!r} or drawer {self.drawer!r}")


PAPER_58MM = PaperProfile("58mm", 32)
PAPER_80MM = PaperProfile("80mm", 48)


def encode(text: str, encoding: str) -> bytes:
    return text.translate(_SUBSTITUTES).encode(encoding, errors="replace")


def text_lines(block: Block, width: int) -> list[str]:
    """The block laid out in cells; every line fits the paper."""
    match block:
        case Title(text=text) | Text(text=text, align=Align.CENTER):
            return [cells.center(line, width).rstrip() for line in cells.wrap(text, width)]
        case Text(text=text):
            return cells.wrap(text, width)
        case Pair(left=left, right=right):
            return cells.spread(left, right, width)
        case Item():
            return _item_lines(block, width)
        case Rule():
            return ["-" * width]
        case Barcode():
            return []


# Columns of an item line on 80 mm paper: quantity, unit price, amount; the name gets the rest.
_QTY_W, _PRICE_W, _AMOUNT_W = 5, 10, 11
_NAME_MIN = 12  # below this the paper is too narrow for one line per item (58 mm)


def _figure(text: str, width: int) -> str:
    """Right-aligned in its column and never touching the one before it.

    A figure wider than its column (￥29,999.00 as a unit price) pushes the line out by what it
    needs: the name gets less room, two figures never run into each other.
    """
    return cells.pad_left(text, max(width, cells.cells(text) + 1))


def _item_lines(item: Item, width: int) -> list[str]:
    # 80 mm: name | qty | price | amount on one line; 58 mm: name, then the figures beneath it.
    figures = (
        _figure(item.qty, _QTY_W) + _figure(item.price, _PRICE_W) + _figure(item.amount, _AMOUNT_W)
    )
    name_w = width - cells.cells(figures)
    if width - _QTY_W - _PRICE_W - _AMOUNT_W >= _NAME_MIN and name_w >= 0:
        if cells.cells(item.name) <= name_w:
            return [cells.pad_right(item.name, name_w) + figures]
        return [*cells.wrap(item.name, width), " " * name_w + figures]
    if item.header:
        return cells.spread(f"{item.name}/{item.qty}×{item.price}", item.amount, width)
    detail = f"{item.qty} × {item.price}"
    return [*cells.wrap(item.name, width), *cells.spread("  " + detail, item.amount, width)]


def render_escpos(receipt: Receipt, paper: PaperProfile) -> bytes:
    """The whole print job: init, text, barcode of the receipt number, cut, drawer kick if cash."""
    p = Dummy(profile="default")
    p._raw(INIT)
    if paper.chinese_mode:
        p._raw(CHINESE_MODE_ON)
    for block in receipt_blocks(receipt):
        if isinstance(block, Barcode):
            _barcode(p, block.value, paper)
            continue
        bold = isinstance(block, Title) or (isinstance(block, Text | Pair) and block.bold)
        if isinstance(block, Title):
            p._raw(DOUBLE_HEIGHT_ON)
        if bold:
            p._raw(BOLD_ON)
        for line in text_lines(block, paper.columns):
            p._raw(encode(line.rstrip(), paper.encoding) + b"\n")
        if bold:
            p._raw(BOLD_OFF)
        if isinstance(block, Title):
            p._raw(SIZE_NORMAL)
    p._raw(CUTS[paper.cut])
    if receipt.opens_drawer:
        p._raw(DRAWERS[paper.drawer])
    return bytes(p.output)


def _barcode(p: Dummy, value: str, paper: PaperProfile) -> None:
    # The private renderers are called directly because the public barcode() prints to stdout.
    if paper.hardware_barcode:
        # CODE128 subset B carries the letter and digits of a receipt number; "{B" selects it.
        p._hw_barcode("{B" + value, "CODE128", 64, 2, "BELOW", "A", True, "B", True)
    else:
        image = EscposImage(code128_image(value))
        p._raw(b"\x1ba\x01" + RASTER_IMAGE)
        p._raw(image.width_bytes.to_bytes(2, "little") + image.height.to_bytes(2, "little"))
        p._raw(image.to_raster_format())
    p._raw(b"\x1ba\x00\n")  # back to left alignment for anything that follows
