"""A wheel built from this tree, installed (not editable) in a fresh virtualenv, runs the demo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    # Without PYTHONPATH: the installed wheel, not this checkout, must be what runs.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


@pytest.mark.slow
def test_a_plain_pip_install_finds_its_program_font_and_translations(tmp_path: Path) -> None:
    # Build from a copy, so the build leaves no build/ or egg-info in the checkout.
    tree = tmp_path / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / "src", tree / "src", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    wheels = tmp_path / "wheels"
    # The build backend (setuptools) comes from the package index or pip's cache, as for any
    # `pip install .`; frontdesk's own dependencies are not downloaded (--no-deps).
    built = _run(
        sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, tree, cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("frontdesk-*.whl")

    venv = tmp_path / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
    )
    # The dependencies (PySide6, SQLAlchemy…) are this environment's, appended after the new
    # venv's own site-packages, so the installed frontdesk is found first.
    Path(site.stdout.strip(), "frontdesk-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    installed = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--no-index", "--ignore-installed", wheel, cwd=tmp_path,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr

    where = _run(python, "-c", "import frontdesk; print(frontdesk.__file__)", cwd=tmp_path)
    frontdesk = venv / ("Scripts" if os.name == "nt" else "bin") / "frontdesk"
    demo = _run(frontdesk, "--db", tmp_path / "x.db", "demo", cwd=tmp_path)
    font = _run(
        python, "-c",
        "from frontdesk.hardware.cjk_font import register_cjk_font; print(register_cjk_font())",
        cwd=tmp_path,
    )  # fmt: skip
    qm = _run(
        python, "-c",
        "from frontdesk.resources import resource as r; print(r('i18n', 'frontdesk_en.qm').stat()"
        ".st_size)",
        cwd=tmp_path,
    )  # fmt: skip

    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr
    assert demo.returncode == 0, demo.stderr
    assert "钻石会员" in demo.stdout
    assert font.stdout.strip() == "WenQuanYiMicroHei", font.stderr
    assert int(qm.stdout.strip() or 0) > 1000, qm.stderr
