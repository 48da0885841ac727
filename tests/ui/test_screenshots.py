"""The docs' screenshots still render: every scene, from the real demo store, in both languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tests.ui.screenshot_scenes import write_screenshots


def test_every_scene_renders_from_the_demo_store(tmp_path: Path) -> None:
    written = write_screenshots(tmp_path, sizes=((1024, 768),))

    names = sorted(p.name for p in written)
    assert names == sorted(
        f"{scene}-{language}-1024x768.png"
        for scene in (
            "till",
            "tender",
            "manager",
            "devices",
            "print-fault",
            "search",
            "held",
            "refund",
            "audit",
            "member",
        )
        for language in ("zh_CN", "en")
    )
    assert all(not QImage(str(p)).isNull() for p in written)
