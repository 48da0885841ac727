"""The files the till ships (program, fonts, translations, migrations), found one way anywhere."""

from __future__ import annotations

import sys
from pathlib import Path


def package_dir() -> Path:
    """The folder of the frontdesk package itself, where its data files sit.

    A PyInstaller bundle unpacks its data under sys._MEIPASS (the spec puts the package's data at
    frontdesk/ there); a checkout and an installed wheel both keep it beside the code, as package
    data. Every shipped file is found through this one function.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "frontdesk"
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The folder holding program.toml, fonts/, icons/ and i18n/."""
    return package_dir() / "resources"


def resource(*parts: str) -> Path:
    """A shipped file by its parts under the resources folder ("fonts", "wqy-microhei.ttc")."""
    return resources_dir().joinpath(*parts)


def migrations_dir(line: str) -> Path:
    """A migration line's folder: "persistence/migrations" (the till) or "sync/hq_migrations"."""
    return package_dir().joinpath(*line.split("/"))
