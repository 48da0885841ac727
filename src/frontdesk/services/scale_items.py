"""Products behind scanned codes, a scale's labels included: one lookup for the window and a sale.

A scale label (称重条码) is no row of the catalogue: its PLU is (the weighed item's code), and the
label says what this piece weighs and costs. The line it gives is that product, named with the
weight and priced at the label's amount (or its weight at the product's price per kilogram).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from frontdesk.domain import errors
from frontdesk.domain.pricing import Product
from frontdesk.domain.scale_codes import layouts_from, line_amount, read_scale_code, weight_text
from frontdesk.services.context import TillContext
from frontdesk.services.ports import UnitOfWork

LAYOUTS_SETTING = (
    "scale_layouts"  # the store's own layouts, e.g. "26PPPPPAAAAAWWWWWC 21PPPPPWWWWWC"
)


def product_for(ctx: TillContext, code: str) -> Product:
    """The product a scanned code sells (a scale label's line too); `UnknownProduct` if none."""
    code = code.strip()
    with ctx.uow(write=False) as uow:
        product = products_for(uow, [code]).get(code)
    if product is None:
        raise errors.UnknownProduct(barcode=code)
    return product


def products_for(uow: UnitOfWork, codes: Sequence[str]) -> Mapping[str, Product]:
    """Each code's product: the catalogue's row, or the line a scale label stands for."""
    found = dict(uow.products.many(list(codes)))
    missing = [c for c in codes if c not in found]
    if missing:
        layouts = layouts_from(uow.settings.get(LAYOUTS_SETTING))
        for code in missing:
            label = read_scale_code(code, layouts)
            if label is None:
                continue
            item = uow.products.get(label.plu)
            if item is None:
                raise errors.UnknownProduct(barcode=label.plu)
            name = item.name if label.grams is None else f"{item.name} {weight_text(label.grams)}"
            found[code] = replace(
                item, barcode=code, name=name, unit_price=line_amount(label, item.unit_price)
            )
    return found
