"""The bundled CJK font, registered once with reportlab and embedded in every PDF we write."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from frontdesk.resources import resource

FONT_NAME = "WenQuanYiMicroHei"
# Found like every shipped file (bundle, checkout or wheel); an installer may pass another path.
BUNDLED_FONT = resource("fonts", "wqy-microhei.ttc")

_lock = threading.Lock()


def register_cjk_font(path: Path | None = None) -> str:
    """Register the TrueType font (subfont 0 of the .ttc) and return its reportlab name.

    Never the built-in STSong-Light CID font: it is not embedded, and viewers without Adobe's
    Asian font pack drop the text.
    """
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            font_file = path or BUNDLED_FONT
            if not font_file.is_file():
                raise FileNotFoundError(f"CJK font not found: {font_file}")
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_file), subfontIndex=0))
    return FONT_NAME
