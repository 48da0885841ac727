"""Where a new member card goes: a CR80 PDF for the card printer, behind a small port.

app.py hands in the implementation (the PDF folder from the device file, the store's name);
the manager screens only ask for a card and show where it was saved.
"""

from __future__ import annotations

from typing import Protocol

from frontdesk.services.till_port import MemberView


class CardNotPrinted(Exception):
    """The card file could not be written; the message says why, in Chinese."""


class CardOutput(Protocol):
    @property
    def automatic(self) -> bool:
        """True when the device file names a card printer folder: print without being asked."""
        ...

    def print_card(self, member: MemberView) -> str:
        """Write the member's current card as a PDF and return its path; `CardNotPrinted`."""
        ...
