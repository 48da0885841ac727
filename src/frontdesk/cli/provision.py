"""`frontdesk hq enrol` and `frontdesk hq min-version`: head office provisioning its tills."""

from __future__ import annotations

import argparse

from frontdesk.cli.output import Outcome
from frontdesk.domain.numbering import store_digits, till_id
from frontdesk.sync.hq_engine import make_hq_engine


def enrol(args: argparse.Namespace) -> Outcome:
    """Runs at head office with its admin address; no till database is needed there."""
    from frontdesk.sync.enrolment import CODE_LIFETIME, issue_code

    store_no, till = store_digits(args.store), till_id(args.store, args.till)
    admin = make_hq_engine(args.hq_url)
    try:
        code = issue_code(admin, store_no=store_no, till_id=till, store_name=args.store_name)
    finally:
        admin.dispose()
    days = CODE_LIFETIME.days
    text = (
        f"收银台 {till} 的注册码（{days} 天内有效，只能使用一次）：{code}\n"
        f"在该收银台执行：frontdesk init --enrol {code} --hq 总部地址 --admin 工号 --admin-pin 密码"
        if args.lang == "zh_CN"
        else f"Enrolment code for till {till} (valid {days} days, once): {code}\n"
        f"On that till run: frontdesk init --enrol {code} --hq HOST --admin NO --admin-pin PIN"
    )
    return Outcome(text, {"till_id": till, "code": str(code)})


enrol.standalone = True  # type: ignore[attr-defined]


def min_version(args: argparse.Namespace) -> Outcome:
    from frontdesk.sync.enrolment import set_min_version

    admin = make_hq_engine(args.hq_url)
    try:
        set_min_version(admin, args.version)
    finally:
        admin.dispose()
    text = (
        f"总部只接受 {args.version} 及以上版本的收银台；更旧的收银台同步时会被要求更新"
        if args.lang == "zh_CN"
        else f"Head office serves tills of version {args.version} or newer; older ones are told "
        "to update when they sync"
    )
    return Outcome(text, {"min_version": args.version})


min_version.standalone = True  # type: ignore[attr-defined]
