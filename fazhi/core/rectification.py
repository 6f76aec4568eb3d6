"""Rectification (整改) of a problem found in a unit's work — an inspection's finding, a case
file's problem: the unit reports what it rectified (its clock stops), the office that found the
problem accepts it (销号) or returns it (the clock runs again). The record has `status`
(OPEN / REPORTED / ACCEPTED), `found_on`, `rectification`, `reported_on`, `accepted_on` and
`returned_reason`; who is told is the caller's business."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fazhi.core.services import lock_for_edit, not_in_future
from fazhi.timelimits import services as deadlines

OPEN, REPORTED, ACCEPTED = "OPEN", "REPORTED", "ACCEPTED"


def _not_before(later, earlier, field: str, message) -> None:
    if later and earlier and later < earlier:
        raise ValidationError({field: message})


def rectification_report(
    record, *, version, on: date, rectification: str, clock: str, user=None, **more
):
    """The unit's report; `more` sets further fields (an evidence file given with it)."""
    stored = lock_for_edit(type(record), record.pk, version)
    if stored.status != OPEN:
        raise ValidationError(_("Rectification is reported on a finding still to be rectified."))
    not_in_future(on, "on")
    _not_before(on, stored.found_on, "on", _("Rectification cannot precede the finding."))
    stored.status, stored.reported_on = REPORTED, on
    stored.rectification, stored.returned_reason = rectification, ""
    for name, value in more.items():
        if value:
            setattr(stored, name, value)
    stored.full_clean()
    stored.save()
    deadlines.clocks_complete(stored, on=on, user=user, codes=[clock])
    return stored


def rectification_accept(record, *, version, on: date, user=None):
    stored = lock_for_edit(type(record), record.pk, version)
    if stored.status != REPORTED:
        raise ValidationError(_("Only a reported rectification can be accepted."))
    not_in_future(on, "on")
    _not_before(on, stored.reported_on, "on", _("Acceptance cannot precede the report."))
    stored.status, stored.accepted_on = ACCEPTED, on
    stored.save()
    return stored


def rectification_return(record, *, version, reason: str, clock: str, user=None):
    """Not rectified enough: back to the unit, whose clock runs again."""
    stored = lock_for_edit(type(record), record.pk, version)
    if stored.status != REPORTED:
        raise ValidationError(_("Only a reported rectification can be returned."))
    stored.status, stored.reported_on, stored.returned_reason = OPEN, None, reason
    stored.save()
    for running in deadlines.deadlines_for(stored).filter(rule__code=clock):
        deadlines.deadline_reopen(deadline=running, user=user)
    return stored


def rectification_steps(
    *,
    report,
    accept,
    send_back,
    report_form,
    send_back_form,
    reporter,
    office,
    not_reporter,
    not_office,
    sent_back,
):
    """The three steps of a rectification as a line of work's `Workflow` offers them: the unit
    reports (`reporter`: a permission function of the unit's own people), the office accepts
    or sends back (`office`). The services are the line of work's (they tell whom it tells)."""
    from django.utils.translation import gettext_lazy

    from fazhi.core.workflow import Step, dated

    return [
        Step(
            "rectify",
            gettext_lazy("Report rectification"),
            report_form,
            report,
            reporter,
            forbidden=not_reporter,
            when=lambda s: s.record.status == OPEN,
            done=gettext_lazy("Rectification reported."),
            inline=False,
        ),
        Step(
            "accept",
            gettext_lazy("Accept rectification"),
            dated(gettext_lazy("Rectification accepted on")),
            accept,
            office,
            forbidden=not_office,
            when=lambda s: s.record.status == REPORTED,
            confirm=gettext_lazy("Accept the rectification and close the problem?"),
            done=gettext_lazy("Rectification accepted."),
        ),
        Step(
            "return",
            gettext_lazy("Return for more rectification"),
            send_back_form,
            send_back,
            office,
            forbidden=not_office,
            when=lambda s: s.record.status == REPORTED,
            done=sent_back,
            inline=False,
        ),
    ]
