"""The files the till ships (program, fonts, translations), found the same way wherever it runs."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding program.toml, fonts/ and i18n/.

    A PyInstaller bundle unpacks its data under sys._MEIPASS (the spec puts this folder at
    frontdesk/resources there); a checkout and an installed wheel both keep it beside this module,
    as package data.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "frontdesk" / "resources"
    return Path(__file__).resolve().parent


def resource(*parts: str) -> Path:
    """A shipped file by its parts under the resources folder ("fonts", "wqy-microhei.ttc")."""
    return resources_dir().joinpath(*parts)
