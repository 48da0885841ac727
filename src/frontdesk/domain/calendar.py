"""Calendar arithmetic the program needs: whole months, birthday windows, member day."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from frontdesk.domain.program import BirthdayWindow


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later, clamped to the month's last day."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def birthday_in_year(birthday: date, year: int) -> date:
    if birthday.month == 2 and birthday.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return birthday.replace(year=year)


def in_birthday_window(birthday: date | None, today: date, window: BirthdayWindow) -> bool:
    if birthday is None:
        return False
    if window is BirthdayWindow.MONTH:
        return birthday.month == today.month
    this_year = birthday_in_year(birthday, today.year)
    if window is BirthdayWindow.DAY:
        return this_year == today
    # WEEK: the seven days starting on the birthday; a late-December birthday reaches into January.
    for start in (this_year, birthday_in_year(birthday, today.year - 1)):
        if start <= today < start + timedelta(days=7):
            return True
    return False
