"""Every refusal and label a person reads, in Chinese and English: the one catalogue of them.

Each area of the product keeps its sentences in a module of its own here (`general`, `authority`,
`law`, …); this module joins them and renders.

A refusal is a key with parameters (`DomainError`); a label names a code or an enum member.
Parameters that are enums, or codes of a known vocabulary, are rendered through the same
catalogue in the same language, so no sentence mixes languages or shows a raw code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol, TypeGuard

from frontdesk.domain.messages import (
    authority,
    counter,
    devices,
    failure,
    general,
    law,
    provision,
    results,
    scale,
)
from frontdesk.domain.messages.sentence import EN, LANGUAGES, ZH, Sentence
from frontdesk.domain.messages.vocabularies import VOCABULARIES as _VOCABULARIES

__all__ = [
    "EN",
    "LANGUAGES",
    "ZH",
    "Notice",
    "Refusal",
    "Sentence",
    "label",
    "render",
    "say",
]


def _merged() -> dict[str, Sentence]:
    """One catalogue from the modules of each area; a key said twice is a mistake caught here."""
    merged: dict[str, Sentence] = {}
    for area in (general, authority, law, failure, counter, devices, provision, scale, results):
        twice = merged.keys() & area.SENTENCES.keys()
        if twice:
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        merged.update(area.SENTENCES)
    return merged


_SENTENCES = _merged()


class Refusal(Protocol):
    """What the catalogue needs of a refusal (or a notice): its key and its parameters."""

    @property
    def key(self) -> str: ...

    @property
    def details(self) -> Mapping[str, object]: ...


@dataclass(frozen=True)
class Notice:
    """Something to tell a person that refuses nothing: a key and its parameters."""

    key: str
    details: Mapping[str, object] = field(default_factory=dict)


def known_keys() -> frozenset[str]:
    return frozenset(_SENTENCES)


def sentence(key: str) -> Sentence:
    return _SENTENCES[key]


def vocabularies() -> Mapping[str, Mapping[str, tuple[str, str]]]:
    return _VOCABULARIES


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == ZH else pair[1]


def label(value: Enum | str, lang: str = ZH, vocabulary: str | None = None) -> str:
    """An enum member, or a code of a named vocabulary, as a person reads it in `lang`.

    An unknown code is returned as it is: a label never makes a refusal fail.
    """
    if isinstance(value, Enum):
        vocabulary, code = vocabulary or type(value).__name__, str(value.value)
    else:
        code = value
    pair = _VOCABULARIES.get(vocabulary or "", {}).get(code)
    return code if pair is None else _pick(pair, lang)


def _param(name: str, value: object, lang: str, codes: Mapping[str, str]) -> str:
    if isinstance(value, Enum):
        return label(value, lang)
    if _is_refusal(value):
        # A refusal inside a notice (why head office's program was not taken) is said in the
        # notice's language, not frozen in the one it was raised in.
        return render(value, lang)
    text = str(value)
    return label(text, lang, codes[name]) if name in codes else text


def _is_refusal(value: object) -> TypeGuard[Refusal]:
    return isinstance(value, Notice) or (
        isinstance(value, Exception)
        and isinstance(getattr(value, "key", None), str)
        and isinstance(getattr(value, "details", None), Mapping)
    )


def _sentence_of(error: Refusal) -> Sentence:
    found = _SENTENCES.get(error.key)
    if found is not None:
        return found
    # A refusal not yet moved here says its own two sentences, by the same rules.
    zh, en = getattr(error, "template", None), getattr(error, "english", None)
    if isinstance(zh, str) and isinstance(en, str) and zh and en:
        return Sentence(zh, en)
    return _SENTENCES["refused"]


def render(error: Refusal, lang: str = ZH) -> str:
    """The refusal's sentence in `lang`, every parameter filled in that language."""
    found = _sentence_of(error)
    params = {k: _param(k, v, lang, found.codes) for k, v in error.details.items()}
    return found.template(lang).format(**params)


def say(key: str, lang: str = ZH, **details: object) -> str:
    """A notice or result line in `lang`: `render` of a `Notice` without building one."""
    return render(Notice(key, details), lang)
