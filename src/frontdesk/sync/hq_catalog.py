"""Head office's catalog loaded from a product file, whole or not at all; tills get it on sync."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from frontdesk.domain.catalog import CatalogRead

# A product whose fields did not change keeps its change_seq, so tills pull only what changed.
_UPSERT = text(
    """
    INSERT INTO product (barcode, name, unit_price, member_discount, active, category, unit,
                         member_price)
    SELECT b, n, p, d, true, c, u, m
      FROM unnest(CAST(:barcodes AS text[]), CAST(:names AS text[]),
                  CAST(:prices AS bigint[]), CAST(:flags AS boolean[]),
                  CAST(:categories AS text[]), CAST(:units AS text[]),
                  CAST(:member_prices AS bigint[])) AS x(b, n, p, d, c, u, m)
    ON CONFLICT (barcode) DO UPDATE
       SET name = EXCLUDED.name, unit_price = EXCLUDED.unit_price,
           member_discount = EXCLUDED.member_discount, active = true,
           category = EXCLUDED.category, unit = EXCLUDED.unit,
           member_price = EXCLUDED.member_price
     WHERE (product.name, product.unit_price, product.member_discount, product.active,
            product.category, product.unit, product.member_price)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.unit_price, EXCLUDED.member_discount, true,
                             EXCLUDED.category, EXCLUDED.unit, EXCLUDED.member_price)
    RETURNING (xmax = 0) AS inserted
    """
)

# One store's own prices (the file's 售价 for that store only); the product itself must exist.
_STORE_PRICES = text(
    """
    INSERT INTO store_price (store_no, barcode, unit_price)
    SELECT :store, b, p FROM unnest(CAST(:barcodes AS text[]), CAST(:prices AS bigint[])) AS x(b, p)
    ON CONFLICT (store_no, barcode) DO UPDATE
       SET unit_price = EXCLUDED.unit_price, change_seq = nextval('master_change_seq')
     WHERE store_price.unit_price IS DISTINCT FROM EXCLUDED.unit_price
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
                    "categories": [p.category for p in batch],
                    "units": [p.unit for p in batch],
                    "member_prices": [
                        None if p.member_price is None else p.member_price.value for p in batch
                    ],
                },
            )
            for (inserted,) in result:
                added += int(bool(inserted))
                updated += int(not inserted)
    return HqCatalogImported(added, updated, len(products) - added - updated)


def import_store_prices(admin: Engine, read: CatalogRead, store_no: str) -> HqCatalogImported:
    """The file's prices as one store's own; its products must already be head office's."""
    products = read.products
    added = updated = 0
    with admin.begin() as conn:
        for start in range(0, len(products), 5000):
            batch = products[start : start + 5000]
            result = conn.execute(
                _STORE_PRICES,
                {
                    "store": store_no,
                    "barcodes": [p.barcode for p in batch],
                    "prices": [p.unit_price.value for p in batch],
                },
            )
            for (inserted,) in result:
                added += int(bool(inserted))
                updated += int(not inserted)
    return HqCatalogImported(added, updated, len(products) - added - updated)
