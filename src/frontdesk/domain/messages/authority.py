"""Sentences of who may do what.

Roles, staff, approvals, head office as the authority, tamper evidence.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {}
