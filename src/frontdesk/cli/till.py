"""`frontdesk till`: open the till window (the only command that loads Qt)."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session


def till(s: Session) -> Outcome:
    a = s.args
    if a.selftest is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads: no display needed
    from frontdesk.app import run_till_app

    staff_no = a.staff or os.environ.get("FRONTDESK_STAFF") or "1001"
    pin = a.pin or os.environ.get("FRONTDESK_PIN") or "1001"
    code = run_till_app(
        s.engine,
        s.ctx,
        a.lang,
        selftest=None if a.selftest is None else Path(a.selftest),
        staff_no=staff_no,
        pin=pin,
    )
    return Outcome("", None, code=code)
