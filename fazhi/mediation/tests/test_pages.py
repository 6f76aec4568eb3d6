"""The mediation pages: scope on every route, registering, closing, editing, exporting."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.core.testing import page_statements
from fazhi.mediation.models import Dispute
from fazhi.timelimits.models import Deadline

pytestmark = pytest.mark.django_db


def edit_data(ledger, dispute) -> dict:
    """The edit page's fields for the ledger fixture's 新桥镇 dispute, as stored."""
    return {
        "committee": ledger["xq_committee"].pk,
        "dispute_type": "NEIGHBOURHOOD",
        "source": "APPLICATION",
        "received_on": "2019-05-06",
        "lead_mediator": ledger["xq_mediator"].pk,
        "version": dispute.version,
        **party_data(parties=[("张大山", "PERSON", ""), ("李小河", "PERSON", "")]),
    }


def party_data(prefix="party", parties=(("张三", "PERSON", ""),)):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(parties)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "1",
        f"{prefix}-MAX_NUM_FORMS": "20",
    }
    for i, (name, kind, identifier) in enumerate(parties):
        data.update(
            {
                f"{prefix}-{i}-kind": kind,
                f"{prefix}-{i}-name": name,
                f"{prefix}-{i}-identifier": identifier,
            }
        )
    return data


def outsider_routes(dispute):
    return [
        reverse("mediation:dispute_detail", args=[dispute.pk]),
        reverse("mediation:dispute_edit", args=[dispute.pk]),
        reverse("mediation:dispute_step", args=[dispute.pk, "close"]),
        reverse("mediation:dispute_agreement", args=[dispute.pk]),
        reverse("mediation:committee_detail", args=[dispute.committee_id]),
        reverse("mediation:committee_edit", args=[dispute.committee_id]),
        reverse("mediation:mediator_detail", args=[dispute.lead_mediator_id]),
        reverse("mediation:mediator_edit", args=[dispute.lead_mediator_id]),
        reverse("mediation-dispute-detail", args=[dispute.pk]),
        reverse("mediation-committee-detail", args=[dispute.committee_id]),
        reverse("mediation-mediator-detail", args=[dispute.lead_mediator_id]),
    ]


def test_township_user_gets_404_on_every_route_of_another_townships_dispute(ledger, login):
    client = login("xiaojiangou")
    for url in outsider_routes(ledger["xq_dispute"]):
        assert client.get(url).status_code == 404, url
    start = reverse("mediation:dispute_step", args=[ledger["xq_dispute"].pk, "start"])
    assert client.post(start, {"version": 1}).status_code == 404


def test_mediator_sees_only_their_committee(ledger, login):
    client = login("mediator")
    page = client.get(reverse("mediation:dispute_list"))
    assert ledger["xq_dispute"].number in page.text
    assert ledger["xj_dispute"].number not in page.text
    for url in outsider_routes(ledger["xj_dispute"]):
        # 404 where the role may act on its own records; 403 where it may not act at all
        expected = (
            403
            if "committees" in url and "edit" in url or "mediators" in url and "edit" in url
            else 404
        )
        assert client.get(url).status_code == expected, url


def test_lists_and_exports_leave_out_other_townships(ledger, login):
    client = login("xinqiao")
    for name in ["dispute_list", "committee_list", "mediator_list"]:
        page = client.get(reverse(f"mediation:{name}"))
        assert page.status_code == 200
        assert "小枧沟" not in page.text and "周小枧" not in page.text, name
    export = client.get(reverse("mediation:dispute_list") + "?export=xlsx")
    sheet = load_workbook(BytesIO(b"".join(export.streaming_content))).worksheets[0]
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [ledger["xq_dispute"].number]


def test_leader_sees_both_townships_and_no_one_may_write_without_permission(ledger, login):
    client = login("leader")
    page = client.get(reverse("mediation:dispute_list"))
    assert ledger["xq_dispute"].number in page.text and ledger["xj_dispute"].number in page.text
    assert client.get(reverse("mediation:dispute_create")).status_code == 403


def test_disputes_list_filters_by_type_and_searches_party_names(ledger, login):
    client = login("leader")
    url = reverse("mediation:dispute_list")
    page = client.get(url, {"dispute_type": "CONTRACT"})
    assert ledger["xj_dispute"].number in page.text
    assert ledger["xq_dispute"].number not in page.text
    page = client.get(url, {"q": "李小河"})
    assert ledger["xq_dispute"].number in page.text
    assert ledger["xj_dispute"].number not in page.text


@pytest.mark.parametrize("username", ["xinqiao", "leader"])
def test_disputes_list_runs_at_most_12_queries(ledger, login, username):
    client = login(username)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("mediation:dispute_list"), {"dispute_type": "CONTRACT"})
    assert response.status_code == 200
    # The session's own statements run once a minute at most; count them as if they ran now.
    statements = [q["sql"] for q in captured if "SAVEPOINT" not in q["sql"]]
    assert len(page_statements(captured)) + 2 <= 12, statements


def test_clerk_registers_a_dispute_with_a_number_and_a_one_month_clock(ledger, login):
    client = login("xinqiao")
    data = {
        "committee": ledger["xq_committee"].pk,
        "dispute_type": "MARRIAGE_FAMILY",
        "source": "APPLICATION",
        "received_on": "2019-07-01",
        "lead_mediator": ledger["xq_mediator"].pk,
        "facts": "赡养纠纷",
        **party_data(
            parties=[("陈一", "PERSON", ""), ("绵阳宏图商贸有限公司", "ORGANISATION", "")]
        ),
    }
    response = client.post(reverse("mediation:dispute_create"), data)
    dispute = Dispute.objects.get(facts="赡养纠纷")
    assert response.status_code == 302 and response.url == dispute.get_absolute_url()
    assert dispute.number == "新桥调〔2019〕2号"  # the fixture's dispute took 1号
    assert [p.name for p in dispute.parties.all()] == ["陈一", "绵阳宏图商贸有限公司"]
    clock = Deadline.objects.get(object_id=dispute.pk, rule__code="mediation.mediate")
    assert clock.due_date == date(2019, 8, 1)
    detail = client.get(dispute.get_absolute_url())
    assert "2019-08-01" in detail.text


def test_registering_with_a_bad_id_number_or_another_committees_mediator_is_refused(ledger, login):
    client = login("xinqiao")
    data = {
        "committee": ledger["xq_committee"].pk,
        "dispute_type": "MARRIAGE_FAMILY",
        "source": "APPLICATION",
        "received_on": "2019-07-01",
        "lead_mediator": ledger["xj_mediator"].pk,  # outside the scope: not even a choice
        **party_data(parties=[("陈一", "PERSON", "510704198001010010")]),
    }
    response = client.post(reverse("mediation:dispute_create"), data)
    assert response.status_code == 200
    assert "校验码" in response.text or "check digit" in response.text
    assert "请从列表中选择" in response.text or "valid choice" in response.text
    assert not Dispute.objects.filter(received_on=date(2019, 7, 1)).exists()


def test_closing_with_an_agreement_then_downloading_it(ledger, login):
    client = login("xinqiao")
    dispute = ledger["xq_dispute"]
    url = reverse("mediation:dispute_step", args=[dispute.pk, "close"])
    refused = client.post(
        url,
        {
            "close-version": dispute.version,
            "close-status": "SUCCEEDED",
            "close-closed_on": "2019-05-01",  # before the day received
            "close-agreement_form": "WRITTEN",
        },
    )
    assert refused.status_code == 200
    assert "结案日期不能早于受理日期" in refused.text
    response = client.post(
        url,
        {
            "close-version": dispute.version,
            "close-status": "SUCCEEDED",
            "close-closed_on": "2019-05-20",
            "close-agreement_form": "WRITTEN",
            "close-agreement_amount": "1200.50",
            "close-agreed_terms": "李小河疏通排水沟并赔偿1200.50元。",
            "close-performance_method": "当场支付",
            "close-performance": "PERFORMED",
        },
    )
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert dispute.status == "SUCCEEDED" and dispute.version == 2
    clock = Deadline.objects.get(object_id=dispute.pk, rule__code="mediation.mediate")
    assert clock.completed_on == date(2019, 5, 20)
    document = client.get(reverse("mediation:dispute_agreement", args=[dispute.pk]))
    assert document.status_code == 200
    assert document["Content-Type"].startswith("application/vnd.openxmlformats")


def test_an_agreement_on_a_failed_mediation_is_refused(ledger, login):
    client = login("xinqiao")
    dispute = ledger["xq_dispute"]
    response = client.post(
        reverse("mediation:dispute_step", args=[dispute.pk, "close"]),
        {
            "close-version": dispute.version,
            "close-status": "FAILED",
            "close-closed_on": "2019-05-20",
            "close-agreement_amount": "100",
        },
    )
    assert response.status_code == 200
    assert "调解成功" in response.text
    dispute.refresh_from_db()
    assert dispute.is_open


def test_an_edit_based_on_an_old_version_is_refused_not_overwritten(ledger, login):
    client = login("xinqiao")
    dispute = ledger["xq_dispute"]
    url = reverse("mediation:dispute_edit", args=[dispute.pk])
    form = edit_data(ledger, dispute)
    first = client.post(url, {**form, "facts": "第一位编辑的事实"})
    assert first.status_code == 302
    second = client.post(url, {**form, "facts": "第二位编辑的事实"})  # same, now old, version
    assert second.status_code == 200
    assert "被他人修改" in second.text
    dispute.refresh_from_db()
    assert dispute.facts == "第一位编辑的事实"


def test_workbench_lists_the_overdue_open_dispute(ledger, login):
    page = login("xinqiao").get(reverse("home"))
    assert ledger["xq_dispute"].number in page.text
    assert ledger["xq_dispute"].get_absolute_url() in page.text
    assert ledger["xj_dispute"].number not in page.text  # concluded, and another township's


def test_the_edit_page_shows_masked_id_numbers_to_a_role_that_may_not_read_them(ledger, login):
    client = login("mediator")
    dispute = ledger["xq_dispute"]
    url = reverse("mediation:dispute_edit", args=[dispute.pk])
    page = client.get(url)
    full = dispute.parties.order_by("pk")[0].id_number
    assert full not in page.text and full[:6] + "********" + full[-4:] in page.text
    form = {
        "committee": ledger["xq_committee"].pk,
        "dispute_type": "NEIGHBOURHOOD",
        "source": "APPLICATION",
        "received_on": "2019-05-06",
        "lead_mediator": ledger["xq_mediator"].pk,
        "version": dispute.version,
        "facts": "补充",
        **party_data(
            parties=[
                ("张大山", "PERSON", full[:6] + "********" + full[-4:]),
                ("李小河", "PERSON", ""),
            ]
        ),
    }
    assert client.post(url, form).status_code == 302
    assert dispute.parties.order_by("pk")[0].id_number == full


@pytest.mark.parametrize(
    "query",
    [
        {"year": "0"},
        {"year": "100000"},
        {"year": "abc"},
        {"committee": "99999999999999999999"},
        {"mediator": "99999999999999999999"},
        {"township": "-1"},
        {"received_after": "2019-02-30"},
    ],
)
def test_odd_list_parameters_give_an_empty_list_or_a_message_never_a_500(ledger, login, query):
    client = login("leader")
    page = client.get(reverse("mediation:dispute_list"), query)
    assert page.status_code == 200
    export = client.get(reverse("mediation:dispute_list"), {**query, "export": "xlsx"})
    assert export.status_code == 200
    api = client.get(reverse("mediation-dispute-list"), query)
    assert api.status_code in (200, 400)


def test_a_nonsense_version_is_refused_as_stale_not_a_500(ledger, login):
    client = login("xinqiao")
    dispute = ledger["xq_dispute"]
    response = client.post(
        reverse("mediation:dispute_step", args=[dispute.pk, "start"]), {"start-version": "1.5"}
    )
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert dispute.status == "RECEIVED"
