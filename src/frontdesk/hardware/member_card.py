"""Member card (会员卡) as a CR80 PDF: store, tier, masked name, card number, Code128 barcode."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from frontdesk.domain.cards import parse_card_number
from frontdesk.domain.members import mask_name
from frontdesk.hardware.barcode_image import code128_image
from frontdesk.hardware.cjk_font import register_cjk_font

CR80 = (85.6 * mm, 54.0 * mm)  # ISO/IEC 7810 ID-1, what card printers and label stock take

_TIER_COLOURS = {
    "普通会员": HexColor("#3A6EA5"),
    "银卡会员": HexColor("#8A9199"),
    "金卡会员": HexColor("#B8860B"),
    "钻石会员": HexColor("#4B2E83"),
}


@dataclass(frozen=True)
class CardFace:
    store_name: str
    tier_name: str
    member_name: str  # full name; the card shows it masked
    card_no: str

    def __post_init__(self) -> None:
        parse_card_number(self.card_no)  # a card with a misprinted number is worse than none


def grouped(card_no: str) -> str:
    """8001 0100 0045 102: easier to read out over the phone."""
    return " ".join(card_no[i : i + 4] for i in range(0, len(card_no), 4))


def render_member_card(face: CardFace, font_path: Path | None = None) -> bytes:
    font = register_cjk_font(font_path)
    width, height = CR80
    out = BytesIO()
    # types-reportlab declares initialFontName as a float; it is the font's name.
    c = Canvas(out, pagesize=CR80, invariant=1, initialFontName=font)  # type: ignore[arg-type]
    c.setTitle(f"会员卡 {face.card_no}")
    band: Color = _TIER_COLOURS.get(face.tier_name, HexColor("#3A6EA5"))
    c.setFillColor(band)
    c.rect(0, height - 15 * mm, width, 15 * mm, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont(font, 11)
    c.drawString(4 * mm, height - 7 * mm, face.store_name)
    c.setFont(font, 8)
    c.drawString(4 * mm, height - 12 * mm, "会员卡 MEMBER CARD")
    c.setFont(font, 10)
    c.drawRightString(width - 4 * mm, height - 9.5 * mm, face.tier_name)
    c.setFillColor(HexColor("#222222"))
    c.setFont(font, 9)
    c.drawString(4 * mm, height - 21 * mm, f"会员：{mask_name(face.member_name)}")
    c.drawRightString(width - 4 * mm, height - 21 * mm, f"卡号：{grouped(face.card_no)}")
    # Bars at 3 px per module on a 300 dpi image: wide enough for any handheld scanner.
    image = code128_image(face.card_no, module_px=3, height_px=130, text=False)
    bar_w = min(width - 12 * mm, image.width * 25.4 / 300 * mm)
    bar_h = 12 * mm
    c.drawImage(ImageReader(image), (width - bar_w) / 2, 8 * mm, bar_w, bar_h)
    c.setFont(font, 8)
    c.drawCentredString(width / 2, 4.5 * mm, face.card_no)
    c.showPage()
    c.save()
    return out.getvalue()


def write_member_card(face: CardFace, path: Path, font_path: Path | None = None) -> Path:
    path.write_bytes(render_member_card(face, font_path))
    return path
