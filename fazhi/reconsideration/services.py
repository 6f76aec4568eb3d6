"""Writes of reconsideration cases: receive, ask for supplements, accept or not, send the copy,
receive the reply, hold a hearing, suspend and resume, extend, decide. Every clock follows the
version of the law in force on the day the application was received; every write names the
version of the case its author saw and is refused (StaleEdit) if someone saved it since."""

from contextlib import suppress
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fazhi.core.services import (
    StaleEdit,  # noqa: F401 - for callers (services.StaleEdit)
    lock_for_edit,
    not_in_future,
)
from fazhi.reconsideration.models import Case
from fazhi.timelimits import services as deadlines
from fazhi.timelimits.models import Deadline, Extension, Suspension
from fazhi.timelimits.selectors import RuleNotFound, deadlines_for

ACCEPTANCE_CLOCK = "reconsideration.acceptance"
SUPPLEMENT_CLOCK = "reconsideration.supplement"
COPY_CLOCKS = {
    Case.Procedure.ORDINARY: "reconsideration.copy_to_respondent",
    Case.Procedure.SIMPLIFIED: "reconsideration.simple_copy",
}
REPLY_CLOCKS = {
    Case.Procedure.ORDINARY: "reconsideration.reply",
    Case.Procedure.SIMPLIFIED: "reconsideration.simple_reply",
}
DECISION_CLOCK = {
    Case.Procedure.ORDINARY: "reconsideration.decision",
    Case.Procedure.SIMPLIFIED: "reconsideration.simple_decision",
}
CLOCKS_ON_ACCEPTANCE = {
    procedure: [COPY_CLOCKS[procedure], DECISION_CLOCK[procedure]] for procedure in DECISION_CLOCK
}
DECISION_CLOCKS = tuple(DECISION_CLOCK.values())
# Fields a clerk may correct at any time; the dates of the steps change only through the steps.
DESCRIPTIVE_FIELDS = (
    "applicants",
    "agent",
    "act_type",
    "act_number",
    "act_date",
    "lawsuit_followed",
)


# --- clocks --------------------------------------------------------------------------------


def _open_clock(case: Case, code: str, start: date, user) -> Deadline:
    return deadlines.deadline_open(
        record=case,
        rule_code=code,
        start=start,
        unit=case.respondent,
        law_date=case.received_on,  # the law of the day received, whatever the step's date
        user=user,
    )


def running_decision_clock(case: Case) -> Deadline | None:
    return deadlines.clock_of(case, *DECISION_CLOCKS, running=True)


def _decision_clock_or_refuse(case: Case) -> Deadline:
    clock = running_decision_clock(case)
    if clock is None:
        raise ValidationError(_("This case has no decision period running."))
    return clock


def deemed_acceptance_day(case: Case, review: Deadline) -> date:
    """The day an application counts as accepted when its review period (`review`, the running
    acceptance clock) ends with no decision on acceptance. The 2023 law (第30条第3款): "审查期限
    届满之日起视为受理", the period's last day. The 1999 law (第17条第2款): an application not
    refused "自行政复议机关负责法制工作的机构收到之日起即为受理", the day received (after
    supplements, the day they arrived: the day the review clock started)."""
    if case.law == Case.Law.LAW_2023:
        return review.due_date
    return review.start_date


def _refuse_unless(stored: Case, *statuses, message: str) -> None:
    if stored.status not in statuses:
        raise ValidationError(message, code="invalid_transition")


def _not_before(day: date, earliest: date | None, field: str, message: str) -> None:
    if earliest is not None and day < earliest:
        raise ValidationError({field: message})


def _refuse_while_suspended(stored: Case, message: str) -> None:
    clock = running_decision_clock(stored)
    if clock is not None and clock.suspended_since is not None:
        raise ValidationError(message, code="suspended")


def _last_step(stored: Case) -> date:
    """The day of the latest step recorded on the case: its dates, and the suspensions (begun,
    and resumed the day after the last suspended day) and extensions of its decision period."""
    days = [
        stored.received_on,
        stored.supplement_requested_on,
        stored.supplement_received_on,
        stored.accepted_on,
        stored.copy_sent_on,
        stored.reply_received_on,
        stored.hearing_held_on,
    ]
    clocks = deadlines_for(stored).filter(rule__code__in=DECISION_CLOCKS)
    for suspension in Suspension.objects.filter(deadline__in=clocks):
        days.append(suspension.start)
        if suspension.end is not None:
            days.append(suspension.end + timedelta(days=1))
    days += Extension.objects.filter(deadline__in=clocks).values_list("approved_on", flat=True)
    return max(d for d in days if d)


def _save(stored: Case) -> Case:
    stored.full_clean()
    stored.save()
    return stored


# --- receiving ------------------------------------------------------------------------------


@transaction.atomic
def case_register(
    *, respondent, applicants: str, act_type: str, received_on: date, user=None, **fields
) -> Case:
    """An application received: the acceptance clock starts (5 working days; silence means
    acceptance under the 2023 law)."""
    unknown = set(fields) - set(DESCRIPTIVE_FIELDS)
    if unknown:
        raise TypeError(f"not descriptive fields of a case: {sorted(unknown)}")
    not_in_future(received_on, "received_on")
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
    _open_clock(case, ACCEPTANCE_CLOCK, received_on, user)
    return case


@transaction.atomic
def case_update(*, case: Case, version, user=None, **fields) -> Case:
    """Correct the descriptive fields of a case (never its dates or status: those follow the
    steps, with their clocks)."""
    stored = lock_for_edit(Case, case.pk, version)
    unknown = set(fields) - set(DESCRIPTIVE_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )
    for field, value in fields.items():
        setattr(stored, field, value)
    # A lawsuit follows a decision or a refusal: before either, there is nothing to sue over.
    if stored.lawsuit_followed and not stored.is_concluded:
        raise ValidationError(
            {"lawsuit_followed": _("A lawsuit can follow only a decided or refused case.")}
        )
    return _save(stored)


@transaction.atomic
def case_request_supplement(*, case: Case, version, on: date, user=None) -> Case:
    """The materials are incomplete: the applicant is told to supplement them. The review
    period stops (its clock completes) and, under the 2023 law, the applicant's 10 working
    days start. The 1999 law sets no fixed period (a "reasonable" one, 实施条例 第29条)."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless(
        stored,
        Case.Status.RECEIVED,
        message=_("Supplements can be requested only for a case just received."),
    )
    _not_before(
        on,
        stored.received_on,
        "on",
        _("Supplements are requested on or after the day the application was received."),
    )
    not_in_future(on, "on")
    stored.status = Case.Status.AWAITING_SUPPLEMENT
    stored.supplement_requested_on, stored.supplement_received_on = on, None
    _save(stored)
    deadlines.clocks_complete(stored, on=on, user=user, codes=[ACCEPTANCE_CLOCK])
    with suppress(RuleNotFound):  # the 1999 law: no statutory period for the applicant
        _open_clock(stored, SUPPLEMENT_CLOCK, on, user)
    return stored


@transaction.atomic
def case_supplement_received(*, case: Case, version, on: date, user=None) -> Case:
    """The applicant supplemented the materials: the case is back to review, and the review
    period runs anew from that day (2023 law 第31条: "收到补正材料后，依照本法第三十条处理")."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless(
        stored,
        Case.Status.AWAITING_SUPPLEMENT,
        message=_("This case is not waiting for supplements."),
    )
    _not_before(
        on,
        stored.supplement_requested_on,
        "on",
        _("Supplements arrive on or after the day they were requested."),
    )
    not_in_future(on, "on")
    stored.status, stored.supplement_received_on = Case.Status.RECEIVED, on
    _save(stored)
    deadlines.clocks_complete(stored, on=on, user=user, codes=[SUPPLEMENT_CLOCK])
    # A new clock rather than a restarted one: the first review period stays on record.
    _open_clock(stored, ACCEPTANCE_CLOCK, on, user)
    return stored


# --- accepting or not ------------------------------------------------------------------------


@transaction.atomic
def case_accept(
    *, case: Case, version, on: date, procedure: str = Case.Procedure.ORDINARY, user=None
) -> Case:
    """Accept the application: the copy and decision clocks start on the day of acceptance.
    Once the review period has ended with no decision, the law has already accepted the
    application (see `deemed_acceptance_day`): a later day is refused, so that the decision
    period runs from the day the law says, not from the day a clerk got to it."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless(
        stored, Case.Status.RECEIVED, message=_("Only a case just received can be accepted.")
    )
    not_in_future(on, "on")
    review = deadlines.clock_of(stored, ACCEPTANCE_CLOCK, running=True)
    if review is not None and on > review.due_date:
        deemed = deemed_acceptance_day(stored, review)
        if on > deemed:
            raise ValidationError(
                {
                    "on": _(
                        "The application counted as accepted on %(day)s: record the acceptance "
                        "on that day."
                    )
                    % {"day": deemed}
                }
            )
    if procedure not in Case.Procedure.values:
        raise ValidationError({"procedure": _("Choose the ordinary or the simplified procedure.")})
    if procedure == Case.Procedure.SIMPLIFIED and stored.law != Case.Law.LAW_2023:
        raise ValidationError(
            {"procedure": _("The simplified procedure exists only under the 2023 law.")}
        )
    stored.status, stored.accepted_on, stored.procedure = Case.Status.ACCEPTED, on, procedure
    _save(stored)
    deadlines.clocks_complete(stored, on=on, user=user, codes=[ACCEPTANCE_CLOCK])
    for code in CLOCKS_ON_ACCEPTANCE[procedure]:
        _open_clock(stored, code, on, user)
    return stored


@transaction.atomic
def case_not_accept(*, case: Case, version, on: date, user=None) -> Case:
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless(
        stored, Case.Status.RECEIVED, message=_("Only a case just received can be refused.")
    )
    _not_before(
        on, stored.received_on, "on", _("A case is refused on or after the day it was received.")
    )
    not_in_future(on, "on")
    stored.status, stored.not_accepted_on = Case.Status.NOT_ACCEPTED, on
    _save(stored)
    deadlines.clocks_complete(stored, on=on, user=user, codes=[ACCEPTANCE_CLOCK])
    return stored


# --- hearing the case --------------------------------------------------------------------------


def _refuse_unless_accepted(stored: Case) -> None:
    _refuse_unless(
        stored,
        Case.Status.ACCEPTED,
        message=_("This step belongs to an accepted case that is not yet decided."),
    )


@transaction.atomic
def case_copy_sent(*, case: Case, version, on: date, user=None) -> Case:
    """The copy of the application went to the respondent: the copy clock completes and the
    respondent's reply period starts (counted from the day sent: the day the respondent
    received it is seldom known)."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless_accepted(stored)
    if stored.copy_sent_on is not None:
        raise ValidationError(_("The copy of the application was already sent."))
    _not_before(
        on,
        stored.accepted_on,
        "on",
        _("The copy of the application is sent on or after the day of acceptance."),
    )
    not_in_future(on, "on")
    stored.copy_sent_on = on
    _save(stored)
    deadlines.clocks_complete(stored, on=on, user=user, codes=[COPY_CLOCKS[stored.procedure]])
    _open_clock(stored, REPLY_CLOCKS[stored.procedure], on, user)
    return stored


@transaction.atomic
def case_reply_received(*, case: Case, version, on: date, user=None) -> Case:
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless_accepted(stored)
    if stored.copy_sent_on is None:
        raise ValidationError(_("Record the copy of the application sent first."))
    if stored.reply_received_on is not None:
        raise ValidationError(_("The respondent's reply was already received."))
    _not_before(
        on,
        stored.copy_sent_on,
        "on",
        _("The respondent replies on or after the day the copy was sent."),
    )
    not_in_future(on, "on")
    stored.reply_received_on = on
    _save(stored)
    deadlines.clocks_complete(stored, on=on, user=user, codes=[REPLY_CLOCKS[stored.procedure]])
    return stored


@transaction.atomic
def case_hearing(*, case: Case, version, on: date, user=None) -> Case:
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless_accepted(stored)
    _not_before(
        on, stored.accepted_on, "on", _("A hearing is held on or after the day of acceptance.")
    )
    not_in_future(on, "on")
    stored.hearing_held_on = on
    return _save(stored)


@transaction.atomic
def case_suspend(*, case: Case, version, start: date, ground: str, user=None) -> Case:
    """Suspend the case (中止, one of the statutory grounds): the decision period stops. It
    stops a period still running: a suspension from after the due date would revive a period
    that already ran out."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless_accepted(stored)
    if not ground.strip():
        raise ValidationError({"ground": _("State the ground of the suspension.")})
    not_in_future(start, "start")
    clock = _decision_clock_or_refuse(stored)
    if clock.suspended_since is None and start > clock.due_date:
        raise ValidationError(
            {
                "start": _(
                    "The decision period ran out on %(due)s: a suspension cannot start after "
                    "that day."
                )
                % {"due": clock.due_date}
            }
        )
    deadlines.deadline_suspend(deadline=clock, start=start, ground=ground.strip(), user=user)
    return _save(stored)  # the new version: a page showing "suspend" is now out of date


@transaction.atomic
def case_resume(*, case: Case, version, last_suspended_day: date, user=None) -> Case:
    """The ground of the suspension is gone: the decision period runs again from the next day."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless_accepted(stored)
    not_in_future(last_suspended_day, "last_suspended_day")
    deadlines.deadline_resume(
        deadline=_decision_clock_or_refuse(stored),
        last_suspended_day=last_suspended_day,
        user=user,
    )
    return _save(stored)


@transaction.atomic
def case_extend(
    *,
    case: Case,
    version,
    days: int,
    reason: str,
    approved_by: str,
    approved_on: date,
    user=None,
) -> Deadline:
    """Extend the decision period, approved by the head of the reconsideration body. The
    time-limit engine refuses a total beyond the rule's maximum (30 days, however many
    extensions) and any extension of the simplified procedure's period (its rule allows none).
    The approval extends a period still running: approved after the (current) due date, it
    would quietly revive one that already ran out."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless_accepted(stored)
    if not isinstance(days, int) or days < 1:
        raise ValidationError({"days": _("An extension is at least one day.")})
    if not reason.strip() or not approved_by.strip():
        raise ValidationError(_("An extension needs its reason and who approved it."))
    _not_before(
        approved_on,
        stored.accepted_on,
        "approved_on",
        _("An extension is approved on or after the day of acceptance."),
    )
    not_in_future(approved_on, "approved_on")
    clock = _decision_clock_or_refuse(stored)
    if clock.suspended_since:
        # While it stands still the period has no due date to extend from.
        raise ValidationError(_("Resume the case before extending its decision period."))
    if approved_on > clock.due_date:
        raise ValidationError(
            {
                "approved_on": _(
                    "The decision period ran out on %(due)s: an extension approved after that "
                    "day cannot extend it."
                )
                % {"due": clock.due_date}
            }
        )
    clock = deadlines.deadline_extend(
        deadline=clock,
        days=days,
        reason=reason.strip(),
        approved_by=approved_by.strip(),
        approved_on=approved_on,
        user=user,
    )
    _save(stored)
    return clock


# --- deciding ----------------------------------------------------------------------------------


@transaction.atomic
def case_decide(
    *, case: Case, version, decision: str, on: date, number: str = "", user=None
) -> Case:
    """Decide the case, on or after the last step recorded on it. A suspended case is resumed
    first; only termination may end it while suspended (2023 law 第41条, e.g. the heirs give
    up, or the ground of the suspension lasts 60 days): the suspension then lasts until the
    day of the termination."""
    stored = lock_for_edit(Case, case.pk, version)
    _refuse_unless(stored, Case.Status.ACCEPTED, message=_("Only an accepted case can be decided."))
    allowed = Case.DECISIONS[stored.law]
    if decision not in allowed:
        labels = "、".join(str(Case.Decision(d).label) for d in allowed)
        raise ValidationError(
            {
                "decision": _("Under the law of this case the decision is one of: %(list)s.")
                % {"list": labels}
            }
        )
    _not_before(
        on, stored.accepted_on, "on", _("A case is decided on or after the day it was accepted.")
    )
    not_in_future(on, "on")
    if decision != Case.Decision.TERMINATED:
        _refuse_while_suspended(
            stored,
            _("Resume the case before deciding it: while suspended it can only be terminated."),
        )
    _not_before(
        on,
        _last_step(stored),
        "on",
        _("A case is decided on or after the last step recorded on it."),
    )
    stored.status, stored.decision, stored.decided_on = Case.Status.DECIDED, decision, on
    stored.decision_number = number.strip()
    _save(stored)
    suspended = running_decision_clock(stored)
    if suspended is not None and suspended.suspended_since is not None:
        # Terminated while suspended: the suspension ends with the case, never left open.
        deadlines.deadline_resume(deadline=suspended, last_suspended_day=on, user=user)
    deadlines.clocks_complete(stored, on=on, user=user)  # copy, reply, decision: all end here
    return stored
