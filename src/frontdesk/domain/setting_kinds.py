"""Kinds of setting read from a parsed TOML value, each refusing in Chinese and English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Protocol

from frontdesk.domain.money import Fen


class Kind(Protocol):
    def read(self, value: Any) -> Any: ...


class Wrong(Exception):
    """A value a kind cannot take; the reader adds the file and the field."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class Whole:
    low: int
    high: int

    def read(self, value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise Wrong(f"应为整数，实为 {value!r}", f"must be a whole number, got {value!r}")
        if not self.low <= value <= self.high:
            raise Wrong(
                f"应在 {self.low} 到 {self.high} 之间，实为 {value}",
                f"must be between {self.low} and {self.high}, got {value}",
            )
        return value


@dataclass(frozen=True)
class Money:
    positive: bool = False  # True: zero is refused too

    def read(self, value: Any) -> Fen:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise Wrong(
                f'应为文本形式的金额，例如 "100.00"，实为 {value!r}',
                f'must be an amount in yuan as text, e.g. "100.00", got {value!r}',
            )
        try:
            amount = Fen.of(value)
        except ValueError:
            raise Wrong(
                f'金额格式不正确（应为数字，最多两位小数，例如 "100.00"）：{value!r}',
                f'not an amount in yuan with at most two decimals (e.g. "100.00"): {value!r}',
            ) from None
        if amount.value < 0:
            raise Wrong("不能为负数", "must not be negative")
        if self.positive and not amount:
            raise Wrong("应大于 0", "must be above 0")
        return amount


@dataclass(frozen=True)
class Rate:
    high: Decimal

    def read(self, value: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise Wrong(
                f'应为文本形式的小数，例如 "0.95"，实为 {value!r}',
                f'must be a decimal written as text, e.g. "0.95", got {value!r}',
            )
        text = str(value).strip()
        try:
            rate = Decimal(text) if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text) else None
        except InvalidOperation:
            rate = None
        if rate is None or not Decimal(0) < rate <= self.high:
            raise Wrong(
                f"应大于 0 且不超过 {self.high}，实为 {value}",
                f"must be above 0 and at most {self.high}, got {value}",
            )
        return rate


class Text:
    def read(self, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Wrong("应为非空文本", "must be non-empty text")
        return value


@dataclass(frozen=True)
class Choice:
    enum: type[Enum]

    def read(self, value: Any) -> Any:
        allowed = [m.value for m in self.enum]
        if value not in allowed:
            names = ", ".join(allowed)
            raise Wrong(
                f"应为 {names} 之一，实为 {value!r}", f"must be one of {names}, got {value!r}"
            )
        return self.enum(value)


@dataclass(frozen=True)
class ChoiceSet:
    """A list of an enum's values, e.g. ["refund", "card_return"], read as a frozenset."""

    enum: type[Enum]

    def read(self, value: Any) -> frozenset[Any]:
        allowed = [m.value for m in self.enum]
        if not isinstance(value, list) or not all(v in allowed for v in value):
            names = ", ".join(allowed)
            raise Wrong(
                f"应为列表，元素取自 {names}，实为 {value!r}",
                f"must be a list of {names}, got {value!r}",
            )
        return frozenset(self.enum(v) for v in value)


class DayOrOff:
    """A day of the month (1–28, so every month has it), or 0 for none."""

    def read(self, value: Any) -> int | None:
        day = Whole(0, 28).read(value)
        return day or None
