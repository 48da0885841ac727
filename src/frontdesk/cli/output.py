"""What a command returns, and printing it for a person or, with --json, for a program."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from frontdesk.domain.members import mask_phone
from frontdesk.domain.money import Fen


@dataclass
class Outcome:
    """A command's result: the text a person reads, the data --json prints, the exit code.

    `result` is the service's own result when the command's receipt is printed from it.
    `warnings` go to stderr after the output (a printer fault never fails a committed sale).
    `full_personal_data` unmasks phones in --json; only a command that audited the look sets it.
    """

    text: str
    data: Any
    code: int = 0
    result: Any = None
    warnings: list[str] = field(default_factory=list)
    full_personal_data: bool = False


def emit(outcome: Outcome, *, as_json: bool) -> None:
    if as_json and outcome.data is not None:
        plain = to_plain(outcome.data, full_personal_data=outcome.full_personal_data)
        print(json.dumps(plain, ensure_ascii=False, indent=2, default=str))
    elif outcome.text:
        print(outcome.text)
    for warning in outcome.warnings:
        print(warning, file=sys.stderr)


def to_plain(value: Any, *, full_personal_data: bool = True) -> Any:
    """JSON-ready data; without `full_personal_data` every member's phone is masked."""

    def plain(v: Any) -> Any:
        if isinstance(v, Fen | Enum):
            return v.value
        if isinstance(v, datetime | date):
            return v.isoformat()
        if is_dataclass(v) and not isinstance(v, type):
            out = {f.name: plain(getattr(v, f.name)) for f in fields(v)} | _extra(v)
            if not full_personal_data and isinstance(out.get("phone"), str):
                out["phone"] = mask_phone(out["phone"])
            return out
        if isinstance(v, dict):
            return {(k.value if isinstance(k, Enum) else str(k)): plain(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [plain(x) for x in v]
        return v

    return plain(value)


def _extra(value: Any) -> dict[str, Any]:
    # Imported here: printing runs after a command, when the services are loaded anyway.
    from frontdesk.services.membership import MemberView

    if isinstance(value, MemberView):
        return {"balance": value.balance.value, "warnings": value.warnings}
    return {}
