from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.services import lock_for_edit, not_in_future
from fazhi.core.tests.petitions.models import Petition
from fazhi.timelimits import services as deadlines

ACCEPTANCE_CLOCK = "petitions.acceptance"


@transaction.atomic
def petition_register(*, unit, petitioner: str, received_on: date, user=None) -> Petition:
    """A petition received: the 15-day acceptance clock starts."""
    not_in_future(received_on, "received_on")
    petition = Petition(unit=unit, petitioner=petitioner, received_on=received_on, created_by=user)
    petition.full_clean()
    petition.save()
    deadlines.deadline_open(
        record=petition, rule_code=ACCEPTANCE_CLOCK, start=received_on, unit=unit, user=user
    )
    return petition


@transaction.atomic
def petition_accept(*, petition: Petition, version, on: date, user=None) -> Petition:
    stored = lock_for_edit(Petition, petition.pk, version)
    if stored.status != Petition.Status.RECEIVED:
        raise ValidationError("只有刚登记的信访事项可以受理。")
    not_in_future(on, "on")
    if on < stored.received_on:
        raise ValidationError({"on": "受理日期不能早于收到日期。"})
    stored.status, stored.accepted_on = Petition.Status.ACCEPTED, on
    stored.save()
    deadlines.clocks_complete(stored, on=on, user=user)
    return stored


@transaction.atomic
def petition_answer(*, petition: Petition, version, on: date, answer: str, user=None) -> Petition:
    stored = lock_for_edit(Petition, petition.pk, version)
    if stored.status != Petition.Status.ACCEPTED:
        raise ValidationError("只有已受理的信访事项可以答复。")
    not_in_future(on, "on")
    stored.status, stored.answered_on, stored.answer = Petition.Status.ANSWERED, on, answer
    stored.save()
    return stored
