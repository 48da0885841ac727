"""Where the till keeps its things, and reading the program file (refused with field and reason)."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_data_dir

from frontdesk.domain.program import Program, ProgramInvalid, program_from_mapping
from frontdesk.resources import resources_dir

RESOURCES = resources_dir()
DEFAULT_PROGRAM = RESOURCES / "program.toml"


def default_db_path() -> Path:
    return Path(user_data_dir("frontdesk", appauthor=False)) / "till.db"


def load_program(path: Path | None = None) -> Program:
    source = path or DEFAULT_PROGRAM
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProgramInvalid(str(source), "(file)", "not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProgramInvalid(str(source), "(syntax)", str(exc)) from None
    return program_from_mapping(data, str(source))


class SystemClock:
    """The real time, in the till's local zone, always timezone-aware."""

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()
