"""Head office's catalog loaded from a product file, whole or not at all; tills get it on sync."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from frontdesk.domain.catalog import CatalogRead

# A product whose fields did not change keeps its change_seq, so tills pull only what changed.
_UPSERT = text(
    """
    INSERT INTO product (barcode, name, unit_price, member_discount, active)
    SELECT b, n, p, d, true
      FROM unnest(CAST(:barcodes AS text[]), CAST(:names AS text[]),
                  CAST(:prices AS bigint[]), CAST(:flags AS boolean[])) AS x(b, n, p, d)
    ON CONFLICT (barcode) DO UPDATE
       SET name = EXCLUDED.name, unit_price = EXCLUDED.unit_price,
           member_discount = EXCLUDED.member_discount, active = true
     WHERE (product.name, product.unit_price, product.member_discount, product.active)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.unit_price, EXCLUDED.member_discount, true)
    RETURNING (xmax = 0) AS inserted
    """
)


@dataclass(frozen=True)
class HqCatalogImported:
    added: int
    updated: int
    unchanged: int


def import_catalog(admin: Engine, read: CatalogRead) -> HqCatalogImported:
    """Upserts every product of a clean file in one transaction (the caller refuses bad files)."""
    products = read.products
    added = updated = 0
    with admin.begin() as conn:
        # One statement per 5,000 products, the rows as arrays: a 50,000-product file is ten
        # round trips, not 50,000.
        for start in range(0, len(products), 5000):
            batch = products[start : start + 5000]
            result = conn.execute(
                _UPSERT,
                {
                    "barcodes": [p.barcode for p in batch],
                    "names": [p.name for p in batch],
                    "prices": [p.unit_price.value for p in batch],
                    "flags": [p.member_discount for p in batch],
                },
            )
            for (inserted,) in result:
                added += int(bool(inserted))
                updated += int(not inserted)
    return HqCatalogImported(added, updated, len(products) - added - updated)
