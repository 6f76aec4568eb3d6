"""Reads: rules by code and date, deadlines through the viewer's data scope."""

from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fazhi.timelimits.models import Deadline, Rule

# A deadline is "due soon" when at most this many working days are left.
DUE_SOON_WORKING_DAYS = 3


class RuleNotFound(Exception):
    pass


def rule_for(code: str, start: date) -> Rule:
    """The version of rule `code` in force on `start` (the day the clock started)."""
    in_force = Q(effective_from__isnull=True) | Q(effective_from__lte=start)
    not_ended = Q(effective_to__isnull=True) | Q(effective_to__gte=start)
    # The version that started last; an undated one (in force since ever) only when no dated
    # one is (PostgreSQL would otherwise sort the undated first).
    rule = (
        Rule.objects.filter(in_force & not_ended, code=code)
        .order_by(F("effective_from").desc(nulls_last=True))
        .first()
    )
    if rule is None:
        if Rule.objects.filter(code=code).exists():
            raise RuleNotFound(
                _("Rule %(code)s has no version in force on %(date)s.")
                % {"code": code, "date": start}
            )
        raise RuleNotFound(_("There is no rule %(code)s.") % {"code": code})
    return rule


def today() -> date:
    return timezone.localdate()


def due_soon_limit(on: date) -> date:
    """The last due date that counts as due soon on `on`. Where the next year's schedule is
    missing, its weekends are assumed and `unloaded_year_ahead` makes the 工作台 say so."""
    from fazhi.timelimits.calendar import get_calendar
    from fazhi.timelimits.engine import YearNotLoaded, due_date

    cal = get_calendar()
    try:
        return due_date(cal, on, DUE_SOON_WORKING_DAYS, "working_days").due
    except YearNotLoaded:
        return due_date(cal.with_assumed_weekends(), on, DUE_SOON_WORKING_DAYS, "working_days").due


# How far ahead the 工作台 warns that a year's holiday schedule is missing.
SCHEDULE_WARNING_DAYS = 60


def unloaded_year_ahead(on: date) -> int | None:
    """The first year within the coming weeks whose holiday schedule is not loaded."""
    from fazhi.timelimits.calendar import get_calendar

    loaded = get_calendar().loaded_years
    for year in range(on.year, (on + timedelta(days=SCHEDULE_WARNING_DAYS)).year + 1):
        if year not in loaded:
            return year
    return None


def open_deadlines(*, viewer) -> QuerySet:
    return Deadline.objects.visible_to(viewer).filter(completed_on__isnull=True)


def deadlines_needing_attention(*, viewer, on: date | None = None) -> QuerySet:
    """Open, running deadlines that are overdue or due soon, earliest first."""
    on = on or today()
    return (
        open_deadlines(viewer=viewer)
        .filter(suspended_since__isnull=True, due_date__lte=due_soon_limit(on))
        .select_related("rule", "unit", "content_type")
        .prefetch_related("record")  # the panel links each deadline to its record
        .order_by("due_date")
    )


def deadline_status(deadline: Deadline, on: date | None = None) -> str:
    on = on or today()
    S = Deadline.Status
    if deadline.completed_on:
        return S.DONE_ON_TIME if deadline.completed_on <= deadline.due_date else S.DONE_LATE
    if deadline.suspended_since:
        return S.SUSPENDED
    if deadline.due_date < on:
        return S.OVERDUE
    if deadline.due_date <= due_soon_limit(on):
        return S.DUE_SOON
    return S.RUNNING


def deadlines_for(record) -> QuerySet:
    """The clocks of one case record, for its page (the record itself is already scoped)."""
    from django.contrib.contenttypes.models import ContentType

    return (
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )
        .select_related("rule")
        .prefetch_related("suspensions", "extensions")
    )


# --- a case list's clock column and filter ------------------------------------------------------

OVERDUE = "overdue"
DUE_SOON = "due_soon"


def _running_clocks_of(model) -> QuerySet:
    """The open, not suspended clocks of the record in the outer query (a subquery)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import OuterRef

    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=OuterRef("pk"),
        completed_on__isnull=True,
        suspended_since__isnull=True,
    )


def with_next_due(queryset: QuerySet) -> QuerySet:
    """Each record with `next_due`: the earliest due date of its running clocks (None when no
    clock runs). The list's clock column reads it."""
    from django.db.models import Subquery

    earliest = _running_clocks_of(queryset.model).order_by("due_date").values("due_date")[:1]
    return queryset.annotate(next_due=Subquery(earliest))


def by_clock_state(queryset: QuerySet, state: str, on: date | None = None) -> QuerySet:
    """The records with a running clock past its due date (OVERDUE) or due within the next
    working days (DUE_SOON), as the 工作台 counts them."""
    from django.db.models import Exists

    on = on or today()
    clocks = _running_clocks_of(queryset.model)
    if state == OVERDUE:
        clocks = clocks.filter(due_date__lt=on)
    elif state == DUE_SOON:
        clocks = clocks.filter(due_date__gte=on, due_date__lte=due_soon_limit(on))
    else:
        raise ValueError(f"unknown clock state {state!r}")
    return queryset.filter(Exists(clocks))
