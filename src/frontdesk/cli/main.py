"""`frontdesk`'s entry point: parse, run the one command asked for, print its outcome.

Only the parser is imported up front; the command's module, and with it the database stack,
is imported when the command runs, so `frontdesk --help` starts like a command should.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from frontdesk.cli.errors import CommandFailed, UsageError
from frontdesk.cli.parser import parse
from frontdesk.domain.errors import DomainError
from frontdesk.domain.program import ProgramInvalid


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(list(sys.argv[1:] if argv is None else argv))
    try:
        return run(args)
    except DomainError as refusal:
        print(refusal.message if args.lang == "zh_CN" else refusal.message_en, file=sys.stderr)
        return 2
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except ProgramInvalid as exc:
        print(f"方案文件有误：{exc}", file=sys.stderr)
        return 1
    except CommandFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    from frontdesk.cli.output import emit
    from frontdesk.cli.session import Session
    from frontdesk.config import default_db_path

    if args.db is None:
        args.db = default_db_path()
    module, _, name = args.handler.partition(":")
    command = getattr(importlib.import_module(f"frontdesk.cli.{module}"), name)
    session = Session(args)
    outcome = command(session)
    if args.receipt and outcome.code == 0:
        from frontdesk.cli import printing

        if printing.wanted(session):
            printing.print_result(session, args.receipt, outcome)
    emit(outcome, as_json=args.json, full_personal_data=session.sees_full_personal_data())
    return int(outcome.code)
