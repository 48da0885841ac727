"""Sentences of counter hardware and the installed product.

Customer display, scales, printer presets, logs.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {}
