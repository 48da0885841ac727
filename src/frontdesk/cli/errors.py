"""The command's own refusals, kept free of the database stack so `main` can catch them cheaply."""

from __future__ import annotations


class UsageError(Exception):
    """Bad command-line input: said plainly, nothing written (exit 2)."""


class CommandFailed(Exception):
    """The command could not do its job for a reason that is no rule's refusal (exit 1)."""
