"""Receipt → PDF (preview, e-mail, archive) drawn with reportlab and the embedded CJK font."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from frontdesk.domain.receipt import Receipt
from frontdesk.hardware.cjk_font import register_cjk_font
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

MARGIN = 3 * mm
SIZE = 8.5
TITLE_SIZE = 12.0
LEADING = 1.35

Draw = Callable[[Canvas, float], None]  # draws one row with its baseline at y


@dataclass(frozen=True)
class Row:
    height: float
    draw: Draw


class _Layout:
    """Turns blocks into rows of known height, so the page is exactly as long as the receipt."""

    def __init__(self, font: str, width: float) -> None:
        self.font = font
        self.width = width
        self.inner = width - 2 * MARGIN

    def fits(self, text: str, size: float = SIZE) -> bool:
        return stringWidth(text, self.font, size) <= self.inner

    def wrap(self, text: str, width: float, size: float = SIZE) -> list[str]:
        lines, current = [], ""
        for ch in text:
            if current and stringWidth(current + ch, self.font, size) > width:
                lines.append(current)
                current = ""
            current += ch
        return [*lines, current]

    def text_row(self, text: str, align: Align = Align.LEFT, size: float = SIZE) -> Row:
        font, centre = self.font, self.width / 2

        def draw(c: Canvas, y: float) -> None:
            c.setFont(font, size)
            if align is Align.CENTER:
                c.drawCentredString(centre, y, text)
            else:
                c.drawString(MARGIN, y, text)

        return Row(size * LEADING, draw)

    def columns_row(self, cells: list[tuple[str, float]], left: str = "") -> Row:
        """Left text at the margin and texts right-aligned at the given x positions."""
        font = self.font

        def draw(c: Canvas, y: float) -> None:
            c.setFont(font, SIZE)
            if left:
                c.drawString(MARGIN, y, left)
            for text, right_x in cells:
                c.drawRightString(right_x, y, text)

        return Row(SIZE * LEADING, draw)

    def rows(self, block: Block) -> list[Row]:
        right = self.width - MARGIN
        match block:
            case Title(text=text):
                return [
                    self.text_row(t, Align.CENTER, TITLE_SIZE)
                    for t in self.wrap(text, self.inner, TITLE_SIZE)
                ]
            case Text(text=text, align=align):
                return [self.text_row(t, align) for t in self.wrap(text, self.inner)]
            case Pair(left=left, right=value):
                gap = stringWidth(value, self.font, SIZE) + 2 * mm
                if (
                    self.fits(left + value)
                    and stringWidth(left, self.font, SIZE) + gap <= self.inner
                ):
                    return [self.columns_row([(value, right)], left)]
                return [
                    *(self.text_row(t) for t in self.wrap(left, self.inner)),
                    self.columns_row([(value, right)]),
                ]
            case Item():
                qty_x, price_x = right - 0.62 * self.inner, right - 0.30 * self.inner
                if block.header:
                    return [
                        self.columns_row(
                            [(block.qty, qty_x), (block.price, price_x), (block.amount, right)],
                            block.name,
                        )
                    ]
                names = [self.text_row(t) for t in self.wrap(block.name, self.inner)]
                return [
                    *names,
                    self.columns_row(
                        [(block.qty, qty_x), (block.price, price_x), (block.amount, right)]
                    ),
                ]
            case Rule():
                return [Row(SIZE * 0.9, self._rule)]
            case Barcode(value=value):
                return [Row(18 * mm, _barcode_drawer(value, self.width, self.font))]

    def _rule(self, c: Canvas, y: float) -> None:
        c.setDash(2, 2)
        c.setLineWidth(0.5)
        c.line(MARGIN, y + SIZE * 0.3, self.width - MARGIN, y + SIZE * 0.3)
        c.setDash()


def _barcode_drawer(value: str, page_width: float, font: str) -> Draw:
    def draw(c: Canvas, y: float) -> None:
        code = Code128(
            value,
            barWidth=0.28 * mm,
            barHeight=10 * mm,
            humanReadable=True,
            quiet=False,
            fontName=font,
            fontSize=8,
        )
        code.drawOn(c, (page_width - code.width) / 2, y)

    return draw


def render_pdf(receipt: Receipt, paper_mm: float = 80, font_path: Path | None = None) -> bytes:
    """One page as wide as the paper and as long as the receipt."""
    font = register_cjk_font(font_path)
    layout = _Layout(font, paper_mm * mm)
    rows = [row for block in receipt_blocks(receipt) for row in layout.rows(block)]
    height = sum(r.height for r in rows) + 2 * MARGIN + 4 * mm
    out = BytesIO()
    # types-reportlab declares initialFontName as a float; it is the font's name.
    canvas = Canvas(out, pagesize=(layout.width, height), invariant=1, initialFontName=font)  # type: ignore[arg-type]
    canvas.setTitle(f"{receipt.header.kind.title} {receipt.header.receipt_no}")
    y = height - MARGIN
    for row in rows:
        y -= row.height
        row.draw(canvas, y + row.height * 0.25)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class PdfReceiptPrinter:
    """A ReceiptPrinter that files each receipt as <receipt no>[-重印].pdf in a folder."""

    def __init__(self, folder: Path, paper_mm: float = 80, font_path: Path | None = None) -> None:
        self.folder = folder
        self.paper_mm = paper_mm
        self.font_path = font_path

    def path_for(self, receipt: Receipt) -> Path:
        suffix = "-重印" if receipt.header.reprint else ""
        return self.folder / f"{receipt.header.receipt_no}{suffix}.pdf"

    def print(self, receipt: Receipt) -> None:
        from frontdesk.services.printing import PrinterFault

        data = render_pdf(receipt, self.paper_mm, self.font_path)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.path_for(receipt).write_bytes(data)
        except OSError as exc:
            raise PrinterFault.of("notice_printer_pdf_unsaved", reason=exc.strerror) from exc
