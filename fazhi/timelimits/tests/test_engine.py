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


def test_an_extension_runs_from_the_end_of_the_original_period():
    # 60 days from 2024-08-02 end on 10-08 (10-01 is a holiday); 30 more days end on 11-07.
    extended = due_date(CAL, date(2024, 8, 2), 60, "calendar_days", extension_days=30)
    assert extended.due == date(2024, 11, 7)
    working = due_date(CAL, date(2024, 9, 27), 5, "working_days", extension_days=2)
    assert working.due == date(2024, 10, 12)  # 10-10, then 10-11 and 10-12 (a make-up Saturday)


def test_a_suspended_month_period_resumes_with_the_days_it_had_left():
    # Stopped on 07-01 with 10 days left (to 07-10); resumed on 10-01: ends 10-10.
    result = due_date(
        CAL,
        date(2024, 1, 10),
        6,
        "months",
        suspensions=[Period(date(2024, 7, 1), date(2024, 9, 30))],
    )
    assert result.due == date(2024, 10, 10)
    two = [
        Period(date(2024, 1, 20), date(2024, 2, 5)),
        Period(date(2024, 2, 15), date(2024, 2, 20)),
    ]
    assert due_date(CAL, date(2024, 1, 10), 1, "months", suspensions=two).due == date(2024, 3, 4)


def test_a_period_of_zero_is_refused():
    with pytest.raises(ValueError):
        due_date(CAL, date(2024, 10, 1), 0, "working_days")


@pytest.mark.parametrize("explain", [False, True], ids=["fast", "explained"])
def test_a_start_in_a_year_without_a_schedule_is_refused_on_every_path(explain):
    with pytest.raises(YearNotLoaded, match="2003"):
        due_date(CAL, date(2003, 12, 20), 30, "calendar_days", explain=explain)


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


@settings(max_examples=300, deadline=None)
@given(
    start=starts,
    amount=day_amounts,
    unit=st.sampled_from(["calendar_days", "working_days", "months"]),
    extension=st.integers(min_value=0, max_value=30),
)
def test_the_fast_path_and_the_explained_count_agree(start, amount, unit, extension):
    amount = amount if unit != "months" else amount % 12 + 1
    fast = due_date(CAL, start, amount, unit, extension_days=extension)
    explained = due_date(CAL, start, amount, unit, extension_days=extension, explain=True)
    assert fast.due == explained.due


@settings(max_examples=200, deadline=None)
@given(start=starts, months=st.integers(min_value=1, max_value=6), data=st.data())
def test_a_suspended_month_period_counts_like_the_same_calendar_days(start, months, data):
    length = (add_months(start, months) - start).days
    first = data.draw(st.integers(min_value=1, max_value=length), label="offset")
    period = Period(
        start + timedelta(days=first), start + timedelta(days=first + data.draw(st.integers(0, 30)))
    )
    as_months = due_date(CAL, start, months, "months", suspensions=[period]).due
    as_days = due_date(CAL, start, length, "calendar_days", suspensions=[period]).due
    assert as_months == as_days
