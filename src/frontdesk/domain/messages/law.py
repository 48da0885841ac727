"""Sentences of prepaid-card law and personal data.

Caps, 退卡, cooling-off, statements, PIPL rights.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {}
