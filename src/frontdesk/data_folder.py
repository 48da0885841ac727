r"""Where a till keeps its data, and who may read it: per machine on Windows, per user on Linux.

Windows tills are shared by several cashiers' accounts, so the data folder is the machine-wide
one (platformdirs' site data dir, C:\ProgramData\frontdesk) with its ACL cut down by icacls to
Administrators, SYSTEM and the machine's users (ProgramData's inherited "everyone may read" is
removed; a 0600 file mode means nothing there). On Linux it is the till user's own data folder,
0700.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from platformdirs import site_data_dir, user_data_dir

# Well-known SIDs, so the command works in every Windows language (名称 of groups differ).
_ADMINISTRATORS, _SYSTEM, _USERS = "*S-1-5-32-544", "*S-1-5-18", "*S-1-5-32-545"


def on_windows() -> bool:
    return sys.platform.startswith("win")


def default_data_dir() -> Path:
    if on_windows():
        return Path(site_data_dir("frontdesk", appauthor=False))
    return Path(user_data_dir("frontdesk", appauthor=False))


def icacls_command(folder: Path) -> list[str]:
    """Inheritance off; full control for Administrators and SYSTEM; modify for the users."""
    return [
        "icacls", str(folder), "/inheritance:r",
        "/grant:r", f"{_ADMINISTRATORS}:(OI)(CI)F",
        "/grant:r", f"{_SYSTEM}:(OI)(CI)F",
        "/grant:r", f"{_USERS}:(OI)(CI)M",
    ]  # fmt: skip


def restrict(folder: Path) -> None:
    """Make the folder (if needed) and let only the till's people in."""
    folder.mkdir(parents=True, exist_ok=True)
    if on_windows():
        subprocess.run(icacls_command(folder), check=True, capture_output=True, timeout=30)
    elif os.name == "posix":
        os.chmod(folder, 0o700)
