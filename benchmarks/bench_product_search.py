"""Product search over a 50,000-product catalog: index build, and p50/p99 per keystroke.

Run from the repository root: .venv/bin/python -m benchmarks.bench_product_search [--products 50000]
Builds a store with generated Chinese product names (brand + item + size), then times what
the search dialog does: the catalog read into the index once, then one search per text typed
(initials, full pinyin, a Chinese name part, a barcode prefix), each text as it grows key by
key. It is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from tests.builders import FixedClock, at

from frontdesk.config import load_program
from frontdesk.demo import ean13
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services.context import TillContext
from frontdesk.services.product_search import ProductSearch

BRANDS = [
    "康师傅",
    "统一",
    "农夫山泉",
    "伊利",
    "蒙牛",
    "金龙鱼",
    "海天",
    "老干妈",
    "雀巢",
    "娃哈哈",
    "光明",
    "五粮液",
    "三只松鼠",
    "良品铺子",
]
ITEMS = [
    "大米",
    "面粉",
    "矿泉水",
    "绿茶",
    "红烧牛肉面",
    "酸奶",
    "纯牛奶",
    "食用油",
    "生抽",
    "辣椒酱",
    "咖啡",
    "饼干",
    "白酒",
    "坚果",
    "薯片",
    "重庆火锅底料",
]
SIZES = ["5kg", "500ml", "1L", "250g", "12袋", "整箱", "家庭装", "礼盒"]
TYPED = [
    "dm",
    "dami",
    "ksf",
    "kangshifu",
    "牛肉",
    "niurou",
    "hgdl",
    "6900000",
    "690000012",
    "lvcha",
]


def seed(path: Path, count: int) -> TillContext:
    engine = open_database(path, create=True)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(at(2026, 11, 20)), load_program())
    rng = random.Random(13)
    products = [
        Product(
            ean13(f"690{i:09d}"),
            f"{rng.choice(BRANDS)}{rng.choice(ITEMS)} {rng.choice(SIZES)} {i % 97}",
            Fen(rng.randrange(100, 20000)),
        )
        for i in range(count)
    ]
    with ctx.uow() as uow:
        uow.products.upsert_many(products)
        uow.commit()
    return ctx


def pct(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.99) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = seed(Path(tmp) / "search.db", args.products)
        search = ProductSearch(ctx)
        started = time.perf_counter()
        search.reload()
        first = time.perf_counter() - started
        started = time.perf_counter()
        search.reload()
        again = time.perf_counter() - started
        print(f"{args.products:,} products: index built in {first * 1000:.0f} ms,")
        print(f"  read again (dialog opened) in {again * 1000:.0f} ms")
        samples: list[float] = []
        cpu = time.process_time()
        for _ in range(5):
            for text in TYPED:
                for end in range(1, len(text) + 1):
                    started = time.perf_counter()
                    found = search.search(text[:end])
                    samples.append(time.perf_counter() - started)
                    assert text[:end] != text or found, f"{text} found nothing"
        cpu = (time.process_time() - cpu) / len(samples)
        p50, p99 = pct(samples)
        print(f"search per keystroke ({len(samples)} searches): p50 {p50 * 1000:.2f} ms,", end="")
        print(f" p99 {p99 * 1000:.2f} ms (CPU {cpu * 1000:.2f} ms a search,", end="")
        print(f" load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
