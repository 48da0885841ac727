"""Scanner byte stream → whole frames: terminators, prefix/suffix, split reads, stale partials."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Terminator(Enum):
    CR = "CR"
    LF = "LF"
    CRLF = "CRLF"

    @property
    def bytes(self) -> bytes:
        return {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}[self.value]


@dataclass(frozen=True)
class Framing:
    terminator: Terminator = Terminator.CR
    prefix: bytes = b""
    suffix: bytes = b""  # sent before the terminator, e.g. ETX
    partial_timeout: float = 0.5  # seconds of silence after which an unterminated frame is junk
    # No barcode a till reads is longer (GS1-128 tops out at 48 characters); a stream without a
    # terminator is noise or a wrong setting, and must not grow the buffer without limit.
    max_frame: int = 256


@dataclass(frozen=True)
class Frame:
    data: bytes
    framed: bool = True  # False: the configured prefix or suffix was missing
    too_long: bool = False  # True: over max_frame bytes, dropped (data is empty)


TOO_LONG = Frame(b"", framed=False, too_long=True)


class FrameAssembler:
    """Feeds on raw reads (in any pieces) and hands back whole frames, never part of one."""

    def __init__(self, framing: Framing) -> None:
        self.framing = framing
        self._buffer = b""
        self._last_byte_at = 0.0
        self._skipping = False  # inside an overlong frame: drop bytes up to its terminator

    @property
    def pending(self) -> bytes:
        return self._buffer

    def expire(self, now: float) -> bool:
        """Drop an unterminated frame that has gone quiet; True if one was dropped."""
        if self._buffer and now - self._last_byte_at > self.framing.partial_timeout:
            self._buffer = b""
            return True
        if now - self._last_byte_at > self.framing.partial_timeout:
            self._skipping = False  # silence ends the overlong frame too
        return False

    def reset(self) -> None:
        self._buffer = b""
        self._skipping = False

    def feed(self, data: bytes, now: float) -> list[Frame]:
        if not data:
            return []
        self._buffer += data
        self._last_byte_at = now
        *complete, rest = self._buffer.split(self.framing.terminator.bytes)
        frames = []
        if complete and self._skipping:
            complete = complete[1:]  # the tail of the overlong frame already reported
            self._skipping = False
        for raw in complete:
            if len(raw) > self.framing.max_frame:
                frames.append(TOO_LONG)
                continue
            # A scanner set to CRLF while the till expects CR (or the reverse) leaves a stray
            # CR or LF at an edge; it is framing, not data.
            body = raw.strip(b"\r\n")
            if body:
                frames.append(self._unwrap(body))
        if len(rest) > self.framing.max_frame:
            if not self._skipping:
                frames.append(TOO_LONG)  # said once per overlong frame, however long it goes on
            self._skipping, rest = True, b""
        self._buffer = rest
        return frames

    def _unwrap(self, body: bytes) -> Frame:
        prefix, suffix = self.framing.prefix, self.framing.suffix
        if not body.startswith(prefix) or not body.endswith(suffix):
            return Frame(body, framed=False)
        return Frame(body[len(prefix) : len(body) - len(suffix)])
