"""Sentences of failure semantics.

Replays, online holds, the floor limit, head-office versions, bad input.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {}
