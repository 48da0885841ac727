"""Writes the Windows version resource (product, version, company) for PyInstaller."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_version() -> str:
    """The version in src/frontdesk/__init__.py, read as text (the spec must not import the app)."""
    text = (ROOT / "src" / "frontdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([0-9.]+)"', text)
    if found is None:
        raise SystemExit("no __version__ in src/frontdesk/__init__.py")
    return found.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    parts = [int(p) for p in version.split(".")][:4]
    padded = (*parts, 0, 0, 0, 0)[:4]
    return (padded[0], padded[1], padded[2], padded[3])


def write_version_file(path: Path) -> Path:
    """PyInstaller's VSVersionInfo text; Windows shows it under the exe's Properties → Details."""
    version = package_version()
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "frontdesk",
        "FileDescription": "frontdesk 会员收银台",
        "FileVersion": version,
        "InternalName": "frontdesk",
        "OriginalFilename": "frontdesk.exe",
        "ProductName": "frontdesk 会员收银台",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,\n"
        "    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('080404b0', [\n"
        f"{entries}\n"
        "    ])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])\n"
        "  ]\n"
        ")\n",
        encoding="utf-8",
    )
    return path
