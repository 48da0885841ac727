"""The member's personal fields live sealed in member_personal (issue 10, PIPL), on a real file.

The till reads them as before (by phone, by its last four digits, by part of the name, by card)
while no raw row of `member` or `member_personal` holds them; a sealed field changed in the file,
or moved onto another member, is refused; and a till of revision 0013 migrates its plaintext
members into sealed rows, a key made for each member that had none, and its outbox's member
events too (0016).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from frontdesk.domain.member_search import read_member_query
from frontdesk.persistence.engine import MIGRATIONS, make_engine, open_database
from frontdesk.persistence.member_keys import open_with
from frontdesk.persistence.member_personal import SealBroken
from frontdesk.persistence.repositories import SqlMembers
from tests.integration.core_fixtures import Till


def _raw(db: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def _names(till: Till, typed: str) -> list[str]:
    with till.ctx.uow(write=False) as uow:
        return [m.name for m in uow.members.search(read_member_query(typed))]


def test_the_till_finds_members_by_phone_tail_and_name_while_no_raw_row_holds_them(
    till: Till,
) -> None:
    zhang = till.member("13800001111", "张伟")
    till.member("13900002222", "张小伟")
    till.member("13700001111", "李娜")

    raw = repr(_raw(till.path, "SELECT * FROM member")) + repr(
        _raw(till.path, "SELECT * FROM member_personal")
    )

    for text in ("张伟", "张小伟", "李娜", "13800001111", "13900002222"):
        assert text not in raw
    assert _names(till, "13800001111") == ["张伟"]
    assert _names(till, "1111") == ["张伟", "李娜"]  # in name order, as the counter lists them
    assert _names(till, "伟") == ["张伟", "张小伟"]
    assert _names(till, zhang.card_no) == ["张伟"]
    with till.ctx.uow(write=False) as uow:
        found = uow.members.by_phone("+86 138-0000-1111")
    assert found is not None
    assert found.member_id == zhang.member.member_id


def test_a_sealed_name_changed_in_the_file_is_refused(till: Till) -> None:
    member = till.member().member.member_id
    [(sealed,)] = _raw(till.path, "SELECT name FROM member_personal WHERE member_id = ?", member)
    tampered = str(sealed)[:-4] + ("AAAA" if not str(sealed).endswith("AAAA") else "BBBB")
    with sqlite3.connect(till.path) as conn:
        conn.execute("UPDATE member_personal SET name = ? WHERE member_id = ?", (tampered, member))

    with pytest.raises(SealBroken), till.ctx.uow(write=False) as uow:
        uow.members.get(member)


def test_a_name_moved_onto_another_member_in_the_file_does_not_open(till: Till) -> None:
    zhang = till.member("13800001111", "张伟").member.member_id
    li = till.member("13900002222", "李娜").member.member_id
    with sqlite3.connect(till.path) as conn:
        conn.execute(
            "UPDATE member_personal SET name = (SELECT name FROM member_personal"
            " WHERE member_id = ?) WHERE member_id = ?",
            (zhang, li),
        )

    with pytest.raises(SealBroken), till.ctx.uow(write=False) as uow:
        uow.members.get(li)


def _store_at_0013(path: Path) -> None:
    engine = make_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(write=True) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0013")
        conn.commit()
    engine.dispose()
    at = "2026-03-10T10:00:00+08:00"
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO member (member_id, phone, name, birthday, gender, consent_terms_at,"
            " recruiter, store, created_at, pin_failures, pin_locked, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, '9001', '001', ?, 0, 0, ?)",
            [
                ("m-1", "13800001111", "旧会员甲", "1990-05-06", "f", at, at, at),
                ("m-2", "bearer:m-2", "", None, None, at, at, at),
            ],
        )
        conn.execute(
            "INSERT INTO member_key (member_id, key, created_at) VALUES ('m-2', ?, ?)",
            (bytes(32), at),
        )
        # Events written in the clear before 0016: migration 0016 seals them, pushed or not.
        conn.execute(
            "INSERT INTO outbox (event_uuid, kind, entity_id, payload, created_at)"
            " VALUES ('e-1', 'member', 'm-1', ?, ?)",
            ('{"birthday": "1990-05-06", "gender": "f", "name": "旧会员甲",'
             ' "phone": "13800001111", "store": "001"}', at),
        )  # fmt: skip


def test_a_till_of_revision_0013_seals_its_members_and_keeps_no_plain_column(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    _store_at_0013(path)

    engine = open_database(path)
    with engine.connect() as conn:
        members = SqlMembers(conn)
        old = members.by_phone("13800001111")
        bearer = members.get("m-2")
    engine.dispose()

    assert old is not None
    assert (old.member_id, old.name, str(old.birthday), old.gender) == (
        "m-1", "旧会员甲", "1990-05-06", "f",
    )  # fmt: skip
    assert bearer is not None
    assert bearer.phone == "bearer:m-2"
    columns = [r[1] for r in _raw(path, "PRAGMA table_info(member)")]
    assert not {"name", "phone", "birthday", "gender"} & set(columns)
    keys = _raw(path, "SELECT member_id, key FROM member_key ORDER BY member_id")
    assert [m for m, k in keys if k is not None] == ["m-1", "m-2"]  # m-1 was given one
    assert keys[1][1] == bytes(32)  # and m-2 kept its own
    assert _raw(path, "PRAGMA foreign_key_check") == []
    ((payload,),) = _raw(path, "SELECT payload FROM outbox WHERE event_uuid = 'e-1'")
    event = json.loads(str(payload))
    assert event["store"] == "001"
    key = next(k for m, k in keys if m == "m-1")
    assert isinstance(key, bytes)
    opened = {f: open_with(key, "m-1", f, event[f]) for f in ("name", "phone", "birthday")}
    assert opened == {"name": "旧会员甲", "phone": "13800001111", "birthday": "1990-05-06"}
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert "旧会员甲".encode() not in path.read_bytes()  # not in a freed page either


def test_the_name_search_follows_every_change_of_a_sealed_name_after_keeping_them_opened(
    till: Till,
) -> None:
    """The opened names are kept under till migration 0015's mark; any change moves the mark."""
    zhang = till.member("13800001111", "张伟").member
    till.member("13900002222", "李娜")
    assert _names(till, "伟") == ["张伟"]  # opened and kept
    assert _names(till, "伟") == ["张伟"]  # answered from what was kept

    with till.ctx.uow() as uow:
        member = uow.members.get(zhang.member_id)
        assert member is not None
        uow.members.save(replace(member, name="张小伟"), till.ctx.now())
        uow.commit()
    assert _names(till, "小伟") == ["张小伟"]
    [(mark,)] = _raw(till.path, "SELECT mark FROM personal_change")

    with sqlite3.connect(till.path) as conn:  # a sealed name changed in the file, after a search
        conn.execute(
            "UPDATE member_personal SET name = (SELECT name FROM member_personal"
            " WHERE member_id <> ?) WHERE member_id = ?",
            (zhang.member_id, zhang.member_id),
        )
    assert _raw(till.path, "SELECT mark FROM personal_change") != [(mark,)]
    with pytest.raises(SealBroken), till.ctx.uow(write=False) as uow:
        uow.members.search(read_member_query("伟"))
