"""`frontdesk hq products import` and `frontdesk hq program publish`: head office's master data."""

from __future__ import annotations

import logging
from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.catalog import describe, read_catalog
from frontdesk.domain.numbering import store_digits
from frontdesk.sync.hq_engine import make_hq_engine


def import_products(s: Session) -> Outcome:
    from frontdesk.services.catalog import CatalogRefused
    from frontdesk.sheets.reading import read_sheet
    from frontdesk.sync.hq_catalog import import_catalog, import_store_prices

    sheet = read_sheet(Path(s.args.file))
    read = read_catalog(sheet.heading, sheet.rows)
    if read.problems:
        refused = CatalogRefused(read.problems)
        head = refused.message if s.lang == "zh_CN" else refused.message_en
        data = {"imported": 0, "problems": [vars(p) for p in read.problems]}
        return Outcome("\n".join([head, *(describe(p, s.lang) for p in read.problems)]), data, 2)
    admin = make_hq_engine(s.args.hq_url)
    try:
        if s.args.store is not None:
            done = import_store_prices(admin, read, store_digits(s.args.store))
        else:
            done = import_catalog(admin, read)
    finally:
        admin.dispose()
    logging.getLogger(__name__).info(
        "head office catalog: %d products, %d added, %d updated", len(read.products),
        done.added, done.updated,
    )  # fmt: skip
    text = s.say(
        "said_hq_products_imported",
        total=len(read.products),
        added=done.added,
        updated=done.updated,
        unchanged=done.unchanged,
    )
    return Outcome(text, done)


def publish_program(s: Session) -> Outcome:
    from frontdesk.sync.hq_setup import publish_program as publish

    body = Path(s.args.file).read_text(encoding="utf-8")
    admin = make_hq_engine(s.args.hq_url)
    try:
        version = publish(admin, body)
    finally:
        admin.dispose()
    text = s.say("said_program_published", version=version)
    return Outcome(text, {"version": version})
