"""What the first-run setup screen asks of the till: make a standalone store, or enrol it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class StoreForm:
    store_no: int
    till_no: int
    store_name: str
    admin_no: str
    admin_name: str
    admin_pin: str


@dataclass(frozen=True)
class EnrolForm:
    code: str
    hq: str  # host[:port][/database] or postgresql://host/db?sslmode=…
    sslmode: str
    sslrootcert: str
    admin_no: str
    admin_name: str
    admin_pin: str


class Provisioner(Protocol):
    """Both return the new till's id; a refusal is a DomainError and leaves the till new."""

    def is_set_up(self) -> bool: ...

    def create_store(self, form: StoreForm) -> str: ...

    def enrol(self, form: EnrolForm) -> str: ...
