"""A sentence of the catalogue: one refusal or notice in Chinese and English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

ZH = "zh_CN"
EN = "en"
LANGUAGES = (ZH, EN)


@dataclass(frozen=True)
class Sentence:
    """One refusal in both languages; `codes` names the vocabulary of each code parameter."""

    zh: str
    en: str
    codes: Mapping[str, str] = field(default_factory=dict)

    def template(self, lang: str) -> str:
        return self.zh if lang == ZH else self.en
