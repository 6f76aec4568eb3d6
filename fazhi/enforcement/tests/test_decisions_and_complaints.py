"""The three systems measured per decision (publication within 7 working days for licences and
penalties and 20 for the rest, withdrawal within 3 working days under 行政处罚法 第48条 from
2021-07-15, legality review before the decision by a qualified first-time reviewer) and
supervision complaints with their configurable clocks (acceptance, handling, extension)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.enforcement import services
from fazhi.enforcement.models import Complaint, Decision
from fazhi.indicators.registry import Period, compute
from fazhi.org.models import Unit
from fazhi.timelimits.services import clock_of

pytestmark = pytest.mark.django_db


def figures(keys, viewer, year=2019):
    district = Unit.objects.get(code="510704")
    return compute(unit=district, period=Period.year(year), viewer=viewer, keys=keys)


def step(client, record, name, **fields):
    record.refresh_from_db()
    url = reverse(f"enforcement:{record._meta.model_name}_step", args=[record.pk, name])
    data = {f"{name}-version": record.version, **{f"{name}-{k}": v for k, v in fields.items()}}
    return client.post(url, data)


@pytest.fixture
def market(officers):
    return services.organ_save(user=None, unit=officers["market"], legal_basis="", penalty=True)


def decide(organ, number, kind, decided_on, **fields):
    data = {
        "published_on": None,
        "changed_on": None,
        "withdrawn_on": None,
        "review_ground": "",
        "reviewed_on": None,
        "reviewer": "",
        "reviewer_first_time": False,
        "reviewer_qualified": False,
        "filing": None,
        **fields,
    }
    return services.decision_save(
        user=None,
        organ=organ,
        kind=kind,
        number=number,
        subject="某案",
        decided_on=decided_on,
        **data,
    )


def test_publication_is_due_in_working_days_by_the_kind_of_decision(market, officers):
    friday = date(2019, 6, 28)
    penalty = decide(market, "罚1号", "PENALTY", friday, published_on=date(2019, 7, 9))
    late = decide(market, "罚2号", "PENALTY", friday, published_on=date(2019, 7, 10))
    measure = decide(market, "强1号", "COMPULSION", friday, published_on=date(2019, 7, 26))
    unpublished = decide(market, "许1号", "LICENSING", friday)
    assert penalty.publish_due == date(2019, 7, 9)  # 7 working days
    assert measure.publish_due == date(2019, 7, 26)  # 20 working days
    assert clock_of(unpublished, "enforcement.publication_short", running=True) is not None
    assert clock_of(penalty, "enforcement.publication_short").completed_on == date(2019, 7, 9)
    values = figures(
        [
            "enforcement.decisions",
            "enforcement.decisions_published_in_time",
            "enforcement.publication_rate",
        ],
        officers["users"]["zhifa"],
    )
    assert values == {
        "enforcement.decisions": 4,
        "enforcement.decisions_published_in_time": 2,
        "enforcement.publication_rate": Decimal("50.00"),
    }
    # a decision whose kind is corrected follows the other rule (and keeps one clock)
    late.refresh_from_db()
    services.decision_save(
        user=None,
        instance=late,
        version=late.version,
        organ=market,
        kind="COMPULSION",
        number="罚2号",
        subject="某案",
        decided_on=friday,
        published_on=date(2019, 7, 10),
        changed_on=None,
        withdrawn_on=None,
        review_ground="",
        reviewed_on=None,
        reviewer="",
        reviewer_first_time=False,
        reviewer_qualified=False,
        filing=None,
    )
    late.refresh_from_db()
    assert late.publish_due == date(2019, 7, 26)
    assert clock_of(late, "enforcement.publication_short") is None


def test_a_changed_penalty_is_withdrawn_within_3_working_days_since_2021(market, officers):
    before = decide(
        market,
        "罚3号",
        "PENALTY",
        date(2019, 3, 1),
        published_on=date(2019, 3, 4),
        changed_on=date(2019, 9, 2),
        withdrawn_on=date(2019, 9, 20),
    )
    assert before.withdraw_due is None  # no statutory count before 行政处罚法 2021
    since = decide(
        market,
        "罚4号",
        "PENALTY",
        date(2022, 2, 28),
        published_on=date(2022, 3, 1),
        changed_on=date(2022, 3, 4),
        withdrawn_on=date(2022, 3, 9),
    )
    slow = decide(
        market,
        "罚5号",
        "PENALTY",
        date(2022, 2, 28),
        published_on=date(2022, 3, 1),
        changed_on=date(2022, 3, 4),
        withdrawn_on=date(2022, 3, 10),
    )
    assert since.withdraw_due == slow.withdraw_due == date(2022, 3, 9)  # Fri + 3 working days
    values = figures(
        ["enforcement.withdrawals_due", "enforcement.withdrawals_in_time"],
        officers["users"]["zhifa"],
        year=2022,
    )
    assert values == {"enforcement.withdrawals_due": 2, "enforcement.withdrawals_in_time": 1}
    with pytest.raises(ValidationError):  # a withdrawal needs the change it follows
        decide(
            market,
            "罚6号",
            "PENALTY",
            date(2022, 2, 28),
            published_on=date(2022, 3, 1),
            withdrawn_on=date(2022, 3, 9),
        )


def test_legality_review_counts_only_before_the_decision_by_a_qualified_first_reviewer(
    market, officers
):
    day = date(2019, 5, 10)
    review = {"review_ground": "HEARING", "reviewer": "刘审核"}
    decide(
        market,
        "罚7号",
        "PENALTY",
        day,
        reviewed_on=date(2019, 5, 8),
        reviewer_qualified=True,
        **review,
    )
    decide(
        market,
        "罚8号",
        "PENALTY",
        day,
        reviewed_on=date(2019, 5, 12),
        reviewer_qualified=True,
        **review,
    )
    decide(
        market,
        "罚9号",
        "PENALTY",
        day,
        reviewed_on=date(2019, 5, 9),
        reviewer_first_time=True,
        **review,
    )
    decide(market, "罚10号", "PENALTY", day)  # no review needed
    values = figures(
        ["enforcement.reviews_required", "enforcement.reviews_before_decision"],
        officers["users"]["zhifa"],
    )
    assert values == {"enforcement.reviews_required": 3, "enforcement.reviews_before_decision": 1}


def test_a_decision_form_explains_its_dates_in_chinese(market, login):
    data = {
        "organ": market.pk,
        "kind": "PENALTY",
        "number": "罚11号",
        "subject": "某案",
        "decided_on": "2019-05-10",
        "published_on": "2019-05-08",
    }
    page = login("zhifa").post(reverse("enforcement:decision_create"), data)
    assert page.status_code == 200 and "公示日期不能早于决定日期" in page.text
    assert not Decision.objects.filter(number="罚11号").exists()


@pytest.fixture
def complaint(officers, market):
    return services.complaint_save(
        user=None,
        unit=officers["bureau"],
        received_on=date(2019, 8, 1),
        channel="PHONE",
        complainant="钱某",
        contact="13900000000",
        organ=market,
        subject="检查未出示证件",
        content="执法人员检查时未出示执法证件。",
    )


def test_a_complaint_is_accepted_extended_and_concluded_on_its_clocks(complaint, officers, login):
    assert complaint.accept_due == date(2019, 8, 8)  # 5 working days
    clock = clock_of(complaint, "enforcement.complaint_acceptance")
    # a rule with no article of its own names none (it read "第—条")
    assert clock.rule.basis == "行政执法监督规定（本省）（按本省规定）：5个工作日"
    client = login("zhifa")
    assert step(client, complaint, "accept", on="2019-08-05").status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.ACCEPTED and complaint.handle_due == date(
        2019, 9, 4
    )
    response = step(
        client,
        complaint,
        "extend",
        on="2019-08-30",
        days=15,
        reason="需调取执法记录",
        approved_by="局长",
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.handle_due == date(2019, 9, 19)
    page = client.get(complaint.get_absolute_url()).text
    assert "需调取执法记录" in page and "局长" in page  # the extension's reason and approver
    response = step(
        client, complaint, "extend", on="2019-09-10", days=20, reason="再延", approved_by="局长"
    )
    assert response.status_code == 200 and "30" in response.text  # at most 30 days in all
    response = step(
        client,
        complaint,
        "conclude",
        on="2019-09-12",
        outcome="CORRECTION_URGED",
        outcome_text="已督促纠正。",
    )
    assert response.status_code == 302
    values = figures(
        ["enforcement.complaints", "enforcement.complaints_in_time"], officers["users"]["zhifa"]
    )
    assert values == {"enforcement.complaints": 1, "enforcement.complaints_in_time": 1}


def test_a_refused_complaint_ends_with_its_reason_and_counts_in_time_when_decided_in_time(
    complaint, officers, login
):
    client = login("zhifa")
    assert (
        step(client, complaint, "reject", on="2019-08-12", reason="不属于执法监督范围").status_code
        == 302
    )
    complaint.refresh_from_db()
    assert complaint.outcome == "NOT_ACCEPTED" and complaint.status == Complaint.Status.CONCLUDED
    values = figures(["enforcement.complaints_in_time"], officers["users"]["zhifa"])
    assert values == {"enforcement.complaints_in_time": 0}  # decided after 2019-08-08


def test_complaints_are_the_bureaus_only(complaint, login):
    client = login("liaison")  # the market regulator, the organ complained about
    assert client.get(reverse("enforcement:complaint_list")).status_code == 403
    assert client.get(complaint.get_absolute_url()).status_code in (403, 404)
    # the complainant's contact: only to those who handle complaints, each view logged
    from fazhi.core.audit import LogEntry

    assert "13900000000" not in login("leader").get(complaint.get_absolute_url()).text
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    assert "13900000000" in login("zhifa").get(complaint.get_absolute_url()).text
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before + 1


def test_only_a_published_penalty_has_a_withdrawal_clock(market, officers):
    licence = decide(market, "许2号", "LICENSING", date(2022, 2, 28), changed_on=date(2022, 3, 4))
    unpublished = decide(
        market, "罚12号", "PENALTY", date(2022, 2, 28), changed_on=date(2022, 3, 4)
    )
    assert licence.withdraw_due is None and unpublished.withdraw_due is None
    assert clock_of(licence, "enforcement.withdrawal") is None
    values = figures(["enforcement.withdrawals_due"], officers["users"]["zhifa"], year=2022)
    assert values == {"enforcement.withdrawals_due": 0}


def test_the_complainants_contact_is_not_on_the_form_of_those_who_do_not_handle_complaints(
    complaint, officers
):
    from fazhi.enforcement.forms import ComplaintForm

    assert (
        "contact"
        not in ComplaintForm(instance=complaint, viewer=officers["users"]["leader"]).fields
    )
    assert "contact" in ComplaintForm(instance=complaint, viewer=officers["users"]["zhifa"]).fields
