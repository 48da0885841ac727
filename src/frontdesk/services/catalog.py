"""Loading a product catalog on a till: all of it in one transaction, or none of it."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.catalog import CatalogRead, RowProblem
from frontdesk.domain.permissions import Operation
from frontdesk.domain.pricing import Product
from frontdesk.services.context import TillContext
from frontdesk.services.staff import authorize_in


class CatalogRefused(errors.DomainError):
    """The file had bad rows; nothing was imported. `problems` names each one."""

    key = "catalog_refused"

    def __init__(self, problems: tuple[RowProblem, ...]) -> None:
        self.problems = problems
        super().__init__(count=len(problems))


@dataclass(frozen=True)
class CatalogImported:
    added: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


def import_products(ctx: TillContext, *, actor: str, read: CatalogRead) -> CatalogImported:
    """Upserts every product of a clean file; a file with any bad row changes nothing."""
    if read.problems:
        raise CatalogRefused(read.problems)
    now = ctx.now()
    added = updated = unchanged = 0
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.PRODUCT_IMPORT)
        known: dict[str, Product] = {p.barcode: p for p in uow.products.all()}
        changed: list[Product] = []
        for product in read.products:
            before = known.get(product.barcode)
            if before == product:
                unchanged += 1
                continue
            changed.append(product)
            if before is None:
                added += 1
            else:
                updated += 1
        uow.products.upsert_many(changed)
        uow.audit.add(
            at=now,
            actor=actor,
            action="product_import",
            subject=f"{len(read.products)}",
            detail={"added": added, "updated": updated, "unchanged": unchanged},
        )
        uow.commit()
    return CatalogImported(added, updated, unchanged)
