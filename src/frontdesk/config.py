"""Where the till keeps its things, and reading the program file (refused with field and reason)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from frontdesk.domain.program import Program, ProgramInvalid
from frontdesk.domain.program_file import decode_program, parse_program
from frontdesk.resources import resources_dir

RESOURCES = resources_dir()
DEFAULT_PROGRAM = RESOURCES / "program.toml"


def default_db_path() -> Path:
    """Per machine on Windows, per user on Linux (frontdesk.data_folder says why)."""
    from frontdesk.data_folder import default_data_dir

    return default_data_dir() / "till.db"


def load_program(path: Path | None = None) -> Program:
    source = path or DEFAULT_PROGRAM
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise ProgramInvalid(str(source), "(file)", "not found", "找不到此文件") from None
    except IsADirectoryError:
        raise ProgramInvalid(
            str(source), "(file)", "is a folder", "这是文件夹，不是方案文件"
        ) from None
    except OSError as exc:
        raise ProgramInvalid(
            str(source), "(file)", f"cannot be read ({exc.strerror})", "无法读取此文件"
        ) from None
    return parse_program(decode_program(raw, str(source)), str(source))


class SystemClock:
    """The real time, in the till's local zone, always timezone-aware."""

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()
