"""The till database migrates itself, and the shortcut that skips Alembic knows the real head."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from frontdesk.persistence.engine import HEAD_REVISION, MIGRATIONS, current_revision, open_database


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))

    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD_REVISION


def test_a_new_database_is_migrated_to_head_and_reopening_it_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "till.db"

    first = open_database(path, create=True)
    revision = current_revision(first)
    first.dispose()
    again = open_database(path)

    assert revision == HEAD_REVISION
    assert current_revision(again) == HEAD_REVISION
    again.dispose()
