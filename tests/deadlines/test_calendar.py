from datetime import date

import pytest

from peluit.deadlines.calendar import add, due_date, indonesian_holidays
from peluit.deadlines.models import DeadlinePolicy, ExtraHoliday, Kind, Unit

INDEPENDENCE_DAY = date(2026, 8, 17)  # a Monday
CHRISTMAS = date(2026, 12, 25)  # a Friday
CHRISTMAS_EVE_LEAVE = date(2026, 12, 24)  # cuti bersama, by decree


def _holidays_2026() -> set[date]:
    return indonesian_holidays([2026])


def test_calendar_days_count_weekends_and_holidays_like_any_day():
    assert add(date(2026, 3, 1), 7, Unit.CALENDAR_DAYS, set()) == date(2026, 3, 8)
    assert (
        add(date(2026, 8, 10), 7, Unit.CALENDAR_DAYS, {INDEPENDENCE_DAY})
        == INDEPENDENCE_DAY
    )


def test_working_days_skip_the_weekend():
    friday, thursday = date(2026, 3, 6), date(2026, 3, 5)

    assert add(friday, 1, Unit.WORKING_DAYS, set()) == date(2026, 3, 9)
    assert add(thursday, 3, Unit.WORKING_DAYS, set()) == date(2026, 3, 10)


def test_the_library_knows_indonesian_public_holidays(db):
    holidays = _holidays_2026()

    assert INDEPENDENCE_DAY in holidays
    assert CHRISTMAS in holidays
    assert date(2026, 6, 1) in holidays  # Hari Lahir Pancasila


def test_working_days_skip_independence_day(db):
    friday = date(2026, 8, 14)

    assert add(friday, 1, Unit.WORKING_DAYS, _holidays_2026()) == date(2026, 8, 18)


def test_working_days_skip_christmas_and_the_weekend_after_it(db):
    thursday = date(2026, 12, 24)

    assert add(thursday, 1, Unit.WORKING_DAYS, _holidays_2026()) == date(2026, 12, 28)


def test_cuti_bersama_is_not_assumed_until_an_administrator_adds_it(db):
    wednesday = date(2026, 12, 23)
    assert CHRISTMAS_EVE_LEAVE not in _holidays_2026()
    assert add(wednesday, 1, Unit.WORKING_DAYS, _holidays_2026()) == date(2026, 12, 24)

    ExtraHoliday.objects.create(
        date=CHRISTMAS_EVE_LEAVE,
        name_id="Cuti bersama Natal",
        name_en="Christmas joint leave",
    )

    assert CHRISTMAS_EVE_LEAVE in _holidays_2026()
    assert add(wednesday, 1, Unit.WORKING_DAYS, _holidays_2026()) == date(2026, 12, 28)


def test_extra_holidays_are_read_only_for_the_years_asked(db):
    ExtraHoliday.objects.create(
        date=date(2027, 2, 5), name_id="Cuti bersama Imlek", name_en="Joint leave"
    )

    assert date(2027, 2, 5) not in _holidays_2026()
    assert date(2027, 2, 5) in indonesian_holidays([2026, 2027])


def test_counting_from_a_weekend_starts_on_the_next_working_day():
    saturday = date(2026, 3, 7)

    assert add(saturday, 1, Unit.WORKING_DAYS, set()) == date(2026, 3, 9)
    assert add(saturday, 0, Unit.WORKING_DAYS, set()) == date(2026, 3, 9)


def test_counting_from_a_holiday_or_the_weekend_before_it_skips_it(db):
    saturday_before = date(2026, 8, 15)

    assert add(INDEPENDENCE_DAY, 1, Unit.WORKING_DAYS, _holidays_2026()) == date(
        2026, 8, 18
    )
    assert add(saturday_before, 1, Unit.WORKING_DAYS, _holidays_2026()) == date(
        2026, 8, 18
    )


def test_a_month_from_the_31st_of_january_is_the_end_of_february():
    months = Unit.CALENDAR_MONTHS

    assert add(date(2026, 1, 31), 1, months, set()) == date(2026, 2, 28)
    assert add(date(2028, 1, 31), 1, months, set()) == date(2028, 2, 29)


def test_months_keep_the_day_of_the_month_and_roll_over_the_year():
    assert add(date(2026, 3, 15), 3, Unit.CALENDAR_MONTHS, set()) == date(2026, 6, 15)
    assert add(date(2026, 11, 30), 3, Unit.CALENDAR_MONTHS, set()) == date(2027, 2, 28)
    assert add(date(2026, 12, 5), 13, Unit.CALENDAR_MONTHS, set()) == date(2028, 1, 5)


def test_an_unknown_unit_or_a_negative_amount_is_refused():
    with pytest.raises(ValueError, match="unit"):
        add(date(2026, 3, 1), 7, "fortnights", set())
    with pytest.raises(ValueError, match="before its start"):
        add(date(2026, 3, 1), -1, Unit.CALENDAR_DAYS, set())


def test_the_due_date_follows_the_stored_policy(db):
    acknowledge = DeadlinePolicy.objects.get(kind=Kind.ACKNOWLEDGE)
    outcome = DeadlinePolicy.objects.get(kind=Kind.OUTCOME)

    assert due_date(date(2026, 1, 31), acknowledge) == date(2026, 2, 7)
    assert due_date(date(2025, 11, 30), outcome) == date(2026, 2, 28)


def test_working_days_into_the_new_year_skip_that_years_holidays(db):
    # 1 January and Isra Mi'raj on 5 January 2027 are both days off; only
    # reading 2027's holidays as well as 2026's finds them.
    policy = DeadlinePolicy(kind=Kind.ACKNOWLEDGE, amount=5, unit=Unit.WORKING_DAYS)
    assert {date(2027, 1, 1), date(2027, 1, 5)} <= indonesian_holidays([2027])

    assert due_date(date(2026, 12, 28), policy) == date(2027, 1, 6)
