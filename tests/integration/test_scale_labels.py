"""称重条码 at the counter: a scale's label scanned gives its line, and the sale charges it."""

from __future__ import annotations

import pytest

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.domain.scan import ScanKind, classify, gtin_check_digit
from frontdesk.services import checkout
from frontdesk.services.scale_items import LAYOUTS_SETTING
from frontdesk.services.till_facade import ServicesTillBackend
from tests.integration.core_fixtures import Till

PLU = "00123"  # 散装苹果, weighed: ￥19.90 a kilogram


def label(payload: str) -> str:
    return payload + gtin_check_digit(payload)


@pytest.fixture
def weighed(till: Till) -> Till:
    with till.ctx.uow() as uow:
        uow.products.upsert(Product(PLU, "散装苹果", Fen.of("19.90"), member_discount=False))
        uow.commit()
    return till


def window(till: Till) -> ServicesTillBackend:
    backend = ServicesTillBackend(till.ctx, receipt_text=lambda receipt: [])
    backend.login("1001", "1001")
    return backend


def test_an_18_digit_label_is_a_product_line_at_the_scales_price(weighed: Till) -> None:
    code = label("26" + PLU + "00907" + "00456")  # ￥9.07 for 456 g

    assert classify(code).kind is ScanKind.PRODUCT  # not taken for an Alipay 付款码
    line = window(weighed).add_product(code)
    assert (line.barcode, line.name, line.unit_price) == (code, "散装苹果 0.456kg", Fen(907))

    sold = checkout.checkout(
        weighed.ctx,
        txn_id="scale-1",
        cashier="1001",
        card_no=None,
        items=[checkout.SaleItem(code)],
        payments=[checkout.Payment("cash", Fen.of("10.00"))],
    )
    assert sold.ticket.total == Fen(907)
    assert sold.change == Fen(93)


def test_a_weight_label_is_priced_by_the_kilogram(weighed: Till) -> None:
    code = label("21" + PLU + "01250")  # 1.250 kg at ￥19.90 = ￥24.875 → ￥24.88

    line = window(weighed).add_product(code)

    assert (line.name, line.unit_price) == ("散装苹果 1.250kg", Fen(2488))


def test_the_store_chooses_its_layouts(weighed: Till) -> None:
    code = label("28" + PLU + "00500")
    with pytest.raises(errors.UnknownProduct):
        window(weighed).add_product(code)  # 28 is no default layout
    with weighed.ctx.uow() as uow:
        uow.settings.set(LAYOUTS_SETTING, "28PPPPPWWWWWC")
        uow.commit()

    assert window(weighed).add_product(code).unit_price == Fen(995)


def test_a_label_of_an_unknown_plu_names_the_plu(weighed: Till) -> None:
    code = label("20" + "99999" + "00850")

    with pytest.raises(errors.UnknownProduct) as refused:
        window(weighed).add_product(code)
    assert "99999" in refused.value.message
