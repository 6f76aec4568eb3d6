"""Writes of the mediation ledger. Pages, the API, the Excel import and the demo all come here:
one by one, or, for an import, through the bulk paths (`mediators_create_bulk`,
`disputes_create_bulk`) under the same rules, numbers, clocks and audit."""

from collections import defaultdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.core.audit import WriteSource, log_created_bulk
from fazhi.core.bulk import insert_rows
from fazhi.core.numbering import parse_document_number, take_document_number, take_document_numbers
from fazhi.core.services import (
    StaleEdit,  # noqa: F401 - for callers (services.StaleEdit)
    lock_for_edit,
)
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.mediation.rules import dispute_errors
from fazhi.org import services as org_services
from fazhi.org.models import Unit
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.selectors import today

NUMBER_KEY = "mediation.dispute"
BULK_BATCH = 2000  # rows per statement of the bulk paths
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


def dispute_problems(values: dict) -> list[tuple[str, str]]:
    """(field, message) for every rule a dispute's values break: what a page, the API and an
    import are refused for. `values` by field name, with `committee_id` and the lead mediator
    (or what an import knows of one: its committee, hiring and leaving days)."""
    return dispute_errors(values, today=today())


def _raise_rule_errors(values: dict) -> None:
    errors: dict[str, list[str]] = {}
    for field, message in dispute_problems(values):
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


@transaction.atomic
def committee_profile_add(*, unit: Unit, name: str, is_active: bool = True, **profile) -> Committee:
    """The mediation profile of a unit registered (in the units' ledger) as a committee."""
    committee = Committee(unit=unit, is_active=is_active, **profile)
    committee.full_clean()
    committee.save()
    org_services.unit_update(unit=unit, name=name, is_active=is_active)
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


@transaction.atomic
def mediators_create_bulk(*, mediators: list[dict], origin: WriteSource) -> int:
    """Register many mediators at once (an import), each checked as `mediator_create` checks
    one, with an audit entry each naming the import. What needs a query per record is checked
    for the whole file by the import (committees in scope, ID numbers not yet registered), and
    the database backs it."""
    created = []
    for fields in mediators:
        mediator = Mediator(**fields)
        mediator.id_number = (mediator.id_number or "").upper()
        mediator.full_clean(
            exclude=["committee"], validate_unique=False, validate_constraints=False
        )
        created.append(mediator)
    Mediator.objects.bulk_create(created, batch_size=BULK_BATCH)
    log_created_bulk(Mediator, ((m.pk, str(m), _audited(m)) for m in created), source=origin)
    return len(created)


def _audited(record) -> dict:
    """A record's field values as its audit entry keeps them."""
    return {f.name: getattr(record, f.attname) for f in record._meta.concrete_fields}


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
        number = str(
            take_document_number(
                unit=committee.unit, key=NUMBER_KEY, year=dispute.received_on.year, taken=_taken
            )
        )
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


def _taken(number: str) -> bool:
    """A number already used by a number typed in (a ledger imported from Excel may carry its
    historical numbers): the committee's numbering skips it."""
    return Dispute.objects.filter(number=number).exists()


def _sync_clock(dispute: Dispute, user) -> None:
    clock = deadlines.clock_of(dispute, MEDIATE_RULE)
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


# --- many disputes at once (an import) --------------------------------------------------------

# The fields an import gives for each dispute, besides its facts, parties, clock and numbering.
IMPORTED_FIELDS = [
    "number",
    "committee_id",
    "dispute_type",
    "source",
    "received_on",
    "lead_mediator",
    *Dispute.OUTCOME_FIELDS,
]
TEXT_FIELDS = ["facts", "agreement_form", "agreed_terms", "performance_method", "performance"]
# What the bulk path writes of a dispute (the other fields take their defaults).
INSERTED_FIELDS = [
    *("lead_mediator_id" if f == "lead_mediator" else f for f in IMPORTED_FIELDS),
    "facts",
    "created_by_id",
]
PARTY_FIELDS = ["dispute_id", "kind", "name", "gender", "id_number", "credit_code"]


@transaction.atomic
def disputes_create_bulk(*, disputes: list[dict], origin: WriteSource, progress=None) -> int:
    """Register many disputes at once (an Excel import of a district's year), as
    `dispute_create` registers one: the same rules (`dispute_problems`), a number from the
    committee's numbering rule for each without one (taken in bulk, gap-free, past the numbers
    already used), its parties, its one-month clock (completed on the closing day of a concluded
    one) and an audit entry for each record written, naming the import.

    Each dict holds `IMPORTED_FIELDS` (`lead_mediator` with its `pk`, `committee_id`,
    `hired_on`, `left_on`; `number` empty for one to take), `facts`, `parties` as (kind, name,
    gender, ID number, credit code), `clock` (the timelimits `Due` of its day received) and
    `numbering_rule` (the committee's, None where it has none: then the number is given; a
    number given under the rule raises its sequence past it)."""
    problems = [
        f"{n}: {message}"
        for n, row in enumerate(disputes, 1)
        for _field, message in dispute_problems(row)
    ]
    if problems:
        raise ValidationError(problems[:20])
    report = progress or (lambda phase, done, total: None)
    _number_in_bulk(disputes)
    user_id = getattr(origin.actor, "pk", None)
    total = len(disputes)
    for start in range(0, total, BULK_BATCH):
        batch = disputes[start : start + BULK_BATCH]
        rows = []
        for row in batch:
            values = {**row, "lead_mediator_id": row["lead_mediator"].pk, "created_by_id": user_id}
            for field in TEXT_FIELDS:
                values[field] = values[field] or ""
            rows.append([values[field] for field in INSERTED_FIELDS])
        pks = insert_rows(Dispute, INSERTED_FIELDS, rows, with_pks=True)
        parties = [
            (pk, *party) for pk, row in zip(pks, batch, strict=True) for party in row["parties"]
        ]
        party_pks = insert_rows(Party, PARTY_FIELDS, parties, with_pks=True)
        deadlines.deadlines_open_bulk(
            model=Dispute,
            clocks=[
                # a committee's pk is its unit's: the clock is seen within the committee's scope
                (pk, r["committee_id"], r["received_on"], r["clock"], r["closed_on"])
                for pk, r in zip(pks, batch, strict=True)
            ],
            origin=origin,
        )
        _log_disputes(batch, pks, zip(party_pks, parties, strict=True), origin)
        report("save", start + len(batch), total)
    return total


def _number_in_bulk(disputes: list[dict]) -> None:
    """Numbers for the disputes without one: per numbering rule and year in order of receipt,
    each sequence locked and advanced once (the sequences in a fixed order), past every number
    already used, typed into the file or on record, and never below the highest serial typed
    into the file for that rule and year."""
    pending = defaultdict(list)  # (rule pk, year) → the disputes without a number
    typed_max = defaultdict(int)
    typed = set()
    rules = {}
    for row in disputes:
        rule = row["numbering_rule"]
        if row["number"]:
            typed.add(row["number"])
            if rule is not None:
                parsed = parse_document_number(row["number"])
                if parsed.prefix == rule.prefix:
                    rules[rule.pk] = rule
                    key = (rule.pk, parsed.year)
                    typed_max[key] = max(typed_max[key], parsed.serial)
        else:
            rules[rule.pk] = rule
            pending[(rule.pk, row["received_on"].year)].append(row)
    for key in sorted(set(pending) | set(typed_max)):
        rule_pk, year = key
        rule = rules[rule_pk]
        waiting = sorted(pending.get(key, []), key=lambda r: r["received_on"])
        prefix = f"{rule.prefix}〔{year}〕"

        def used(prefix=prefix):  # read once the sequence is locked: nothing slips in between
            numbers = Dispute.objects.filter(number__startswith=prefix)
            return typed | set(numbers.values_list("number", flat=True))

        numbers = take_document_numbers(
            rule=rule,
            year=year,
            count=len(waiting),
            used=used if waiting else typed,
            at_least=typed_max.get(key, 0),
        )
        for row, number in zip(waiting, numbers, strict=True):
            row["number"] = number


def _log_disputes(batch: list[dict], pks: list[int], parties, origin: WriteSource) -> None:
    """The audit entries of a batch's disputes and of their parties ((pk, row) each), as their
    single saves write them."""
    plain = [f for f in IMPORTED_FIELDS if f not in ("committee_id", "lead_mediator")]
    log_created_bulk(
        Dispute,
        (
            (
                pk,
                row["number"],
                {
                    **{field: row[field] for field in plain},
                    "committee": row["committee_id"],
                    "lead_mediator": row["lead_mediator"].pk,
                    "facts": row["facts"],
                },
            )
            for pk, row in zip(pks, batch, strict=True)
        ),
        source=origin,
    )
    audited = ["dispute", *PARTY_FIELDS[1:]]
    log_created_bulk(
        Party,
        ((pk, party[2], dict(zip(audited, party, strict=True))) for pk, party in parties),
        source=origin,
    )
