"""The composition root: builds the concrete adapters and hands them to the till window."""

from __future__ import annotations

import importlib

from sqlalchemy import Engine

from frontdesk.services.context import TillContext


def run_till_app(engine: Engine, ctx: TillContext, language: str) -> int:
    """Open the till window on this database; returns the process exit code."""
    window = importlib.import_module("frontdesk.ui.main")
    return int(window.run_till(ctx, language))
