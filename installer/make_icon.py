"""Draws the till's icon (收 on a red rounded square): the window's PNG and the ICO Windows needs.

Run once after changing the design; both files are committed so a build needs no drawing:
`.venv/bin/python installer/make_icon.py`.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "src" / "frontdesk" / "resources" / "fonts" / "wqy-microhei.ttc"
PNG = ROOT / "src" / "frontdesk" / "resources" / "icons" / "frontdesk.png"
ICO = ROOT / "installer" / "icons" / "frontdesk.ico"


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, size - 8, size - 8), radius=size // 6, fill=(196, 30, 58, 255))
    font = ImageFont.truetype(str(FONT), int(size * 0.62), index=0)
    pen.text((size / 2, size / 2), "收", font=font, fill=(255, 255, 255, 255), anchor="mm")
    return image


def main() -> None:
    image = draw()
    PNG.parent.mkdir(parents=True, exist_ok=True)
    image.save(PNG)
    sizes = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    image.save(ICO, sizes=sizes)


if __name__ == "__main__":
    main()
