"""`frontdesk hq enrol` and `frontdesk hq min-version`: head office provisioning its tills."""

from __future__ import annotations

import argparse

from frontdesk.cli.output import Outcome
from frontdesk.domain import messages
from frontdesk.domain.numbering import store_digits, till_id
from frontdesk.sync.hq_engine import make_hq_engine


def enrol(args: argparse.Namespace) -> Outcome:
    """Runs at head office with its admin address; no till database is needed there."""
    from frontdesk.sync.enrolment import CODE_LIFETIME, issue_code

    store_no, till = store_digits(args.store), till_id(args.store, args.till)
    admin = make_hq_engine(args.hq_url)
    try:
        code = issue_code(admin, store_no=store_no, till_id=till, store_name=args.store_name)
    finally:
        admin.dispose()
    text = messages.say(
        "said_enrolment_code", args.lang, till=till, days=CODE_LIFETIME.days, code=code
    )
    return Outcome(text, {"till_id": till, "code": str(code)})


enrol.standalone = True  # type: ignore[attr-defined]


def min_version(args: argparse.Namespace) -> Outcome:
    from frontdesk.sync.enrolment import set_min_version

    admin = make_hq_engine(args.hq_url)
    try:
        set_min_version(admin, args.version)
    finally:
        admin.dispose()
    text = messages.say("said_min_version", args.lang, version=args.version)
    return Outcome(text, {"min_version": args.version})


min_version.standalone = True  # type: ignore[attr-defined]
