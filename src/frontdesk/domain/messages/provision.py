"""Sentences of provisioning a chain.

First run, enrolment, catalog columns, exports, backups, versions.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {}
