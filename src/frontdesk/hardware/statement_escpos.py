"""A member statement (对账单) as an ESC/POS job for 58 mm and 80 mm receipt printers.

The same words as the screen and the PDF (services.statement.layout), one movement as a short
block: date and kind, the receipt number, what moved in each bucket, the balances after it.
"""

from __future__ import annotations

from frontdesk.hardware import cells
from frontdesk.hardware.escpos_receipt import (
    BOLD_OFF,
    BOLD_ON,
    CHINESE_MODE_ON,
    DOUBLE_HEIGHT_ON,
    FEED_AND_CUT,
    INIT,
    SIZE_NORMAL,
    PaperProfile,
    encode,
)
from frontdesk.services.statement import StatementLayout

# Columns of StatementLayout.rows: date, till, kind, receipt, principal, bonus, points,
# stored-value balance after, points balance after.
_DATE, _TILL, _KIND, _RECEIPT, _MOVED, _BALANCE, _POINTS_AFTER = 0, 1, 2, 3, (4, 5, 6), 7, 8


def statement_lines(page: StatementLayout, width: int) -> list[str]:
    """The statement laid out in cells for a roll `width` columns wide (title excluded)."""
    lines = [ln for text in page.header for ln in cells.wrap(text, width)]
    lines.append("-" * width)
    cols = page.columns
    for row in page.rows:
        lines += cells.spread(row[_DATE], row[_TILL], width)
        lines += cells.wrap(f"  {row[_KIND]}", width)
        if row[_RECEIPT]:
            lines += cells.wrap(f"  {cols[_RECEIPT]} {row[_RECEIPT]}", width)
        for i in _MOVED:
            if row[i]:
                lines += cells.spread(f"  {cols[i]}", row[i], width)
        lines += cells.spread(f"  {cols[_BALANCE]}", row[_BALANCE], width)
        lines += cells.spread(f"  {cols[_POINTS_AFTER]}", row[_POINTS_AFTER], width)
    lines.append("-" * width)
    lines += [ln for text in page.footer for ln in cells.wrap(text, width)]
    return lines


def render_statement(page: StatementLayout, paper: PaperProfile) -> bytes:
    """The whole job: init, the title large, every line, feed and cut (no drawer: no money)."""
    job = bytearray(INIT)
    if paper.chinese_mode:
        job += CHINESE_MODE_ON
    title = cells.center(page.title, paper.columns).rstrip()
    job += DOUBLE_HEIGHT_ON + BOLD_ON + encode(title, paper.encoding) + b"\n" + BOLD_OFF
    job += SIZE_NORMAL
    for line in statement_lines(page, paper.columns):
        job += encode(line.rstrip(), paper.encoding) + b"\n"
    job += FEED_AND_CUT
    return bytes(job)
