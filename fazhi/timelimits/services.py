"""Deadlines on case records: open, suspend, resume, extend, complete. Any module attaches a
clock to its record with `deadline_open(record=..., rule_code=..., start=..., unit=...)`, finds
those still running with `clocks_running`, and ends them with `clocks_complete`; an import opens
its records' clocks in bulk (`DueDates`, `deadlines_open_bulk`)."""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from fazhi.core.audit import log_created_bulk
from fazhi.core.bulk import insert_rows
from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import Period, YearNotLoaded, due_date
from fazhi.timelimits.models import Deadline, Extension, Rule, Suspension
from fazhi.timelimits.selectors import deadlines_for, rule_for


def _recompute(deadline: Deadline) -> None:
    """Due date from the rule, the closed suspensions and the approved extensions. A due date
    in a year whose holiday schedule is not loaded is refused with the reason, never guessed.
    A due date set when the work was assigned stays as it was set."""
    if deadline.rule.unit == Rule.Unit.SET_BY_DECISION:
        return
    # Read from the database, not `deadline.suspensions.all()`: a clock read with its
    # suspensions prefetched would recompute from the cache of before the change.
    suspensions = Suspension.objects.filter(deadline=deadline) if deadline.pk else []
    periods = [Period(s.start, s.end) for s in suspensions if s.end is not None]
    try:
        result = due_date(
            get_calendar(),
            deadline.start_date,
            deadline.rule.amount,
            deadline.rule.unit,
            suspensions=periods,
            extension_days=deadline.extension_days,
        )
    except YearNotLoaded as error:
        raise ValidationError(str(error)) from None  # names the year and who can load it
    deadline.due_date = result.due
    deadline.suggested_internal_date = result.suggested_internal


@transaction.atomic
def deadline_open(
    *,
    record,
    rule_code: str,
    start: date,
    unit,
    label: str = "",
    law_date: date | None = None,
    due_on: date | None = None,
    user=None,
) -> Deadline:
    """Start a clock on `record`. `law_date` picks the version of the law (a case follows the
    law in force when it was received or accepted); by default the clock's own start.
    `due_on` is the due date of a rule whose deadline the assignment sets (and only of one)."""
    rule = rule_for(rule_code, law_date or start)
    set_by_decision = rule.unit == Rule.Unit.SET_BY_DECISION
    if set_by_decision != (due_on is not None):
        raise ValueError(f"{rule_code}: due_on is given exactly when the assignment sets it")
    if set_by_decision and due_on < start:
        raise ValidationError(
            _("The deadline cannot be earlier than the day the work was assigned.")
        )
    deadline = Deadline(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        unit=unit,
        rule=rule,
        label=label or rule.title,
        start_date=start,
        due_date=due_on or start,
        created_by=user,
    )
    _recompute(deadline)
    deadline.full_clean()
    deadline.save()
    return deadline


@transaction.atomic
def deadline_suspend(*, deadline: Deadline, start: date, ground: str, user=None) -> Deadline:
    if not deadline.rule.suspension_allowed:
        raise ValidationError(_("The law does not allow this time limit to be suspended."))
    if deadline.suspended_since or deadline.completed_on:
        raise ValidationError(_("This time limit is already suspended or completed."))
    if start <= deadline.start_date:
        raise ValidationError(_("A suspension starts after the clock started."))
    last = deadline.suspensions.order_by("-end").first()
    if last is not None and start <= last.end:
        raise ValidationError(_("A suspension cannot overlap the previous one."))
    Suspension.objects.create(deadline=deadline, start=start, ground=ground, recorded_by=user)
    deadline.suspended_since = start
    deadline.save()
    return deadline


@transaction.atomic
def deadline_resume(*, deadline: Deadline, last_suspended_day: date, user=None) -> Deadline:
    """End the open suspension: the clock runs again from the day after `last_suspended_day`."""
    suspension = deadline.suspensions.filter(end__isnull=True).first()
    if suspension is None:
        raise ValidationError(_("This time limit is not suspended."))
    if last_suspended_day < suspension.start:
        raise ValidationError(_("A suspension cannot end before it started."))
    suspension.end = last_suspended_day
    suspension.save()
    deadline.suspended_since = None
    _recompute(deadline)
    deadline.save()
    return deadline


@transaction.atomic
def deadline_extend(
    *, deadline: Deadline, days: int, reason: str, approved_by: str, approved_on: date, user=None
) -> Deadline:
    rule = deadline.rule
    if not rule.extension_allowed:
        raise ValidationError(_("The law does not allow this time limit to be extended."))
    total = deadline.extension_days + days
    if rule.extension_max_days and total > rule.extension_max_days:
        raise ValidationError(
            _("The law allows at most %(max)d days of extension.")
            % {"max": rule.extension_max_days}
        )
    Extension.objects.create(
        deadline=deadline,
        days=days,
        reason=reason,
        approved_by=approved_by,
        approved_on=approved_on,
        recorded_by=user,
    )
    deadline.extension_days = total
    _recompute(deadline)
    deadline.save()
    return deadline


@transaction.atomic
def deadline_complete(*, deadline: Deadline, on: date, user=None) -> Deadline:
    if on < deadline.start_date:
        raise ValidationError(_("A time limit cannot be completed before its clock started."))
    deadline.completed_on = on
    deadline.suspended_since = None
    deadline.full_clean()
    deadline.save()
    return deadline


@transaction.atomic
def deadline_set_due(*, deadline: Deadline, due_on: date, user=None) -> Deadline:
    """Move a deadline set when the work was assigned (the assigning office grants more time)."""
    if deadline.rule.unit != Rule.Unit.SET_BY_DECISION:
        raise ValueError("only a deadline set when the work was assigned can be moved")
    if due_on < deadline.start_date:
        raise ValidationError(
            _("The deadline cannot be earlier than the day the work was assigned.")
        )
    deadline.due_date = due_on
    deadline.full_clean()
    deadline.save()
    return deadline


@transaction.atomic
def deadline_restart(*, deadline: Deadline, start: date, user=None) -> Deadline:
    """Correct the day the clock started (a mistyped date received): the due date follows."""
    if deadline.suspensions.filter(start__lte=start).exists():
        raise ValidationError(_("The clock cannot start after one of its suspensions began."))
    deadline.start_date = start
    _recompute(deadline)
    deadline.full_clean()
    deadline.save()
    return deadline


def deadline_reopen(*, deadline: Deadline, user=None) -> Deadline:
    """A completed clock runs again (a concluded case was reopened)."""
    deadline.completed_on = None
    deadline.save()
    return deadline


# --- a record's clocks ------------------------------------------------------------------------


def clocks_running(record, codes=None) -> QuerySet:
    """The record's clocks not yet completed (of the rules `codes`, if given)."""
    clocks = deadlines_for(record).filter(completed_on__isnull=True)
    return clocks if codes is None else clocks.filter(rule__code__in=list(codes))


def clock_of(record, *codes: str, running: bool = False) -> Deadline | None:
    """The record's clock of one of these rules (`running`: one not yet completed), or None."""
    clocks = deadlines_for(record).filter(rule__code__in=codes)
    return (clocks.filter(completed_on__isnull=True) if running else clocks).first()


def clocks_complete(record, *, on: date, user=None, codes=None) -> None:
    """Complete the record's running clocks (of the rules `codes`, if given) on `on`."""
    for clock in clocks_running(record, codes):
        deadline_complete(deadline=clock, on=on, user=user)


# --- many clocks at once (an import) ---------------------------------------------------------


@dataclass(frozen=True)
class Due:
    """A clock's rule version and due dates, as `deadline_open` would compute them."""

    rule_id: int
    label: str
    due: date
    suggested: date | None


class DueDates:
    """The clocks of one rule for many start days (an import's rows): the version of the rule
    in force on each day (as `rule_for`) and the due date, computed once per day. Calling it
    gives a `Due`, or the reason no clock can be counted (no version in force that day, a year
    whose holiday schedule is not loaded)."""

    def __init__(self, rule_code: str):
        self.rule_code = rule_code
        self.calendar = get_calendar()
        self.rules = list(Rule.objects.filter(code=rule_code))
        self.by_day: dict[date, Due | str] = {}

    def __call__(self, day: date) -> Due | str:
        found = self.by_day.get(day)
        if found is None:
            found = self.by_day[day] = self._compute(day)
        return found

    def _compute(self, day: date) -> Due | str:
        in_force = [
            rule
            for rule in self.rules
            if (rule.effective_from is None or rule.effective_from <= day)
            and (rule.effective_to is None or rule.effective_to >= day)
        ]
        if not in_force:
            return _("No version of the time limit %(code)s is in force on %(day)s.") % {
                "code": self.rule_code,
                "day": day.isoformat(),
            }
        # as `rule_for`: the version in force that started last (an undated one, last of all)
        rule = max(in_force, key=lambda r: r.effective_from or date.min)
        if rule.unit == Rule.Unit.SET_BY_DECISION:
            raise ValueError(f"{self.rule_code}: its deadline is set when the work is assigned")
        try:
            result = due_date(self.calendar, day, rule.amount, rule.unit)
        except YearNotLoaded as error:
            return str(error)
        return Due(rule.pk, rule.title, result.due, result.suggested_internal)


BULK_FIELDS = [
    "content_type_id",
    "object_id",
    "unit_id",
    "rule_id",
    "label",
    "start_date",
    "due_date",
    "suggested_internal_date",
    "completed_on",
    "created_by_id",
]
# The same as their audit entries name them (the fields, not their columns).
AUDITED = [f.removesuffix("_id") if f != "object_id" else f for f in BULK_FIELDS]


def deadlines_open_bulk(*, model, clocks, origin) -> int:
    """Open many records' clocks at once (an import): `clocks` holds, for each record, (its
    pk, the pk of the unit whose staff see the clock, the start day, its `Due`, the day it was
    completed or None). What `deadline_open` (then `deadline_complete`) does one by one, audit
    entries included (naming `origin`, a core.audit.WriteSource)."""
    content_type = ContentType.objects.get_for_model(model).pk
    user_id = getattr(origin.actor, "pk", None)
    rows = [
        (content_type, pk, unit, d.rule_id, d.label, start, d.due, d.suggested, done, user_id)
        for pk, unit, start, d, done in clocks
    ]
    pks = insert_rows(Deadline, BULK_FIELDS, rows, with_pks=True)
    log_created_bulk(
        Deadline,
        (
            (pk, f"{row[4]}：{row[6]}", dict(zip(AUDITED, row, strict=True)))
            for pk, row in zip(pks, rows, strict=True)
        ),
        source=origin,
    )
    return len(pks)
