"""Product search over a 50,000-product catalog: index build, and p50/p99 per keystroke.

Run from the repository root: .venv/bin/python -m benchmarks.bench_product_search [--products 50000]
Builds a store with generated Chinese product names (brand + item + size), then times what
the search dialog does: the catalog read into the index once, then one search per text typed
(initials, full pinyin, a Chinese name part, a barcode prefix), each text as it grows key by
key. It is a benchmark, not a test, but it exits 1 when a keystroke's p99 misses issue 13's
target (30 ms), so a slower search cannot pass unseen. Beside each figure it prints a floor
measured in the same run, the bare SQLite read of the same products that every search ends
with, the ratio to it, and the 1-minute load average (a loaded machine explains a slow run).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
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
TARGET_P99_MS = 30.0  # issue 13: search < 30 ms
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
        print(f"  read again unchanged (dialog opened) in {again * 1000:.0f} ms")
        samples, floors = [], []
        cpu = time.process_time()
        for _ in range(5):
            for text in TYPED:
                for end in range(1, len(text) + 1):
                    started = time.perf_counter()
                    found = search.search(text[:end])
                    samples.append(time.perf_counter() - started)
                    assert text[:end] != text or found, f"{text} found nothing"
        cpu = (time.process_time() - cpu) / len(samples)
        for _ in range(5):
            for text in TYPED:
                for end in range(1, len(text) + 1):
                    codes = [p.barcode for p in search.search(text[:end])]
                    started = time.perf_counter()
                    with ctx.uow(write=False) as uow:
                        uow.products.many(codes)
                    floors.append(time.perf_counter() - started)
    p50, p99 = pct(samples)
    floor, _ = pct(floors)
    print(f"search per keystroke ({len(samples)} searches): p50 {p50 * 1000:.2f} ms,", end="")
    print(f" p99 {p99 * 1000:.2f} ms, CPU {cpu * 1000:.2f} ms a search")
    print(f"  floor (the bare SQLite read of the same products) p50 {floor * 1000:.2f} ms:", end="")
    print(f" p50 is {p50 / floor:.1f}x the floor; load average {os.getloadavg()[0]:.2f}")
    if p99 * 1000 >= TARGET_P99_MS:
        print(f"MISSED: p99 {p99 * 1000:.2f} ms, target < {TARGET_P99_MS:.0f} ms")
        sys.exit(1)
    print(f"target met: p99 < {TARGET_P99_MS:.0f} ms")


if __name__ == "__main__":
    main()
