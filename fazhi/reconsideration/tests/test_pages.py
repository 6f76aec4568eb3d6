"""The reconsideration pages: scope and permissions on every route, the law of the day received
on the page, steps refused with their reasons, stale edits refused, filters and the export."""

from datetime import date
from html import escape
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import load_workbook

from fazhi.reconsideration import services
from fazhi.reconsideration.models import Case
from fazhi.reconsideration.views import DOCUMENTS
from fazhi.reconsideration.workflow import CASE
from fazhi.timelimits.selectors import deadlines_for

from .conftest import accept, register, shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(recon):
    """A decided 2019 case of 区市场监管局, an accepted 2024 case of 区财政局, a refused one."""
    market = register(
        recon["market"],
        date(2019, 4, 10),
        applicants="绵阳某商贸有限公司",
        act_number="游市监罚〔2019〕17号",
        act_date=date(2019, 3, 18),
    )
    market = accept(market, date(2019, 4, 12))
    market = services.case_decide(
        case=market,
        version=market.version,
        decision="UPHELD",
        on=date(2019, 6, 5),
        number="游府复决〔2019〕1号",
    )
    finance = accept(
        register(recon["finance"], date(2024, 5, 6), applicants="李某某", act_type="行政许可"),
        date(2024, 5, 8),
    )
    refused = register(recon["finance"], date(2024, 8, 1), applicants="王某某")
    refused = services.case_not_accept(case=refused, version=refused.version, on=date(2024, 8, 2))
    return {"market": market, "finance": finance, "refused": refused}


def page_routes(case):
    """Every page address of one case (GET)."""
    return [
        reverse("reconsideration:case_detail", args=[case.pk]),
        reverse("reconsideration:case_edit", args=[case.pk]),
        *[reverse("reconsideration:case_step", args=[case.pk, key]) for key in CASE.by_key],
        *[reverse("reconsideration:case_document", args=[case.pk, kind]) for kind in DOCUMENTS],
    ]


def api_routes(case):
    return [
        reverse(f"reconsideration-case-{name}", args=[case.pk])
        for name in [
            "accept",
            "not-accept",
            "request-supplement",
            "supplement-received",
            "copy-sent",
            "reply-received",
            "hearing",
            "suspend",
            "resume",
            "extend",
            "decide",
        ]
    ]


def test_a_writer_outside_the_scope_gets_404_on_every_route_of_the_case(
    cases, writing_liaison, client
):
    client.force_login(writing_liaison)
    case = cases["finance"]
    for url in page_routes(case):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"version": case.version}).status_code == 404, url
    api_detail = reverse("reconsideration-case-detail", args=[case.pk])
    assert client.get(api_detail).status_code == 404
    assert (
        client.patch(
            api_detail, {"version": case.version}, content_type="application/json"
        ).status_code
        == 404
    )
    for url in api_routes(case):
        response = client.post(url, {"version": case.version}, content_type="application/json")
        assert response.status_code == 404, url
    assert Case.objects.get(pk=case.pk).version == case.version


def test_the_same_writer_reaches_every_route_of_a_case_of_their_own_unit(
    cases, writing_liaison, client
):
    client.force_login(writing_liaison)
    case = cases["market"]
    for url in page_routes(case):
        # A document the case has not produced sends back to the case with a message.
        expected = (200, 302) if url.endswith(".docx") else (200,)
        assert client.get(url).status_code in expected, url


def test_users_without_the_permissions_get_403(cases, login):
    case = cases["market"]
    township = login("xinqiao")  # no reconsideration permission at all
    for url in [
        reverse("reconsideration:case_list"),
        reverse("reconsideration:case_create"),
        *page_routes(case),
    ]:
        assert township.get(url).status_code == 403, url
    assert township.get(reverse("reconsideration-case-list")).status_code == 403
    reader = login("liaison")  # may read the cases of 区市场监管局, not write
    assert reader.get(reverse("reconsideration:case_detail", args=[case.pk])).status_code == 200
    writes = [
        reverse("reconsideration:case_create"),
        reverse("reconsideration:case_edit", args=[case.pk]),
        *[reverse("reconsideration:case_step", args=[case.pk, key]) for key in CASE.by_key],
    ]
    for url in writes:
        assert reader.post(url, {"version": case.version}).status_code == 403, url
    new = {
        "respondent": case.respondent_id,
        "applicants": "甲",
        "act_type": "行政处罚",
        "received_on": "2024-05-06",
    }
    assert (
        reader.post(
            reverse("reconsideration-case-list"), new, content_type="application/json"
        ).status_code
        == 403
    )
    for url in api_routes(case):
        assert (
            reader.post(url, {"version": case.version}, content_type="application/json").status_code
            == 403
        )
    detail = reader.get(reverse("reconsideration:case_detail", args=[case.pk]))
    assert 'data-testid="steps"' not in detail.text and 'data-testid="edit"' not in detail.text


def test_list_shows_only_the_cases_in_scope(cases, login):
    page = login("liaison").get(reverse("reconsideration:case_list"))
    assert "绵阳某商贸有限公司" in page.text and "李某某" not in page.text
    page = login("fuyi").get(reverse("reconsideration:case_list"))
    assert "绵阳某商贸有限公司" in page.text and "李某某" in page.text


def test_clerk_registers_an_application_and_its_review_clock_starts(recon, login):
    client = login("fuyi")
    response = client.post(
        reverse("reconsideration:case_create"),
        {
            "respondent": recon["market"].pk,
            "applicants": "赵某某",
            "agent": "四川某律师事务所律师",
            "act_type": "行政处罚",
            "act_number": "游市监罚〔2024〕8号",
            "act_date": "2024-04-20",
            "received_on": "2024-05-06",
        },
    )
    case = Case.objects.get(applicants="赵某某")
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert case.law == "2023" and case.created_by.username == "fuyi"
    detail = client.get(case.get_absolute_url())
    assert "2024-05-11" in detail.text  # 5 working days, the make-up Saturday counted
    assert "第30条：5个工作日" in detail.text


def test_registering_outside_the_scope_or_with_an_act_after_the_application_is_refused(
    recon, writing_liaison, client
):
    client.force_login(writing_liaison)
    data = {
        "respondent": recon["finance"].pk,  # not in the liaison's scope: not even a choice
        "applicants": "钱某",
        "act_type": "行政处罚",
        "received_on": "2024-05-06",
    }
    response = client.post(reverse("reconsideration:case_create"), data)
    assert response.status_code == 200 and not Case.objects.filter(applicants="钱某").exists()
    data.update(respondent=recon["market"].pk, act_date="2024-05-07")
    response = client.post(reverse("reconsideration:case_create"), data)
    assert response.status_code == 200 and not Case.objects.filter(applicants="钱某").exists()
    assert shown(response, "The contested act dates from before the application was received.")


def test_a_2019_and_a_2024_case_show_their_own_law_clocks_and_decisions(recon, login):
    old = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    new = accept(register(recon["market"], date(2024, 5, 14)), date(2024, 5, 21))
    client = login("fuyi")
    old_page = client.get(old.get_absolute_url()).text
    new_page = client.get(new.get_absolute_url()).text
    assert "1999年（2017年修正））第31条：60日" in old_page and "2019-07-08" in old_page
    assert "第17条：5个工作日" in old_page
    assert "2023年修订）第62条：60日" in new_page and "2024-07-22" in new_page
    assert "第30条：5个工作日" in new_page
    assert "2023年修订" not in old_page.split('data-testid="deadlines"')[1].split("</table>")[0]
    # The decision drop-down offers the law's own list.
    old_options = (
        client.get(reverse("reconsideration:case_step", args=[old.pk, "decide"]))
        .context["form"]
        .fields["decision"]
        .choices
    )
    new_options = (
        client.get(reverse("reconsideration:case_step", args=[new.pk, "decide"]))
        .context["form"]
        .fields["decision"]
        .choices
    )
    assert [v for v, _l in old_options][1:] == Case.DECISIONS["1999"]
    assert [v for v, _l in new_options][1:] == Case.DECISIONS["2023"]
    assert (
        'value="APPLICATION_REJECTED"' in new_page
        and 'value="APPLICATION_REJECTED"' not in old_page
    )
    # The simplified procedure is offered only under the 2023 law.
    old_received = register(recon["market"], date(2019, 5, 6))
    new_received = register(recon["market"], date(2024, 5, 6))
    old_accept = client.get(old_received.get_absolute_url()).text
    new_accept = client.get(new_received.get_absolute_url()).text
    assert 'value="SIMPLIFIED"' not in old_accept and 'value="SIMPLIFIED"' in new_accept


def test_a_case_goes_through_every_step_on_the_pages(recon, login):
    client = login("fuyi")
    case = register(recon["market"], date(2024, 5, 6))

    def step(key, **data):
        current = Case.objects.get(pk=case.pk)
        fields = {f"{key}-{name}": value for name, value in data.items()}
        response = client.post(
            reverse("reconsideration:case_step", args=[case.pk, key]),
            {f"{key}-version": current.version, **fields},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        return Case.objects.get(pk=case.pk)

    step("request-supplement", on="2024-05-08")
    step("supplement-received", on="2024-05-20")
    step("accept", on="2024-05-21", procedure="ORDINARY")
    step("copy-sent", on="2024-05-27")
    step("reply-received", on="2024-06-05")
    step("hearing", on="2024-06-12")
    step("suspend", start="2024-06-14", ground="案件涉及法律适用问题，需要有权机关作出解释")
    step("resume", last_suspended_day="2024-06-23")
    step(
        "extend", days="15", reason="案情复杂", approved_by="区司法局局长", approved_on="2024-07-20"
    )
    decision_clock = deadlines_for(case).get(rule__code="reconsideration.decision")
    # 60 days from 05-21 end 07-20 (Sat) → 07-22; 10 days suspended → 07-30; +15 → 08-14.
    assert decision_clock.due_date == date(2024, 8, 14)
    detail = client.get(case.get_absolute_url()).text
    assert "2024-08-14" in detail and "区司法局局长" in detail and "需要有权机关作出解释" in detail
    decided = step("decide", decision="REVOKED", on="2024-08-01", number="游府复决〔2024〕5号")
    assert (decided.status, decided.decision, decided.decision_number) == (
        "DECIDED",
        "REVOKED",
        "游府复决〔2024〕5号",
    )
    detail = client.get(case.get_absolute_url()).text
    assert 'data-testid="document-decision"' in detail and 'data-testid="steps"' not in detail


def test_invalid_steps_are_refused_with_the_reason_on_the_page(cases, login):
    client = login("fuyi")
    refused = cases["refused"]
    response = client.post(
        reverse("reconsideration:case_step", args=[refused.pk, "decide"]),
        {"decide-version": refused.version, "decide-decision": "UPHELD", "decide-on": "2024-09-01"},
    )
    assert response.status_code == 200
    assert shown(response, "Only an accepted case can be decided.")
    assert 'data-testid="form-errors"' in response.text
    assert Case.objects.get(pk=refused.pk).status == "NOT_ACCEPTED"

    old = register(cases["market"].respondent, date(2019, 5, 6))
    response = client.post(
        reverse("reconsideration:case_step", args=[old.pk, "accept"]),
        {
            "accept-version": old.version,
            "accept-on": "2019-05-08",
            "accept-procedure": "SIMPLIFIED",
        },
    )
    assert response.status_code == 200 and Case.objects.get(pk=old.pk).status == "RECEIVED"
    assert (
        "SIMPLIFIED" in response.text
        or "valid choice" in response.text
        or "有效的选项" in response.text
    )

    accepted = accept(old, date(2019, 5, 8))
    response = client.post(
        reverse("reconsideration:case_step", args=[accepted.pk, "decide"]),
        {
            "decide-version": accepted.version,
            "decide-decision": "UPHELD",
            "decide-on": "2019-05-07",
        },
    )
    assert response.status_code == 200
    assert shown(response, "A case is decided on or after the day it was accepted.")
    response = client.post(
        reverse("reconsideration:case_step", args=[accepted.pk, "extend"]),
        {
            "extend-version": accepted.version,
            "extend-days": "31",
            "extend-reason": "复杂",
            "extend-approved_by": "负责人",
            "extend-approved_on": "2019-06-01",
        },
    )
    assert response.status_code == 200 and "30" in response.text
    assert deadlines_for(accepted).get(rule__code="reconsideration.decision").extension_days == 0
    response = client.get(reverse("reconsideration:case_step", args=[accepted.pk, "accept"]))
    assert 'data-testid="step-closed"' in response.text
    assert (
        client.get(reverse("reconsideration:case_step", args=[accepted.pk, "reopen"])).status_code
        == 404
    )


def test_two_clerks_on_the_same_version_the_second_is_refused_and_nothing_is_overwritten(
    cases, login
):
    case = cases["finance"]
    url = reverse("reconsideration:case_edit", args=[case.pk])
    first, second = login("fuyi"), login("shencha")
    form = first.get(url).context["form"]
    version = form["version"].value()
    data = {
        "applicants": "李某某",
        "agent": "",
        "act_type": "行政许可",
        "act_number": "",
        "act_date": "",
    }
    assert first.post(url, {**data, "agent": "甲律师", "version": version}).status_code == 302
    refused = second.post(url, {**data, "agent": "乙律师", "version": version})
    assert refused.status_code == 200
    assert shown(
        refused,
        "This record was changed by someone else after you opened it. Your changes were not saved: reload the page to see the current record, then edit again.",
    )
    assert Case.objects.get(pk=case.pk).agent == "甲律师"

    # The same on a step: two "copy sent" forms opened on one version.
    stepping = reverse("reconsideration:case_step", args=[case.pk, "copy-sent"])
    version = Case.objects.get(pk=case.pk).version
    assert (
        first.post(
            stepping, {"copy-sent-version": version, "copy-sent-on": "2024-05-10"}
        ).status_code
        == 302
    )
    again = second.post(stepping, {"copy-sent-version": version, "copy-sent-on": "2024-05-13"})
    assert again.status_code == 200 and 'data-testid="form-errors"' in again.text
    assert Case.objects.get(pk=case.pk).copy_sent_on == date(2024, 5, 10)


def test_edit_refuses_a_lawsuit_on_a_pending_case(cases, login):
    case = cases["finance"]
    client = login("fuyi")
    url = reverse("reconsideration:case_edit", args=[case.pk])
    response = client.post(
        url,
        {
            "applicants": "李某某",
            "act_type": "行政许可",
            "lawsuit_followed": "on",
            "version": case.version,
        },
    )
    assert response.status_code == 200
    assert shown(response, "A lawsuit can follow only a decided or refused case.")
    assert not Case.objects.get(pk=case.pk).lawsuit_followed


def test_silence_is_shown_as_acceptance_under_either_law(recon, login):
    new = register(recon["market"], date(2024, 5, 6))
    old = register(recon["market"], date(2019, 5, 6))
    client = login("fuyi")
    headline = "No decision within the acceptance period: the application counts as accepted."
    page = client.get(new.get_absolute_url())
    assert 'data-testid="deemed-accepted"' in page.text and "2024-05-11" in page.text
    assert shown(page, headline)
    # The 1999 law (第17条第2款): accepted from the day received.
    page = client.get(old.get_absolute_url())
    notice = page.text.split('data-testid="deemed-accepted"')[1].split("</div>\n</div>")[0]
    assert shown(page, headline) and "2019-05-06" in notice and "17" in notice
    accepted = accept(register(recon["market"], date(2019, 5, 6)), date(2019, 5, 8))
    assert 'data-testid="deemed-accepted"' not in client.get(accepted.get_absolute_url()).text


def test_the_accept_form_offers_the_deemed_day_once_the_review_period_is_over(recon, login):
    client = login("fuyi")
    for received, deemed in [(date(2024, 5, 6), "2024-05-11"), (date(2019, 5, 6), "2019-05-06")]:
        case = register(recon["market"], received)
        for url in (
            case.get_absolute_url(),
            reverse("reconsideration:case_step", args=[case.pk, "accept"]),
        ):
            page = client.get(url)
            assert f'name="accept-on" value="{deemed}"' in page.text, url
        # A later day is refused with the day to record, and nothing changes.
        response = client.post(
            reverse("reconsideration:case_step", args=[case.pk, "accept"]),
            {
                "accept-version": case.version,
                "accept-on": "2024-06-03",
                "accept-procedure": "ORDINARY",
            },
        )
        refusal = gettext(
            "The application counted as accepted on %(day)s: record the acceptance on that day."
        )
        assert response.status_code == 200 and escape(refusal % {"day": deemed}) in response.text
        assert Case.objects.get(pk=case.pk).status == "RECEIVED"


def test_list_filters_search_and_export(cases, recon, login):
    client = login("fuyi")
    url = reverse("reconsideration:case_list")

    def listed(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {c.applicants for c in response.context["page"]}

    assert listed() == {"绵阳某商贸有限公司", "李某某", "王某某"}
    assert listed(respondent=recon["finance"].pk) == {"李某某", "王某某"}
    assert listed(status="ACCEPTED") == {"李某某"}
    assert listed(law="1999") == {"绵阳某商贸有限公司"}
    assert listed(decision="UPHELD") == {"绵阳某商贸有限公司"}
    assert listed(received_after="2024-05-07") == {"王某某"}
    assert listed(received_before="2024-05-06") == {"绵阳某商贸有限公司", "李某某"}
    assert listed(year=2019) == {"绵阳某商贸有限公司"}
    assert listed(q="游市监罚") == {"绵阳某商贸有限公司"}
    assert listed(q="游府复决〔2019〕1号") == {"绵阳某商贸有限公司"}
    assert listed(q="王某") == {"王某某"}
    assert listed(respondent=999999999999999999999) == set()  # a bad id: no rows, no error
    rows = client.get(url, {"status": "ACCEPTED"}, HTTP_HX_REQUEST="true")
    assert "<html" not in rows.text and "李某某" in rows.text

    export = client.get(url, {"law": "2023", "export": "xlsx"})
    sheet = load_workbook(BytesIO(b"".join(export.streaming_content))).worksheets[0]
    header, *values = list(sheet.iter_rows(values_only=True))
    assert header[:4] == ("收到申请日期", "申请人", "委托代理人", "被申请人")
    assert sorted(row[1] for row in values) == ["李某某", "王某某"]
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in values}
    assert by_name["王某某"]["办理状态"] == "不予受理"
    assert by_name["李某某"]["适用法律"] == "行政复议法（2023年修订）"
    assert by_name["李某某"]["审理程序"] == "普通程序"

    outsider = login("liaison").get(url, {"export": "xlsx"})
    sheet = load_workbook(BytesIO(b"".join(outsider.streaming_content))).worksheets[0]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "绵阳某商贸有限公司"
    ]


def test_list_runs_a_bounded_number_of_queries(cases, recon, login, django_assert_max_num_queries):
    for n in range(32):  # a full page: a query per row would show
        register(recon["finance" if n % 2 else "market"], date(2019, 5, 6), applicants=f"申请人{n}")
    client = login("fuyi")
    client.get(reverse("reconsideration:case_list"))  # the session settles
    for params in [{}, {"status": "DECIDED"}, {"q": "申请人"}]:
        with django_assert_max_num_queries(12):
            response = client.get(reverse("reconsideration:case_list"), params)
        assert response.status_code == 200
    assert len(response.context["page"]) == 30


def test_documents_download_only_once_the_case_produced_them(cases, login):
    client = login("fuyi")
    market, refused, finance = cases["market"], cases["refused"], cases["finance"]
    for case, kind in [
        (market, "decision"),
        (market, "acceptance-notice"),
        (refused, "not-accepted"),
        (finance, "acceptance-notice"),
    ]:
        response = client.get(reverse("reconsideration:case_document", args=[case.pk, kind]))
        assert response.status_code == 200, (case, kind)
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    refused_decision = client.get(
        reverse("reconsideration:case_document", args=[finance.pk, "decision"])
    )
    assert (
        refused_decision.status_code == 302 and refused_decision.url == finance.get_absolute_url()
    )
    assert (
        client.get(reverse("reconsideration:case_document", args=[finance.pk, "other"])).status_code
        == 404
    )
