"""The deadline engine: one place where every statutory period of Fazhi is counted.

Pure Python on a `Calendar` (the official schedule of rest days and make-up working days),
so the same code serves the pages, the API, the CLI, imports and benchmarks. Counting rules
(TIME-LIMITS.md): R1 the starting day is not counted; R2 a calendar-day or month period whose
last day is a rest day ends on the next working day; R3/R4 rest days are weekends and holidays,
make-up working days are working days; R5 months end on the same day-number (or the month's last
day); R6 working-day periods count working days only.
"""

from __future__ import annotations

import calendar as _calendar
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class Unit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"


class YearNotLoaded(Exception):
    """A date falls in a year whose official holiday schedule has not been loaded."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"{year} 年的节假日安排尚未载入，无法计算期限。"
            f"请系统管理员在“节假日日历”中录入 {year} 年的安排（国务院办公厅通知）。"
        )


@dataclass(frozen=True)
class Period:
    """A suspension (中止): the clock stops from `start` to `end`, both included."""

    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Step:
    """One day of the explanation: what it is and whether it counted."""

    day: date
    kind: str  # "work", "weekend", "holiday", "makeup", "suspended"
    name: str = ""  # the holiday's name, for holidays and make-up working days
    counted: int = 0  # the running count after this day (0 when the day did not count)
    note: str = ""


@dataclass
class Result:
    start: date
    amount: int
    unit: Unit
    due: date
    nominal_end: date  # the last day of the period before R2 moved it
    extension_days: int = 0
    suspended_days: int = 0
    suggested_internal: date | None = None  # before a long holiday that precedes `due`
    steps: list[Step] = field(default_factory=list)
    assumed_years: list[int] = field(default_factory=list)  # years counted as plain weekends


class Calendar:
    """The official schedule for the loaded years: rest days on weekdays, working days on
    weekends, each with its holiday's name. Lookups outside the loaded years raise
    `YearNotLoaded`, unless `assume_weekends` (then only weekends rest, and it is reported)."""

    def __init__(
        self,
        loaded_years: set[int],
        rest_days: dict[date, str],
        work_days: dict[date, str],
        *,
        assume_weekends: bool = False,
    ):
        self.loaded_years = frozenset(loaded_years)
        self.rest_days = dict(rest_days)  # holidays, weekends inside a holiday block included
        self.work_days = dict(work_days)  # make-up working days on a weekend
        self.assume_weekends = assume_weekends
        self.assumed_years: set[int] = set()
        self._build_index()

    def with_assumed_weekends(self) -> Calendar:
        return Calendar(
            set(self.loaded_years), self.rest_days, self.work_days, assume_weekends=True
        )

    # --- day classification -----------------------------------------------------------

    def _check(self, day: date) -> None:
        if day.year not in self.loaded_years:
            if not self.assume_weekends:
                raise YearNotLoaded(day.year)
            self.assumed_years.add(day.year)

    def is_working_day(self, day: date) -> bool:
        self._check(day)
        if day in self.work_days:
            return True
        if day in self.rest_days:
            return False
        return day.weekday() < 5

    def describe(self, day: date) -> tuple[str, str]:
        """(kind, holiday name) of a day, for explanations."""
        self._check(day)
        if day in self.work_days:
            return "makeup", self.work_days[day]
        if day in self.rest_days:
            return "holiday", self.rest_days[day]
        return ("work", "") if day.weekday() < 5 else ("weekend", "")

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        index = self._offset(day)
        if index is not None:
            found = self._next_work[index]
            if found is not None:
                return self._first + timedelta(days=found)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    # --- fast index over the loaded range ------------------------------------------------
    # For the contiguous loaded years: the ordinal of every working day (for bisecting) and,
    # for every day, the offset of the next working day. 100,000 deadlines stay well under 1 s.

    def _build_index(self) -> None:
        self._first = self._last = None
        self._work_offsets: list[int] = []
        self._next_work: list[int | None] = []
        if not self.loaded_years:
            return
        first_year = min(self.loaded_years)
        last_year = first_year
        while last_year + 1 in self.loaded_years:
            last_year += 1
        self._first, self._last = date(first_year, 1, 1), date(last_year, 12, 31)
        span = (self._last - self._first).days + 1
        working = [self.is_working_day(self._first + timedelta(days=i)) for i in range(span)]
        self._work_offsets = [i for i, w in enumerate(working) if w]
        nxt: int | None = None
        self._next_work = [None] * span
        for i in range(span - 1, -1, -1):
            if working[i]:
                nxt = i
            self._next_work[i] = nxt

    def _offset(self, day: date) -> int | None:
        if self._first is None or not (self._first <= day <= self._last):
            return None
        return (day - self._first).days

    def add_working_days_fast(self, start: date, n: int) -> date | None:
        """The n-th working day after `start`, or None when the index cannot answer."""
        offset = self._offset(start)
        if offset is None:
            return None
        position = bisect_right(self._work_offsets, offset) + n - 1
        if position >= len(self._work_offsets):
            return None
        return self._first + timedelta(days=self._work_offsets[position])


def add_months(start: date, months: int) -> date:
    """R5: the same day-number `months` later, or the last day of that month."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, _calendar.monthrange(year, month)[1]))


def due_date(
    cal: Calendar,
    start: date,
    amount: int,
    unit: Unit | str,
    *,
    suspensions: list[Period] = (),
    extension_days: int = 0,
    explain: bool = False,
) -> Result:
    """The due date of a period of `amount` `unit` whose clock started on `start`.

    Suspended days do not count (the clock stops). An extension runs from the end of the
    original period (after R2): `extension_days` more working days for a working-day period,
    calendar days otherwise, suspended days again not counted.
    """
    unit = Unit(unit)
    if amount < 1 or extension_days < 0:
        raise ValueError("a period is at least 1 and an extension is not negative")
    cal.is_working_day(start)  # the start's year must be loaded too, on every path
    suspensions = list(suspensions)
    result = None
    if not explain and not suspensions and not cal.assume_weekends:
        result = _fast_due_date(cal, start, amount, unit)
    if result is None:
        result = _counted_due_date(cal, start, amount, unit, suspensions, explain)
    if extension_days:
        extension_unit = Unit.WORKING_DAYS if unit is Unit.WORKING_DAYS else Unit.CALENDAR_DAYS
        extended = due_date(
            cal,
            result.due,
            extension_days,
            extension_unit,
            suspensions=suspensions,
            explain=explain,
        )
        result.due, result.nominal_end = extended.due, extended.nominal_end
        result.extension_days = extension_days
        result.suspended_days += extended.suspended_days
        result.steps += [
            Step(s.day, s.kind, s.name, s.counted, s.note or "extension") for s in extended.steps
        ]
        result.assumed_years = sorted(set(result.assumed_years) | set(extended.assumed_years))
    result.suggested_internal = suggested_internal_date(cal, result.due, start)
    return result


def _fast_due_date(cal, start, amount, unit) -> Result | None:
    """From the precomputed index; None when it cannot answer (the counted path then does)."""
    if unit is Unit.WORKING_DAYS:
        due = cal.add_working_days_fast(start, amount)
        if due is None:
            return None
        nominal = due
    else:
        nominal = (
            start + timedelta(days=amount)
            if unit is Unit.CALENDAR_DAYS
            else add_months(start, amount)
        )
        offset = cal._offset(nominal)
        if offset is None or cal._next_work[offset] is None:
            return None
        due = cal._first + timedelta(days=cal._next_work[offset])
    return Result(start, amount, unit, due, nominal)


def _counted_due_date(cal, start, amount, unit, suspensions, explain) -> Result:
    """Day by day from the day after `start` (R1), with the explanation when asked."""
    steps: list[Step] = []
    suspended = 0
    day = start
    if unit is Unit.MONTHS and not suspensions:
        nominal = add_months(start, amount)  # R5, then R2 below
        if explain:
            steps.append(Step(nominal, *cal.describe(nominal), note="month_end"))
    else:
        # A month period that is suspended runs as many calendar days as it would have run,
        # the suspended days not counted.
        target = (add_months(start, amount) - start).days if unit is Unit.MONTHS else amount
        counted = 0
        while counted < target:
            day += timedelta(days=1)
            kind, name = cal.describe(day)
            if any(day in p for p in suspensions):
                suspended += 1
                if explain:
                    steps.append(Step(day, "suspended", name))
                continue
            counts = unit is not Unit.WORKING_DAYS or kind in ("work", "makeup")
            if counts:
                counted += 1
            if explain:
                steps.append(Step(day, kind, name, counted if counts else 0))
        nominal = day
    due = nominal
    if unit is not Unit.WORKING_DAYS:
        # R2: a period ending on a rest day ends on the next working day.
        while not cal.is_working_day(due):
            due += timedelta(days=1)
            if explain:
                steps.append(Step(due, *cal.describe(due), note="rolled"))
    result = Result(start, amount, unit, due, nominal, suspended_days=suspended, steps=steps)
    result.assumed_years = sorted(cal.assumed_years)
    return result


# A run of at least this many rest days right before the due date is a long holiday.
LONG_HOLIDAY_DAYS = 3


def suggested_internal_date(cal: Calendar, due: date, start: date) -> date | None:
    """When a long holiday comes right before `due`, the last working day before it (and after
    the start): the work should be done then, not in the one day left after the holiday."""
    day, rest = due - timedelta(days=1), 0
    try:
        while day > start and not cal.is_working_day(day):
            rest += 1
            day -= timedelta(days=1)
    except YearNotLoaded:
        return None
    return day if rest >= LONG_HOLIDAY_DAYS and day > start else None
