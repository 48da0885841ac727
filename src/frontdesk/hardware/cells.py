"""Text measured in printer cells: a Han character or full-width sign takes two, ASCII one."""

from __future__ import annotations

from frontdesk.domain.print_cells import cells as cells
from frontdesk.domain.print_cells import char_cells as char_cells


def truncate(text: str, width: int) -> str:
    """Cut text to at most width cells without splitting a double-width character."""
    out: list[str] = []
    used = 0
    for ch in text:
        w = char_cells(ch)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out)


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most width cells; Chinese has no spaces to break on."""
    lines: list[str] = []
    rest = text
    while cells(rest) > width:
        head = truncate(rest, width) or rest[0]  # a width below 2 still makes progress
        cut_inside_word = head[-1].isascii() and head[-1].isalnum() and rest[len(head)].isalnum()
        if cut_inside_word and " " in head.strip():
            # Latin words (brand names, "180g") break at a space rather than mid-word.
            head = head[: head.rstrip().rindex(" ") + 1]
        lines.append(head.rstrip())
        rest = rest[len(head) :]
    lines.append(rest)
    return lines


def pad_right(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


def pad_left(text: str, width: int) -> str:
    return " " * max(0, width - cells(text)) + text


def center(text: str, width: int) -> str:
    gap = max(0, width - cells(text))
    return " " * (gap // 2) + text + " " * (gap - gap // 2)


def spread(left: str, right: str, width: int) -> list[str]:
    """Left text and right text on one line if they fit, else left wrapped and right below it."""
    if cells(left) + 1 + cells(right) <= width:
        return [left + " " * (width - cells(left) - cells(right)) + right]
    return [*wrap(left, width), pad_left(right, width)]
