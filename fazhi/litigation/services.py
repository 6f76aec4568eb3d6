"""Writes of lawsuits: register and edit, the complaint copy (the 15-day defence clock), the
defence, hearings, the outcome (it stops the defence clock; the appeal clock runs 15 days for an
appealable judgment, 10 for an appealable ruling, none for a final outcome), the appeal and
closing (not inside the appeal period unless appealed).

Every write after registering names the version of the lawsuit its writer saw and is refused
when someone saved the lawsuit since (fazhi.core.versioning); every step is refused, with its
reason, when it does not fit the lawsuit's stage or dates."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.core.services import (
    StaleEdit,  # noqa: F401 - for callers (services.StaleEdit)
    lock_for_edit,
    not_in_future,
)
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.rules import appeal_period, case_number_problems, normalise_case_number
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.models import Deadline
from fazhi.timelimits.selectors import deadlines_for, today

DEFENCE_RULE = "litigation.defence"
APPEAL_RULES = {"judgment": "litigation.appeal_judgment", "ruling": "litigation.appeal_ruling"}
# What the edit form and PATCH may change: the lawsuit's description, not its steps.
DESCRIPTIVE_FIELDS = [
    "court",
    "case_number",
    "instance",
    "plaintiffs",
    "defendant",
    "cause",
    "filed_on",
]


def _refuse(field: str | None, message: str):
    raise ValidationError({field: message} if field else message)


def _check_description(lawsuit: Lawsuit) -> None:
    """The case number in the courts' form, fitting the instance and the year filed; no filing
    day in the future."""
    lawsuit.case_number = normalise_case_number(lawsuit.case_number)
    problems = case_number_problems(
        lawsuit.case_number, instance=lawsuit.instance, filed_on=lawsuit.filed_on
    )
    if lawsuit.filed_on and lawsuit.filed_on > today():
        problems["filed_on"] = _("The filing day cannot be in the future.")
    if problems:
        raise ValidationError(problems)


def _refuse_if_closed(lawsuit: Lawsuit) -> None:
    if lawsuit.closed_on:
        _refuse(None, _("This lawsuit is closed: nothing more can be recorded on it."))


def appeal_clock(lawsuit: Lawsuit) -> Deadline | None:
    return deadlines.clock_of(lawsuit, *APPEAL_RULES.values())


@transaction.atomic
def lawsuit_register(
    *,
    defendant,
    court: str,
    case_number: str,
    plaintiffs: str,
    cause: str,
    filed_on: date,
    instance: str = Lawsuit.Instance.FIRST,
    user=None,
) -> Lawsuit:
    lawsuit = Lawsuit(
        defendant=defendant,
        court=court,
        case_number=case_number,
        instance=instance,
        plaintiffs=plaintiffs,
        cause=cause,
        filed_on=filed_on,
        created_by=user,
    )
    _check_description(lawsuit)
    lawsuit.full_clean()
    lawsuit.save()
    return lawsuit


@transaction.atomic
def lawsuit_update(*, lawsuit: Lawsuit, version, user=None, **fields) -> Lawsuit:
    """Correct the description of a lawsuit its editor saw at `version`."""
    unknown = set(fields) - set(DESCRIPTIVE_FIELDS)
    if unknown:
        raise TypeError(f"not descriptive fields of a lawsuit: {sorted(unknown)}")
    stored = lock_for_edit(Lawsuit, lawsuit.pk, version)
    moved = "defendant" in fields and fields["defendant"].pk != stored.defendant_id
    for field, value in fields.items():
        setattr(stored, field, value)
    _check_description(stored)
    first = stored.hearings.order_by("held_on").values_list("held_on", flat=True).first()
    if first is not None and stored.filed_on > first:
        _refuse("filed_on", _("A hearing was held before this day: the case was filed earlier."))
    stored.full_clean()
    stored.save()
    if moved:  # the clocks are seen within the defendant's scope
        deadlines_for(stored).update(unit=stored.defendant)
    return stored


@transaction.atomic
def lawsuit_complaint_received(*, lawsuit: Lawsuit, version, on: date, user=None) -> Lawsuit:
    """The defendant received the complaint copy: the defence is due in 15 days (第67条)."""
    stored = lock_for_edit(Lawsuit, lawsuit.pk, version)
    _refuse_if_closed(stored)
    if stored.complaint_received_on:
        _refuse(None, _("The day the complaint copy was received is recorded already."))
    if on < stored.filed_on:
        _refuse("on", _("The complaint copy arrives on or after the filing day."))
    if stored.outcome_served_on and on > stored.outcome_served_on:
        _refuse("on", _("The complaint copy arrives before the outcome is served."))
    not_in_future(on, "on")
    stored.complaint_received_on = on
    stored.full_clean()
    stored.save()
    deadlines.deadline_open(
        record=stored, rule_code=DEFENCE_RULE, start=on, unit=stored.defendant, user=user
    )
    return stored


@transaction.atomic
def lawsuit_defence_submitted(*, lawsuit: Lawsuit, version, on: date, user=None) -> Lawsuit:
    """The defence, evidence and normative basis went to the court: the defence clock stops."""
    stored = lock_for_edit(Lawsuit, lawsuit.pk, version)
    _refuse_if_closed(stored)
    if stored.complaint_received_on is None:
        _refuse(
            None,
            _(
                "The defence answers the complaint copy: record the day the complaint copy "
                "was received first."
            ),
        )
    if stored.defence_submitted_on:
        _refuse(None, _("The day the defence was submitted is recorded already."))
    if on < stored.complaint_received_on:
        _refuse("on", _("The defence is submitted on or after the complaint copy was received."))
    if stored.outcome_served_on and on > stored.outcome_served_on:
        _refuse("on", _("The defence is submitted before the outcome is served."))
    not_in_future(on, "on")
    stored.defence_submitted_on = on
    stored.full_clean()
    stored.save()
    deadlines.clocks_complete(stored, on=on, user=user, codes=[DEFENCE_RULE])
    return stored


@transaction.atomic
def hearing_record(
    *,
    lawsuit: Lawsuit,
    version,
    held_on: date,
    appearance: str,
    official_name: str = "",
    official_post: str = "",
    user=None,
) -> Hearing:
    """A hearing held, with who appeared for the defendant; the head, a deputy head or another
    responsible official is named with their post (负责人出庭应诉)."""
    stored = lock_for_edit(Lawsuit, lawsuit.pk, version)
    _refuse_if_closed(stored)
    if held_on < stored.filed_on:
        _refuse("held_on", _("A hearing is held on or after the day the case was filed."))
    if stored.outcome_served_on and held_on > stored.outcome_served_on:
        _refuse("held_on", _("A hearing is held before the outcome is served."))
    not_in_future(held_on, "held_on")
    official_name, official_post = official_name.strip(), official_post.strip()
    if appearance in Hearing.RESPONSIBLE:
        missing = {}
        if not official_name:
            missing["official_name"] = _("Name the official who appeared.")
        if not official_post:
            missing["official_post"] = _("Give the post of the official who appeared.")
        if missing:
            raise ValidationError(missing)
    hearing = Hearing(
        lawsuit=stored,
        held_on=held_on,
        appearance=appearance,
        official_name=official_name,
        official_post=official_post,
    )
    hearing.full_clean()
    hearing.save()
    if stored.first_hearing_on is None or held_on < stored.first_hearing_on:
        stored.first_hearing_on = held_on
    stored.save()  # the new version: the lawsuit's stage may have changed
    return hearing


@transaction.atomic
def lawsuit_outcome(
    *, lawsuit: Lawsuit, version, outcome: str, served_on: date, user=None
) -> Lawsuit:
    """The judgment or ruling served. A defence clock still running ends (the court decided
    without the defence). An appealable outcome starts the appeal period, 15 days for a
    judgment and 10 for a ruling (第85条); a final one (second instance, withdrawal allowed)
    starts none (`rules.appeal_period`)."""
    stored = lock_for_edit(Lawsuit, lawsuit.pk, version)
    _refuse_if_closed(stored)
    if stored.outcome:
        _refuse(None, _("This lawsuit already has its outcome."))
    if outcome not in Lawsuit.Outcome.values:
        _refuse("outcome", _("Choose a judgment or a ruling from the list."))
    if served_on < stored.filed_on:
        _refuse("served_on", _("An outcome is served on or after the day the case was filed."))
    last = stored.hearings.order_by("-held_on").values_list("held_on", flat=True).first()
    if last is not None and served_on < last:
        _refuse(
            "served_on",
            _("The outcome is served after the last hearing (%(day)s).") % {"day": last},
        )
    if stored.complaint_received_on and served_on < stored.complaint_received_on:
        _refuse(
            "served_on",
            _(
                "The outcome is served on or after the day the complaint copy was received "
                "(%(day)s)."
            )
            % {"day": stored.complaint_received_on.isoformat()},
        )
    not_in_future(served_on, "served_on")
    stored.outcome, stored.outcome_served_on = outcome, served_on
    stored.full_clean()
    stored.save()
    deadlines.clocks_complete(stored, on=served_on, user=user, codes=[DEFENCE_RULE])
    kind = appeal_period(stored)
    if kind is not None:
        deadlines.deadline_open(
            record=stored,
            rule_code=APPEAL_RULES[kind],
            start=served_on,
            unit=stored.defendant,
            user=user,
        )
    return stored


@transaction.atomic
def lawsuit_appeal(*, lawsuit: Lawsuit, version, on: date, appellant: str, user=None) -> Lawsuit:
    """A party appealed within the appeal period: the appeal clock is met."""
    stored = lock_for_edit(Lawsuit, lawsuit.pk, version)
    _refuse_if_closed(stored)
    if not stored.outcome:
        _refuse(None, _("Only a lawsuit with its judgment or ruling can be appealed."))
    if stored.appealed:
        _refuse(None, _("The appeal is recorded already."))
    if appeal_period(stored) is None:
        _refuse(None, _("This judgment or ruling is final and cannot be appealed."))
    if appellant not in Lawsuit.Appellant.values:
        _refuse("appellant", _("Choose who appealed."))
    if on < stored.outcome_served_on:
        _refuse("on", _("An appeal is lodged on or after the day the outcome was served."))
    clock = appeal_clock(stored)
    if clock is not None and on > clock.due_date:
        _refuse(
            "on",
            _("The appeal period ended on %(due)s: an appeal on %(day)s is out of time.")
            % {"due": clock.due_date.isoformat(), "day": on.isoformat()},
        )
    not_in_future(on, "on")
    stored.appealed, stored.appealed_on, stored.appellant = True, on, appellant
    stored.full_clean()
    stored.save()
    deadlines.clocks_complete(stored, on=on, user=user, codes=APPEAL_RULES.values())
    return stored


@transaction.atomic
def lawsuit_close(*, lawsuit: Lawsuit, version, on: date, user=None) -> Lawsuit:
    """The lawsuit is over for the defendant (the outcome took effect, or the appeal went on as
    a second-instance lawsuit). An appealable outcome takes effect only when its appeal period
    has run out (after its last day: an appeal posted on that day is in time), so without an
    appeal the lawsuit is not closed before; a final outcome closes at once. Clocks still
    running end: an appeal period that ran out without an appeal ends on its last day."""
    stored = lock_for_edit(Lawsuit, lawsuit.pk, version)
    if stored.closed_on:
        _refuse(None, _("This lawsuit is closed already."))
    if not stored.outcome:
        _refuse(
            None, _("A lawsuit is closed after its judgment or ruling: record the outcome first.")
        )
    if on < stored.filed_on:
        _refuse("on", _("A lawsuit is closed on or after the day it was filed."))
    if on < stored.outcome_served_on:
        _refuse("on", _("A lawsuit is closed on or after the day its outcome was served."))
    if stored.appealed_on and on < stored.appealed_on:
        _refuse("on", _("A lawsuit is closed on or after the day of the appeal."))
    clock = appeal_clock(stored) if appeal_period(stored) and not stored.appealed else None
    if clock is not None and on <= clock.due_date:
        _refuse(
            "on",
            _(
                "The appeal period runs until %(due)s: without an appeal the lawsuit is closed "
                "only after that day."
            )
            % {"due": clock.due_date.isoformat()},
        )
    not_in_future(on, "on")
    stored.closed_on = on
    stored.full_clean()
    stored.save()
    for clock in deadlines.clocks_running(stored):
        lapsed = clock.rule.code in APPEAL_RULES.values() and clock.due_date < on
        deadlines.deadline_complete(deadline=clock, on=clock.due_date if lapsed else on, user=user)
    return stored
