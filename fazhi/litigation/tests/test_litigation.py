"""Administrative litigation: the defence and appeal clocks, the stage as it stood at a period's
end, the head-of-organ appearance, scope, and the demo's figures."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from fazhi.indicators.registry import Period, compute
from fazhi.litigation import services
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.org.models import Unit, User
from fazhi.timelimits.selectors import deadlines_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(district):
    from fazhi.litigation.demo import PERMISSIONS
    from fazhi.org.demo import grant
    from fazhi.org.models import Role

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"litigation.{c}" for c in codenames])
    return Unit.objects.get(short_name="区市场监管局")


def sue(defendant, number, filed):
    return services.lawsuit_register(
        defendant=defendant,
        court="绵阳市游仙区人民法院",
        case_number=number,
        plaintiffs="某公司",
        cause="行政处罚",
        filed_on=filed,
    )


def test_the_defence_is_due_fifteen_days_after_the_complaint_copy(market):
    lawsuit = sue(market, "（2019）川0704行初1号", date(2019, 4, 1))
    lawsuit = services.lawsuit_complaint_received(
        lawsuit=lawsuit, version=lawsuit.version, on=date(2019, 4, 3)
    )
    assert deadlines_for(lawsuit).get(rule__code="litigation.defence").due_date == date(2019, 4, 18)
    with pytest.raises(ValidationError):
        services.lawsuit_complaint_received(
            lawsuit=lawsuit, version=lawsuit.version, on=date(2019, 3, 1)
        )


def test_the_appeal_period_is_ten_days_for_a_ruling_and_fifteen_for_a_judgment(market):
    ruled = services.lawsuit_outcome(
        lawsuit=sue(market, "（2019）川0704行初2号", date(2019, 4, 1)),
        version=1,
        outcome=Lawsuit.Outcome.SUIT_DISMISSED,
        served_on=date(2019, 5, 6),
    )
    judged = services.lawsuit_outcome(
        lawsuit=sue(market, "（2019）川0704行初3号", date(2019, 4, 1)),
        version=1,
        outcome=Lawsuit.Outcome.CLAIM_REJECTED,
        served_on=date(2019, 5, 6),
    )
    assert deadlines_for(ruled).get().due_date == date(2019, 5, 16)
    assert deadlines_for(judged).get().due_date == date(2019, 5, 21)


def test_stages_are_read_as_they_stood_at_the_end_of_the_period(market):
    lawsuit = sue(market, "（2019）川0704行初4号", date(2019, 11, 20))
    services.hearing_record(
        lawsuit=lawsuit,
        version=lawsuit.version,
        held_on=date(2020, 1, 10),
        appearance="HEAD",
        official_name="李某",
        official_post="局长",
    )
    leader = User.objects.get(username="leader")
    district = Unit.objects.get(code="510704")
    keys = ["litigation.awaiting_hearing", "litigation.awaiting_judgment"]
    in_2019 = compute(unit=district, period=Period.year(2019), viewer=leader, keys=keys)
    assert in_2019 == {"litigation.awaiting_hearing": 1, "litigation.awaiting_judgment": 0}
    whole = Period(date(2019, 1, 1), date(2020, 1, 31))
    assert compute(unit=district, period=whole, viewer=leader, keys=keys) == {
        "litigation.awaiting_hearing": 0,
        "litigation.awaiting_judgment": 1,
    }


def test_a_head_appearing_must_be_named(market):
    lawsuit = sue(market, "（2019）川0704行初5号", date(2019, 4, 1))
    with pytest.raises(ValidationError):
        services.hearing_record(
            lawsuit=lawsuit,
            version=lawsuit.version,
            held_on=date(2019, 6, 1),
            appearance=Hearing.Appearance.HEAD,
        )


def test_a_defendants_liaison_sees_only_its_lawsuits(market, login):
    sue(market, "（2019）川0704行初6号", date(2019, 4, 1))
    sue(Unit.objects.get(short_name="区财政局"), "（2019）川0704行初7号", date(2019, 4, 1))
    assert login("liaison").get(reverse("litigation-lawsuit-list")).json()["count"] == 1
    assert login("leader").get(reverse("litigation-lawsuit-list")).json()["count"] == 2


def test_the_demo_reproduces_the_seeds_litigation_figures(seeded):
    call_command("demo", year=2019, stdout=StringIO())
    out = StringIO()
    call_command("indicators", unit="510704", year=2019, format="json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["litigation.cases"] == 9
    assert figures["litigation.dismissed"] == 2
    assert figures["litigation.awaiting_judgment"] == 5
    assert figures["litigation.awaiting_hearing"] == 2
    assert figures["litigation.head_appearance_rate"] == "100.00"
