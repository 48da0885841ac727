"""The battery: every bad database, bad environment and bad input of issue 12, by the command.

Each case sets its trouble up, runs `frontdesk` as a person would, and the one test asserts the
same four things of all of them: the exit code (1 for the machine's trouble, 2 for the person's
input or a refusal), the sentence on stderr, no traceback anywhere, and nothing written (the
store's files byte for byte beside the database, its logs aside; head office's rows where head
office is in the case).

How the environment is made bad, on one machine without loop devices:
- read-only: the database and its folder chmod'ed 0400/0500; as root (who writes through any
  mode) the command runs under setpriv without CAP_DAC_OVERRIDE, so the modes hold for it too;
- a full disk: a 3 MB tmpfs in a private mount namespace (unshare; a user namespace when not
  root), filled with dd before the command starts;
- a write lock held over 10 s: this test holds BEGIN IMMEDIATE on the store for the whole run.
The serial scanner's cap on a frame without a terminator is tested with its pty in
devices/test_serial_scanner (no command reads a serial line).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from frontdesk.config import DEFAULT_PROGRAM
from frontdesk.sync.hq_version import expected_schema
from tests.integration.sync.conftest import Till, hq_admin, hq_admin_url, make_till

__all__ = ["hq_admin", "hq_admin_url", "make_till"]

STAFF = ("--staff", "1001", "--pin", "1001")
RESTORE = "恢复方法：关闭所有 frontdesk 窗口和命令"
TOO_NEW = "此数据库由更新版本的 frontdesk 创建，请升级 frontdesk"
PAGE = 4096


def frontdesk(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "frontdesk.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    # Its own process: leaving it checkpoints the WAL, so the one file holds the whole store.
    made = frontdesk("--db", str(db), "demo")
    assert made.returncode == 0, made.stderr
    assert not db.with_name("demo.db-wal").exists()
    return db


@dataclass
class Bench:
    """One case's place: a copy of the demo store in a folder of its own, and what to watch."""

    demo: Path
    folder: Path
    request: pytest.FixtureRequest
    db: Path = field(init=False)
    prefix: tuple[str, ...] = ()
    watched: list[Callable[[], object]] = field(default_factory=list)
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.folder.mkdir()
        self.db = self.folder / "till.db"
        for made in self.demo.parent.iterdir():  # the store and the PIN secret beside it
            if made.is_file() and made.name.startswith(self.demo.name):
                shutil.copy(made, self.folder / made.name.replace(self.demo.name, "till.db"))
        self.watched.append(lambda: _files(self.folder))

    def card(self) -> str:
        with closing(sqlite3.connect(self.db)) as raw:
            found = raw.execute("SELECT card_no FROM card WHERE state = 'active' LIMIT 1")
            return str(found.fetchone()[0])

    def barcode(self) -> str:
        with closing(sqlite3.connect(self.db)) as raw:
            return str(raw.execute("SELECT barcode FROM product LIMIT 1").fetchone()[0])


def _files(folder: Path) -> dict[str, str]:
    """Every file beside the database and its digest; the command's own log is not the store."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.relative_to(folder).parts
    }


# -- bad databases --------------------------------------------------------------------------


def _garbage(b: Bench) -> tuple[str, ...]:
    b.db.write_bytes(os.urandom(8192))
    return ("--db", str(b.db), "verify")


def _truncated(b: Bench) -> tuple[str, ...]:
    with b.db.open("r+b") as f:
        f.truncate(b.db.stat().st_size // 2)
    return ("--db", str(b.db), "verify")


def _page_overwritten(b: Bench) -> tuple[str, ...]:
    with b.db.open("r+b") as f:
        f.seek(5 * PAGE)
        f.write(os.urandom(PAGE))
    return ("--db", str(b.db), "verify")


def _ledger_page_overwritten(b: Bench) -> None:
    """The ledger's own b-tree page (its root) overwritten: the stored-value books damaged."""
    with closing(sqlite3.connect(b.db)) as raw:
        root = raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'ledger_entry'"
        ).fetchone()[0]
        size = raw.execute("PRAGMA page_size").fetchone()[0]
    with b.db.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(os.urandom(size))


def _ledger_damaged_verify(b: Bench) -> tuple[str, ...]:
    _ledger_page_overwritten(b)
    return ("--db", str(b.db), "verify")  # it crashed here once


def _ledger_damaged_stored_value_sale(b: Bench) -> tuple[str, ...]:
    card, item = b.card(), b.barcode()
    _ledger_page_overwritten(b)
    # A stored-value sale once committed on a damaged ledger.
    pay = ("--pay", "stored_value:0.01", "--pay", "cash:1000.00", "--member-pin", "135790")
    return ("--db", str(b.db), *STAFF, "sale", "--card", card, "--item", item, *pay)


def _newer_schema(b: Bench) -> tuple[str, ...]:
    with closing(sqlite3.connect(b.db)) as raw, raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    return ("--db", str(b.db), "verify")


def _folder_as_db(b: Bench) -> tuple[str, ...]:
    return ("--db", str(b.folder), *STAFF, "member", "find", "张")


def _mistyped_db(b: Bench) -> tuple[str, ...]:
    return ("--db", str(b.folder / "tyop.db"), "verify")  # and verify once said 核对通过


def _mistyped_db_in_english(b: Bench) -> tuple[str, ...]:
    return ("--db", str(b.folder / "tyop.db"), "--lang", "en", "verify")


def _not_ours(b: Bench) -> tuple[str, ...]:
    b.db.unlink()
    with closing(sqlite3.connect(b.db)) as raw, raw:
        raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    return ("--db", str(b.db), "verify")


# -- bad environments ---------------------------------------------------------------------


def _read_only(b: Bench) -> tuple[str, ...]:
    if os.name != "posix":
        pytest.skip("POSIX modes")
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root writes through any mode, and setpriv is missing to stop it")
        caps = "-dac_override,-dac_read_search"
        b.prefix = ("setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}")
    for p in b.folder.iterdir():
        p.chmod(0o400)
    b.folder.chmod(0o500)
    b.cleanups.append(lambda: b.folder.chmod(0o700))
    return ("--db", str(b.db), "verify")


def _private_mounts() -> tuple[str, ...]:
    """unshare's words for a mount namespace of our own (a user one too when not root)."""
    if os.name != "posix" or shutil.which("unshare") is None:
        pytest.skip("needs Linux mount namespaces")
    unshare = ("unshare", "-m") if os.geteuid() == 0 else ("unshare", "-r", "-m")
    probe = subprocess.run(
        [*unshare, "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("this user may not mount in a private namespace")
    return unshare


def _full_disk(b: Bench) -> tuple[str, ...]:
    small = b.folder / "small"
    small.mkdir()  # the tmpfs and the copy on it vanish with the command's namespace
    fill = 'mount -t tmpfs -o size=3m tmpfs "$0" && cp "$1" "$0/till.db" && shift && '
    fill += 'dd if=/dev/zero of="$0/fill" bs=64k 2>/dev/null; exec "$@"'
    b.prefix = (*_private_mounts(), "sh", "-c", fill, str(small), str(b.db))
    return ("--db", str(small / "till.db"), "verify")


# Another window mid-write: a process of its own, since closing any descriptor of a file drops
# every POSIX lock this process holds on it (reading the file for its digest would).
HOLD_LOCK = """
import sqlite3, sys
holder = sqlite3.connect(sys.argv[1], isolation_level=None)
holder.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.read()
"""


def _lock_held(b: Bench) -> tuple[str, ...]:
    card = b.card()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(b.db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"

    def release() -> None:
        assert holder.stdin is not None
        assert holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()

    b.cleanups.append(release)
    return ("--db", str(b.db), *STAFF, "topup", "--card", card, "10")


def _hq_database_missing(b: Bench) -> tuple[str, ...]:
    admin: Engine = b.request.getfixturevalue("hq_admin")
    databases = "SELECT datname FROM pg_database ORDER BY 1"
    b.watched.append(lambda: _rows(admin, databases))
    url = admin.url.set(database="no_such_database").render_as_string(hide_password=False)
    return ("--db", str(b.db), "hq", "init", "--hq-url", url)


def _hq_report_database_missing(b: Bench) -> tuple[str, ...]:
    admin: Engine = b.request.getfixturevalue("hq_admin")
    url = admin.url.set(database="no_such_database").render_as_string(hide_password=False)
    return ("--db", str(b.db), "hq", "report", "--hq-url", url)


def _hq_unreachable(b: Bench) -> tuple[str, ...]:
    return ("--db", str(b.db), "hq", "report", "--hq-url", "postgresql://nobody@127.0.0.1:1/x")


def _hq_misaddressed(b: Bench) -> tuple[str, ...]:
    return ("--db", str(b.db), "hq", "report", "--hq-url", "not a url at all")


def _rows(admin: Engine, query: str, **params: object) -> list[tuple[object, ...]]:
    with admin.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


def _head_office_at(b: Bench, till_no: int, version: str) -> tuple[str, ...]:
    """An enrolled till whose head office's schema says `version`, set back afterwards."""
    admin: Engine = b.request.getfixturevalue("hq_admin")
    till: Till = b.request.getfixturevalue("make_till")(1, till_no)
    till.engine.dispose()
    books = "SELECT count(*) FROM ledger_entry WHERE till_id = :t"
    b.watched.append(lambda: _rows(admin, books, t=till.till_id))
    b.watched.append(lambda: _till_books(till.path))

    def set_version(v: str) -> None:
        with admin.begin() as conn:
            conn.execute(text("UPDATE hq_alembic_version SET version_num = :v"), {"v": v})

    set_version(version)
    b.cleanups.append(lambda: set_version(expected_schema()))
    return ("--db", str(till.path), "sync")


def _till_books(db: Path) -> tuple[int, ...]:
    with closing(sqlite3.connect(db)) as raw:
        tables = ("ledger_entry", "ticket", "member", "card", "print_job")
        return tuple(raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def _head_office_behind(b: Bench) -> tuple[str, ...]:
    return _head_office_at(b, 61, "h0005")  # a till newer than head office's schema


def _head_office_ahead(b: Bench) -> tuple[str, ...]:
    return _head_office_at(b, 62, "h0099")


# -- bad input ----------------------------------------------------------------------------


def _topup(amount: str) -> Callable[[Bench], tuple[str, ...]]:
    return lambda b: ("--db", str(b.db), *STAFF, "topup", "--card", b.card(), amount)


def _register(*extra: str, name: str = "王芳") -> Callable[[Bench], tuple[str, ...]]:
    add = ("member", "add", "--phone", "13912345678", "--name", name, "--consent-terms", *extra)
    return lambda b: ("--db", str(b.db), *STAFF, *add)


def _full_width_pin_sale(b: Bench) -> tuple[str, ...]:
    # Refused before any check: not counted as a wrong try (the audit log is in the digest).
    pay = ("--pay", "stored_value:0.01", "--pay", "cash:1000.00", "--member-pin", "１３５７９０")
    return ("--db", str(b.db), *STAFF, "sale", "--card", b.card(), "--item", b.barcode(), *pay)


def _full_width_quantity(b: Bench) -> tuple[str, ...]:
    return ("--db", str(b.db), *STAFF, "sale", "--item", "6900000000052x２", "--pay", "cash:1")


SHIPPED = DEFAULT_PROGRAM.read_text(encoding="utf-8")


def _program(edited: str, encoding: str = "utf-8") -> Callable[[Bench], tuple[str, ...]]:
    def run(b: Bench) -> tuple[str, ...]:
        program = b.folder / "program.toml"
        program.write_bytes(edited.encode(encoding))
        return ("--db", str(b.db), "--program", str(program), "verify")

    return run


@dataclass(frozen=True)
class Case:
    setup: Callable[[Bench], tuple[str, ...]]
    exit_code: int
    said: str
    also: tuple[str, ...] = ()  # more words the same line must hold
    english: bool = False  # said in English: not one Han character in it


def _refused_input(setup: Callable[[Bench], tuple[str, ...]], said: str) -> Case:
    """A command a person got wrong: exit 2, and not a row written but the staff's sign-in.

    The sign-in comes before the input is read and is audited as it should be; every other
    table, and every other audit row (a wrong PIN try, say), stays as it was.
    """

    def signed_in(b: Bench) -> tuple[str, ...]:
        b.watched[:] = [lambda: _rows_but_sign_ins(b.db)]
        return setup(b)

    return Case(signed_in, 2, said)


def _rows_but_sign_ins(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        counts = {t: raw.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        counts["audit_log"] = raw.execute(
            "SELECT count(*) FROM audit_log WHERE action <> 'login'"
        ).fetchone()[0]
    return counts


CASES: dict[str, Case] = {
    # Bad databases: exit 1, the file left as it was.
    "garbage as the database": Case(_garbage, 1, "不是 frontdesk 数据库", (RESTORE,)),
    "a truncated database": Case(_truncated, 1, "数据库文件已损坏", (RESTORE,)),
    "a page overwritten": Case(_page_overwritten, 1, "数据库文件已损坏", (RESTORE,)),
    "a ledger page damaged, verify": Case(_ledger_damaged_verify, 1, "数据库文件已损坏"),
    "a ledger page damaged, stored-value sale": Case(
        _ledger_damaged_stored_value_sale, 1, "数据库文件已损坏", (RESTORE,)
    ),
    "a newer schema": Case(_newer_schema, 1, TOO_NEW, ("0099_from_the_future",)),
    "a mistyped --db, in English": Case(
        _mistyped_db_in_english, 1, "Database not found", ("frontdesk init",), english=True
    ),
    "another program's SQLite file": Case(_not_ours, 1, "不是 frontdesk 数据库"),
    "a folder as --db": Case(_folder_as_db, 1, "是文件夹，不是数据库文件"),
    "a mistyped --db": Case(_mistyped_db, 1, "找不到数据库文件", ("frontdesk init",)),
    # Bad environments: exit 1.
    "a read-only database": Case(_read_only, 1, "数据库只读，无法写入"),
    "a full disk": Case(_full_disk, 1, "磁盘已满，无法写入数据库"),
    "a write lock held over 10 s": Case(_lock_held, 1, "占用超过 10 秒", ("本次操作未保存",)),
    "hq init with a missing database": Case(_hq_database_missing, 1, "总部数据库不存在"),
    "hq report with a missing database": Case(_hq_report_database_missing, 1, "总部数据库不存在"),
    "head office unreachable": Case(_hq_unreachable, 1, "无法连接总部数据库"),
    "head office misaddressed": Case(_hq_misaddressed, 1, "总部连接地址格式不正确"),
    "a till newer than head office": Case(
        _head_office_behind, 2, "低于本收银台所需的", ("frontdesk hq migrate", "本机数据已保留")
    ),
    "head office newer than the till": Case(
        _head_office_ahead, 2, "请先升级此收银台的 frontdesk", ("本机数据已保留",)
    ),
    # Bad input: exit 2, nothing booked.
    "1e5 as money": _refused_input(_topup("1e5"), "金额格式不正确：1e5"),
    "1_000 as money": _refused_input(_topup("1_000"), "金额格式不正确：1_000"),
    "full-width digits as money": _refused_input(_topup("１００"), "金额格式不正确：１００"),
    "Arabic-Indic digits as money": _refused_input(_topup("١٠٠"), "金额格式不正确：١٠٠"),
    "three decimals as money": _refused_input(_topup("10.005"), "金额格式不正确：10.005"),
    "a top-up of nothing": _refused_input(_topup("0"), "金额"),
    "a full-width PIN at registration": _refused_input(
        _register("--member-pin", "２４６８１３"), "密码须为"
    ),
    "a full-width PIN at a stored-value sale": _refused_input(_full_width_pin_sale, "密码须为"),
    "a 10 kB name": _refused_input(_register(name="张" * 10_000), "姓名最多 50 个字符"),
    "a full-width quantity": _refused_input(_full_width_quantity, "商品写法应为"),
    "a program file with a misspelt key": Case(
        _program(SHIPPED.replace("hold_months = 12", "hold_monthz = 6")),
        2,
        "tier.hold_monthz：未知的设置项",
    ),
    "a program file with a misspelt section": Case(
        _program(SHIPPED.replace("[tier]\n", "[tierz]\n")), 2, "tierz：未知的段落"
    ),
    "a program file with a bonus above its top-up": Case(
        _program(SHIPPED.replace('bonus = "10.00"', 'bonus = "1000.00"')),
        2,
        "stored_value.topup_bonus[0].bonus：赠送金额须低于其充值门槛",
    ),
    "a program file with diamond below gold": Case(
        _program(
            SHIPPED.replace('min_single_ticket = "30000.00"', 'min_single_ticket = "10000.00"')
        ),
        2,
        "tiers[3].min_single_ticket：须高于较低等级 tiers[2] 的门槛",
    ),
    "a program file with a discount over 100 %": Case(
        _program(SHIPPED.replace('pay_rate = "0.98"', 'pay_rate = "1.5"')),
        2,
        "tiers[0].pay_rate",
    ),
    "a program file in GB18030": Case(_program(SHIPPED, "gb18030"), 2, "文件是 GB18030/GBK 编码"),
    "a program file with a BOM": Case(_program(SHIPPED, "utf-8-sig"), 2, "BOM"),
}


@pytest.fixture
def bench(demo_db: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Bench]:
    made = Bench(demo_db, tmp_path / "store", request)
    yield made
    for cleanup in reversed(made.cleanups):
        cleanup()


@pytest.mark.parametrize("case", list(CASES))
def test_each_bad_database_environment_and_input_is_one_sentence_and_writes_nothing(
    bench: Bench, case: str
) -> None:
    expected = CASES[case]
    args = expected.setup(bench)
    before = [watch() for watch in bench.watched]

    done = frontdesk(*args, prefix=bench.prefix)

    assert done.returncode == expected.exit_code, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert expected.said in lines[0]
    for words in expected.also:
        assert words in lines[0]
    if expected.english:
        assert not re.search(r"[\u4e00-\u9fff]", lines[0]), lines[0]
    assert "Traceback" not in done.stderr + done.stdout
    assert "Error" not in done.stderr  # no exception class names either
    assert "核对通过" not in done.stdout
    assert [watch() for watch in bench.watched] == before
