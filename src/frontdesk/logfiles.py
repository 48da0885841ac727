"""The till's log files: rotating, in the data folder beside the database, never a PIN or a phone.

What happened (a command and its outcome, a sale's receipt number, a backup, a failure with its
traceback) goes to <data folder>/logs/frontdesk.log, 1 MB a file, the last five kept. Every line
passes through domain.log_privacy.redact as it is written, whatever logger wrote it.
FRONTDESK_LOG names another file.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from frontdesk.domain.log_privacy import redact

FILE_BYTES = 1_000_000
FILES_KEPT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class TillLogHandler(RotatingFileHandler):
    """The till's own rotating file (told apart from handlers others installed)."""


class PrivateFormatter(logging.Formatter):
    """Formats, then redacts the whole text (the message, its arguments and any traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_path(db: Path) -> Path:
    """Where the log of the till whose database is ``db`` goes."""
    chosen = os.environ.get("FRONTDESK_LOG")
    return Path(chosen) if chosen else db.parent / "logs" / "frontdesk.log"


def start_logging(db: Path) -> Path | None:
    """Send the process's log records to the till's rotating file; None when it cannot be written.

    Safe to call again; a process logs to one till's file at a time (a test runs many tills).
    """
    path = log_path(db)
    root = logging.getLogger()
    for old in root.handlers:
        if isinstance(old, TillLogHandler) and Path(old.baseFilename) == path.absolute():
            return path
    stop_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = TillLogHandler(
            path, maxBytes=FILE_BYTES, backupCount=FILES_KEPT, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only data folder must not stop the till; it runs unlogged
    handler.setFormatter(PrivateFormatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its plugin chatter is not news
    return path


def stop_logging() -> None:
    """Close the till's log files (tests open several tills in one process)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, TillLogHandler):
            root.removeHandler(handler)
            handler.close()
