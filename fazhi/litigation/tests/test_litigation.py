"""Administrative litigation: the defence and appeal clocks, the stage as it stood at a period's
end, the head-of-organ appearance, scope, and the demo's figures."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext

from fazhi.indicators.registry import Period, compute
from fazhi.litigation import services
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.litigation.workflow import LAWSUIT
from fazhi.org.models import Unit, User
from fazhi.timelimits.selectors import deadlines_for, open_deadlines

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


APPEAL_CLOCKS = ["litigation.appeal_judgment", "litigation.appeal_ruling"]
NUMBER_OF_INSTANCE = {
    "FIRST": "（2019）川0704行初{}号",
    "SECOND": "（2019）川07行终{}号",
    "RETRIAL": "（2019）川07行再{}号",
}


def sue_in(defendant, instance, serial, filed=date(2019, 4, 1)):
    return services.lawsuit_register(
        defendant=defendant,
        court="绵阳市中级人民法院",
        case_number=NUMBER_OF_INSTANCE[instance].format(serial),
        instance=instance,
        plaintiffs="某公司",
        cause="行政处罚",
        filed_on=filed,
    )


@pytest.mark.parametrize(
    ("instance", "outcome", "clock", "due"),
    [
        ("FIRST", "CLAIM_REJECTED", "litigation.appeal_judgment", date(2019, 5, 21)),
        ("FIRST", "NOT_FILED", "litigation.appeal_ruling", date(2019, 5, 16)),
        ("FIRST", "SUIT_DISMISSED", "litigation.appeal_ruling", date(2019, 5, 16)),
        # 准许撤诉 takes effect when served: only 不予立案, 驳回起诉 (and 管辖异议) are appealable
        ("FIRST", "WITHDRAWAL_ALLOWED", None, None),
        # a second-instance judgment or ruling is final (生效) when served
        ("SECOND", "CLAIM_REJECTED", None, None),
        ("SECOND", "REVOKED", None, None),
        ("SECOND", "SUIT_DISMISSED", None, None),
        # a retrial's procedure is not recorded: it keeps the first instance's appeal clock
        ("RETRIAL", "REVOKED", "litigation.appeal_judgment", date(2019, 5, 21)),
        ("RETRIAL", "SUIT_DISMISSED", "litigation.appeal_ruling", date(2019, 5, 16)),
        ("RETRIAL", "WITHDRAWAL_ALLOWED", None, None),
    ],
)
def test_only_first_instance_judgments_and_appealable_rulings_get_the_appeal_clock_and_step(
    market, instance, outcome, clock, due
):
    lawsuit = services.lawsuit_outcome(
        lawsuit=sue_in(market, instance, 9),
        version=1,
        outcome=outcome,
        served_on=date(2019, 5, 6),
    )
    clocks = {
        d.rule.code: d.due_date for d in deadlines_for(lawsuit).filter(rule__code__in=APPEAL_CLOCKS)
    }
    assert clocks == ({clock: due} if clock else {})
    steps = LAWSUIT.open_steps(lawsuit)
    assert ("appeal" in steps) == bool(clock) and "close" in steps
    if clock is None:
        with pytest.raises(ValidationError) as refused:
            services.lawsuit_appeal(
                lawsuit=lawsuit,
                version=lawsuit.version,
                on=date(2019, 5, 8),
                appellant=Lawsuit.Appellant.PLAINTIFF,
            )
        assert refused.value.messages == [
            gettext("This judgment or ruling is final and cannot be appealed.")
        ]
        lawsuit.refresh_from_db()
        assert not lawsuit.appealed


def _closing_refused(lawsuit, on):
    with pytest.raises(ValidationError) as refused:
        services.lawsuit_close(lawsuit=lawsuit, version=lawsuit.version, on=on)
    return refused.value.message_dict


def test_a_lawsuit_is_not_closed_inside_its_appeal_period_without_an_appeal(market):
    lawsuit = services.lawsuit_outcome(
        lawsuit=sue(market, "（2019）川0704行初21号", date(2019, 4, 1)),
        version=1,
        outcome=Lawsuit.Outcome.CLAIM_REJECTED,
        served_on=date(2019, 8, 1),
    )  # 15 days to appeal: until 2019-08-16
    message = gettext(
        "The appeal period runs until %(due)s: without an appeal the lawsuit is closed only "
        "after that day."
    ) % {"due": "2019-08-16"}
    assert _closing_refused(lawsuit, date(2019, 8, 2)) == {"on": [message]}
    assert _closing_refused(lawsuit, date(2019, 8, 16)) == {"on": [message]}  # its last day
    lawsuit.refresh_from_db()
    assert lawsuit.closed_on is None and lawsuit.version == 2
    assert services.appeal_clock(lawsuit).completed_on is None
    closed = services.lawsuit_close(lawsuit=lawsuit, version=lawsuit.version, on=date(2019, 8, 19))
    assert closed.stage == Lawsuit.Stage.CLOSED
    assert services.appeal_clock(closed).completed_on == date(2019, 8, 16)  # ran out


def test_an_appealed_or_final_lawsuit_may_close_inside_the_appeal_period(market):
    appealed = services.lawsuit_outcome(
        lawsuit=sue(market, "（2019）川0704行初22号", date(2019, 4, 1)),
        version=1,
        outcome=Lawsuit.Outcome.REVOKED,
        served_on=date(2019, 8, 1),
    )
    appealed = services.lawsuit_appeal(
        lawsuit=appealed, version=appealed.version, on=date(2019, 8, 5), appellant="DEFENDANT"
    )
    appealed = services.lawsuit_close(
        lawsuit=appealed, version=appealed.version, on=date(2019, 8, 6)
    )
    assert appealed.closed_on == date(2019, 8, 6)
    assert services.appeal_clock(appealed).completed_on == date(2019, 8, 5)
    for serial, instance, outcome in [
        (23, "SECOND", Lawsuit.Outcome.CLAIM_REJECTED),
        (24, "FIRST", Lawsuit.Outcome.WITHDRAWAL_ALLOWED),
    ]:
        final = services.lawsuit_outcome(
            lawsuit=sue_in(market, instance, serial),
            version=1,
            outcome=outcome,
            served_on=date(2019, 8, 1),
        )
        final = services.lawsuit_close(lawsuit=final, version=final.version, on=date(2019, 8, 1))
        assert final.stage == Lawsuit.Stage.CLOSED


def test_the_outcome_stops_a_defence_clock_still_running(market, district):
    lawsuit = sue(market, "（2019）川0704行初25号", date(2019, 4, 1))
    lawsuit = services.lawsuit_complaint_received(
        lawsuit=lawsuit, version=lawsuit.version, on=date(2019, 4, 3)
    )  # the defence is due on 2019-04-18 and never submitted
    lawsuit = services.lawsuit_outcome(
        lawsuit=lawsuit,
        version=lawsuit.version,
        outcome=Lawsuit.Outcome.SUIT_DISMISSED,
        served_on=date(2019, 4, 15),
    )
    defence = deadlines_for(lawsuit).get(rule__code="litigation.defence")
    assert defence.completed_on == date(2019, 4, 15)
    still_open = open_deadlines(viewer=district["leader"]).filter(object_id=lawsuit.pk)
    assert [d.rule.code for d in still_open] == ["litigation.appeal_ruling"]


def test_an_outcome_is_not_served_before_the_complaint_copy_was_received(market):
    lawsuit = sue(market, "（2019）川0704行初26号", date(2019, 4, 1))
    lawsuit = services.lawsuit_complaint_received(
        lawsuit=lawsuit, version=lawsuit.version, on=date(2019, 4, 3)
    )
    with pytest.raises(ValidationError) as refused:
        services.lawsuit_outcome(
            lawsuit=lawsuit,
            version=lawsuit.version,
            outcome=Lawsuit.Outcome.SUIT_DISMISSED,
            served_on=date(2019, 4, 2),
        )
    assert refused.value.message_dict == {
        "served_on": [
            gettext(
                "The outcome is served on or after the day the complaint copy was received "
                "(%(day)s)."
            )
            % {"day": "2019-04-03"}
        ]
    }
    lawsuit.refresh_from_db()
    assert lawsuit.outcome == "" and lawsuit.version == 2


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
