"""The rules a dispute's fields obey together. One function, used by the services (forms, API)
and by the Excel import alike; the database constraints repeat the date rules as a backstop."""

from datetime import date

from django.utils.translation import gettext as _

from fazhi.mediation.models import Dispute

CLOSED = {str(s) for s in Dispute.CLOSED}
AGREEMENT_FIELDS = Dispute.AGREEMENT_FIELDS


def dispute_errors(values: dict, *, today: date | None = None) -> list[tuple[str, str]]:
    """(field, message) for every rule `values` breaks; `values` holds the dispute's fields by
    name (`lead_mediator` may be a Mediator or None)."""
    errors = []
    status = values.get("status") or Dispute.Status.RECEIVED
    received = values.get("received_on")
    closed = values.get("closed_on")
    if today is not None and received and received > today:
        errors.append(("received_on", _("The date received cannot be in the future.")))
    if status in CLOSED and closed is None:
        errors.append(("closed_on", _("A concluded dispute needs its closing date.")))
    if status not in CLOSED and closed is not None:
        errors.append(("closed_on", _("An open dispute has no closing date.")))
    if received and closed and closed < received:
        errors.append(("closed_on", _("The closing date cannot be before the date received.")))
    if today is not None and closed and closed > today:
        errors.append(("closed_on", _("The closing date cannot be in the future.")))
    if status == Dispute.Status.SUCCEEDED:
        if not values.get("agreement_form"):
            errors.append(
                (
                    "agreement_form",
                    _("A successful mediation records whether the agreement is written or oral."),
                )
            )
    else:
        for field in AGREEMENT_FIELDS:
            if values.get(field) not in (None, ""):
                errors.append(
                    (
                        field,
                        _(
                            "Only a dispute mediated successfully has an agreement, an amount, "
                            "performance or judicial confirmation."
                        ),
                    )
                )
    amount = values.get("agreement_amount")
    if amount is not None and amount < 0:
        errors.append(("agreement_amount", _("The amount cannot be negative.")))
    applied = values.get("judicial_confirmation_applied_on")
    if today is not None and applied and applied > today:
        errors.append(
            (
                "judicial_confirmation_applied_on",
                _("The date of applying for judicial confirmation cannot be in the future."),
            )
        )
    if applied and closed and applied < closed:
        errors.append(
            (
                "judicial_confirmation_applied_on",
                _("Judicial confirmation is applied for on or after the day of the agreement."),
            )
        )
    mediator = values.get("lead_mediator")
    committee_id = values.get("committee_id")
    if mediator is not None:
        if committee_id is not None and mediator.committee_id != committee_id:
            errors.append(
                ("lead_mediator", _("The lead mediator must belong to the dispute's committee."))
            )
        if received and (
            mediator.hired_on > received or (mediator.left_on and mediator.left_on < received)
        ):
            errors.append(
                (
                    "lead_mediator",
                    _("The lead mediator was not in post on the day the dispute was received."),
                )
            )
    return errors
