"""Writes of the mediation ledger. Pages, the API, the Excel import and the demo all come here."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.core.numbering import take_document_number
from fazhi.core.versioning import StaleEdit, lock_for_edit  # noqa: F401 - StaleEdit for callers
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.mediation.rules import dispute_errors
from fazhi.org import services as org_services
from fazhi.org.models import Unit
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.models import Deadline
from fazhi.timelimits.selectors import deadlines_for, today

NUMBER_KEY = "mediation.dispute"
MEDIATE_RULE = "mediation.mediate"
DISPUTE_FIELDS = [
    "committee",
    "dispute_type",
    "source",
    "received_on",
    "facts",
    "lead_mediator",
    *Dispute.OUTCOME_FIELDS,
]


def _raise_rule_errors(values: dict) -> None:
    errors: dict[str, list[str]] = {}
    for field, message in dispute_errors(values, today=today()):
        errors.setdefault(field, []).append(message)
    if errors:
        raise ValidationError(errors)


# --- committees ----------------------------------------------------------------------------


@transaction.atomic
def committee_create(
    *,
    parent: Unit,
    code: str,
    name: str,
    committee_type: str,
    has_standard_room: bool = False,
    star_rating: int = 0,
    established_on: date | None = None,
    is_active: bool = True,
) -> Committee:
    """A committee is a unit of the mediation-committee kind with a mediation profile."""
    unit = org_services.unit_create(
        parent=parent,
        code=code,
        name=name,
        kind=Unit.Kind.MEDIATION_COMMITTEE,
        is_active=is_active,
    )
    committee = Committee(
        unit=unit,
        committee_type=committee_type,
        has_standard_room=has_standard_room,
        star_rating=star_rating,
        established_on=established_on,
        is_active=is_active,
    )
    committee.full_clean()
    committee.save()
    return committee


@transaction.atomic
def committee_update(*, committee: Committee, name: str | None = None, **fields) -> Committee:
    for field, value in fields.items():
        setattr(committee, field, value)
    committee.full_clean()
    committee.save()
    unit_fields = {"is_active": committee.is_active}
    if name is not None:
        unit_fields["name"] = name
    org_services.unit_update(unit=committee.unit, **unit_fields)
    return committee


# --- mediators -----------------------------------------------------------------------------


@transaction.atomic
def mediator_create(**fields) -> Mediator:
    mediator = Mediator(**fields)
    mediator.id_number = (mediator.id_number or "").upper()
    mediator.full_clean()
    mediator.save()
    return mediator


@transaction.atomic
def mediator_update(*, mediator: Mediator, **fields) -> Mediator:
    for field, value in fields.items():
        setattr(mediator, field, value)
    mediator.id_number = (mediator.id_number or "").upper()
    mediator.full_clean()
    mediator.save()
    return mediator


# --- disputes ------------------------------------------------------------------------------


def _save_parties(dispute: Dispute, parties: list[dict]) -> None:
    if not parties:
        raise ValidationError({"parties": _("A dispute has at least one party.")})
    dispute.parties.all().delete()
    for values in parties:
        party = Party(dispute=dispute, **values)
        party.id_number = (party.id_number or "").upper()
        party.credit_code = (party.credit_code or "").upper()
        party.full_clean()
        party.save()


def _values(dispute: Dispute) -> dict:
    values = {f: getattr(dispute, f) for f in DISPUTE_FIELDS if f != "committee"}
    values["committee_id"] = dispute.committee_id
    return values


@transaction.atomic
def dispute_create(
    *,
    committee: Committee,
    parties: list[dict],
    other_mediators=(),
    number: str = "",
    user=None,
    **fields,
) -> Dispute:
    """Register a dispute: its number from the committee's numbering rule (taken in this
    transaction, so a failed save gives the number back), its parties and its one-month clock."""
    dispute = Dispute(committee=committee, created_by=user, **fields)
    _raise_rule_errors(_values(dispute))
    if not number:
        number = _next_free_number(committee, dispute.received_on.year)
    dispute.number = number
    dispute.full_clean()
    dispute.save()
    dispute.other_mediators.set(other_mediators)
    _save_parties(dispute, parties)
    clock = deadlines.deadline_open(
        record=dispute,
        rule_code=MEDIATE_RULE,
        start=dispute.received_on,
        unit=committee.unit,
        user=user,
    )
    if not dispute.is_open:
        deadlines.deadline_complete(deadline=clock, on=dispute.closed_on, user=user)
    return dispute


def _next_free_number(committee: Committee, year: int) -> str:
    """The committee's next number, past any serial already used by a number typed in (a
    ledger imported from Excel may carry its historical numbers)."""
    while True:
        number = str(take_document_number(unit=committee.unit, key=NUMBER_KEY, year=year))
        if not Dispute.objects.filter(number=number).exists():
            return number


def _sync_clock(dispute: Dispute, user) -> None:
    clock = deadlines_for(dispute).filter(rule__code=MEDIATE_RULE).first()
    if clock is None:
        return
    if clock.start_date != dispute.received_on:
        clock = deadlines.deadline_restart(deadline=clock, start=dispute.received_on, user=user)
    if dispute.is_open and clock.completed_on:
        deadlines.deadline_reopen(deadline=clock, user=user)
    elif not dispute.is_open and clock.completed_on != dispute.closed_on:
        deadlines.deadline_complete(deadline=clock, on=dispute.closed_on, user=user)


@transaction.atomic
def dispute_update(
    *,
    dispute: Dispute,
    version: int | None,
    user=None,
    parties: list[dict] | None = None,
    other_mediators=None,
    **fields,
) -> Dispute:
    """Edit a dispute the editor saw at `version`; refused with StaleEdit if it moved on."""
    stored = lock_for_edit(Dispute, dispute.pk, version)
    unknown = set(fields) - set(DISPUTE_FIELDS)
    if unknown:
        raise TypeError(f"not dispute fields: {sorted(unknown)}")
    for field, value in fields.items():
        setattr(stored, field, value)
    _raise_rule_errors(_values(stored))
    stored.full_clean()
    stored.save()
    if other_mediators is not None:
        stored.other_mediators.set(other_mediators)
    if parties is not None:
        _save_parties(stored, parties)
    _sync_clock(stored, user)
    return stored


def dispute_start_mediation(*, dispute: Dispute, version: int | None, user=None) -> Dispute:
    if dispute.status != Dispute.Status.RECEIVED:
        raise ValidationError(_("Only a dispute just received can go into mediation."))
    return dispute_update(
        dispute=dispute, version=version, user=user, status=Dispute.Status.MEDIATING
    )


def dispute_close(
    *,
    dispute: Dispute,
    version: int | None,
    status: str,
    closed_on: date,
    user=None,
    **agreement,
) -> Dispute:
    """Conclude the mediation: succeeded (with its agreement), failed or terminated."""
    if status not in Dispute.CLOSED:
        raise ValidationError({"status": _("Choose how the mediation ended.")})
    if not dispute.is_open:
        raise ValidationError(_("This dispute is already concluded."))
    return dispute_update(
        dispute=dispute,
        version=version,
        user=user,
        status=status,
        closed_on=closed_on,
        **agreement,
    )


def open_clock(dispute: Dispute) -> Deadline | None:
    return deadlines_for(dispute).filter(rule__code=MEDIATE_RULE).first()
