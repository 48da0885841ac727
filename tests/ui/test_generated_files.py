from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
FORMS = ROOT / "src" / "frontdesk" / "ui" / "forms"
I18N = ROOT / "src" / "frontdesk" / "resources" / "i18n"


def _tool(name: str) -> str:
    found = BIN / name
    if not found.exists():
        pytest.fail(f"{name} is missing next to the interpreter; PySide6 is pinned for it")
    return str(found)


@pytest.mark.parametrize("form", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_the_committed_form_matches_a_fresh_pyside6_uic_run(form: Path, tmp_path: Path) -> None:
    fresh = tmp_path / f"ui_{form.stem}.py"

    subprocess.run(
        [_tool("pyside6-uic"), "-a", "--from-imports", form.name, "-o", str(fresh)],
        cwd=form.parent,
        check=True,
    )

    committed = FORMS / fresh.name
    assert committed.exists(), "run scripts/build-ui"
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        f"{committed.name} is stale: run scripts/build-ui"
    )


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_lupdate_finds_is_translated(language: str, tmp_path: Path) -> None:
    committed = I18N / f"frontdesk_{language}.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.ui")) + sorted(
        str(p) for p in (ROOT / "src" / "frontdesk" / "ui").rglob("*.py") if "forms" not in p.parts
    )

    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )

    untranslated = [
        m.findtext("source")
        for m in _messages(fresh)
        if m.find("translation") is None
        or m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not m.findtext("translation")
    ]
    assert untranslated == [], (
        "translate these in src/frontdesk/resources/i18n, then run scripts/build-ui"
    )
    assert len(_messages(fresh)) == len(_messages(committed)), "run scripts/build-ui"


def test_the_translations_are_built_and_finished() -> None:
    for language in ("zh_CN", "en"):
        ts, qm = I18N / f"frontdesk_{language}.ts", I18N / f"frontdesk_{language}.qm"
        assert qm.exists(), "run scripts/build-ui"
        assert qm.stat().st_size > 0
        assert ts.read_text(encoding="utf-8").count('type="unfinished"') == 0
