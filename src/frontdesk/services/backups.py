"""When a till may be restored from a backup: never behind what head office already holds."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.domain import errors


class BackupBehindHeadOffice(errors.DomainError):
    key = "backup_behind_head_office"
    template = (
        "此备份早于总部已收到的数据（{stream_zh}：备份到第 {backup_seq} 条，总部已有本收银台第 "
        "{hq_seq} 条），恢复后会重复使用已上传的编号。"
        "请改用最新的备份，或联系总部取回本收银台的账本"
    )
    english = (
        "This backup is older than what head office holds ({stream_en}: the backup reaches "
        "{backup_seq}, head office has this till's {hq_seq}); restoring it would reuse numbers "
        "already sent. Use a newer backup, or contact head office to recover this till's ledger"
    )


class HeadOfficeNotChecked(errors.DomainError):
    key = "backup_hq_unchecked"
    template = (
        "无法连接总部，不能确认此备份是否为最新。请恢复网络后重试；确认无误时可加 --without-hq"
    )
    english = (
        "Head office cannot be reached to confirm this backup is the newest. Retry when the "
        "network is back, or add --without-hq if you are sure"
    )


class RestoreNotPermitted(errors.DomainError):
    key = "restore_not_permitted"
    template = "恢复数据库须由管理员操作（以备份中的管理员工号和密码登录）"
    english = "Only an admin may restore the database (sign in as an admin of the backup)"


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
