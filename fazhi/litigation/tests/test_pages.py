"""The litigation pages: scope and permission on every route, registering with the court's case
number, the steps and their clocks, refused steps with their reason, stale edits, the list's
filters and its Excel export, and the head-of-organ appearance counted."""

from datetime import date
from html import escape
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from fazhi.core.testing import page_statements
from fazhi.indicators.registry import Period, compute
from fazhi.litigation import services
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.org.models import Unit
from fazhi.timelimits.models import Deadline, Rule

pytestmark = pytest.mark.django_db

STEPS = ["complaint", "defence", "hearing", "outcome", "appeal", "close"]
API_STEPS = ["complaint-received", "defence-submitted", "hearings", "outcome", "appeal", "close"]


def step_url(step, lawsuit):
    return reverse("litigation:lawsuit_step", args=[lawsuit.pk, step])


def page_routes(lawsuit):
    return [
        reverse("litigation:lawsuit_detail", args=[lawsuit.pk]),
        reverse("litigation:lawsuit_edit", args=[lawsuit.pk]),
        *[step_url(step, lawsuit) for step in STEPS],
    ]


def translated(message: str) -> str:
    """An English msgid in the pages' language, whether or not it is translated yet."""
    with translation.override("zh-hans"):
        return translation.gettext(message)


def shown(response, message, **params) -> bool:
    """`message` (an English msgid) as the page shows it."""
    text = translated(message)
    return escape(text % params if params else text) in response.text


def step_data(step, version, **fields):
    return {f"{step}-version": version, **{f"{step}-{k}": v for k, v in fields.items()}}


def post_step(client, step, lawsuit, **fields):
    lawsuit.refresh_from_db()
    return client.post(step_url(step, lawsuit), step_data(step, lawsuit.version, **fields))


def registration(**changes):
    data = {
        "case_number": "（2019）川0704行初40号",
        "court": "绵阳市游仙区人民法院",
        "instance": "FIRST",
        "defendant": Unit.objects.get(short_name="区市场监管局").pk,
        "plaintiffs": "钱某某",
        "cause": "行政许可",
        "filed_on": "2019-06-03",
    }
    data.update(changes)
    return data


# --- scope and permissions ----------------------------------------------------------------


def test_a_liaison_gets_404_on_every_route_of_another_departments_lawsuit(lawsuits, login):
    client = login("liaison")
    other = lawsuits["finance_suit"]
    for url in page_routes(other):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"version": 1}).status_code == 404, url
    api = reverse("litigation-lawsuit-detail", args=[other.pk])
    assert client.get(api).status_code == 404
    assert client.patch(api, {"version": 1}, content_type="application/json").status_code == 404
    for action in API_STEPS:
        url = reverse(f"litigation-lawsuit-{action}", args=[other.pk])
        response = client.post(url, {"version": 1}, content_type="application/json")
        assert response.status_code == 404, action
    other.refresh_from_db()
    assert other.version == 1 and other.complaint_received_on is None
    # …while its own department's lawsuit opens
    assert client.get(lawsuits["market_suit"].get_absolute_url()).status_code == 200


def test_a_liaison_lists_and_exports_only_its_departments_lawsuits(lawsuits, login):
    client = login("liaison")
    page = client.get(reverse("litigation:lawsuit_list"))
    assert lawsuits["market_suit"].case_number in page.text
    assert lawsuits["finance_suit"].case_number not in page.text
    export = client.get(reverse("litigation:lawsuit_list"), {"export": "xlsx"})
    sheet = load_workbook(BytesIO(b"".join(export.streaming_content))).worksheets[0]
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [lawsuits["market_suit"].case_number]
    # the defendant drop-down offers its own department only
    create = client.get(reverse("litigation:lawsuit_create"))
    assert "区财政局" not in create.text and "区市场监督管理局" in create.text
    refused = client.post(
        reverse("litigation:lawsuit_create"), registration(defendant=lawsuits["finance"].pk)
    )
    assert refused.status_code == 200 and not Lawsuit.objects.filter(cause="行政许可").exists()


def test_a_role_without_the_permission_gets_403_on_registering_editing_and_every_step(
    lawsuits, login
):
    client = login("leader")  # may read lawsuits, not write them
    lawsuit = lawsuits["market_suit"]
    assert client.get(lawsuit.get_absolute_url()).status_code == 200
    assert client.get(reverse("litigation:lawsuit_create")).status_code == 403
    assert client.post(reverse("litigation:lawsuit_create"), registration()).status_code == 403
    for url in page_routes(lawsuit)[1:]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"version": 1}).status_code == 403, url
    api = reverse("litigation-lawsuit-list")
    assert client.post(api, {}, content_type="application/json").status_code == 403
    detail = reverse("litigation-lawsuit-detail", args=[lawsuit.pk])
    assert client.patch(detail, {"version": 1}, content_type="application/json").status_code == 403
    for action in API_STEPS:
        url = reverse(f"litigation-lawsuit-{action}", args=[lawsuit.pk])
        response = client.post(url, {"version": 1}, content_type="application/json")
        assert response.status_code == 403, action
    lawsuit.refresh_from_db()
    assert lawsuit.version == 1
    # a township clerk may not even read them
    township = login("xinqiao")
    assert township.get(reverse("litigation:lawsuit_list")).status_code == 403
    assert township.get(lawsuit.get_absolute_url()).status_code == 403


def test_the_detail_page_offers_no_step_to_a_reader(lawsuits, login):
    page = login("leader").get(lawsuits["market_suit"].get_absolute_url())
    assert 'data-testid="step-' not in page.text and 'data-testid="edit"' not in page.text


# --- registering and editing --------------------------------------------------------------


def test_registering_normalises_half_width_brackets_and_records_who_registered(lawsuits, login):
    client = login("fuyi")
    response = client.post(
        reverse("litigation:lawsuit_create"), registration(case_number=" (2019)川0704行初40号 ")
    )
    lawsuit = Lawsuit.objects.get(cause="行政许可")
    assert response.status_code == 302 and response.url == lawsuit.get_absolute_url()
    assert lawsuit.case_number == "（2019）川0704行初40号"
    assert lawsuit.created_by.username == "fuyi"
    assert lawsuit.stage == Lawsuit.Stage.AWAITING_HEARING


@pytest.mark.parametrize(
    "number",
    [
        "2019川0704行初40号",
        "（2019）0704行初40号",
        "（2019）川0704民初40号",
        "（2019）川0704行初40",
        "（19）川0704行初40号",
    ],
)
def test_a_malformed_case_number_is_refused(lawsuits, login, number):
    response = login("fuyi").post(
        reverse("litigation:lawsuit_create"), registration(case_number=number)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["case_number"]
    assert not Lawsuit.objects.filter(cause="行政许可").exists()


def test_a_taken_case_number_a_wrong_year_or_instance_is_refused(lawsuits, login):
    client = login("fuyi")
    url = reverse("litigation:lawsuit_create")
    taken = client.post(url, registration(case_number="(2019)川0704行初31号"))
    assert shown(taken, "A lawsuit with this court case number is registered already.")
    wrong_year = client.post(url, registration(case_number="（2018）川0704行初40号"))
    assert "case_number" in wrong_year.context["form"].errors
    second = client.post(url, registration(case_number="（2019）川07行终40号"))
    assert "instance" in second.context["form"].errors
    accepted = client.post(url, registration(case_number="（2019）川07行终40号", instance="SECOND"))
    assert accepted.status_code == 302
    assert Lawsuit.objects.filter(cause="行政许可").count() == 1


def test_an_edit_based_on_an_old_version_is_refused_not_overwritten(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    url = reverse("litigation:lawsuit_edit", args=[lawsuit.pk])
    form = registration(
        case_number=lawsuit.case_number, filed_on="2019-04-01", version=lawsuit.version
    )
    first = client.post(url, {**form, "plaintiffs": "第一位编辑"})
    assert first.status_code == 302
    second = client.post(url, {**form, "plaintiffs": "第二位编辑"})  # the same, now old, version
    assert second.status_code == 200
    assert "被他人修改" in second.text
    lawsuit.refresh_from_db()
    assert lawsuit.plaintiffs == "第一位编辑" and lawsuit.version == 2
    history = client.get(lawsuit.get_absolute_url())
    assert "第一位编辑" in history.text  # the change history shows the edit


def test_a_step_based_on_an_old_version_is_refused(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    services.lawsuit_update(lawsuit=lawsuit, version=1, plaintiffs="已被他人修改")
    response = client.post(
        step_url("complaint", lawsuit), step_data("complaint", 1, on="2019-04-03")
    )
    assert response.status_code == 200 and "被他人修改" in response.text
    lawsuit.refresh_from_db()
    assert lawsuit.complaint_received_on is None


@pytest.mark.parametrize("version", ["", "1.5", "abc", "99999999999999999999"])
def test_a_missing_or_nonsense_version_is_refused_as_stale_not_a_500(lawsuits, login, version):
    lawsuit = lawsuits["market_suit"]
    response = login("fuyi").post(
        step_url("complaint", lawsuit), step_data("complaint", version, on="2019-04-03")
    )
    assert response.status_code == 200 and "被他人修改" in response.text


def test_moving_a_lawsuit_to_another_defendant_moves_its_clocks(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    post_step(client, "complaint", lawsuit, on="2019-04-03")
    lawsuit.refresh_from_db()
    form = registration(
        case_number=lawsuit.case_number,
        filed_on="2019-04-01",
        defendant=lawsuits["finance"].pk,
        version=lawsuit.version,
    )
    assert (
        client.post(reverse("litigation:lawsuit_edit", args=[lawsuit.pk]), form).status_code == 302
    )
    assert (
        Deadline.objects.get(object_id=lawsuit.pk, rule__code="litigation.defence").unit
        == (lawsuits["finance"])
    )


# --- the steps and their clocks ------------------------------------------------------------


def test_the_complaint_copy_starts_the_15_day_defence_clock_shown_with_its_basis(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    detail = client.get(lawsuit.get_absolute_url())
    assert 'data-testid="step-complaint"' in detail.text
    response = post_step(client, "complaint", lawsuit, on="2019-04-03")
    assert response.status_code == 302
    page = client.get(lawsuit.get_absolute_url())
    basis = Rule.objects.get(code="litigation.defence").basis
    assert "第67条：15日" in basis and basis in page.text
    assert "2019-04-18" in page.text  # 15 days after 3 April
    assert 'data-testid="step-defence"' in page.text
    assert 'data-testid="step-complaint"' not in page.text
    post_step(client, "defence", lawsuit, on="2019-04-16")
    clock = Deadline.objects.get(object_id=lawsuit.pk, rule__code="litigation.defence")
    assert clock.completed_on == date(2019, 4, 16)


@pytest.mark.parametrize(
    ("outcome", "due", "days"),
    [("CLAIM_REJECTED", "2019-05-21", "15日"), ("SUIT_DISMISSED", "2019-05-16", "10日")],
)
def test_the_outcome_starts_the_appeal_clock_15_days_for_a_judgment_10_for_a_ruling(
    lawsuits, login, outcome, due, days
):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    response = post_step(client, "outcome", lawsuit, outcome=outcome, served_on="2019-05-06")
    assert response.status_code == 302
    page = client.get(lawsuit.get_absolute_url())
    assert f"第85条：{days}" in page.text and due in page.text
    assert 'data-testid="step-appeal"' in page.text and 'data-testid="step-close"' in page.text
    assert 'data-testid="step-outcome"' not in page.text


def test_an_appeal_in_time_meets_the_appeal_clock_and_closing_ends_the_lawsuit(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    post_step(client, "outcome", lawsuit, outcome="REVOKED", served_on="2019-05-06")
    response = post_step(client, "appeal", lawsuit, on="2019-05-20", appellant="DEFENDANT")
    assert response.status_code == 302
    lawsuit.refresh_from_db()
    assert lawsuit.stage == Lawsuit.Stage.APPEALED and lawsuit.appealed_on == date(2019, 5, 20)
    clock = Deadline.objects.get(object_id=lawsuit.pk, rule__code="litigation.appeal_judgment")
    assert clock.completed_on == date(2019, 5, 20)
    assert post_step(client, "close", lawsuit, on="2019-09-30").status_code == 302
    lawsuit.refresh_from_db()
    assert lawsuit.stage == Lawsuit.Stage.CLOSED
    page = client.get(lawsuit.get_absolute_url())
    assert 'data-testid="step-' not in page.text
    refused = post_step(
        client, "hearing", lawsuit, held_on="2019-10-08", appearance="STAFF", official_name="王某"
    )
    assert shown(refused, "This lawsuit is closed: nothing more can be recorded on it.")


def test_closing_after_an_unappealed_ruling_ends_the_appeal_period_on_its_last_day(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    post_step(client, "complaint", lawsuit, on="2019-04-03")  # no defence was ever submitted
    post_step(client, "outcome", lawsuit, outcome="SUIT_DISMISSED", served_on="2019-05-06")
    assert post_step(client, "close", lawsuit, on="2019-06-03").status_code == 302
    clocks = {d.rule.code: d for d in Deadline.objects.filter(object_id=lawsuit.pk)}
    assert clocks["litigation.appeal_ruling"].completed_on == date(2019, 5, 16)  # ran out
    assert clocks["litigation.defence"].completed_on == date(2019, 5, 6)  # ended by the ruling


def test_a_final_outcome_offers_no_appeal_and_says_so(lawsuits, login):
    client = login("fuyi")
    second = services.lawsuit_register(
        defendant=lawsuits["market"],
        court="四川省绵阳市中级人民法院",
        case_number="（2019）川07行终41号",
        instance="SECOND",
        plaintiffs="孙某某",
        cause="行政处罚",
        filed_on=date(2019, 4, 1),
    )
    response = post_step(client, "outcome", second, outcome="REVOKED", served_on="2019-05-06")
    assert response.status_code == 302
    page = client.get(response.url)
    assert shown(page, "Outcome recorded: it is final and cannot be appealed.")
    assert not shown(page, "Outcome recorded: the appeal period runs.")
    assert 'data-testid="step-appeal"' not in page.text and 'data-testid="step-close"' in page.text
    assert "第85条" not in page.text  # no appeal clock
    refused = post_step(client, "appeal", second, on="2019-05-08", appellant="PLAINTIFF")
    assert shown(refused, "This judgment or ruling is final and cannot be appealed.")
    # …and it closes on the day it was served
    assert post_step(client, "close", second, on="2019-05-06").status_code == 302
    second.refresh_from_db()
    assert second.stage == Lawsuit.Stage.CLOSED and not second.appealed


def test_closing_inside_the_appeal_period_is_refused_with_its_last_day(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    response = post_step(
        client, "outcome", lawsuit, outcome="CLAIM_REJECTED", served_on="2019-08-01"
    )
    page = client.get(response.url)
    assert shown(page, "Outcome recorded: the appeal period runs.")
    refused = post_step(client, "close", lawsuit, on="2019-08-02")
    assert refused.status_code == 200
    message = (
        "The appeal period runs until %(due)s: without an appeal the lawsuit is closed only "
        "after that day."
    )
    assert shown(refused, message, due="2019-08-16")
    assert refused.context["form"].errors["on"] == [translated(message) % {"due": "2019-08-16"}]
    lawsuit.refresh_from_db()
    assert lawsuit.closed_on is None
    clock = Deadline.objects.get(object_id=lawsuit.pk, rule__code="litigation.appeal_judgment")
    assert clock.completed_on is None


def _decided(lawsuit, served_on=date(2019, 5, 6), outcome="CLAIM_REJECTED"):
    return services.lawsuit_outcome(
        lawsuit=lawsuit, version=lawsuit.version, outcome=outcome, served_on=served_on
    )


@pytest.mark.parametrize(
    ("prepare", "step", "fields", "field", "message"),
    [
        (
            None,
            "defence",
            {"on": "2019-04-10"},
            None,
            "The defence answers the complaint copy: record the day the complaint copy was "
            "received first.",
        ),
        (
            None,
            "outcome",
            {"outcome": "REVOKED", "served_on": "2019-03-01"},
            "served_on",
            "An outcome is served on or after the day the case was filed.",
        ),
        (
            _decided,
            "outcome",
            {"outcome": "REVOKED", "served_on": "2019-06-01"},
            None,
            "This lawsuit already has its outcome.",
        ),
        (
            None,
            "hearing",
            {"held_on": "2019-03-20", "appearance": "STAFF"},
            "held_on",
            "A hearing is held on or after the day the case was filed.",
        ),
        (
            None,
            "appeal",
            {"on": "2019-05-10", "appellant": "PLAINTIFF"},
            None,
            "Only a lawsuit with its judgment or ruling can be appealed.",
        ),
        (
            None,
            "close",
            {"on": "2019-05-10"},
            None,
            "A lawsuit is closed after its judgment or ruling: record the outcome first.",
        ),
        (
            lambda s: _decided(s, served_on=date(2019, 4, 1)),
            "close",
            {"on": "2019-03-25"},
            "on",
            "A lawsuit is closed on or after the day it was filed.",
        ),
        (
            None,
            "complaint",
            {"on": "2019-03-25"},
            "on",
            "The complaint copy arrives on or after the filing day.",
        ),
    ],
)
def test_a_step_that_does_not_fit_the_lawsuit_is_refused_with_its_reason(
    lawsuits, login, prepare, step, fields, field, message
):
    lawsuit = lawsuits["market_suit"]  # filed on 2019-04-01
    if prepare is not None:
        prepare(lawsuit)
    lawsuit.refresh_from_db()
    before = lawsuit.version
    response = post_step(login("fuyi"), step, lawsuit, **fields)
    assert response.status_code == 200
    assert shown(response, message)
    form = response.context["form"]
    assert translated(message) in (form.errors[field] if field else form.non_field_errors())
    lawsuit.refresh_from_db()
    assert lawsuit.version == before


def test_an_appeal_after_the_appeal_period_is_refused_with_the_last_day(lawsuits, login):
    lawsuit = lawsuits["market_suit"]
    _decided(lawsuit, outcome="SUIT_DISMISSED")  # a ruling: 10 days, until 2019-05-16
    response = post_step(login("fuyi"), "appeal", lawsuit, on="2019-05-17", appellant="PLAINTIFF")
    assert response.status_code == 200
    assert shown(
        response,
        "The appeal period ended on %(due)s: an appeal on %(day)s is out of time.",
        due="2019-05-16",
        day="2019-05-17",
    )
    lawsuit.refresh_from_db()
    assert not lawsuit.appealed


def test_a_day_in_the_future_is_refused(lawsuits, login):
    response = post_step(login("fuyi"), "complaint", lawsuits["market_suit"], on="2999-01-04")
    assert shown(response, "A day in the future cannot be recorded.")


# --- hearings and the head of the organ ----------------------------------------------------


def test_the_head_of_the_organ_appearing_is_named_recorded_and_counted(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    district = Unit.objects.get(code="510704")
    leader = lawsuits["users"]["leader"]
    keys = ["litigation.hearings_with_head", "litigation.head_appearance_rate"]

    def figures():
        return compute(unit=district, period=Period.year(2019), viewer=leader, keys=keys)

    assert figures() == {
        "litigation.hearings_with_head": 0,
        "litigation.head_appearance_rate": None,
    }
    nameless = post_step(client, "hearing", lawsuit, held_on="2019-06-10", appearance="HEAD")
    assert nameless.status_code == 200
    assert set(nameless.context["form"].errors) == {"official_name", "official_post"}
    assert not Hearing.objects.exists()

    post_step(
        client,
        "hearing",
        lawsuit,
        held_on="2019-06-10",
        appearance="HEAD",
        official_name="李某",
        official_post="局长",
    )
    assert figures() == {"litigation.hearings_with_head": 1, "litigation.head_appearance_rate": 100}
    post_step(client, "hearing", lawsuit, held_on="2019-07-01", appearance="LAWYER_ONLY")
    assert figures()["litigation.head_appearance_rate"] == 50
    page = client.get(lawsuit.get_absolute_url())
    assert "李某" in page.text and "局长" in page.text
    lawsuit.refresh_from_db()
    assert lawsuit.first_hearing_on == date(2019, 6, 10)
    assert lawsuit.stage == Lawsuit.Stage.AWAITING_JUDGMENT


# --- the list and its export ----------------------------------------------------------------


@pytest.fixture
def spread(lawsuits):
    """Lawsuits in every stage: market (awaiting hearing), finance (heard), plus one decided,
    one appealed and one closed, and a second-instance case filed in 2020."""
    sue = lawsuits["sue"]
    heard = lawsuits["finance_suit"]
    services.hearing_record(
        lawsuit=heard,
        version=heard.version,
        held_on=date(2019, 6, 20),
        appearance="DEPUTY",
        official_name="陈某",
        official_post="副局长",
    )
    decided = _decided(sue(lawsuits["finance"], "（2019）川0704行初33号", date(2019, 3, 1)))
    appealed = _decided(sue(lawsuits["market"], "（2019）川0704行初34号", date(2019, 3, 2)))
    appealed = services.lawsuit_appeal(
        lawsuit=appealed, version=appealed.version, on=date(2019, 5, 15), appellant="PLAINTIFF"
    )
    closed = _decided(
        sue(lawsuits["market"], "（2019）川0704行初35号", date(2019, 3, 3)),
        outcome="SUIT_DISMISSED",
    )
    closed = services.lawsuit_close(lawsuit=closed, version=closed.version, on=date(2019, 6, 1))
    second = services.lawsuit_register(
        defendant=lawsuits["finance"],
        court="四川省绵阳市中级人民法院",
        case_number="（2020）川07行终8号",
        instance="SECOND",
        plaintiffs="孙某某",
        cause="政府信息公开",
        filed_on=date(2020, 2, 10),
    )
    return {
        "AWAITING_HEARING": lawsuits["market_suit"],
        "AWAITING_JUDGMENT": heard,
        "DECIDED": decided,
        "APPEALED": appealed,
        "CLOSED": closed,
        "second": second,
    }


def numbers_in(response):
    return {n for n in Lawsuit.objects.values_list("case_number", flat=True) if n in response.text}


@pytest.mark.parametrize(
    "stage", ["AWAITING_HEARING", "AWAITING_JUDGMENT", "DECIDED", "APPEALED", "CLOSED"]
)
def test_the_list_filters_by_stage(spread, login, stage):
    page = login("fuyi").get(reverse("litigation:lawsuit_list"), {"stage": stage})
    expected = {spread[stage].case_number}
    if stage == "AWAITING_HEARING":
        expected.add(spread["second"].case_number)
    assert numbers_in(page) == expected


def test_the_list_filters_by_defendant_instance_outcome_dates_year_and_search(spread, login):
    client = login("fuyi")
    url = reverse("litigation:lawsuit_list")
    finance = Unit.objects.get(short_name="区财政局").pk

    def found(**params):
        return numbers_in(client.get(url, params))

    assert found(defendant=finance) == {
        "（2019）川0704行初32号",
        "（2019）川0704行初33号",
        "（2020）川07行终8号",
    }
    assert found(instance="SECOND") == {"（2020）川07行终8号"}
    assert found(outcome="SUIT_DISMISSED") == {"（2019）川0704行初35号"}
    assert found(filed_after="2019-03-02", filed_before="2019-04-01") == {
        "（2019）川0704行初34号",
        "（2019）川0704行初35号",
        "（2019）川0704行初31号",
    }
    assert found(year="2020") == {"（2020）川07行终8号"}
    assert found(q="孙某某") == {"（2020）川07行终8号"}
    assert found(q="行初33") == {"（2019）川0704行初33号"}
    assert found(q="信息公开") == {"（2020）川07行终8号"}


def test_htmx_gets_only_the_rows(spread, login):
    response = login("fuyi").get(
        reverse("litigation:lawsuit_list"), {"stage": "CLOSED"}, headers={"HX-Request": "true"}
    )
    assert 'data-testid="lawsuit-rows"' in response.text
    assert "<html" not in response.text
    assert "HX-Request" in response["Vary"]


def test_the_export_holds_the_filtered_list_with_stages_outcomes_and_who_appeared(spread, login):
    client = login("fuyi")
    finance = Unit.objects.get(short_name="区财政局").pk
    response = client.get(
        reverse("litigation:lawsuit_list"), {"defendant": finance, "year": "2019", "export": "xlsx"}
    )
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("案号", "受理法院", "审级")
    by_number = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_number) == {"（2019）川0704行初32号", "（2019）川0704行初33号"}
    heard = by_number["（2019）川0704行初32号"]
    assert heard["阶段"] == "已开庭等待宣判"
    assert heard["开庭次数"] == 1 and heard["负责人出庭次数"] == 1
    assert heard["出庭应诉情况"] == "副职负责人 陈某（副局长）"
    assert heard["被告"] == "区财政局" or heard["被告"].endswith("财政局")
    decided = by_number["（2019）川0704行初33号"]
    assert decided["裁判结果"] == "判决驳回诉讼请求" and decided["阶段"] == "已决定"
    assert decided["裁判文书送达日期"].date() == date(2019, 5, 6)


@pytest.mark.parametrize("username", ["fuyi", "liaison"])
def test_the_list_runs_at_most_10_queries(spread, login, username):
    client = login(username)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("litigation:lawsuit_list"), {"year": "2019"})
    assert response.status_code == 200
    statements = page_statements(captured)
    assert len(statements) <= 10, statements


@pytest.fixture
def many(lawsuits):
    """Thirty-two lawsuits against the market regulator (the liaison's department) and four
    against the finance bureau, in every stage, with hearings, outcomes and clocks."""
    sue = lawsuits["sue"]
    for n in range(36):
        defendant = lawsuits["market"] if n < 32 else lawsuits["finance"]
        lawsuit = sue(defendant, f"（2019）川0704行初{100 + n}号", date(2019, 3, 1))
        if n % 4 == 0:
            continue  # awaiting hearing
        lawsuit = services.lawsuit_complaint_received(
            lawsuit=lawsuit, version=lawsuit.version, on=date(2019, 3, 4)
        )
        services.hearing_record(
            lawsuit=lawsuit,
            version=lawsuit.version,
            held_on=date(2019, 4, 10),
            appearance="HEAD",
            official_name="李某",
            official_post="局长",
        )
        lawsuit.refresh_from_db()
        if n % 4 == 1:
            continue  # awaiting judgment
        lawsuit = _decided(lawsuit, outcome="REVOKED" if n % 4 == 2 else "SUIT_DISMISSED")
        if n % 4 == 3:
            services.lawsuit_close(lawsuit=lawsuit, version=lawsuit.version, on=date(2019, 6, 3))
    return lawsuits


@pytest.mark.parametrize(("username", "visible"), [("leader", 38), ("liaison", 33)])
def test_the_list_runs_at_most_12_queries_with_more_than_30_lawsuits(
    many, login, username, visible
):
    client = login(username)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("litigation:lawsuit_list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == visible
    assert len(response.context["page"].object_list) == 30
    # The session's own statements run once a minute at most; count them as if they ran now.
    statements = [q["sql"] for q in captured if "SAVEPOINT" not in q["sql"]]
    assert len(page_statements(captured)) + 2 <= 12, statements


@pytest.mark.parametrize(
    "query",
    [
        {"year": "0"},
        {"year": "abc"},
        {"defendant": "99999999999999999999"},
        {"defendant": "-1"},
        {"stage": "NOPE"},
        {"filed_after": "2019-02-30"},
    ],
)
def test_odd_list_parameters_give_an_empty_list_or_a_message_never_a_500(lawsuits, login, query):
    client = login("fuyi")
    assert client.get(reverse("litigation:lawsuit_list"), query).status_code == 200
    export = client.get(reverse("litigation:lawsuit_list"), {**query, "export": "xlsx"})
    assert export.status_code == 200
    assert client.get(reverse("litigation-lawsuit-list"), query).status_code in (200, 400)


def test_the_ledger_exports_from_the_command_line_by_unit_and_year(spread, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "lawsuits.xlsx"
    call_command("ledger", "export", "litigation.lawsuits", str(path), unit="510704", year=2019)
    sheet = load_workbook(path).worksheets[0]
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(numbers) == 5 and "（2020）川07行终8号" not in numbers
    assert numbers == sorted(numbers, key=lambda n: Lawsuit.objects.get(case_number=n).filed_on)


def test_a_page_past_the_end_shows_the_last_page(lawsuits, login):
    page = login("fuyi").get(reverse("litigation:lawsuit_list"), {"page": "999"})
    assert page.status_code == 200 and lawsuits["market_suit"].case_number in page.text


def test_the_menu_shows_lawsuits_to_readers_only(lawsuits, login):
    url = reverse("litigation:lawsuit_list")
    assert url in login("leader").get(reverse("home")).text
    assert url not in login("xinqiao").get(reverse("home")).text


def test_the_days_of_the_courts_papers_are_typed_not_assumed_to_be_today(lawsuits, login):
    """A clerk records the complaint copy, the defence, the appeal and the closing after the
    fact: their date fields start empty (a date left as today would be recorded silently)."""
    import re

    lawsuit = lawsuits["market_suit"]
    page = login("fuyi").get(lawsuit.get_absolute_url()).content.decode()
    field = re.search(r'<input[^>]*name="complaint-on"[^>]*>', page).group(0)
    assert "value=" not in field
