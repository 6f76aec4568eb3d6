"""Writes of reconsideration cases: receive, accept or not, decide, extend. Every clock follows
the version of the law in force on the day the application was received."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.core.versioning import StaleEdit, lock_for_edit  # noqa: F401 - StaleEdit for callers
from fazhi.reconsideration.models import Case
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.selectors import deadlines_for

CLOCKS_ON_ACCEPTANCE = {
    Case.Procedure.ORDINARY: ["reconsideration.copy_to_respondent", "reconsideration.decision"],
    Case.Procedure.SIMPLIFIED: ["reconsideration.simple_copy", "reconsideration.simple_decision"],
}
DECISION_CLOCKS = ("reconsideration.decision", "reconsideration.simple_decision")


def _open_clock(case: Case, code: str, start: date, user) -> None:
    deadlines.deadline_open(
        record=case,
        rule_code=code,
        start=start,
        unit=case.respondent,
        law_date=case.received_on,
        user=user,
    )


def _complete(case: Case, codes, on: date, user) -> None:
    for clock in deadlines_for(case).filter(rule__code__in=codes, completed_on__isnull=True):
        deadlines.deadline_complete(deadline=clock, on=on, user=user)


def _lock(case: Case, version) -> Case:
    return lock_for_edit(Case, case.pk, version)


@transaction.atomic
def case_register(
    *, respondent, applicants: str, act_type: str, received_on: date, user=None, **fields
) -> Case:
    """An application received: the acceptance clock starts (5 working days; silence means
    acceptance under the 2023 law)."""
    case = Case(
        respondent=respondent,
        applicants=applicants,
        act_type=act_type,
        received_on=received_on,
        law=Case.law_for(received_on),
        created_by=user,
        **fields,
    )
    case.full_clean()
    case.save()
    _open_clock(case, "reconsideration.acceptance", received_on, user)
    return case


@transaction.atomic
def case_accept(
    *, case: Case, version, on: date, procedure: str = Case.Procedure.ORDINARY, user=None
) -> Case:
    stored = _lock(case, version)
    if stored.status != Case.Status.RECEIVED:
        raise ValidationError(_("Only a case just received can be accepted."))
    if procedure == Case.Procedure.SIMPLIFIED and stored.law != Case.Law.LAW_2023:
        raise ValidationError(
            {"procedure": _("The simplified procedure exists only under the 2023 law.")}
        )
    stored.status, stored.accepted_on, stored.procedure = Case.Status.ACCEPTED, on, procedure
    stored.full_clean()
    stored.save()
    _complete(stored, ["reconsideration.acceptance"], on, user)
    for code in CLOCKS_ON_ACCEPTANCE[procedure]:
        _open_clock(stored, code, on, user)
    return stored


@transaction.atomic
def case_not_accept(*, case: Case, version, on: date, user=None) -> Case:
    stored = _lock(case, version)
    if stored.status != Case.Status.RECEIVED:
        raise ValidationError(_("Only a case just received can be refused."))
    if on < stored.received_on:
        raise ValidationError(_("A case is refused on or after the day it was received."))
    stored.status, stored.not_accepted_on = Case.Status.NOT_ACCEPTED, on
    stored.full_clean()
    stored.save()
    _complete(stored, ["reconsideration.acceptance"], on, user)
    return stored


@transaction.atomic
def case_decide(
    *, case: Case, version, decision: str, on: date, number: str = "", user=None
) -> Case:
    stored = _lock(case, version)
    if stored.status != Case.Status.ACCEPTED:
        raise ValidationError(_("Only an accepted case can be decided."))
    allowed = Case.DECISIONS[stored.law]
    if decision not in allowed:
        labels = "、".join(str(Case.Decision(d).label) for d in allowed)
        raise ValidationError(
            {
                "decision": _("Under the law of this case the decision is one of: %(list)s.")
                % {"list": labels}
            }
        )
    stored.status, stored.decision, stored.decided_on = Case.Status.DECIDED, decision, on
    stored.decision_number = number
    stored.full_clean()
    stored.save()
    _complete(stored, [c for codes in CLOCKS_ON_ACCEPTANCE.values() for c in codes], on, user)
    return stored


@transaction.atomic
def case_extend(
    *, case: Case, days: int, reason: str, approved_by: str, approved_on: date, user=None
):
    """Extend the decision period (at most 30 days, approved by the head of the body)."""
    clock = (
        deadlines_for(case)
        .filter(rule__code__in=DECISION_CLOCKS, completed_on__isnull=True)
        .first()
    )
    if clock is None:
        raise ValidationError(_("This case has no decision period running."))
    return deadlines.deadline_extend(
        deadline=clock,
        days=days,
        reason=reason,
        approved_by=approved_by,
        approved_on=approved_on,
        user=user,
    )
