"""Every failure of a command as one line a person can act on, and its exit code.

Exit 2: a rule refused the operation (a DomainError, or bad input). Exit 1: anything else —
the till database (persistence says which trouble as a StoreProblem, whose exit_code is 1), the
file system, a migration, head office's database, or a bug. No traceback reaches the terminal; an unexpected error's details go to the log file.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

# key -> (Chinese, English); {db} is the till database, {detail} a file name or a reason.
MESSAGES: dict[str, tuple[str, str]] = {
    "db_newer": (
        "此数据库由更新版本的 frontdesk 创建，请安装新版本的 frontdesk",
        "This database was made by a newer version of frontdesk; install the newer frontdesk",
    ),
    "disk_full": (
        "磁盘已满，无法写入。请腾出空间后重试",
        "The disk is full. Free some space and retry",
    ),
    "db_error": (
        "数据库出错，命令未完成：{db}",
        "Database error; the command did not finish: {db}",
    ),
    "migration": (
        "数据库升级失败，命令未完成。请从备份恢复或联系技术支持",
        "Upgrading the database failed; nothing was done. Restore a backup or call support",
    ),
    "no_permission": ("没有权限访问 {detail}", "No permission to access {detail}"),
    "not_found": ("找不到文件 {detail}", "File not found: {detail}"),
    "is_folder": ("{detail} 是文件夹，不是文件", "{detail} is a folder, not a file"),
    "os_error": (
        "系统错误，命令未完成：{detail}",
        "System error; the command did not finish: {detail}",
    ),
    "hq_unreachable": (
        "无法连接总部数据库，请检查网络和地址后重试",
        "Cannot reach the head-office database; check the network and the address, then retry",
    ),
    "hq_tls": ("无法连接总部：{detail}", "Cannot reach head office: {detail}"),
    "hq_no_database": (
        "总部数据库不存在，请先在总部服务器上建立它（createdb），或检查地址中的数据库名",
        "The head-office database does not exist: create it on the server (createdb) or check "
        "the database name in the address",
    ),
    "hq_login": (
        "总部拒绝了登录，请检查地址中的用户名和密码",
        "Head office refused the login; check the user name and password in the address",
    ),
    "hq_url": (
        "总部连接地址格式不正确（应为 postgresql://…）",
        "The head-office address is malformed (postgresql://…)",
    ),
    "hq_error": (
        "总部数据库出错，命令未完成",
        "The head-office database failed; the command did not finish",
    ),
    "program": ("方案文件有误：{detail}", "The program file is invalid: {detail}"),
    "unexpected": (
        "意外错误，命令未完成（详情已记入 {detail}）",
        "Unexpected error; the command did not finish (details in {detail})",
    ),
}


def say(key: str, lang: str, **values: object) -> str:
    return MESSAGES[key][0 if lang == "zh_CN" else 1].format(**values)


def report(exc: BaseException, args: argparse.Namespace) -> int:
    """Print what went wrong in the chosen language; returns the exit code."""
    code, message = explain(exc, args.lang, getattr(args, "db", None) or "")
    print(message, file=sys.stderr)
    return code


def explain(exc: BaseException, lang: str, db: object) -> tuple[int, str]:
    from frontdesk.cli.errors import CommandFailed, UsageError
    from frontdesk.domain.errors import DomainError
    from frontdesk.domain.program import ProgramInvalid

    if isinstance(exc, DomainError):
        # A refusal is exit 2; an error class may say it is a failure instead (exit_code = 1).
        code = int(getattr(exc, "exit_code", 2))
        return code, exc.message if lang == "zh_CN" else exc.message_en
    if isinstance(exc, UsageError):
        return 2, exc.message(lang)
    if isinstance(exc, CommandFailed):
        return 1, str(exc)
    if isinstance(exc, ProgramInvalid):
        return 1, say("program", lang, detail=exc)
    key, detail = _classify(exc)
    if key == "unexpected":
        detail = _log(exc, db)
    if key == "hq_tls":  # the catalogue's sentence for what TLS refused, in the chosen language
        from frontdesk.domain import messages

        said = messages.sentence(str(detail))
        detail = said.zh if lang == "zh_CN" else said.en
    return 1, say(key, lang, db=db, detail=detail)


def _classify(exc: BaseException) -> tuple[str, object]:
    """The message key for an error of the database stack, the file system or head office."""
    import sqlite3

    # Drivers' errors come wrapped by SQLAlchemy; the driver's own error says what happened.
    cause = getattr(exc, "orig", None) or exc
    if isinstance(cause, sqlite3.Error):
        # The till database's own troubles arrive as StoreProblem refusals (persistence.engine);
        # an SQLite error that still gets here is said generically.
        return "db_error", ""
    if "alembic" in sys.modules:
        from alembic.util.exc import CommandError

        if isinstance(exc, CommandError):
            return ("db_newer" if "can't locate revision" in str(exc).lower() else "migration"), ""
    if "psycopg" in sys.modules:
        import psycopg

        if isinstance(cause, psycopg.OperationalError):
            from frontdesk.sync.hq_causes import cause_key

            # verify-full refused head office: which of CA, file or name is to be fixed.
            tls = cause_key(cause)
            if tls.startswith("hq_cause_tls"):
                return "hq_tls", tls
            said = str(cause).lower()
            if "does not exist" in said and "database" in said:
                return "hq_no_database", ""
            if "authentication failed" in said or "no password supplied" in said:
                return "hq_login", ""
            return "hq_unreachable", ""
        if isinstance(cause, psycopg.Error):
            return "hq_error", ""
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import ArgumentError

        if isinstance(exc, ArgumentError) and "url" in str(exc).lower():
            return "hq_url", ""
    if isinstance(exc, OSError):
        return _os_key(exc)
    return "unexpected", ""


def _os_key(exc: OSError) -> tuple[str, object]:
    name = exc.filename or exc.strerror or ""
    if exc.errno == errno.ENOSPC:
        return "disk_full", name
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "no_permission", name
    if isinstance(exc, IsADirectoryError):
        return "is_folder", name
    if isinstance(exc, FileNotFoundError):
        return "not_found", name
    return "os_error", name


def _log(exc: BaseException, db: object) -> str:
    """The traceback into the till's log file (never the terminal); returns where it went."""
    import logging

    from frontdesk.logfiles import start_logging

    path = start_logging(Path(str(db)) if db else Path.cwd() / "frontdesk.db")
    if path is None:
        return os.devnull  # nowhere to write it; the message still says the command failed
    logging.getLogger("frontdesk.cli").error("a command failed", exc_info=exc)
    return str(path)
