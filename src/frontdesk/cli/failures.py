"""Every failure of a command as one line a person can act on, and its exit code.

Exit 2: a rule refused the operation (a DomainError, or bad input). Exit 1: anything else —
the till database (persistence says which trouble as a StoreProblem, whose exit_code is 1), the
file system, a migration, head office's database, or a bug. No traceback reaches the terminal;
an unexpected error's details go to the log file. Every sentence is the catalogue's, a
``failed_`` key in `domain.messages.failure`.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path


def say(key: str, lang: str, **values: object) -> str:
    """A failure's sentence, ``failed_<key>``: {db} the till database, {detail} a file or why."""
    from frontdesk.domain import messages

    return messages.say(f"failed_{key}", lang, **values)


def report(exc: BaseException, args: argparse.Namespace) -> int:
    """Print what went wrong in the chosen language; returns the exit code."""
    code, message = explain(exc, args.lang, getattr(args, "db", None) or "")
    print(message, file=sys.stderr)
    return code


def explain(exc: BaseException, lang: str, db: object) -> tuple[int, str]:
    from frontdesk.cli.errors import CommandFailed, UsageError
    from frontdesk.domain.errors import DomainError
    from frontdesk.domain.program import ProgramInvalid

    if isinstance(exc, DomainError):
        # A refusal is exit 2; an error class may say it is a failure instead (exit_code = 1).
        code = int(getattr(exc, "exit_code", 2))
        return code, exc.message if lang == "zh_CN" else exc.message_en
    if isinstance(exc, UsageError):
        return 2, exc.message(lang)
    if isinstance(exc, CommandFailed):
        return 1, exc.message(lang)
    if isinstance(exc, ProgramInvalid):
        return 1, say("program", lang, detail=exc)
    key, detail = _classify(exc)
    if key == "unexpected":
        detail = _log(exc, db)
    if key == "hq_tls":  # the catalogue's sentence for what TLS refused, in the chosen language
        from frontdesk.domain import messages

        detail = messages.say(str(detail), lang)
    return 1, say(key, lang, db=db, detail=detail)


def _classify(exc: BaseException) -> tuple[str, object]:
    """The message key for an error of the database stack, the file system or head office."""
    import sqlite3

    # Drivers' errors come wrapped by SQLAlchemy; the driver's own error says what happened.
    cause = getattr(exc, "orig", None) or exc
    if isinstance(cause, sqlite3.Error):
        # The till database's own troubles arrive as StoreProblem refusals (persistence.engine);
        # an SQLite error that still gets here is said generically.
        return "db_error", ""
    if "alembic" in sys.modules:
        from alembic.util.exc import CommandError

        if isinstance(exc, CommandError):
            return ("db_newer" if "can't locate revision" in str(exc).lower() else "migration"), ""
    if "psycopg" in sys.modules:
        import psycopg

        if isinstance(cause, psycopg.OperationalError):
            from frontdesk.sync.hq_causes import cause_key

            # verify-full refused head office: which of CA, file or name is to be fixed.
            tls = cause_key(cause)
            if tls.startswith("hq_cause_tls"):
                return "hq_tls", tls
            said = str(cause).lower()
            if "does not exist" in said and "database" in said:
                return "hq_no_database", ""
            if "authentication failed" in said or "no password supplied" in said:
                return "hq_login", ""
            return "hq_unreachable", ""
        if isinstance(cause, psycopg.Error):
            return "hq_error", ""
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import ArgumentError

        if isinstance(exc, ArgumentError) and "url" in str(exc).lower():
            return "hq_url", ""
    if isinstance(exc, OSError):
        return _os_key(exc)
    return "unexpected", ""


def _os_key(exc: OSError) -> tuple[str, object]:
    name = exc.filename or exc.strerror or ""
    if exc.errno == errno.ENOSPC:
        return "disk_full", name
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "no_permission", name
    if isinstance(exc, IsADirectoryError):
        return "is_folder", name
    if isinstance(exc, FileNotFoundError):
        return "not_found", name
    return "os_error", name


def _log(exc: BaseException, db: object) -> str:
    """The traceback into the till's log file (never the terminal); returns where it went."""
    import logging

    from frontdesk.logfiles import start_logging

    path = start_logging(Path(str(db)) if db else Path.cwd() / "frontdesk.db")
    if path is None:
        return os.devnull  # nowhere to write it; the message still says the command failed
    logging.getLogger("frontdesk.cli").error("a command failed", exc_info=exc)
    return str(path)
