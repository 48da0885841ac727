"""CODE128 barcodes drawn by python-barcode as images: for cards and for printers without GS k."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from barcode import Code128
from barcode.writer import ImageWriter
from PIL import Image


def code128_image(value: str, module_px: int = 2, height_px: int = 80, text: bool = True) -> Any:
    """A black-on-white PIL image of value, module_px pixels per bar module, 1 px per dot."""
    writer = ImageWriter(format="PNG", mode="1")
    # python-barcode sizes in mm at a dpi; 25.4 dpi makes one "mm" exactly one pixel.
    options = {
        "dpi": 25.4 * 10,
        "module_width": module_px / 10,
        "module_height": height_px / 10,
        "quiet_zone": module_px,  # ten modules of white each side, as scanners need
        "font_size": 16 if text else 0,
        "text_distance": 1.0,
        "write_text": text,
    }
    out = BytesIO()
    Code128(value, writer=writer).write(out, options=options)
    out.seek(0)
    with Image.open(out) as image:
        return image.convert("1")
