"""`frontdesk hq init|migrate|report|kpi`: head office set up, and read by its administrator."""

from __future__ import annotations

import argparse
from pathlib import Path

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session, day
from frontdesk.domain import messages
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
    from frontdesk.provisioning import join_chain_secret
    from frontdesk.sync import credentials
    from frontdesk.sync.hq_setup import init_head_office

    store_no, till_id, store_name = _settings(s)
    admin = make_hq_engine(s.args.hq_url)
    try:
        creds = init_head_office(
            admin, store_no=store_no, till_id=till_id, store_name=s.args.store_name or store_name
        )
        path = credentials.credentials_path(Path(s.args.db))
        credentials.save(path, creds)
        join_chain_secret(Path(s.args.db), admin)
    finally:
        admin.dispose()
    with s.ctx.uow() as uow:
        uow.settings.set("hq_configured", "1")
        uow.commit()
    return Outcome(
        s.say("said_hq_ready", till=till_id, role=creds.role, path=path),
        {"till_id": till_id, "role": creds.role, "credentials": str(path)},
    )


def migrate(args: argparse.Namespace) -> Outcome:
    """Head office's schema to this frontdesk's, on its own: no till's login is touched.

    Needs no till database: it runs on head office's server with the administrator's address.
    """
    from frontdesk.sync.hq_engine import migrate_hq
    from frontdesk.sync.hq_version import expected_schema, schema_of

    admin = make_hq_engine(args.hq_url)
    try:
        before = schema_of(admin)
        migrate_hq(admin)
        after = schema_of(admin)
    finally:
        admin.dispose()
    if before == after:
        text = messages.say("said_hq_schema_current", args.lang, schema_after=after)
    else:
        text = messages.say(
            "said_hq_schema_upgraded",
            args.lang,
            schema_before=before or messages.say("said_hq_schema_empty", args.lang),
            schema_after=after,
        )
    data = {"before": before, "after": after, "expected": expected_schema()}
    return Outcome(text, data)


migrate.standalone = True  # type: ignore[attr-defined]


def report(s: Session) -> Outcome:
    from frontdesk.sync.hq_report import build_report

    admin = make_hq_engine(s.args.hq_url)
    try:
        built = build_report(admin)
    finally:
        admin.dispose()
    return Outcome(built.said(s.lang), built)


def kpi(s: Session) -> Outcome:
    from frontdesk.sync.hq_kpi import chain_kpis, kpi_text

    today = day(s.args.as_of) or s.ctx.now().date()
    admin = make_hq_engine(s.args.hq_url)
    try:
        k = chain_kpis(admin, today)
    finally:
        admin.dispose()
    text = kpi_text(k, s.lang)
    if s.args.pdf:
        from frontdesk.hardware.kpi_pdf import write_kpi_pdf

        write_kpi_pdf(k, s.say("said_whole_chain"), Path(s.args.pdf))
        text += "\n" + s.say("said_pdf_written", path=s.args.pdf)
    return Outcome(text, k)
