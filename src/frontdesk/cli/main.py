"""`frontdesk`'s entry point: parse, run the one command asked for, print its outcome.

Only the parser is imported up front; the command's module, and with it the database stack,
is imported when the command runs, so `frontdesk --help` starts like a command should.
Every failure ends here as one message and an exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontdesk.cli.parser import parse

if TYPE_CHECKING:
    import logging

    from frontdesk.cli.output import Outcome

# `till` too: on a new machine it opens the setup screen, which makes the store.
CREATES_ITS_DATABASE = ("init:init", "init:demo", "backup:restore", "till:till")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(list(sys.argv[1:] if argv is None else argv))
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130  # stopped by the operator: whatever committed stays committed
    except Exception as exc:
        from frontdesk.cli.failures import report

        code = report(exc, args)
        _log().info("%s refused or failed (%s), exit %d", args.handler, type(exc).__name__, code)
        return code


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from frontdesk.config import default_db_path

    args.db = default_db_path() if args.db is None else Path(args.db)
    args.program = None if args.program is None else Path(args.program)
    module, _, name = args.handler.partition(":")
    command = getattr(importlib.import_module(f"frontdesk.cli.{module}"), name)

    from frontdesk.cli.output import emit
    from frontdesk.cli.session import Session

    if getattr(command, "standalone", False):
        # A command that must not open --db itself (restore writes it from a backup).
        _log_start(args)
        outcome = command(args)
        emit(outcome, as_json=args.json)
        _log_end(args, outcome)
        return int(outcome.code)

    if args.handler in CREATES_ITS_DATABASE:
        if not args.db.parent.exists():
            from frontdesk.data_folder import restrict

            restrict(
                args.db.parent
            )  # a folder made for a till: its people only (icacls on Windows)
        _log_start(args)
    session = Session(args)  # a till database now: its log may go beside it
    _log_start(args)
    outcome = command(session)
    if args.receipt and outcome.code == 0:
        from frontdesk.cli import printing

        if printing.wanted(session):
            printing.print_result(session, args.receipt, outcome)
    emit(outcome, as_json=args.json)
    _log_end(args, outcome)
    return int(outcome.code)


def _log() -> logging.Logger:
    # logging is imported when a command runs, not for --help (a quarter of its imports).
    import logging

    return logging.getLogger("frontdesk.cli")


def _log_start(args: argparse.Namespace) -> None:
    # Only once the database opened (or is being made): a mistyped or garbage --db gets nothing
    # written beside it.
    from frontdesk.logfiles import log_path, start_logging

    if start_logging(args.db) == getattr(args, "logging_to", None):
        return
    args.logging_to = log_path(args.db)
    _log().info("%s started (staff %s)", args.handler, getattr(args, "staff", None) or "-")


def _log_end(args: argparse.Namespace, outcome: Outcome) -> None:
    # What happened, by its receipt number when it made one (a sale, a refund, a top-up).
    ticket = getattr(outcome.result, "ticket", None) or outcome.result
    receipt = getattr(ticket, "receipt_no", None)
    _log().info(
        "%s ended, exit %d%s", args.handler, outcome.code, f", receipt {receipt}" if receipt else ""
    )
