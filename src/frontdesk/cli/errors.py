"""The command's own refusals, kept free of the database stack so `main` can catch them cheaply.

A UsageError names its sentence by key: ``usage_<key>`` in the message catalogue
(`domain.messages.failure`), in Chinese and English. A CommandFailed names a ``failed_`` key.
"""

from __future__ import annotations

from frontdesk.domain import messages


class UsageError(Exception):
    """Bad command-line input: said plainly, nothing written (exit 2)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(self.message("zh_CN"))

    def message(self, lang: str) -> str:
        return messages.say(f"usage_{self.key}", lang, **self.params)


class CommandFailed(Exception):
    """The command could not do its job for a reason that is no rule's refusal (exit 1).

    It names its sentence by key: ``failed_<key>`` in the catalogue.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(self.message("zh_CN"))

    def message(self, lang: str) -> str:
        return messages.say(f"failed_{self.key}", lang, **self.params)
