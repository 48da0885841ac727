"""`frontdesk backup` and `frontdesk restore`: the till database copied while it runs, and back."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
from pathlib import Path

from frontdesk.cli.errors import CommandFailed
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.config import SystemClock
from frontdesk.domain import messages
from frontdesk.persistence import backup, pin_pepper
from frontdesk.services import backups
from frontdesk.services.sync_port import PUSH_STREAMS

KEEP_DAYS = 14


def default_folder(db: Path) -> Path:
    return db.parent / "backups"


def take(s: Session) -> Outcome:
    actor = backups.may_back_up(s.ctx, None if s.args.nightly else s.operator().staff_no)
    now = SystemClock().now()
    folder = Path(s.args.to) if s.args.to else default_folder(s.args.db)
    done = backup.take(s.args.db, folder, now)
    _copy_credentials(s.args.db, done.path)
    gone = backup.prune(folder, s.args.keep_days, now)
    backups.record_backup(
        s.ctx, actor=actor, name=done.path.name, ledger_seq=done.ledger_seq, pruned=len(gone)
    )
    text = s.say(
        "said_backup_taken",
        path=done.path,
        size_kb=done.size // 1024,
        ledger_seq=done.ledger_seq,
        pruned=len(gone),
    )
    kept = pin_pepper.kept_where(s.args.db)
    if kept == "file":
        text += "\n" + s.say("backup_pin_secret_file", path=pin_pepper.pepper_beside(done.path))
    elif kept == "keyring":
        text += "\n" + s.say("backup_pin_secret_keyring")
    logging.getLogger(__name__).info(
        "backup %s by %s: ledger to entry %d, %d old removed",
        done.path.name, actor, done.ledger_seq, len(gone),
    )  # fmt: skip
    data = {"path": str(done.path), "ledger_seq": done.ledger_seq, "pin_secret": kept}
    return Outcome(text, data)


def _credentials(db: Path) -> Path:
    return db.with_name(db.name + ".hq.json")


def _copy_credentials(db: Path, copy: Path) -> None:
    # A till restored onto a new machine must still reach head office: its login travels with
    # the backup, as private as the backup itself.
    if _credentials(db).exists():
        shutil.copyfile(_credentials(db), _credentials(copy))
        if os.name == "posix":
            os.chmod(_credentials(copy), 0o600)


def _head_office_positions(creds: Path, till_id: str) -> dict[str, int]:
    from frontdesk.sync import credentials
    from frontdesk.sync.hq_engine import make_hq_engine
    from frontdesk.sync.postgres_head_office import PostgresHeadOffice

    engine = make_hq_engine(credentials.load(creds).url())
    try:
        hq = PostgresHeadOffice(engine)
        return {stream: hq.cursor(till_id, stream) for stream in PUSH_STREAMS}
    finally:
        engine.dispose()


def _checked_install(
    args: argparse.Namespace, source: Path, scratch: Path, target: Path, ledger_seq: int
) -> Path | None:
    """Puts the backup in place of the target once an admin of the backup has signed in.

    The admin signs in on a scratch copy (so the backup itself is never written to), the
    restore is audited there, and only then does the copy replace the target.
    """
    from frontdesk.config import load_program
    from frontdesk.persistence.engine import open_database
    from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
    from frontdesk.services.context import TillContext

    backup.install(source, scratch)
    engine = open_database(scratch)
    try:
        ctx = TillContext(SqlUnitOfWorkFactory(engine), SystemClock(), load_program(args.program))
        backups.restore_by(
            ctx, staff_no=args.staff or "", pin=args.pin or "", source=source.name,
            ledger_seq=ledger_seq,
        )  # fmt: skip
    finally:
        engine.dispose()
    return backup.install(scratch, target)


def restore(args: argparse.Namespace) -> Outcome:
    """Runs without opening the target: on a new machine there is no database there yet."""
    lang, target, source = args.lang, Path(args.db), Path(args.file)
    try:
        found = backup.facts(source)
    except backup.BackupBroken as exc:
        raise CommandFailed("backup_broken", detail=exc) from None
    creds = _credentials(target) if _credentials(target).exists() else _credentials(source)
    if creds.exists() and not args.without_hq:
        try:
            held = _head_office_positions(creds, found.till_id)
        except Exception:  # any failure to reach head office means "not checked", never "fine"
            raise backups.HeadOfficeNotChecked() from None
        backups.check_against_head_office(found.positions, held)
    scratch = target.with_name(target.name + ".checking")
    try:
        kept = _checked_install(args, source, scratch, target, found.ledger_seq)
    finally:
        for leftover in (
            scratch,
            *(scratch.with_name(scratch.name + x) for x in ("-wal", "-shm", ".pepper")),
        ):
            leftover.unlink(missing_ok=True)
    if creds.exists() and not _credentials(target).exists():
        shutil.copyfile(creds, _credentials(target))
        if os.name == "posix":
            os.chmod(_credentials(target), 0o600)
    text = messages.say(
        "said_restored",
        lang,
        source=source.name,
        till_id=found.till_id,
        ledger_seq=found.ledger_seq,
    ) + (messages.say("said_restored_kept", lang, kept_as=kept.name) if kept else "")
    return Outcome(text, {"till_id": found.till_id, "ledger_seq": found.ledger_seq})


restore.standalone = True  # type: ignore[attr-defined]
