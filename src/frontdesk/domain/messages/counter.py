"""Sentences of the counter.

Held tickets, search, line editing, tender, refunds in the window, reports.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {}
