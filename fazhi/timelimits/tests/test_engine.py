"""The counting rules of TIME-LIMITS.md, on the official calendar."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.timelimits.engine import Period, YearNotLoaded, add_months, due_date

from .conftest import package_calendar

CAL = package_calendar()

WORKED_EXAMPLES = [
    # (start, amount, unit, due) — the worked examples of TIME-LIMITS.md
    (date(2024, 9, 27), 5, "working_days", date(2024, 10, 10)),  # 09-29 (Sunday) was worked
    (date(2024, 8, 2), 60, "calendar_days", date(2024, 10, 8)),  # day 60 is 10-01, a holiday
    (date(2024, 9, 22), 15, "calendar_days", date(2024, 10, 8)),  # 10-07 is a holiday
    (date(2025, 1, 24), 10, "working_days", date(2025, 2, 13)),  # 01-26 and 02-08 worked
    (date(2024, 8, 31), 6, "months", date(2025, 2, 28)),  # no 02-31: the month's last day
]


@pytest.mark.parametrize(("start", "amount", "unit", "due"), WORKED_EXAMPLES)
@pytest.mark.parametrize("explain", [False, True], ids=["fast", "explained"])
def test_worked_examples(start, amount, unit, due, explain):
    assert due_date(CAL, start, amount, unit, explain=explain).due == due


def test_forgetting_the_makeup_sunday_would_give_a_day_later():
    # The same count on a calendar without 2024-09-29 as a working day gives 10-11.
    without = package_calendar()
    del without.work_days[date(2024, 9, 29)]
    without._build_index()
    assert due_date(without, date(2024, 9, 27), 5, "working_days").due == date(2024, 10, 11)


def test_the_explanation_names_skipped_days_and_the_makeup_day():
    steps = due_date(CAL, date(2024, 9, 27), 5, "working_days", explain=True).steps
    by_day = {s.day: s for s in steps}
    assert by_day[date(2024, 9, 28)].kind == "weekend" and by_day[date(2024, 9, 28)].counted == 0
    assert by_day[date(2024, 9, 29)].kind == "makeup" and by_day[date(2024, 9, 29)].counted == 1
    assert (
        by_day[date(2024, 10, 1)].kind == "holiday" and by_day[date(2024, 10, 1)].name == "国庆节"
    )
    assert by_day[date(2024, 10, 10)].counted == 5


def test_a_month_end_on_a_rest_day_moves_to_the_next_working_day():
    # 1 month from 2024-09-01 is 10-01 (National Day) -> 10-08.
    assert add_months(date(2024, 9, 1), 1) == date(2024, 10, 1)
    assert due_date(CAL, date(2024, 9, 1), 1, "months").due == date(2024, 10, 8)


def test_a_long_holiday_before_the_due_date_suggests_an_internal_date():
    result = due_date(CAL, date(2024, 8, 2), 60, "calendar_days")
    assert result.suggested_internal == date(2024, 9, 30)
    ordinary = due_date(CAL, date(2024, 11, 1), 10, "calendar_days")
    assert ordinary.suggested_internal is None  # a plain weekend is not a long holiday


def test_a_date_in_a_year_without_a_schedule_is_refused_naming_the_year():
    with pytest.raises(YearNotLoaded, match="2027"):
        due_date(CAL, date(2026, 12, 20), 10, "working_days")
    with pytest.raises(YearNotLoaded, match="2003"):
        due_date(CAL, date(2003, 12, 1), 5, "calendar_days")


def test_assumed_weekends_count_only_weekends_and_say_which_years():
    result = due_date(package_calendar(assume_weekends=True), date(2027, 3, 1), 5, "working_days")
    assert result.due == date(2027, 3, 8) and result.assumed_years == [2027]


def test_suspension_stops_the_clock_for_calendar_days():
    plain = due_date(CAL, date(2024, 3, 1), 60, "calendar_days")
    assert plain.nominal_end == date(2024, 4, 30)
    suspended = due_date(
        CAL,
        date(2024, 3, 1),
        60,
        "calendar_days",
        suspensions=[Period(date(2024, 3, 11), date(2024, 3, 20))],
    )
    assert suspended.suspended_days == 10
    assert suspended.nominal_end == date(2024, 5, 10) and suspended.due == date(2024, 5, 10)


def test_extension_lengthens_the_period():
    base = due_date(CAL, date(2024, 3, 1), 60, "calendar_days")
    extended = due_date(CAL, date(2024, 3, 1), 60, "calendar_days", extension_days=30)
    assert extended.nominal_end == base.nominal_end + timedelta(days=30)


# --- properties ---------------------------------------------------------------------------

# Late enough for every period to end inside the loaded years (2004–2026).
starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2025, 6, 30))
day_amounts = st.integers(min_value=1, max_value=90)


@settings(max_examples=300, deadline=None)
@given(start=starts, amount=day_amounts)
def test_a_working_day_result_is_a_working_day(start, amount):
    assert CAL.is_working_day(due_date(CAL, start, amount, "working_days").due)


@settings(max_examples=300, deadline=None)
@given(start=starts, amount=day_amounts, unit=st.sampled_from(["calendar_days", "months"]))
def test_a_calendar_result_never_falls_on_a_rest_day(start, amount, unit):
    amount = amount if unit == "calendar_days" else amount % 12 + 1
    assert CAL.is_working_day(due_date(CAL, start, amount, unit).due)


@settings(max_examples=300, deadline=None)
@given(
    start=starts,
    later_by=st.integers(min_value=1, max_value=40),
    amount=day_amounts,
    unit=st.sampled_from(["calendar_days", "working_days", "months"]),
)
def test_a_later_start_never_gives_an_earlier_due_date(start, later_by, amount, unit):
    amount = amount if unit != "months" else amount % 12 + 1
    later = start + timedelta(days=later_by)
    assert due_date(CAL, later, amount, unit).due >= due_date(CAL, start, amount, unit).due


@settings(max_examples=300, deadline=None)
@given(start=starts, amount=st.integers(min_value=5, max_value=60), data=st.data())
def test_suspending_k_working_days_moves_a_working_day_deadline_by_k_working_days(
    start, amount, data
):
    plain = due_date(CAL, start, amount, "working_days").due
    first = data.draw(st.integers(min_value=1, max_value=(plain - start).days), label="offset")
    length = data.draw(st.integers(min_value=0, max_value=20), label="length")
    period = Period(start + timedelta(days=first), start + timedelta(days=first + length))
    k = sum(
        CAL.is_working_day(period.start + timedelta(days=i))
        for i in range((period.end - period.start).days + 1)
    )
    suspended = due_date(CAL, start, amount, "working_days", suspensions=[period]).due
    assert suspended == due_date(CAL, plain, k, "working_days").due if k else suspended == plain


@settings(max_examples=200, deadline=None)
@given(start=starts, amount=day_amounts, unit=st.sampled_from(["calendar_days", "working_days"]))
def test_the_fast_path_and_the_explained_count_agree(start, amount, unit):
    assert (
        due_date(CAL, start, amount, unit).due
        == due_date(CAL, start, amount, unit, explain=True).due
    )
