"""Which products a cashier's search text finds, and in what order: name, pinyin, barcode."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchKey:
    """What a product is found by: its barcode, its name folded, and the name's pinyin.

    ``initials`` takes the first letter of each Chinese character's syllable (大米 → ``dm``),
    ``full`` the syllables joined (``dami``); other characters stay as they are in both, so
    大米 5kg is ``dm5kg`` and ``dami5kg``.
    """

    barcode: str
    name: str
    initials: str
    full: str


def fold(text: str) -> str:
    """Search text as it is compared: lower case, without spaces (``Da Mi`` finds ``dami``)."""
    return "".join(text.lower().split())


def search_key(barcode: str, name: str, syllables: Sequence[str]) -> SearchKey:
    """The key of one product; ``syllables`` is the name split as pinyin conversion gives it.

    A syllable is a Chinese character's pinyin (``da``) or a run of other characters kept as
    written (``5kg``): only a Chinese syllable gives its first letter alone to the initials.
    """
    initials = []
    full = []
    for piece in syllables:
        folded = fold(piece)
        if not folded:
            continue
        full.append(folded)
        initials.append(folded[0] if folded.isascii() and folded.isalpha() else folded)
    return SearchKey(barcode, fold(name), "".join(initials), "".join(full))


# Lower ranks are shown first: a barcode typed out, then what starts with the text, then
# what merely contains it; the name before its initials before its full pinyin.
BARCODE_EXACT, BARCODE_PREFIX = 0, 1
NAME_PREFIX, INITIALS_PREFIX, FULL_PREFIX = 2, 3, 4
NAME_PART, INITIALS_PART, FULL_PART = 5, 6, 7


def match_rank(key: SearchKey, query: str) -> int | None:
    """How well ``query`` (already folded) finds the product; None when it does not.

    A barcode matches from its start only (a cashier types what is printed under the bars);
    the name and its pinyin match anywhere.
    """
    if not query:
        return None
    if key.barcode == query:
        return BARCODE_EXACT
    if key.barcode.startswith(query):
        return BARCODE_PREFIX
    for prefix_rank, text in (
        (NAME_PREFIX, key.name),
        (INITIALS_PREFIX, key.initials),
        (FULL_PREFIX, key.full),
    ):
        if text.startswith(query):
            return prefix_rank
    for part_rank, text in (
        (NAME_PART, key.name),
        (INITIALS_PART, key.initials),
        (FULL_PART, key.full),
    ):
        if query in text:
            return part_rank
    return None


def best_matches(keys: Sequence[SearchKey], query: str, limit: int) -> list[SearchKey]:
    """The ``limit`` keys ``query`` finds best: by rank, then the shorter name, then barcode."""
    folded = fold(query)
    ranked = []
    for key in keys:
        rank = match_rank(key, folded)
        if rank is not None:
            ranked.append((rank, len(key.name), key.barcode, key))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked[:limit]]
