"""Files the command keeps beside the till database."""

from __future__ import annotations

from pathlib import Path


def devices_path(db: Path) -> Path:
    """The device settings live next to the till database: <db>.devices.toml."""
    return db.with_name(db.name + ".devices.toml")
