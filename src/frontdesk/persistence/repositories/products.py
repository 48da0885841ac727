"""Product rows: lookup by barcode, upsert, the whole catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.persistence import prepared as pr
from frontdesk.persistence import tables as t
from frontdesk.persistence.repositories.base import SqlRepository

# A basket of n distinct products is one statement with n parameters, prepared once per n.
_PRODUCTS: dict[int, pr.Prepared] = {}


def _products(n: int) -> pr.Prepared:
    found = _PRODUCTS.get(n)
    if found is None:
        codes: list[Any] = [bindparam(f"b_code{i}") for i in range(n)]
        q = select(t.product).where(
            and_(t.product.c.barcode.in_(codes), t.product.c.active.is_(True))
        )
        found = _PRODUCTS[n] = pr.Prepared(q)
    return found


class SqlProducts(SqlRepository):
    def get(self, barcode: str) -> Product | None:
        r = self.conn.execute(
            select(t.product).where(
                and_(t.product.c.barcode == barcode, t.product.c.active.is_(True))
            )
        ).first()
        return None if r is None else _product_of(r)

    def many(self, barcodes: Sequence[str]) -> dict[str, Product]:
        """The active products among these barcodes, in one query (a basket is priced at once)."""
        codes = sorted(set(barcodes))
        if not codes:
            return {}
        params = {f"b_code{i}": code for i, code in enumerate(codes)}
        found = pr.all_rows(self.conn, _products(len(codes)), params)
        return {r.barcode: _product_of(r) for r in found}

    def upsert(self, p: Product) -> None:
        values = _product_values(p)
        del values["barcode"]
        done = self.conn.execute(
            update(t.product).where(t.product.c.barcode == p.barcode).values(**values)
        )
        if done.rowcount == 0:
            self.conn.execute(insert(t.product).values(barcode=p.barcode, **values))

    def upsert_many(self, products: Sequence[Product]) -> None:
        # One compiled statement for the whole catalog: a 50,000-product file is one
        # executemany, not 100,000 statements built one by one.
        if not products:
            return
        rows = [_product_values(p) for p in products]
        q = sqlite_insert(t.product)
        q = q.on_conflict_do_update(
            index_elements=[t.product.c.barcode],
            set_={k: q.excluded[k] for k in rows[0] if k != "barcode"},
        )
        self.conn.execute(q, rows)

    def all(self) -> list[Product]:
        q = select(t.product).where(t.product.c.active.is_(True)).order_by(t.product.c.barcode)
        return [_product_of(r) for r in self.conn.execute(q)]

    def names(self) -> list[tuple[str, str]]:
        """(barcode, name) of every active product, by barcode: what the search indexes."""
        q = (
            select(t.product.c.barcode, t.product.c.name)
            .where(t.product.c.active.is_(True))
            .order_by(t.product.c.barcode)
        )
        return [(r.barcode, r.name) for r in self.conn.execute(q)]


def _product_values(p: Product) -> dict[str, Any]:
    return {
        "barcode": p.barcode,
        "name": p.name,
        "unit_price": p.unit_price.value,
        "member_discount": p.member_discount,
        "active": True,
        "member_price": None if p.member_price is None else p.member_price.value,
        "category": p.category,
        "unit": p.unit,
    }


def _product_of(r: Any) -> Product:
    return Product(
        r.barcode,
        r.name,
        Fen(r.unit_price),
        bool(r.member_discount),
        member_price=None if r.member_price is None else Fen(r.member_price),
        category=r.category,
        unit=r.unit,
    )
