"""Sentences of a large chain: store numbering and head-office limits."""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {}
