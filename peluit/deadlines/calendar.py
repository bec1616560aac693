"""Deadline dates: calendar days, working days and calendar months.

The arithmetic is pure: it takes a start date computed from a stored value
(such as the local date a case was filed) and the days off, and keeps
nothing in memory, so every worker gives the same answer, before and after
a restart. Holidays are read afresh each time for the same reason: a day
off an administrator adds counts at once, everywhere.
"""

from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta

from holidays import country_holidays

from peluit.deadlines.models import DeadlinePolicy, ExtraHoliday, Unit

_SATURDAY = 5


def add(start: date, amount: int, unit: str, holidays: set[date]) -> date:
    if amount < 0:
        raise ValueError("a deadline cannot lie before its start")
    if unit == Unit.CALENDAR_DAYS:
        return start + timedelta(days=amount)
    if unit == Unit.WORKING_DAYS:
        return _add_working_days(start, amount, holidays)
    if unit == Unit.CALENDAR_MONTHS:
        return _add_months(start, amount)
    raise ValueError(f"unknown deadline unit: {unit!r}")


def indonesian_holidays(years: Iterable[int]) -> set[date]:
    """National public holidays plus the days off administrators added.

    The library's cuti bersama (its government category) is left out: it is
    set by decree each year, sometimes revised, and not every office keeps
    it, so administrators add the days theirs observes as ExtraHoliday.
    """
    wanted = set(years)
    national = country_holidays("ID", years=wanted)
    extra = ExtraHoliday.objects.filter(date__year__in=wanted)
    return set(national) | set(extra.values_list("date", flat=True))


def due_date(start: date, policy: DeadlinePolicy) -> date:
    if policy.unit != Unit.WORKING_DAYS:
        return add(start, policy.amount, policy.unit, set())

    # Working days may run into a later year than the holidays were read
    # for; read that year's too and count again until the years cover it.
    years = range(start.year, start.year + 1)
    while True:
        due = add(start, policy.amount, policy.unit, indonesian_holidays(years))
        if due.year in years:
            return due
        years = range(start.year, due.year + 1)


def _add_working_days(start: date, amount: int, holidays: set[date]) -> date:
    # The day the clock starts does not count, even when it is a working
    # day: a report filed on Friday afternoon has its first day on Monday.
    day = start
    counted = 0
    while counted < amount:
        day += timedelta(days=1)
        if _is_working_day(day, holidays):
            counted += 1

    # With nothing to count, the deadline still falls on a day someone works.
    while not _is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def _is_working_day(day: date, holidays: set[date]) -> bool:
    return day.weekday() < _SATURDAY and day not in holidays


def _add_months(start: date, amount: int) -> date:
    # Months, not multiples of 30 days; a day the target month lacks (31
    # January plus one month) becomes that month's last day.
    months = start.month - 1 + amount
    year, month = start.year + months // 12, months % 12 + 1
    last_day = monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))
