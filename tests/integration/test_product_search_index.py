"""The till's product search gives what its rule says, on a generated catalog of tricky names.

The rule (`domain.product_search` ranks; the search picks what it ranks) is restated here as a
plain loop over every product by barcode: the first rows the text finds, at most 200, and when
there are that many, those starting with the text first. The index answers from sorted lists
and separate texts, so the two must agree on every query, order included.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from frontdesk.config import load_program
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.domain.product_search import SearchKey, best_matches, fold, search_key
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services.context import TillContext
from frontdesk.services.product_search import ProductSearch, syllables
from tests.builders import FixedClock, at

CAP = 200
# Brands and items share syllables and letters, so short texts find hundreds of products.
PARTS = ["康师傅", "大米", "面粉", "牛肉面", "绿茶", "可乐", "Coca-Cola", "（特价）", "５kg", "ΑΣ"]
PARTS += ["🍎", "Kelvin\u212a", "İ", "lv", "500ml", "德芙", "冬瓜", "豆米", "x", " "]
TYPED = "dmkcl5（σ米大面🍎-iı0196"


def catalog(count: int) -> list[Product]:
    rng = random.Random(13)
    return [
        Product(
            f"69{rng.randrange(10**6):06d}{i:04d}",
            "".join(rng.choice(PARTS) for _ in range(rng.randint(1, 4))) or "大米",
            Fen(100 + i),
        )
        for i in range(count)
    ]


def stocked(path: Path, count: int) -> tuple[Engine, TillContext]:
    engine = open_database(path, create=True)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(at(2026, 11, 20)), load_program())
    with ctx.uow() as uow:
        uow.products.upsert_many(catalog(count))
        uow.commit()
    return engine, ctx


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TillContext, ProductSearch]]:
    engine, ctx = stocked(Path(tmp_path_factory.mktemp("search")) / "till.db", 2500)
    search = ProductSearch(ctx)
    search.reload()
    yield ctx, search
    engine.dispose()


def by_the_rule(ctx: TillContext, text: str, limit: int = 50) -> list[str]:
    """The barcodes the rule gives, by a loop over every key."""
    query = fold(text)
    if not query:
        return []
    with ctx.uow(write=False) as uow:
        names = uow.products.names()
    keys = sorted((search_key(b, n, syllables(n)) for b, n in names), key=lambda k: k.barcode)
    found: dict[SearchKey, None] = {}

    def take(matching: Callable[[SearchKey], bool]) -> None:
        for key in keys:
            if matching(key):
                if len(found) >= CAP:
                    return
                found[key] = None

    def code(k: SearchKey) -> bool:
        return k.barcode.startswith(query)

    def anywhere(k: SearchKey) -> bool:
        return query in k.name or query in k.initials or query in k.full

    take(code)
    take(anywhere)
    if len(found) >= CAP:
        found = {}
        take(code)
        take(lambda k: k.name.startswith(query))
        take(lambda k: k.initials.startswith(query) or k.full.startswith(query))
        take(anywhere)
    return [k.barcode for k in best_matches(list(found), query, limit)]


@pytest.mark.parametrize(
    "text",
    ["d", "dm", "k", "ksf", "大米", "米", "（", "５", "5kg", "σ", "🍎", "69", "690", "cola", "i"],
)
def test_the_index_finds_what_the_rule_finds(
    store: tuple[TillContext, ProductSearch], text: str
) -> None:
    ctx, search = store
    expected = by_the_rule(ctx, text)
    assert [p.barcode for p in search.search(text)] == expected


def test_common_letters_are_many_enough_to_be_cut_to_the_prefix_matches(
    store: tuple[TillContext, ProductSearch],
) -> None:
    # Without this the test above would not reach the 200-candidate branch at all.
    _, search = store
    assert len(search._index.candidates("d")) == CAP


@given(st.text(alphabet=TYPED, min_size=1, max_size=4))
def test_any_short_text_finds_what_the_rule_finds(
    store: tuple[TillContext, ProductSearch], text: str
) -> None:
    ctx, search = store
    assert [p.barcode for p in search.search(text)] == by_the_rule(ctx, text)


def test_an_unchanged_catalog_keeps_its_index_and_a_changed_one_is_read_again(
    tmp_path: Path,
) -> None:
    engine, ctx = stocked(tmp_path / "till.db", 30)
    search = ProductSearch(ctx)
    search.reload()
    index = search._index
    search.reload()
    assert search._index is index
    with ctx.uow() as uow:
        uow.products.upsert(Product("6999999999999", "重庆火锅底料", Fen(1990)))
        uow.commit()
    search.reload()
    assert [p.name for p in search.search("cqhg")] == ["重庆火锅底料"]
    engine.dispose()
