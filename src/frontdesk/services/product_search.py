"""Product search at the till: the catalog's pinyin worked out once, held in memory, and searched.

pypinyin's own converter takes about 0.2 ms a name, 10 s for a 50,000-product catalog; this
reads its phrase and character tables directly (longest phrase first, then a character's most
common reading), so building the index is a few dictionary look-ups per character.
"""

from __future__ import annotations

import heapq
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import accumulate

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
    imported or synced since is found); a catalog read back unchanged keeps the index as it is,
    and a product whose name is unchanged keeps its key.
    """

    def __init__(self, ctx: TillContext) -> None:
        self._ctx = ctx
        self._reloading = threading.Lock()
        self._made: dict[tuple[str, str], SearchKey] = {}  # (barcode, name) → its key
        self._names: list[tuple[str, str]] = []  # what the index was built from
        # Swapped whole, never changed in place: a search reads one index without a lock.
        self._index = _Index([])

    def reload(self) -> None:
        # One reload at a time: a second caller waits and then finds every key already made.
        with self._reloading:
            with self._ctx.uow(write=False) as uow:
                names = uow.products.names()
            if names == self._names:
                return  # the catalog did not change: rebuilding would give the same index
            made, keys = self._made, []
            for barcode, name in names:
                key = made.get((barcode, name))
                if key is None:
                    key = made[barcode, name] = search_key(barcode, name, syllables(name))
                keys.append(key)
            self._index, self._names = _Index(keys), names

    def search(self, text: str, limit: int = 50) -> list[Product]:
        """The products ``text`` finds, best first (`domain.product_search` says which and how)."""
        query = fold(text)
        if not query or "\n" in query or "\x1f" in query:
            return []
        barcodes = [k.barcode for k in best_matches(self._index.candidates(query), query, limit)]
        # Prices as they are now; a product retired since the index was read drops out.
        with self._ctx.uow(write=False) as uow:
            products = uow.products.many(barcodes)
        return [products[b] for b in barcodes if b in products]


class _Index:
    """The keys by barcode, and what finds them without a loop over every product in Python.

    What ``candidates`` returns is a rule of its own, kept as it was when it was one ``str.find``
    over all the keys joined: the first rows by barcode that the text finds, at most
    ``_CANDIDATES``; when there are that many, those that start with the text come first.
    A prefix is a range of a sorted list (``bisect``); text found anywhere is searched with
    ``str.find`` in the names for Chinese text and in the pinyin for ASCII text. The pinyin is
    kept apart from the names so that it stays a one-byte string, several times quicker to search
    than the names' two-byte one; a row whose pinyin is not ASCII (a ``（`` or a ``５`` in its name)
    is left out of that text and looked at on its own.
    """

    def __init__(self, keys: Sequence[SearchKey]) -> None:
        self.keys = sorted(keys, key=lambda k: k.barcode)
        self.barcodes = [k.barcode for k in self.keys]
        names = [f"\n{k.name}" for k in self.keys]
        self.names, self.name_starts = "".join(names), _starts(names)
        self.odd = [i for i, k in enumerate(self.keys) if not (k.initials + k.full).isascii()]
        odd = set(self.odd)
        pinyin = [
            "\n\x1f" if i in odd else f"\n{k.initials}\x1f{k.full}" for i, k in enumerate(self.keys)
        ]
        self.pinyin, self.pinyin_starts = "".join(pinyin), _starts(pinyin)
        self.by_name = _Sorted([k.name for k in self.keys])
        self.by_initials = _Sorted([k.initials for k in self.keys])
        self.by_full = _Sorted([k.full for k in self.keys])

    def candidates(self, query: str) -> list[SearchKey]:
        """The keys ``best_matches`` ranks for ``query`` (folded, without separators)."""
        codes = range(*_prefixed(self.barcodes, query))
        containing = _Replay(self._containing(query))
        found: dict[int, None] = {}
        _take(found, codes)
        _take(found, containing)
        if len(found) >= _CANDIDATES:
            # Too many to rank them all: what starts with the text first, so a common
            # letter never crowds those out.
            found = {}
            _take(found, codes)
            _take(found, self.by_name.rows(query))
            _take(found, sorted(self.by_initials.unsorted(query) + self.by_full.unsorted(query)))
            _take(found, containing.again())
        keys = self.keys
        return [keys[i] for i in found]

    def _containing(self, query: str) -> Iterator[int]:
        """The rows whose name, initials or full pinyin contain ``query``, by barcode."""
        keys = self.keys
        odd = [
            i
            for i in self.odd
            if query in keys[i].name or query in keys[i].initials or query in keys[i].full
        ]
        # ASCII text found in a name is also in its full pinyin, which keeps the name's other
        # characters as they are; text that is not ASCII is only in a name or in an odd row.
        if query.isascii():
            found = _rows_containing(self.pinyin, self.pinyin_starts, query)
        else:
            found = _rows_containing(self.names, self.name_starts, query)
        return heapq.merge(found, odd) if odd else found


class _Sorted:
    """One text of every key, sorted, with the row each came from: prefixes are ranges."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.order = sorted(range(len(texts)), key=texts.__getitem__)
        self.texts = [texts[i] for i in self.order]

    def unsorted(self, prefix: str) -> list[int]:
        return self.order[slice(*_prefixed(self.texts, prefix))]

    def rows(self, prefix: str) -> list[int]:
        """The rows whose text starts with ``prefix``, by row."""
        return sorted(self.unsorted(prefix))


def _prefixed(texts: Sequence[str], prefix: str) -> tuple[int, int]:
    """Where the texts starting with ``prefix`` are in a sorted list: [start, stop)."""
    start = bisect_left(texts, prefix)
    last = ord(prefix[-1])
    if last < 0x10FFFF:
        # Every text starting with the prefix sorts before the prefix with its last letter next.
        return start, bisect_left(texts, prefix[:-1] + chr(last + 1), start)
    stop = start
    while stop < len(texts) and texts[stop].startswith(prefix):
        stop += 1
    return start, stop


def _rows_containing(text: str, starts: Sequence[int], pattern: str) -> Iterator[int]:
    """The rows of ``text`` (entries beginning at ``starts``) containing ``pattern``, in order."""
    find, count = text.find, len(starts)
    at = find(pattern)
    while at >= 0:
        row = bisect_right(starts, at) - 1
        yield row
        if row + 1 >= count:
            return
        at = find(pattern, starts[row + 1])


class _Replay:
    """Rows read once from an iterator and given again from the start, read on as needed."""

    def __init__(self, rows: Iterator[int]) -> None:
        self._rows = rows
        self._read: list[int] = []

    def __iter__(self) -> Iterator[int]:
        for row in self._rows:
            self._read.append(row)
            yield row

    def again(self) -> Iterator[int]:
        yield from list(self._read)
        yield from self


def _take(found: dict[int, None], rows: Iterable[int]) -> None:
    """Add rows in order (again or new) until there are ``_CANDIDATES``."""
    if len(found) >= _CANDIDATES:
        return
    for row in rows:
        found[row] = None
        if len(found) >= _CANDIDATES:
            return


def _starts(entries: Sequence[str]) -> list[int]:
    return [0, *accumulate(len(e) for e in entries)][:-1] if entries else []
