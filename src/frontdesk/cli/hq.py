"""`frontdesk hq init|report|kpi`: head office set up, and read by its administrator."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.numbering import store_digits
from frontdesk.sync.hq_engine import make_hq_engine


def _settings(s: Session) -> tuple[str, str, str]:
    with s.ctx.uow(write=False) as uow:
        store, till = uow.settings.get("store_no"), uow.settings.get("till_id")
        name = uow.settings.get("store_name") or ""
    if store is None or till is None:
        raise UsageError("not_initialised")
    return store_digits(int(store)), till, name


def init(s: Session) -> Outcome:
    from frontdesk.sync import credentials
    from frontdesk.sync.hq_setup import init_head_office

    store_no, till_id, store_name = _settings(s)
    admin = make_hq_engine(s.args.hq_url)
    try:
        creds = init_head_office(
            admin, store_no=store_no, till_id=till_id, store_name=s.args.store_name or store_name
        )
    finally:
        admin.dispose()
    path = credentials.credentials_path(Path(s.args.db))
    credentials.save(path, creds)
    with s.ctx.uow() as uow:
        uow.settings.set("hq_configured", "1")
        uow.commit()
    return Outcome(
        f"总部已就绪：收银台 {till_id} 以角色 {creds.role} 同步，登录信息保存在 {path}（仅本用户可读）",
        {"till_id": till_id, "role": creds.role, "credentials": str(path)},
    )


def report(s: Session) -> Outcome:
    from frontdesk.sync.hq_report import build_report

    admin = make_hq_engine(s.args.hq_url)
    try:
        built = build_report(admin)
    finally:
        admin.dispose()
    return Outcome(built.text, built)


def kpi(s: Session) -> Outcome:
    from frontdesk.sync.hq_kpi import chain_kpis, kpi_text

    today = s.ctx.now().date()
    if s.args.as_of:
        try:
            today = date.fromisoformat(s.args.as_of)
        except ValueError:
            raise UsageError("bad_date", text=s.args.as_of) from None
    admin = make_hq_engine(s.args.hq_url)
    try:
        k = chain_kpis(admin, today)
    finally:
        admin.dispose()
    text = kpi_text(k)
    if s.args.pdf:
        from frontdesk.hardware.kpi_pdf import write_kpi_pdf

        write_kpi_pdf(k, "全连锁", Path(s.args.pdf))
        text += f"\nPDF 已写入 {s.args.pdf}"
    return Outcome(text, k)
