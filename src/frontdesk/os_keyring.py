"""The OS keyring, when a real one is there: for head office's password and the PIN secret.

Shared by the till's database side and its head-office side (neither may import the other).
"""

from __future__ import annotations

from typing import Any


def usable_keyring() -> Any | None:
    """The OS keyring when a real one works (not keyring's fail or null backend), else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend
