"""Writes of lawsuits: register, the complaint copy (the 15-day defence clock), hearings, the
outcome (the appeal clock: 15 days for a judgment, 10 for a ruling)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.selectors import deadlines_for


@transaction.atomic
def lawsuit_register(
    *,
    defendant,
    court: str,
    case_number: str,
    plaintiffs: str,
    cause: str,
    filed_on: date,
    **fields,
) -> Lawsuit:
    lawsuit = Lawsuit(
        defendant=defendant,
        court=court,
        case_number=case_number,
        plaintiffs=plaintiffs,
        cause=cause,
        filed_on=filed_on,
        **fields,
    )
    lawsuit.full_clean()
    lawsuit.save()
    return lawsuit


@transaction.atomic
def lawsuit_complaint_received(*, lawsuit: Lawsuit, on: date, user=None) -> Lawsuit:
    """The defendant received the complaint copy: the defence is due in 15 days."""
    if on < lawsuit.filed_on:
        raise ValidationError(_("The complaint copy arrives on or after the filing day."))
    lawsuit.complaint_received_on = on
    lawsuit.full_clean()
    lawsuit.save()
    deadlines.deadline_open(
        record=lawsuit, rule_code="litigation.defence", start=on, unit=lawsuit.defendant, user=user
    )
    return lawsuit


@transaction.atomic
def lawsuit_defence_submitted(*, lawsuit: Lawsuit, on: date, user=None) -> Lawsuit:
    lawsuit.defence_submitted_on = on
    lawsuit.save()
    for clock in deadlines_for(lawsuit).filter(
        rule__code="litigation.defence", completed_on__isnull=True
    ):
        deadlines.deadline_complete(deadline=clock, on=on, user=user)
    return lawsuit


@transaction.atomic
def hearing_record(
    *,
    lawsuit: Lawsuit,
    held_on: date,
    appearance: str,
    official_name: str = "",
    official_post: str = "",
) -> Hearing:
    if held_on < lawsuit.filed_on:
        raise ValidationError(_("A hearing is held after the case was filed."))
    if appearance in Hearing.RESPONSIBLE and not official_name:
        raise ValidationError({"official_name": _("Name the official who appeared.")})
    hearing = Hearing(
        lawsuit=lawsuit,
        held_on=held_on,
        appearance=appearance,
        official_name=official_name,
        official_post=official_post,
    )
    hearing.full_clean()
    hearing.save()
    if lawsuit.first_hearing_on is None or held_on < lawsuit.first_hearing_on:
        lawsuit.first_hearing_on = held_on
        lawsuit.save(update_fields=["first_hearing_on", "updated_at"])
    return hearing


@transaction.atomic
def lawsuit_outcome(*, lawsuit: Lawsuit, outcome: str, served_on: date, user=None) -> Lawsuit:
    if lawsuit.outcome:
        raise ValidationError(_("This lawsuit already has its outcome."))
    lawsuit.outcome, lawsuit.outcome_served_on = outcome, served_on
    lawsuit.full_clean()
    lawsuit.save()
    code = (
        "litigation.appeal_ruling" if outcome in Lawsuit.RULINGS else "litigation.appeal_judgment"
    )
    deadlines.deadline_open(
        record=lawsuit, rule_code=code, start=served_on, unit=lawsuit.defendant, user=user
    )
    return lawsuit
