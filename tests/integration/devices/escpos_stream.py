"""Reads an ESC/POS job back: the commands it holds and its text lines decoded from GB18030."""

from __future__ import annotations

from dataclasses import dataclass, field

# Command → how many parameter bytes follow it, for every command the renderer sends.
_FIXED = {
    b"\x1b@": 0,
    b"\x1bE": 1,
    b"\x1ba": 1,
    b"\x1b!": 1,
    b"\x1bd": 1,
    b"\x1bp": 3,
    b"\x1bt": 1,
    b"\x1d!": 1,
    b"\x1dV": 1,
    b"\x1dh": 1,
    b"\x1dw": 1,
    b"\x1df": 1,
    b"\x1dH": 1,
    b"\x1c&": 0,
    b"\x1c.": 0,
}


@dataclass
class EscposJob:
    commands: list[bytes] = field(default_factory=list)
    barcodes: list[bytes] = field(default_factory=list)
    text: bytearray = field(default_factory=bytearray)

    @property
    def lines(self) -> list[str]:
        return self.text.decode("gb18030").split("\n")

    def count(self, command: bytes) -> int:
        return sum(1 for c in self.commands if c == command)


def parse(data: bytes) -> EscposJob:
    job = EscposJob()
    i = 0
    while i < len(data):
        two = data[i : i + 2]
        if two in _FIXED:
            end = i + 2 + _FIXED[two]
            job.commands.append(data[i:end])
            i = end
        elif two == b"\x1dk":  # GS k m n data (function B)
            n = data[i + 3]
            job.barcodes.append(data[i + 4 : i + 4 + n])
            job.commands.append(data[i : i + 4])
            i += 4 + n
        elif data[i : i + 3] == b"\x1dv0":  # raster image: skip its bitmap
            width_bytes = int.from_bytes(data[i + 4 : i + 6], "little")
            height = int.from_bytes(data[i + 6 : i + 8], "little")
            job.commands.append(data[i : i + 4])
            i += 8 + width_bytes * height
        elif data[i] in (0x1B, 0x1C, 0x1D, 0x10):
            raise AssertionError(f"unexpected command {data[i : i + 3]!r} at {i}")
        else:
            job.text.append(data[i])
            i += 1
    return job
