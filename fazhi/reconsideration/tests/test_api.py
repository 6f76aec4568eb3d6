"""/api/v1/reconsideration/cases/: writes through the services, steps as actions, each naming
the version read; stale versions answer 409, outsiders 404, users without the right 403."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.reconsideration.models import Case
from fazhi.timelimits.selectors import deadlines_for

from .conftest import register

pytestmark = pytest.mark.django_db
JSON = "application/json"


def post(client, name, case, **data):
    return client.post(
        reverse(f"reconsideration-case-{name}", args=[case.pk]), data, content_type=JSON
    )


def test_create_registers_with_the_law_of_the_day_and_its_clock(recon, login):
    client = login("fuyi")
    response = client.post(
        reverse("reconsideration-case-list"),
        {
            "respondent": recon["market"].pk,
            "applicants": "孙某",
            "act_type": "行政强制",
            "act_date": "2024-04-01",
            "received_on": "2024-05-06",
            "status": "DECIDED",  # read-only: ignored
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["law"], body["status"], body["version"]) == ("2023", "RECEIVED", 1)
    case = Case.objects.get(pk=body["id"])
    assert deadlines_for(case).get().due_date == date(2024, 5, 11)


def test_create_is_refused_outside_the_scope_and_without_the_permission(recon, login):
    data = {
        "respondent": recon["market"].pk,
        "applicants": "孙某",
        "act_type": "行政强制",
        "received_on": "2024-05-06",
    }
    reader = login("liaison")  # may read, not write
    assert (
        reader.post(reverse("reconsideration-case-list"), data, content_type=JSON).status_code
        == 403
    )
    assert (
        login("xinqiao")
        .post(reverse("reconsideration-case-list"), data, content_type=JSON)
        .status_code
        == 403
    )
    assert not Case.objects.exists()


def test_a_writer_cannot_register_a_case_against_a_unit_outside_the_scope(
    recon, writing_liaison, client
):
    client.force_login(writing_liaison)
    data = {
        "respondent": recon["finance"].pk,
        "applicants": "孙某",
        "act_type": "行政强制",
        "received_on": "2024-05-06",
    }
    response = client.post(reverse("reconsideration-case-list"), data, content_type=JSON)
    assert response.status_code == 400 and "respondent" in response.json()
    assert not Case.objects.exists()


def test_patch_needs_the_version_and_a_stale_one_answers_409(recon, login):
    case = register(recon["market"], date(2024, 5, 6))
    client = login("fuyi")
    url = reverse("reconsideration-case-detail", args=[case.pk])
    version = client.get(url).json()["version"]
    first = client.patch(url, {"agent": "甲律师", "version": version}, content_type=JSON)
    assert first.status_code == 200 and first.json()["version"] == version + 1
    second = client.patch(url, {"agent": "乙律师", "version": version}, content_type=JSON)
    assert second.status_code == 409
    missing = client.patch(url, {"agent": "丙律师"}, content_type=JSON)
    assert missing.status_code == 400 and "version" in missing.json()
    moved = client.patch(
        url, {"received_on": "2024-05-07", "version": version + 1}, content_type=JSON
    )
    assert moved.status_code == 400 and "received_on" in moved.json()
    assert client.put(url, {}, content_type=JSON).status_code == 405
    assert client.delete(url).status_code in (403, 405)  # no one deletes a case
    assert Case.objects.get(pk=case.pk).agent == "甲律师"


def test_steps_as_actions_from_receipt_to_decision(recon, login):
    client = login("fuyi")
    case = register(recon["market"], date(2019, 5, 6))

    def step(name, **data):
        current = Case.objects.get(pk=case.pk)
        response = post(client, name, case, version=current.version, **data)
        assert response.status_code == 200, response.json()
        return response.json()

    assert step("accept", on="2019-05-08")["status"] == "ACCEPTED"
    assert step("copy-sent", on="2019-05-09")["copy_sent_on"] == "2019-05-09"
    assert step("reply-received", on="2019-05-17")["reply_received_on"] == "2019-05-17"
    step("suspend", start="2019-06-01", ground="需要等待其他案件的审理结果")
    step("resume", last_suspended_day="2019-06-10")
    step(
        "extend", days=30, reason="案情复杂", approved_by="复议机构负责人", approved_on="2019-07-01"
    )
    clock = deadlines_for(case).get(rule__code="reconsideration.decision")
    assert clock.due_date == date(2019, 8, 16)  # 07-08 + 10 suspended days + 30 days
    refused = post(
        client,
        "extend",
        case,
        version=Case.objects.get(pk=case.pk).version,
        days=1,
        reason="再延",
        approved_by="负责人",
        approved_on="2019-08-01",
    )
    assert refused.status_code == 400 and "30" in str(refused.json())
    body = step("decide", decision="UPHELD", on="2019-08-01", number="游府复决〔2019〕9号")
    assert (body["status"], body["decision"], body["decision_number"]) == (
        "DECIDED",
        "UPHELD",
        "游府复决〔2019〕9号",
    )


def test_invalid_steps_answer_400_and_stale_ones_409(recon, login):
    client = login("fuyi")
    case = register(recon["market"], date(2019, 5, 6))
    missing = post(client, "accept", case, on="2019-05-08")
    assert missing.status_code == 400 and "version" in missing.json()
    early = post(client, "decide", case, version=case.version, decision="UPHELD", on="2019-06-01")
    assert early.status_code == 400  # not accepted
    simplified = post(
        client, "accept", case, version=case.version, on="2019-05-08", procedure="SIMPLIFIED"
    )
    assert simplified.status_code == 400 and "procedure" in simplified.json()
    refused = post(client, "not-accept", case, version=case.version, on="2019-05-08")
    assert refused.status_code == 200 and refused.json()["status"] == "NOT_ACCEPTED"
    stale = post(client, "accept", case, version=case.version, on="2019-05-08")
    assert stale.status_code == 409
    again = post(client, "accept", case, version=case.version + 1, on="2019-05-08")
    assert again.status_code == 400
    new = register(recon["market"], date(2024, 5, 6))
    accepted = post(
        client, "accept", new, version=new.version, on="2024-05-07", procedure="SIMPLIFIED"
    )
    assert accepted.status_code == 200
    wrong = post(
        client, "decide", new, version=new.version + 1, decision="NOT_A_DECISION", on="2024-05-20"
    )
    assert wrong.status_code == 400 and "decision" in wrong.json()


def test_lists_and_filters_through_the_api_are_scoped(recon, login):
    register(recon["market"], date(2019, 5, 6), applicants="甲")
    register(recon["finance"], date(2024, 5, 6), applicants="乙")
    url = reverse("reconsideration-case-list")
    assert [c["applicants"] for c in login("liaison").get(url).json()["results"]] == ["甲"]
    everyone = login("fuyi")
    assert everyone.get(url).json()["count"] == 2
    assert [c["applicants"] for c in everyone.get(url, {"law": "2023"}).json()["results"]] == ["乙"]
    assert everyone.get(url, {"q": "甲"}).json()["count"] == 1
