"""A till's first run, wired once: a standalone store, or enrolment with head office.

For `frontdesk init` and for the window's setup screen. Enrolling checks everything the till
can check before it spends the one-time code (the database is new, the admin's PIN is strong
enough), saves the till's own head-office login the moment head office hands it over, and only
then names the store and till locally. The sync modules are imported inside the functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.domain import errors
from frontdesk.domain.provisioning import parse_enrolment_code
from frontdesk.services import staff
from frontdesk.services.context import TillContext
from frontdesk.services.provisioning_port import EnrolForm, StoreForm

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass(frozen=True)
class HeadOfficeAddress:
    host: str
    port: int = 5432
    database: str = "frontdesk"
    sslmode: str = ""
    sslrootcert: str = ""

    def tls(self) -> dict[str, str]:
        return {
            k: v for k, v in (("sslmode", self.sslmode), ("sslrootcert", self.sslrootcert)) if v
        }


def parse_address(text: str, sslmode: str = "", sslrootcert: str = "") -> HeadOfficeAddress:
    """host[:port][/database], or a postgresql:// URL without a login (its ?sslmode= kept)."""
    text = text.strip()
    if "://" in text:
        from sqlalchemy.engine import make_url

        from frontdesk.sync.credentials import tls_of

        url = make_url(text)
        tls = tls_of(url)
        return HeadOfficeAddress(
            url.host or "127.0.0.1",
            url.port or 5432,
            url.database or "frontdesk",
            sslmode or tls.get("sslmode", ""),
            sslrootcert or tls.get("sslrootcert", ""),
        )
    place, _, database = text.partition("/")
    host, _, port = place.rpartition(":") if ":" in place else (place, "", "")
    return HeadOfficeAddress(
        host or "127.0.0.1", int(port) if port.isdigit() else 5432, database or "frontdesk",
        sslmode, sslrootcert,
    )  # fmt: skip


def join_chain_secret(db: Path, admin: Engine) -> None:
    """`hq init`: this till takes the chain's PIN secret from head office.

    It offers its own, which becomes the chain's when this is the first till, and keeps its own
    beside the chain's.
    """
    from frontdesk.persistence.pin_pepper import adopt_chain_secret, offered_secret
    from frontdesk.sync.hq_setup import join_pin_secret

    adopt_chain_secret(db, join_pin_secret(admin, offered_secret(db)))


def create_standalone(
    ctx: TillContext, *, store_no: int, till_no: int, store_name: str, admin_no: str,
    admin_name: str, admin_pin: str,
) -> str:  # fmt: skip
    """A store with no head office: its till and first admin. Returns the till id."""
    return staff.init_till(
        ctx, store_no=store_no, till_no=till_no, store_name=store_name,
        admin_no=admin_no, admin_name=admin_name, admin_pin=admin_pin,
    )  # fmt: skip


def enrol(
    ctx: TillContext, db: Path, *, code: str, hq: HeadOfficeAddress, admin_no: str,
    admin_name: str, admin_pin: str,
) -> str:  # fmt: skip
    """Enrol this new till with head office; returns its till id. The code is spent once."""
    from frontdesk.persistence.pin_pepper import adopt_chain_secret
    from frontdesk.sync import credentials
    from frontdesk.sync.enrolment import redeem_code

    parsed = parse_enrolment_code(code)
    staff.check_staff_pin_strength(admin_pin)
    with ctx.uow(write=False) as uow:
        existing = uow.settings.get("till_id")
    if existing is not None:
        raise errors.AlreadyInitialised()
    done = redeem_code(parsed, host=hq.host, port=hq.port, database=hq.database, tls=hq.tls())
    credentials.save(credentials.credentials_path(db), done.credentials)
    adopt_chain_secret(db, done.pin_secret)  # the first admin's PIN is hashed with it already
    store_no, _, till_no = done.till_id.partition("-")
    till_id = staff.init_till(
        ctx, store_no=int(store_no), till_no=int(till_no), store_name=done.store_name,
        admin_no=admin_no, admin_name=admin_name, admin_pin=admin_pin,
    )  # fmt: skip
    with ctx.uow() as uow:
        uow.settings.set("hq_configured", "1")
        uow.commit()
    return till_id


class TillProvisioner:
    """The setup screen's `Provisioner` over this till's database."""

    def __init__(self, ctx: TillContext, db: Path) -> None:
        self._ctx, self._db = ctx, db

    def is_set_up(self) -> bool:
        with self._ctx.uow(write=False) as uow:
            return uow.settings.get("till_id") is not None

    def create_store(self, form: StoreForm) -> str:
        return create_standalone(
            self._ctx, store_no=form.store_no, till_no=form.till_no,
            store_name=form.store_name or self._ctx.program.store_name,
            admin_no=form.admin_no, admin_name=form.admin_name, admin_pin=form.admin_pin,
        )  # fmt: skip

    def enrol(self, form: EnrolForm) -> str:
        return enrol(
            self._ctx, self._db, code=form.code,
            hq=parse_address(form.hq, form.sslmode, form.sslrootcert),
            admin_no=form.admin_no, admin_name=form.admin_name, admin_pin=form.admin_pin,
        )  # fmt: skip
