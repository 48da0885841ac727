"""Device settings (scanner, receipt printer, paper, PDF folders) read from and written to TOML."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from frontdesk.hardware.customer_display import DisplaySettings
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from frontdesk.hardware.escpos_receipt import PAPER_58MM, PaperProfile
from frontdesk.hardware.framing import Framing, Terminator
from frontdesk.hardware.serial_scanner import ScannerSettings


@dataclass(frozen=True)
class DeviceConfig:
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    printer: PrinterConnection = field(default_factory=PrinterConnection)
    paper: PaperProfile = PAPER_58MM
    pdf_folder: str = ""  # empty: no PDF copy of each receipt
    card_folder: str = "cards"  # where member-card PDFs go for the card printer
    display: DisplaySettings = field(default_factory=DisplaySettings)  # 客显; no port: none


class DeviceConfigInvalid(ValueError):
    """The device file is wrong; the message names the key."""


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise DeviceConfigInvalid(f"[{name}] must be a table")
    return value


def _build(cls: type[Any], data: dict[str, Any], section: str, **extra: Any) -> Any:
    known = {f.name: f for f in fields(cls)}
    unknown = set(data) - set(known)
    if unknown:
        raise DeviceConfigInvalid(f"[{section}] unknown keys: {', '.join(sorted(unknown))}")
    try:
        return cls(**{**data, **extra})
    except (TypeError, ValueError, LookupError) as exc:
        raise DeviceConfigInvalid(f"[{section}] {exc}") from exc


def config_from_mapping(data: dict[str, Any]) -> DeviceConfig:
    scanner = dict(_table(data, "scanner"))
    framing = Framing(
        terminator=Terminator(scanner.pop("terminator", "CR")),
        prefix=str(scanner.pop("prefix", "")).encode("latin-1"),
        suffix=str(scanner.pop("suffix", "")).encode("latin-1"),
        partial_timeout=float(scanner.pop("partial_timeout", 0.5)),
    )
    printer = dict(_table(data, "printer"))
    backend = Backend(printer.pop("backend", "network"))
    pdf = _table(data, "pdf")
    return DeviceConfig(
        scanner=_build(ScannerSettings, scanner, "scanner", framing=framing),
        printer=_build(PrinterConnection, printer, "printer", backend=backend),
        paper=_build(PaperProfile, _table(data, "paper"), "paper")
        if "paper" in data
        else PAPER_58MM,
        pdf_folder=str(pdf.get("folder", "")),
        card_folder=str(pdf.get("card_folder", "cards")),
        display=_build(DisplaySettings, _table(data, "display"), "display"),
    )


def load_config(path: Path) -> DeviceConfig:
    """Read the device file; a missing file means the defaults."""
    if not path.exists():
        return DeviceConfig()
    with path.open("rb") as f:
        return config_from_mapping(tomllib.load(f))


def _value(value: Any) -> str:
    # JSON strings are valid TOML basic strings; bools and numbers need TOML spelling.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def config_to_toml(config: DeviceConfig) -> str:
    s, p, paper = config.scanner, config.printer, config.paper
    sections: dict[str, dict[str, Any]] = {
        "scanner": {
            "port": s.port,
            "baudrate": s.baudrate,
            "bytesize": s.bytesize,
            "parity": s.parity,
            "stopbits": s.stopbits,
            "terminator": s.framing.terminator.value,
            "prefix": s.framing.prefix.decode("latin-1"),
            "suffix": s.framing.suffix.decode("latin-1"),
            "partial_timeout": s.framing.partial_timeout,
            "duplicate_window": s.duplicate_window,
            "reconnect_first": s.reconnect_first,
            "reconnect_max": s.reconnect_max,
            "exclusive": s.exclusive,
        },
        "printer": {f.name: getattr(p, f.name) for f in fields(p)} | {"backend": p.backend.value},
        "paper": {f.name: getattr(paper, f.name) for f in fields(paper)},
        "pdf": {"folder": config.pdf_folder, "card_folder": config.card_folder},
        "display": {f.name: getattr(config.display, f.name) for f in fields(config.display)},
    }
    out = ["# frontdesk device settings (scanner, receipt printer, paper)"]
    for name, values in sections.items():
        out.append(f"\n[{name}]")
        out += [f"{key} = {_value(value)}" for key, value in values.items()]
    return "\n".join(out) + "\n"


def save_config(config: DeviceConfig, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(config_to_toml(config), encoding="utf-8")
    tmp.replace(path)  # a crash mid-write leaves the old file, never half a file
