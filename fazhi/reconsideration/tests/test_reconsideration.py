"""Reconsideration: the law by the day received, the clocks of each step, the closed decision
lists, extension at most 30 days, invalid transitions refused, scope, the demo's figures."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from fazhi.org.models import Unit
from fazhi.reconsideration import services
from fazhi.reconsideration.models import Case
from fazhi.timelimits.selectors import deadlines_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def respondent(district):
    from fazhi.org.demo import grant
    from fazhi.org.models import Role
    from fazhi.reconsideration.demo import PERMISSIONS

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"reconsideration.{c}" for c in codenames])
    return Unit.objects.get(short_name="区市场监管局")


def register(respondent, received_on):
    return services.case_register(
        respondent=respondent, applicants="张某", act_type="行政处罚", received_on=received_on
    )


def due(case, code):
    return deadlines_for(case).get(rule__code=code).due_date


def test_a_2019_case_and_a_2024_case_follow_their_own_law(respondent):
    old = register(respondent, date(2019, 5, 6))
    new = register(respondent, date(2024, 5, 6))
    assert (old.law, new.law) == ("1999", "2023")
    old = services.case_accept(case=old, version=old.version, on=date(2019, 5, 8))
    new = services.case_accept(case=new, version=new.version, on=date(2024, 5, 8))
    basis = {c.rule.basis for c in deadlines_for(old)} | {c.rule.basis for c in deadlines_for(new)}
    assert any("2023年修订" in b for b in basis) and any("1999年" in b for b in basis)
    assert due(old, "reconsideration.decision") == date(2019, 7, 8)  # 60 days: 07-07 is a Sunday
    # Under the 2023 law the case may be "claim rejected after acceptance"; under 1999 it may not.
    with pytest.raises(ValidationError, match="APPLICATION_REJECTED|受理后驳回|one of|之一"):
        services.case_decide(
            case=old,
            version=old.version,
            decision=Case.Decision.APPLICATION_REJECTED,
            on=date(2019, 6, 1),
        )
    decided = services.case_decide(
        case=new,
        version=new.version,
        decision=Case.Decision.APPLICATION_REJECTED,
        on=date(2024, 6, 1),
    )
    assert decided.status == Case.Status.DECIDED
    assert all(c.completed_on for c in deadlines_for(decided))


def test_the_simplified_procedure_exists_only_under_the_2023_law(respondent):
    old = register(respondent, date(2019, 5, 6))
    with pytest.raises(ValidationError):
        services.case_accept(
            case=old, version=old.version, on=date(2019, 5, 7), procedure=Case.Procedure.SIMPLIFIED
        )
    new = register(respondent, date(2024, 5, 6))
    new = services.case_accept(
        case=new, version=new.version, on=date(2024, 5, 7), procedure=Case.Procedure.SIMPLIFIED
    )
    assert due(new, "reconsideration.simple_decision") == date(2024, 6, 6)  # 30 days


def test_the_decision_period_extends_by_at_most_thirty_days(respondent):
    case = register(respondent, date(2019, 5, 6))
    case = services.case_accept(case=case, version=case.version, on=date(2019, 5, 8))
    extended = services.case_extend(
        case=case,
        version=case.version,
        days=20,
        reason="案情复杂",
        approved_by="复议机构负责人",
        approved_on=date(2019, 7, 1),
    )
    assert extended.due_date == date(2019, 7, 29)  # 07-08 plus 20 days: 07-28 is a Sunday
    with pytest.raises(ValidationError, match="30"):
        services.case_extend(
            case=case,
            version=case.version + 1,
            days=11,
            reason="再延",
            approved_by="复议机构负责人",
            approved_on=date(2019, 7, 20),
        )


def test_invalid_transitions_are_refused(respondent):
    case = register(respondent, date(2019, 5, 6))
    with pytest.raises(ValidationError):  # deciding a case not accepted
        services.case_decide(
            case=case, version=case.version, decision="UPHELD", on=date(2019, 6, 1)
        )
    refused = services.case_not_accept(case=case, version=case.version, on=date(2019, 5, 8))
    with pytest.raises(ValidationError):
        services.case_accept(case=refused, version=refused.version, on=date(2019, 5, 9))
    with pytest.raises(services.StaleEdit):
        services.case_accept(case=refused, version=refused.version - 1, on=date(2019, 5, 9))
    other = register(respondent, date(2019, 5, 6))
    with pytest.raises(ValidationError):  # accepted before it was received
        services.case_accept(case=other, version=other.version, on=date(2019, 5, 1))


def test_a_respondents_liaison_sees_their_cases_only(respondent, login):
    register(respondent, date(2019, 5, 6))
    register(Unit.objects.get(short_name="区财政局"), date(2019, 5, 6))
    assert login("liaison").get(reverse("reconsideration-case-list")).json()["count"] == 1
    assert login("leader").get(reverse("reconsideration-case-list")).json()["count"] == 2
    assert login("xinqiao").get(reverse("reconsideration-case-list")).status_code == 403


def test_the_demo_reproduces_the_seeds_reconsideration_figures(seeded):
    call_command("demo", year=2019, stdout=StringIO())
    out = StringIO()
    call_command("indicators", unit="510704", year=2019, format="json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["reconsideration.applications"] == 3
    assert figures["reconsideration.concluded"] == 2
    assert figures["reconsideration.pending"] == 1
    assert figures["reconsideration.upheld"] == 1
    assert figures["reconsideration.not_accepted"] == 1
