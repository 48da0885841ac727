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

from frontdesk.cli.parser import parse

CREATES_ITS_DATABASE = ("init:init", "init:demo", "backup:restore")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(list(sys.argv[1:] if argv is None else argv))
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130  # stopped by the operator: whatever committed stays committed
    except Exception as exc:
        from frontdesk.cli.failures import report

        return report(exc, args)


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
        outcome = command(args)
        emit(outcome, as_json=args.json)
        return int(outcome.code)

    session = Session(args)
    outcome = command(session)
    if args.receipt and outcome.code == 0:
        from frontdesk.cli import printing

        if printing.wanted(session):
            printing.print_result(session, args.receipt, outcome)
    emit(outcome, as_json=args.json)
    return int(outcome.code)
