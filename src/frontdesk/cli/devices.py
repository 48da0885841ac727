"""`frontdesk devices test-scan|test-print`: check the configured scanner and printer."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.paths import devices_path
from frontdesk.cli.session import Session
from frontdesk.hardware import checks
from frontdesk.hardware.config import load_config


def check_scanner(s: Session) -> Outcome:
    config = load_config(devices_path(s.args.db))
    result = checks.test_scan(config.scanner, s.args.timeout)
    return Outcome(result.message, result, code=0 if result.ok else 1)


def check_printer(s: Session) -> Outcome:
    config = load_config(devices_path(s.args.db))
    result = checks.test_print(config.printer, config.paper)
    return Outcome(result.message, result, code=0 if result.ok else 1)
