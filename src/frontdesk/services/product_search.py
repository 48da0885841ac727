"""Product search at the till: the catalog's pinyin worked out once, held in memory, and searched.

pypinyin's own converter takes about 0.2 ms a name, 10 s for a 50,000-product catalog; this
reads its phrase and character tables directly (longest phrase first, then a character's most
common reading), so building the index is a few dictionary look-ups per character.
"""

from __future__ import annotations

import bisect
import threading
import unicodedata
from collections.abc import Sequence
from functools import cache

from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from frontdesk.domain.pricing import Product
from frontdesk.domain.product_search import SearchKey, best_matches, fold, search_key
from frontdesk.services.context import TillContext

_LONGEST_PHRASE = 4  # longer phrases in the table are idioms, not product names
# Enough candidates that typing one more letter always narrows a list the cashier can read.
_CANDIDATES = 200


@cache
def _toneless(reading: str) -> str:
    """``chóng`` → ``chong``; ü is written v as pinyin keyboards type it (``lv``)."""
    plain = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in plain if not unicodedata.combining(c))


def _is_han(ch: str) -> bool:
    return ord(ch) in PINYIN_DICT


def syllables(name: str) -> list[str]:
    """The name as pinyin syllables, Chinese character by character; other runs kept whole."""
    pieces: list[str] = []
    i, n = 0, len(name)
    while i < n:
        if not _is_han(name[i]):
            j = i
            while j < n and not _is_han(name[j]):
                j += 1
            pieces.append(name[i:j])
            i = j
            continue
        for size in range(min(_LONGEST_PHRASE, n - i), 1, -1):
            phrase = PHRASES_DICT.get(name[i : i + size])
            if phrase is not None:
                pieces.extend(_toneless(readings[0]) for readings in phrase)
                i += size
                break
        else:
            pieces.append(_toneless(PINYIN_DICT[ord(name[i])].split(",")[0]))
            i += 1
    return pieces


class ProductSearch:
    """The active catalog as search keys, and the search a keystroke runs.

    ``reload`` reads the catalog again (the search dialog calls it when it opens, so a product
    imported or synced since is found); a product whose name is unchanged keeps its key.
    The keys are joined into two texts, so a search is a few ``str.find`` calls over the whole
    catalog instead of a Python loop over every product.
    """

    def __init__(self, ctx: TillContext) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._keys: list[SearchKey] = []
        self._reloading = threading.Lock()
        self._made: dict[tuple[str, str], SearchKey] = {}  # (barcode, name) → its key
        self._codes = ""  # "\nbarcode" per product
        self._words = ""  # "\nname\x1finitials\x1ffull" per product
        self._code_starts: list[int] = []
        self._barcode_chars: set[str] = set()  # text with any other character is no barcode
        self._word_starts: list[int] = []

    def reload(self) -> None:
        # One reload at a time: a second caller waits and then finds every key already made.
        with self._reloading:
            self._reload()

    def _reload(self) -> None:
        with self._ctx.uow(write=False) as uow:
            names = uow.products.names()
        made, keys = self._made, []
        for barcode, name in names:
            key = made.get((barcode, name))
            if key is None:
                key = made[barcode, name] = search_key(barcode, name, syllables(name))
            keys.append(key)
        codes = [f"\n{k.barcode}" for k in keys]
        words = [f"\n{k.name}\x1f{k.initials}\x1f{k.full}" for k in keys]
        barcode_chars = set().union(*(k.barcode for k in keys))
        with self._lock:
            self._keys, self._barcode_chars = keys, barcode_chars
            self._codes, self._code_starts = "".join(codes), _starts(codes)
            self._words, self._word_starts = "".join(words), _starts(words)

    def search(self, text: str, limit: int = 50) -> list[Product]:
        """The products ``text`` finds, best first (`domain.product_search` says which and how)."""
        query = fold(text)
        if not query or "\n" in query or "\x1f" in query:
            return []
        with self._lock:
            found: dict[int, None] = {}
            barcode = set(query) <= self._barcode_chars
            if barcode:
                self._collect(self._codes, self._code_starts, "\n" + query, found)
            self._collect(self._words, self._word_starts, query, found)
            if len(found) >= _CANDIDATES:
                # Too many to rank them all: what starts with the text first, so a common
                # letter never crowds those out.
                found = {}
                if barcode:
                    self._collect(self._codes, self._code_starts, "\n" + query, found)
                self._collect(self._words, self._word_starts, "\n" + query, found)
                self._collect(self._words, self._word_starts, "\x1f" + query, found)
                self._collect(self._words, self._word_starts, query, found)
            keys = [self._keys[i] for i in found]
        barcodes = [k.barcode for k in best_matches(keys, query, limit)]
        # Prices as they are now; a product retired since the index was read drops out.
        with self._ctx.uow(write=False) as uow:
            products = uow.products.many(barcodes)
        return [products[b] for b in barcodes if b in products]

    @staticmethod
    def _collect(text: str, starts: Sequence[int], pattern: str, found: dict[int, None]) -> None:
        at = text.find(pattern)
        while at >= 0 and len(found) < _CANDIDATES:
            # A pattern starting with the separator belongs to the entry that separator opens.
            row = bisect.bisect_right(starts, at + (pattern[0] == "\n")) - 1
            found[row] = None
            following = row + 1
            if following >= len(starts):
                break
            at = text.find(pattern, starts[following])


def _starts(entries: Sequence[str]) -> list[int]:
    starts, at = [], 0
    for entry in entries:
        starts.append(at)
        at += len(entry)
    return starts
