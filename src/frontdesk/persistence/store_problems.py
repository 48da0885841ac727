"""What can be wrong with the till's database file and its disk, each said once in zh and en."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from frontdesk.domain.errors import StoreProblem

# Said after every "the file is damaged" message: the one way back that needs no programmer.
_RESTORE_ZH = (
    "恢复方法：关闭所有 frontdesk 窗口和命令，把此文件连同同名的 -wal、-shm 文件移到别处保留，"
    "将最近的备份复制为 {path}，运行 frontdesk verify 核对，再联系总部核对此收银台的记录"
)
_RESTORE_EN = (
    "To restore: close every frontdesk window and command, move this file and its -wal and -shm "
    "files aside (keep them), copy the latest backup to {path}, run frontdesk verify, then ask "
    "head office to check this till's records"
)
_NOT_SAVED_ZH = "本次操作未保存"
_NOT_SAVED_EN = "nothing of this operation was saved"


def _problem(name: str, key: str, zh: str, en: str) -> type[StoreProblem]:
    return type(name, (StoreProblem,), {"key": key, "template": zh, "english": en})


StoreMissing = _problem(
    "StoreMissing",
    "store_missing",
    "找不到数据库文件：{path}。请检查 --db 路径；新收银台请先运行 frontdesk init",
    "Database not found: {path}. Check --db; a new till starts with frontdesk init",
)
StoreIsFolder = _problem(
    "StoreIsFolder",
    "store_is_folder",
    "{path} 是文件夹，不是数据库文件；请用 --db 指定数据库文件（例如 till.db）",
    "{path} is a folder, not a database file; give --db the database file (e.g. till.db)",
)
StoreNotDatabase = _problem(
    "StoreNotDatabase",
    "store_not_database",
    "{path} 不是 frontdesk 数据库。请检查 --db 路径；如果它本是收银台的数据库，则已损坏。"
    + _RESTORE_ZH,
    "{path} is not a frontdesk database. Check --db; if it was this till's database, it is "
    "damaged. " + _RESTORE_EN,
)
StoreCorrupt = _problem(
    "StoreCorrupt",
    "store_corrupt",
    "数据库文件已损坏（完整性检查未通过）：{path}。" + _RESTORE_ZH,
    "The database file is damaged (integrity check failed): {path}. " + _RESTORE_EN,
)
StoreTooNew = _problem(
    "StoreTooNew",
    "store_too_new",
    "此数据库由更新版本的 frontdesk 创建，请升级 frontdesk（数据库版本 {revision}，"
    "本程序最高支持 {head}）：{path}",
    "This database was made by a newer version of frontdesk: upgrade frontdesk (database "
    "revision {revision}, this program knows up to {head}): {path}",
)
StoreReadOnly = _problem(
    "StoreReadOnly",
    "store_read_only",
    "数据库只读，无法写入：{path}。请检查文件和文件夹的权限，或磁盘是否以只读方式挂载",
    "The database is read-only: {path}. Check the permissions of the file and its folder, or "
    "whether the disk is mounted read-only",
)
StoreDiskFull = _problem(
    "StoreDiskFull",
    "store_disk_full",
    "磁盘已满，无法写入数据库：{path}。请释放磁盘空间后重试；" + _NOT_SAVED_ZH,
    "The disk is full, the database cannot be written: {path}. Free some space and try again; "
    + _NOT_SAVED_EN,
)
StoreBusy = _problem(
    "StoreBusy",
    "store_busy",
    "数据库被另一个 frontdesk 窗口或命令占用超过 {seconds} 秒：{path}。"
    "请等它完成或关闭它后重试；" + _NOT_SAVED_ZH,
    "The database has been held by another frontdesk window or command for over {seconds} s: "
    "{path}. Wait for it or close it, then try again; " + _NOT_SAVED_EN,
)
StoreDiskError = _problem(
    "StoreDiskError",
    "store_disk_error",
    "读写数据库时磁盘出错：{path}。请检查磁盘或存储卡；" + _NOT_SAVED_ZH,
    "A disk error while using the database: {path}. Check the disk; " + _NOT_SAVED_EN,
)
StoreCannotOpen = _problem(
    "StoreCannotOpen",
    "store_cannot_open",
    "无法打开数据库：{path}。请检查文件和文件夹是否存在、是否有权限",
    "Cannot open the database: {path}. Check that the file and its folder exist and can be used",
)

# Below this much free space a till refuses to start rather than fail in the middle of a sale.
MIN_FREE_BYTES = 1 << 20
# The seconds a writer waits for another's lock before giving up (SQLite's busy timeout).
LOCK_WAIT_SECONDS = 10

# SQLite's primary result codes (the low byte of sqlite_errorcode) → what the person is told.
# Everything else (a constraint, a bug) is not the environment and stays as it is.
_BY_SQLITE_CODE: dict[int, type[StoreProblem]] = {
    5: StoreBusy,  # SQLITE_BUSY
    6: StoreBusy,  # SQLITE_LOCKED
    8: StoreReadOnly,  # SQLITE_READONLY
    10: StoreDiskError,  # SQLITE_IOERR
    11: StoreCorrupt,  # SQLITE_CORRUPT
    13: StoreDiskFull,  # SQLITE_FULL
    14: StoreCannotOpen,  # SQLITE_CANTOPEN
    26: StoreNotDatabase,  # SQLITE_NOTADB
}


def problem_for(error: BaseException, path: str) -> StoreProblem | None:
    """The StoreProblem an SQLite error stands for, or None when it is not the environment's."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(error, sqlite3.Error) or code is None:
        return None
    kind = _BY_SQLITE_CODE.get(code & 0xFF)
    if kind is None:
        return None
    if kind is StoreDiskError and path and _nearly_full(Path(path).parent):
        kind = StoreDiskFull  # SQLite says "disk I/O error" when a write or fsync hits ENOSPC
    return kind(path=path, seconds=LOCK_WAIT_SECONDS)


def _nearly_full(folder: Path) -> bool:
    try:
        disk = os.statvfs(folder)
    except (AttributeError, OSError):
        return False
    return disk.f_bavail * disk.f_frsize < MIN_FREE_BYTES
