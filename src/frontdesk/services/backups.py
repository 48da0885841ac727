"""When a till may be restored from a backup: never behind what head office already holds."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.domain import errors


class BackupBehindHeadOffice(errors.DomainError):
    key = "backup_behind_head_office"


class HeadOfficeNotChecked(errors.DomainError):
    key = "backup_hq_unchecked"


class RestoreNotPermitted(errors.DomainError):
    key = "restore_not_permitted"


STREAM_NAMES = {
    "outbox": ("会员与卡变更", "member and card changes"),
    "ledger": ("储值与积分账本", "the ledger"),
    "ticket": ("小票", "tickets"),
    "audit": ("操作日志", "the audit log"),
}


def check_against_head_office(backup: Mapping[str, int], head_office: Mapping[str, int]) -> None:
    """A backup may be restored only if every stream reaches what head office acknowledged.

    Restoring an older one would make the till hand out numbers head office already stored for
    other entries: the new sales would be taken for ones it has, and the chains would fork.
    """
    for stream, (zh, en) in STREAM_NAMES.items():
        mine, theirs = backup.get(stream, 0), head_office.get(stream, 0)
        if mine < theirs:
            raise BackupBehindHeadOffice(stream_zh=zh, stream_en=en, backup_seq=mine, hq_seq=theirs)
