"""Deadlines on case records: open, suspend, resume, extend, complete. Any module attaches a
clock to its record with `deadline_open(record=..., rule_code=..., start=..., unit=...)`."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import Period, YearNotLoaded, due_date
from fazhi.timelimits.models import Deadline, Extension, Suspension
from fazhi.timelimits.selectors import rule_for


def _recompute(deadline: Deadline) -> None:
    """Due date from the rule, the closed suspensions and the approved extensions. A due date
    in a year whose holiday schedule is not loaded is refused with the reason, never guessed."""
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
    user=None,
) -> Deadline:
    """Start a clock on `record`. `law_date` picks the version of the law (a case follows the
    law in force when it was received or accepted); by default the clock's own start."""
    rule = rule_for(rule_code, law_date or start)
    deadline = Deadline(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        unit=unit,
        rule=rule,
        label=label or rule.title,
        start_date=start,
        due_date=start,
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
