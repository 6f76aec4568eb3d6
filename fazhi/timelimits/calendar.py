"""The engine's calendar built from the database, cached in memory per process.

Every edit goes through the services below, which touch the year's `updated_at`; each process
compares that version (one small query) before reusing its cached calendar, so an edit takes
effect at once in every process.
"""

from __future__ import annotations

import threading
from datetime import date

from django.db import transaction
from django.db.models import Count, Max

from fazhi.timelimits.engine import Calendar
from fazhi.timelimits.models import CalendarDay, CalendarYear

_lock = threading.Lock()
_cached: dict = {"version": None, "calendar": None}


def _version() -> tuple:
    found = CalendarYear.objects.aggregate(years=Count("year"), last=Max("updated_at"))
    return found["years"], found["last"]


def get_calendar() -> Calendar:
    version = _version()
    with _lock:
        if _cached["version"] != version or _cached["calendar"] is None:
            _cached["calendar"] = _build()
            _cached["version"] = version
        return _cached["calendar"]


def _build() -> Calendar:
    years = set(CalendarYear.objects.values_list("year", flat=True))
    rest, work = {}, {}
    for day, kind, name in CalendarDay.objects.values_list("day", "kind", "name"):
        (rest if kind == CalendarDay.Kind.REST else work)[day] = name
    return Calendar(years, rest, work)


def loaded_years() -> list[int]:
    return sorted(get_calendar().loaded_years)


# --- writes -------------------------------------------------------------------------------


@transaction.atomic
def calendar_year_create(*, year: int, notice: str = "") -> CalendarYear:
    """Declare a year loaded (its days then follow the weekday pattern until edited)."""
    calendar_year, _created = CalendarYear.objects.get_or_create(
        year=year, defaults={"source": CalendarYear.Source.MANUAL, "notice": notice}
    )
    if notice and calendar_year.notice != notice:
        calendar_year.notice = notice
        calendar_year.save()
    return calendar_year


@transaction.atomic
def calendar_set_day(*, day: date, kind: str | None, name: str = "") -> None:
    """Make `day` a statutory rest day or a make-up working day (`kind`), or return it to the
    ordinary weekday pattern (`kind=None`). The year must be loaded."""
    calendar_year = CalendarYear.objects.select_for_update().get(year=day.year)
    calendar_year.source = CalendarYear.Source.MANUAL  # corrected by hand: `sync` keeps it
    if kind is None:
        CalendarDay.objects.filter(day=day).delete()
    else:
        CalendarDay.objects.update_or_create(
            day=day, defaults={"year": calendar_year, "kind": kind, "name": name}
        )
    calendar_year.save()  # bumps updated_at: every process reloads


@transaction.atomic
def holidays_sync(*, replace_manual: bool = False) -> tuple[list[int], list[int]]:
    """(Re)load every year the installed chinese-calendar package covers. A year the
    administrator entered or corrected is kept unless `replace_manual`. Returns the years
    loaded and the years kept."""
    from chinese_calendar.constants import Holiday, holidays, workdays

    names = {h.value: h.chinese for h in Holiday}
    years = sorted({d.year for d in holidays} | {d.year for d in workdays})
    manual = set(
        CalendarYear.objects.filter(source=CalendarYear.Source.MANUAL).values_list(
            "year", flat=True
        )
    )
    kept = sorted(manual & set(years)) if not replace_manual else []
    years = [y for y in years if y not in kept]
    for year in years:
        calendar_year, _created = CalendarYear.objects.update_or_create(
            year=year, defaults={"source": CalendarYear.Source.PACKAGE}
        )
        CalendarDay.objects.filter(year=calendar_year).delete()
        CalendarDay.objects.bulk_create(
            [
                CalendarDay(
                    day=d, year=calendar_year, kind=CalendarDay.Kind.REST, name=names.get(n, n)
                )
                for d, n in holidays.items()
                if d.year == year
            ]
            + [
                CalendarDay(
                    day=d, year=calendar_year, kind=CalendarDay.Kind.WORK, name=names.get(n, n)
                )
                for d, n in workdays.items()
                if d.year == year
            ]
        )
    return years, kept
