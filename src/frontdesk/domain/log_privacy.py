"""What a log line may say: never a PIN, never a member's full phone number (DOMAIN §7)."""

from __future__ import annotations

import re

# A mainland mobile number standing alone (a 15-digit card number holds such a run inside it).
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
# A PIN however it was written down: pin=1234, "member_pin": "135790", --manager-pin 8001.
_PIN = re.compile(
    r"""(?ix)
    (\b[\w-]*pin\b(?:["']?\s*[:=,]\s*["']?|\s+))  # the name, then = : , or a space
    ([^\s"',;)}\]]*\d[^\s"',;)}\]]*)               # the secret itself (it holds a digit)
    """
)


def redact(text: str) -> str:
    """The line with phones shown as 138****1111 and PIN values as ***."""
    text = _PIN.sub(lambda m: m.group(1) + "***", text)
    return _PHONE.sub(r"\1****\2", text)
