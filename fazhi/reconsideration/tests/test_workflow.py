"""The steps of a case through the services: supplements, copy and reply, hearing, suspension
and extension arithmetic, the law of the day received, invalid steps and stale versions."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from fazhi.reconsideration import selectors, services
from fazhi.reconsideration.models import Case
from fazhi.reconsideration.workflow import CASE
from fazhi.timelimits.models import Suspension
from fazhi.timelimits.selectors import deadlines_for, today

from .conftest import accept, register

pytestmark = pytest.mark.django_db


def clock(case, code):
    return deadlines_for(case).filter(rule__code=code).order_by("-start_date", "-pk").first()


def test_supplements_stop_the_review_and_restart_it_from_the_day_they_arrive(recon):
    case = register(recon["market"], date(2024, 5, 6))
    # 5 working days: the make-up Saturday 2024-05-11 counts (Labour Day schedule).
    assert clock(case, "reconsideration.acceptance").due_date == date(2024, 5, 11)
    case = services.case_request_supplement(case=case, version=case.version, on=date(2024, 5, 8))
    assert case.status == Case.Status.AWAITING_SUPPLEMENT
    assert clock(case, "reconsideration.acceptance").completed_on == date(2024, 5, 8)
    supplement = clock(case, "reconsideration.supplement")
    assert supplement.due_date == date(2024, 5, 21)  # 10 working days (第31条)
    assert "第31条" in supplement.rule.basis

    case = services.case_supplement_received(case=case, version=case.version, on=date(2024, 5, 20))
    assert case.status == Case.Status.RECEIVED and case.supplement_received_on == date(2024, 5, 20)
    assert clock(case, "reconsideration.supplement").completed_on == date(2024, 5, 20)
    review = clock(case, "reconsideration.acceptance")
    assert (review.start_date, review.due_date, review.completed_on) == (
        date(2024, 5, 20),
        date(2024, 5, 27),
        None,
    )
    assert deadlines_for(case).filter(rule__code="reconsideration.acceptance").count() == 2
    accept(case, date(2024, 5, 21))
    assert clock(case, "reconsideration.acceptance").completed_on == date(2024, 5, 21)


def test_under_the_1999_law_a_supplement_has_no_statutory_period(recon):
    case = register(recon["market"], date(2019, 5, 6))
    case = services.case_request_supplement(case=case, version=case.version, on=date(2019, 5, 8))
    assert clock(case, "reconsideration.supplement") is None
    case = services.case_supplement_received(case=case, version=case.version, on=date(2019, 5, 20))
    assert clock(case, "reconsideration.acceptance").due_date == date(2019, 5, 27)


def test_supplement_steps_out_of_order_are_refused(recon):
    case = register(recon["market"], date(2024, 5, 6))
    with pytest.raises(ValidationError, match=_any("This case is not waiting for supplements.")):
        services.case_supplement_received(case=case, version=case.version, on=date(2024, 5, 8))
    with pytest.raises(ValidationError):  # before the application arrived
        services.case_request_supplement(case=case, version=case.version, on=date(2024, 5, 5))
    case = services.case_request_supplement(case=case, version=case.version, on=date(2024, 5, 8))
    with pytest.raises(ValidationError):  # waiting for supplements: not yet to be accepted
        accept(case, date(2024, 5, 9))
    with pytest.raises(ValidationError):  # supplements before they were asked for
        services.case_supplement_received(case=case, version=case.version, on=date(2024, 5, 7))


def _any(english: str, **params) -> str:
    """A match for the message in English or in any translation (the ValidationError's text),
    with its %(placeholders)s filled from `params`."""
    from django.utils.translation import gettext

    messages = {english, gettext(english)} - {""}
    return "|".join(re.escape(m % params if params else m) for m in messages)


def test_the_copy_starts_the_reply_period_of_the_law_of_the_day_received(recon):
    old = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    new = accept(register(recon["market"], date(2024, 5, 14)), date(2024, 5, 21))
    assert clock(old, "reconsideration.copy_to_respondent").due_date == date(2019, 5, 17)
    assert clock(new, "reconsideration.copy_to_respondent").due_date == date(2024, 5, 30)
    old = services.case_copy_sent(case=old, version=old.version, on=date(2019, 5, 13))
    new = services.case_copy_sent(case=new, version=new.version, on=date(2024, 5, 27))
    assert clock(old, "reconsideration.copy_to_respondent").completed_on == date(2019, 5, 13)
    old_reply, new_reply = clock(old, "reconsideration.reply"), clock(new, "reconsideration.reply")
    assert old_reply.due_date == date(2019, 5, 23)  # 10 calendar days under the 1999 law
    assert new_reply.due_date == date(2024, 6, 11)  # 10 working days; 06-10 is Dragon Boat
    assert old_reply.rule.basis.endswith("第23条：10日")
    assert new_reply.rule.basis.endswith("第48条：10个工作日")
    old = services.case_reply_received(case=old, version=old.version, on=date(2019, 5, 22))
    assert old.reply_received_on == date(2019, 5, 22)
    assert clock(old, "reconsideration.reply").completed_on == date(2019, 5, 22)


def test_the_simplified_procedure_has_its_own_copy_reply_and_decision_periods(recon):
    case = accept(register(recon["market"], date(2024, 5, 14)), date(2024, 5, 21), "SIMPLIFIED")
    assert clock(case, "reconsideration.simple_copy").due_date == date(2024, 5, 24)  # 3 w.d.
    assert clock(case, "reconsideration.simple_decision").due_date == date(2024, 6, 20)  # 30 d
    assert clock(case, "reconsideration.decision") is None
    case = services.case_copy_sent(case=case, version=case.version, on=date(2024, 5, 22))
    assert clock(case, "reconsideration.simple_reply").due_date == date(2024, 5, 29)  # 5 w.d.
    with pytest.raises(ValidationError):  # the simplified period cannot be extended
        services.case_extend(
            case=case,
            version=case.version,
            days=10,
            reason="复杂",
            approved_by="负责人",
            approved_on=date(2024, 6, 1),
        )


def test_copy_reply_and_hearing_are_refused_out_of_order(recon):
    case = register(recon["market"], date(2019, 5, 6))
    for step in (services.case_copy_sent, services.case_reply_received, services.case_hearing):
        with pytest.raises(
            ValidationError,
            match=_any("This step belongs to an accepted case that is not yet decided."),
        ):
            step(case=case, version=case.version, on=date(2019, 5, 9))
    case = accept(case, date(2019, 5, 8))
    with pytest.raises(
        ValidationError, match=_any("Record the copy of the application sent first.")
    ):
        services.case_reply_received(case=case, version=case.version, on=date(2019, 5, 9))
    with pytest.raises(ValidationError):  # a copy before acceptance
        services.case_copy_sent(case=case, version=case.version, on=date(2019, 5, 7))
    case = services.case_copy_sent(case=case, version=case.version, on=date(2019, 5, 9))
    with pytest.raises(
        ValidationError, match=_any("The copy of the application was already sent.")
    ):
        services.case_copy_sent(case=case, version=case.version, on=date(2019, 5, 10))
    with pytest.raises(ValidationError):  # a reply before the copy
        services.case_reply_received(case=case, version=case.version, on=date(2019, 5, 8))
    with pytest.raises(ValidationError):  # a hearing before acceptance
        services.case_hearing(case=case, version=case.version, on=date(2019, 5, 1))
    case = services.case_hearing(case=case, version=case.version, on=date(2019, 6, 3))
    assert case.hearing_held_on == date(2019, 6, 3)
    with pytest.raises(ValidationError):  # a decision before the hearing
        services.case_decide(
            case=case, version=case.version, decision="UPHELD", on=date(2019, 6, 1)
        )


def _extend(case, days, approved_on=date(2019, 7, 1)):
    return services.case_extend(
        case=case,
        version=Case.objects.get(pk=case.pk).version,
        days=days,
        reason="案情复杂",
        approved_by="复议机构负责人",
        approved_on=approved_on,
    )


def test_suspension_stops_the_decision_period_and_extensions_add_at_most_thirty_days(recon):
    case = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    decision = "reconsideration.decision"
    assert clock(case, decision).due_date == date(2019, 7, 8)  # 60 days; 07-07 is a Sunday
    case = services.case_suspend(
        case=case,
        version=case.version,
        start=date(2019, 6, 1),
        ground="申请人死亡，待继承人表明是否参加",
    )
    assert clock(case, decision).suspended_since == date(2019, 6, 1)
    assert "resume" in CASE.open_steps(case)
    with pytest.raises(ValidationError):  # suspended already
        services.case_suspend(
            case=case, version=case.version, start=date(2019, 6, 3), ground="再次"
        )
    with pytest.raises(ValidationError):  # no extension while the period stands still
        _extend(case, 10)
    case = services.case_resume(
        case=case, version=case.version, last_suspended_day=date(2019, 6, 10)
    )
    # 10 days (06-01..06-10) do not count: 07-07 + 10 = 07-17.
    assert clock(case, decision).due_date == date(2019, 7, 17)
    assert clock(case, decision).suspended_since is None
    with pytest.raises(ValidationError):  # not suspended any more
        services.case_resume(case=case, version=case.version, last_suspended_day=date(2019, 6, 12))

    assert _extend(case, 20).due_date == date(2019, 8, 6)  # 07-17 + 20 days
    with pytest.raises(ValidationError, match="30"):  # 20 + 11 > 30: the engine refuses
        _extend(case, 11)
    assert _extend(case, 10).due_date == date(2019, 8, 16)  # 30 in all
    with pytest.raises(ValidationError, match="30"):
        _extend(case, 1)
    with pytest.raises(ValidationError, match="30"):  # one extension beyond 30 at once, too
        _extend(accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8)), 31)
    clock_now = clock(case, decision)
    assert clock_now.extension_days == 30 and clock_now.extensions.count() == 2


def test_an_extension_needs_days_reason_and_approval_after_acceptance(recon):
    case = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    for days, approved_on in [(0, date(2019, 7, 1)), (-5, date(2019, 7, 1)), (5, date(2019, 5, 1))]:
        with pytest.raises(ValidationError):
            _extend(case, days, approved_on)
    with pytest.raises(ValidationError):
        services.case_extend(
            case=case,
            version=case.version,
            days=5,
            reason=" ",
            approved_by="",
            approved_on=date(2019, 7, 1),
        )
    assert clock(case, "reconsideration.decision").extension_days == 0
    received = register(recon["market"], date(2019, 5, 6))
    with pytest.raises(ValidationError):  # not accepted: no decision period to extend
        _extend(received, 5)


def test_deciding_completes_every_running_clock_and_only_the_laws_decisions_are_allowed(recon):
    case = accept(register(recon["market"], date(2024, 5, 14)), date(2024, 5, 21))
    case = services.case_copy_sent(case=case, version=case.version, on=date(2024, 5, 27))
    with pytest.raises(ValidationError):  # before it was accepted
        services.case_decide(
            case=case, version=case.version, decision="UPHELD", on=date(2024, 5, 20)
        )
    case = services.case_decide(
        case=case,
        version=case.version,
        decision=Case.Decision.CONFIRMED_VOID,  # a 2023 decision
        on=date(2024, 7, 1),
        number=" 游府复决〔2024〕3号 ",
    )
    assert case.decision_number == "游府复决〔2024〕3号"
    completed = {c.rule.code: c.completed_on for c in deadlines_for(case)}
    assert completed == {
        "reconsideration.acceptance": date(2024, 5, 21),
        "reconsideration.copy_to_respondent": date(2024, 5, 27),
        "reconsideration.reply": date(2024, 7, 1),  # no reply came: it ends with the decision
        "reconsideration.decision": date(2024, 7, 1),
    }
    old = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    with pytest.raises(ValidationError):
        services.case_decide(
            case=old,
            version=old.version,
            decision=Case.Decision.CONFIRMED_VOID,
            on=date(2019, 6, 1),
        )
    assert [d for d, _label in old.decisions] == Case.DECISIONS[Case.Law.LAW_1999]
    assert "CONFIRMED_VOID" in [d for d, _label in case.decisions]


def test_every_step_refuses_a_stale_version(recon):
    case = register(recon["market"], date(2019, 5, 6))
    stale = case.version - 1
    for step, kwargs in [
        (services.case_accept, {"on": date(2019, 5, 8)}),
        (services.case_not_accept, {"on": date(2019, 5, 8)}),
        (services.case_request_supplement, {"on": date(2019, 5, 8)}),
        (services.case_update, {"applicants": "改"}),
    ]:
        with pytest.raises(services.StaleEdit):
            step(case=case, version=stale, **kwargs)
    case = accept(case, date(2019, 5, 8))
    for step, kwargs in [
        (services.case_copy_sent, {"on": date(2019, 5, 9)}),
        (services.case_hearing, {"on": date(2019, 5, 9)}),
        (services.case_suspend, {"start": date(2019, 5, 9), "ground": "中止"}),
        (services.case_decide, {"on": date(2019, 6, 9), "decision": "UPHELD"}),
        (
            services.case_extend,
            {"days": 5, "reason": "复杂", "approved_by": "负责人", "approved_on": date(2019, 6, 1)},
        ),
    ]:
        with pytest.raises(services.StaleEdit):
            step(case=case, version=case.version - 1, **kwargs)
    assert Case.objects.get(pk=case.pk).version == case.version  # nothing was saved


def test_a_lawsuit_follows_only_a_concluded_case(recon):
    case = register(recon["market"], date(2019, 5, 6))
    with pytest.raises(ValidationError):
        services.case_update(case=case, version=case.version, lawsuit_followed=True)
    case = services.case_not_accept(case=case, version=case.version, on=date(2019, 5, 8))
    case = services.case_update(
        case=case, version=case.version, lawsuit_followed=True, agent="律师甲"
    )
    assert case.lawsuit_followed and case.agent == "律师甲"
    with pytest.raises(ValidationError):  # the dates follow the steps only
        services.case_update(case=case, version=case.version, accepted_on=date(2019, 5, 9))


def test_silence_counts_as_acceptance_under_either_law(recon):
    new = register(recon["market"], date(2024, 5, 6))
    old = register(recon["market"], date(2019, 5, 6))
    clocks = list(deadlines_for(new))
    assert selectors.deemed_accepted_since(new, clocks, on=date(2024, 5, 11)) is None
    # 2023 law 第30条第3款: accepted from the day the review period ends.
    assert selectors.deemed_accepted_since(new, clocks, on=date(2024, 5, 13)) == date(2024, 5, 11)
    old_clocks = list(deadlines_for(old))
    assert selectors.deemed_accepted_since(old, old_clocks, on=date(2019, 5, 13)) is None
    # 1999 law 第17条第2款: not refused in the review period, accepted from the day received.
    assert selectors.deemed_accepted_since(old, old_clocks, on=date(2019, 5, 14)) == date(
        2019, 5, 6
    )
    refused = services.case_not_accept(case=new, version=new.version, on=date(2024, 5, 8))
    assert (
        selectors.deemed_accepted_since(refused, list(deadlines_for(refused)), on=date(2024, 6, 1))
        is None
    )


def test_the_issuing_organ_is_the_people_s_government_of_the_respondent_s_district(recon):
    case = register(recon["market"], date(2019, 5, 6))
    assert selectors.issuing_organ(case) == "绵阳市游仙区人民政府"


# --- the decision clock cannot be repaired after it ran out (review finding 1) ---------------


def test_an_extension_approved_after_the_decision_period_ran_out_is_refused(recon):
    case = accept(register(recon["market"], date(2024, 5, 6)), date(2024, 5, 8))
    assert clock(case, "reconsideration.decision").due_date == date(2024, 7, 8)
    with pytest.raises(
        ValidationError,
        match=_any(
            "The decision period ran out on %(due)s: an extension approved after that day "
            "cannot extend it.",
            due=date(2024, 7, 8),
        ),
    ):
        _extend(case, 30, approved_on=date(2024, 8, 30))
    with pytest.raises(ValidationError, match=_any("A day in the future cannot be recorded.")):
        _extend(case, 10, approved_on=today() + timedelta(days=1))
    assert clock(case, "reconsideration.decision").extension_days == 0
    # Approved on the last day of the period: in time.
    assert _extend(case, 10, approved_on=date(2024, 7, 8)).due_date == date(2024, 7, 18)
    # The next extension counts from the extended due date.
    with pytest.raises(
        ValidationError,
        match=_any(
            "The decision period ran out on %(due)s: an extension approved after that day cannot extend it.",
            due=date(2024, 7, 18),
        ),
    ):
        _extend(case, 5, approved_on=date(2024, 7, 19))


def test_a_suspension_starting_after_the_due_date_or_in_the_future_is_refused(recon):
    case = accept(register(recon["market"], date(2024, 5, 6)), date(2024, 5, 8))
    for start, message in [
        (
            date(2024, 7, 9),
            _any(
                "The decision period ran out on %(due)s: a suspension cannot start after that day.",
                due=date(2024, 7, 8),
            ),
        ),
        (date(2030, 1, 2), _any("A day in the future cannot be recorded.")),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.case_suspend(case=case, version=case.version, start=start, ground="中止")
    assert not Suspension.objects.filter(deadline__object_id=case.pk).exists()
    case = services.case_suspend(
        case=case, version=case.version, start=date(2024, 7, 8), ground="中止"
    )
    assert clock(case, "reconsideration.decision").suspended_since == date(2024, 7, 8)
    with pytest.raises(ValidationError, match=_any("A day in the future cannot be recorded.")):
        services.case_resume(
            case=case, version=case.version, last_suspended_day=today() + timedelta(days=1)
        )


# --- no decision while suspended (review finding 2) ----------------------------------------


def test_a_suspended_case_is_decided_only_once_resumed_but_may_be_terminated(recon):
    case = accept(register(recon["market"], date(2024, 5, 6)), date(2024, 5, 8))
    case = services.case_suspend(
        case=case, version=case.version, start=date(2024, 6, 3), ground="申请人死亡"
    )
    for decision in ("UPHELD", "APPLICATION_REJECTED"):
        with pytest.raises(
            ValidationError,
            match=_any(
                "Resume the case before deciding it: while suspended it can only be terminated."
            ),
        ):
            services.case_decide(
                case=case, version=case.version, decision=decision, on=date(2024, 6, 20)
            )
    with pytest.raises(ValidationError):  # not-accepting belongs to a case just received
        services.case_not_accept(case=case, version=case.version, on=date(2024, 6, 20))
    assert Case.objects.get(pk=case.pk).status == Case.Status.ACCEPTED

    # 第41条第1款第（二）/（五）项: a suspended case may end in termination; the suspension
    # then lasts until that day, and no suspension stays open.
    case = services.case_decide(
        case=case, version=case.version, decision="TERMINATED", on=date(2024, 8, 5)
    )
    suspension = Suspension.objects.get(deadline__object_id=case.pk)
    assert (suspension.start, suspension.end) == (date(2024, 6, 3), date(2024, 8, 5))
    decision_clock = clock(case, "reconsideration.decision")
    assert (
        decision_clock.completed_on == date(2024, 8, 5) and decision_clock.suspended_since is None
    )


# --- deemed acceptance (review finding 3) --------------------------------------------------


def test_an_acceptance_after_the_review_period_is_recorded_on_the_deemed_day(recon):
    deemed = "The application counted as accepted on %(day)s: record the acceptance on that day."
    new = register(recon["market"], date(2024, 5, 6))  # review period ends 2024-05-11
    with pytest.raises(ValidationError, match=_any(deemed, day=date(2024, 5, 11))):
        accept(new, date(2024, 5, 13))
    new = accept(new, date(2024, 5, 11))
    assert clock(new, "reconsideration.decision").start_date == date(2024, 5, 11)

    old = register(recon["market"], date(2019, 5, 6))  # review period ends 2019-05-13
    with pytest.raises(ValidationError, match=_any(deemed, day=date(2019, 5, 6))):
        accept(old, date(2019, 5, 14))
    assert accept(old, date(2019, 5, 13)).accepted_on == date(2019, 5, 13)  # within the review
    late = register(recon["market"], date(2019, 5, 6))
    assert accept(late, date(2019, 5, 6)).accepted_on == date(2019, 5, 6)

    # After supplements the review runs anew from the day they arrived (2024-05-20 → 05-27).
    again = register(recon["market"], date(2024, 5, 6))
    again = services.case_request_supplement(case=again, version=again.version, on=date(2024, 5, 8))
    again = services.case_supplement_received(
        case=again, version=again.version, on=date(2024, 5, 20)
    )
    with pytest.raises(ValidationError, match=_any(deemed, day=date(2024, 5, 27))):
        accept(again, date(2024, 5, 28))
    assert accept(again, date(2024, 5, 27)).accepted_on == date(2024, 5, 27)


# --- the last step before the decision (review finding 4) -----------------------------------


def test_a_decision_dated_before_the_last_recorded_step_is_refused(recon):
    last = _any("A case is decided on or after the last step recorded on it.")
    case = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    case = services.case_copy_sent(case=case, version=case.version, on=date(2019, 5, 9))
    case = services.case_reply_received(case=case, version=case.version, on=date(2019, 5, 17))
    with pytest.raises(ValidationError, match=last):  # before the reply came
        services.case_decide(
            case=case, version=case.version, decision="UPHELD", on=date(2019, 5, 16)
        )
    case = services.case_suspend(
        case=case, version=case.version, start=date(2019, 6, 1), ground="中止"
    )
    case = services.case_resume(
        case=case, version=case.version, last_suspended_day=date(2019, 6, 10)
    )
    for on in (date(2019, 5, 31), date(2019, 6, 10)):  # before or during the suspension
        with pytest.raises(ValidationError, match=last):
            services.case_decide(case=case, version=case.version, decision="UPHELD", on=on)
    _extend(case, 10, approved_on=date(2019, 7, 1))
    case = Case.objects.get(pk=case.pk)
    with pytest.raises(ValidationError, match=last):  # before the extension was approved
        services.case_decide(
            case=case, version=case.version, decision="UPHELD", on=date(2019, 6, 30)
        )
    case = services.case_decide(
        case=case, version=case.version, decision="UPHELD", on=date(2019, 7, 1)
    )
    assert case.decided_on == date(2019, 7, 1)


# --- mediation (review finding 5) ------------------------------------------------------------


def test_mediation_concludes_a_2023_case_only_and_corrects_nothing(recon):
    assert Case.Decision.MEDIATED in Case.DECISIONS[Case.Law.LAW_2023]
    assert Case.Decision.MEDIATED not in Case.DECISIONS[Case.Law.LAW_1999]
    assert Case.Decision.MEDIATED not in Case.CORRECTING
    assert re.fullmatch(_any("Concluded by mediation"), str(Case.Decision.MEDIATED.label))
    new = accept(register(recon["market"], date(2024, 5, 6)), date(2024, 5, 8))
    new = services.case_decide(
        case=new, version=new.version, decision="MEDIATED", on=date(2024, 6, 3)
    )
    assert (new.status, new.decision) == (Case.Status.DECIDED, "MEDIATED")
    old = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    with pytest.raises(ValidationError):
        services.case_decide(
            case=old, version=old.version, decision="MEDIATED", on=date(2019, 6, 3)
        )


# --- no day in the future (review finding 6) --------------------------------------------------


def test_no_step_is_dated_in_the_future(recon):
    future = _any("A day in the future cannot be recorded.")
    tomorrow = today() + timedelta(days=1)
    with pytest.raises(ValidationError, match=future):
        register(recon["market"], tomorrow)
    assert not Case.objects.exists()

    case = register(recon["market"], date(2024, 5, 6))
    for step in (
        services.case_request_supplement,
        services.case_accept,
        services.case_not_accept,
    ):
        with pytest.raises(ValidationError, match=future):
            step(case=case, version=case.version, on=tomorrow)
    supplementing = register(recon["market"], date(2024, 5, 6))
    supplementing = services.case_request_supplement(
        case=supplementing, version=supplementing.version, on=date(2024, 5, 7)
    )
    with pytest.raises(ValidationError, match=future):
        services.case_supplement_received(
            case=supplementing, version=supplementing.version, on=tomorrow
        )
    case = accept(case, date(2024, 5, 8))
    for step in (services.case_copy_sent, services.case_hearing):
        with pytest.raises(ValidationError, match=future):
            step(case=case, version=case.version, on=tomorrow)
    case = services.case_copy_sent(case=case, version=case.version, on=date(2024, 5, 9))
    with pytest.raises(ValidationError, match=future):
        services.case_reply_received(case=case, version=case.version, on=tomorrow)
    with pytest.raises(ValidationError, match=future):
        services.case_decide(case=case, version=case.version, decision="UPHELD", on=tomorrow)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.reply_received_on, stored.hearing_held_on, stored.decided_on) == (None,) * 3
