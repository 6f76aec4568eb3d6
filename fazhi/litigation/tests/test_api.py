"""/api/v1/litigation/…: registering, editing with the version, the steps as actions, and the
same scope, rules and stale-edit refusal as the pages."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.timelimits.models import Deadline

pytestmark = pytest.mark.django_db
JSON = "application/json"


def new_lawsuit(lawsuits, **changes):
    data = {
        "case_number": "(2019)川0704行初50号",
        "court": "绵阳市游仙区人民法院",
        "instance": "FIRST",
        "defendant": lawsuits["market"].pk,
        "plaintiffs": "李某某",
        "cause": "行政强制",
        "filed_on": "2019-07-01",
    }
    data.update(changes)
    return data


def act(client, lawsuit, action, **data):
    url = reverse(f"litigation-lawsuit-{action}", args=[lawsuit.pk])
    return client.post(url, data, content_type=JSON)


def test_registering_normalises_the_case_number_and_keeps_to_the_scope(lawsuits, login):
    client = login("liaison")
    url = reverse("litigation-lawsuit-list")
    created = client.post(url, new_lawsuit(lawsuits), content_type=JSON)
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["case_number"] == "（2019）川0704行初50号"
    assert body["stage"] == "AWAITING_HEARING" and body["version"] == 1
    taken = client.post(url, new_lawsuit(lawsuits), content_type=JSON)
    assert taken.status_code == 400 and "case_number" in taken.json()
    malformed = client.post(
        url, new_lawsuit(lawsuits, case_number="川0704行初51"), content_type=JSON
    )
    assert malformed.status_code == 400 and "case_number" in malformed.json()
    outside = client.post(
        url,
        new_lawsuit(
            lawsuits, case_number="（2019）川0704行初52号", defendant=lawsuits["finance"].pk
        ),
        content_type=JSON,
    )
    assert outside.status_code == 400 and "defendant" in outside.json()
    assert client.get(url).json()["count"] == 2  # the fixture's own and the new one


def test_an_edit_needs_the_version_and_a_stale_one_answers_409(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    url = reverse("litigation-lawsuit-detail", args=[lawsuit.pk])
    version = client.get(url).json()["version"]
    first = client.patch(url, {"plaintiffs": "甲的修改", "version": version}, content_type=JSON)
    assert first.status_code == 200 and first.json()["version"] == version + 1
    second = client.patch(url, {"plaintiffs": "乙的修改", "version": version}, content_type=JSON)
    assert second.status_code == 409
    assert "被他人修改" in second.json()["detail"]
    missing = client.patch(url, {"plaintiffs": "没有版本号"}, content_type=JSON)
    assert missing.status_code == 400 and "version" in missing.json()
    # the steps are not fields of the edit
    ignored = client.patch(
        url, {"outcome": "REVOKED", "version": version + 1}, content_type=JSON
    ).json()
    assert ignored["outcome"] == ""
    assert Lawsuit.objects.get(pk=lawsuit.pk).plaintiffs == "甲的修改"


def test_the_steps_through_the_api_with_their_clocks(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    response = act(client, lawsuit, "complaint-received", version=1, on="2019-04-03")
    assert response.status_code == 200 and response.json()["version"] == 2
    clock = Deadline.objects.get(object_id=lawsuit.pk, rule__code="litigation.defence")
    assert clock.due_date == date(2019, 4, 18)
    assert act(client, lawsuit, "defence-submitted", version=2, on="2019-04-15").status_code == 200
    hearing = act(
        client,
        lawsuit,
        "hearings",
        version=3,
        held_on="2019-06-10",
        appearance="HEAD",
        official_name="李某",
        official_post="局长",
    )
    assert hearing.status_code == 201 and hearing.json()["appearance"] == "HEAD"
    outcome = act(client, lawsuit, "outcome", version=4, outcome="REVOKED", served_on="2019-07-01")
    assert outcome.status_code == 200 and outcome.json()["stage"] == "DECIDED"
    appeal_clock = Deadline.objects.get(
        object_id=lawsuit.pk, rule__code="litigation.appeal_judgment"
    )
    assert appeal_clock.due_date == date(2019, 7, 16)
    appeal = act(client, lawsuit, "appeal", version=5, on="2019-07-15", appellant="DEFENDANT")
    assert appeal.status_code == 200 and appeal.json()["stage"] == "APPEALED"
    closed = act(client, lawsuit, "close", version=6, on="2019-11-01")
    assert closed.status_code == 200 and closed.json()["stage"] == "CLOSED"
    hearings = client.get(reverse("litigation-hearing-list")).json()
    assert hearings["count"] == 1 and hearings["results"][0]["official_post"] == "局长"


def test_a_step_needs_the_current_version(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    missing = act(client, lawsuit, "complaint-received", on="2019-04-03")
    assert missing.status_code == 400 and "version" in missing.json()
    stale = act(client, lawsuit, "complaint-received", version=7, on="2019-04-03")
    assert stale.status_code == 409
    assert Lawsuit.objects.get(pk=lawsuit.pk).complaint_received_on is None


def test_a_step_that_does_not_fit_answers_400_with_its_reason(lawsuits, login):
    client = login("fuyi")
    lawsuit = lawsuits["market_suit"]
    early = act(client, lawsuit, "defence-submitted", version=1, on="2019-04-10")
    assert early.status_code == 400 and early.json()["non_field_errors"]
    before_filing = act(
        client, lawsuit, "hearings", version=1, held_on="2019-03-01", appearance="STAFF"
    )
    assert before_filing.status_code == 400 and "held_on" in before_filing.json()
    nameless = act(
        client, lawsuit, "hearings", version=1, held_on="2019-05-01", appearance="DEPUTY"
    )
    assert nameless.status_code == 400
    assert set(nameless.json()) == {"official_name", "official_post"}
    unheard_of = act(
        client, lawsuit, "outcome", version=1, outcome="ACQUITTED", served_on="2019-05-01"
    )
    assert unheard_of.status_code == 400 and "outcome" in unheard_of.json()
    no_outcome = act(client, lawsuit, "appeal", version=1, on="2019-05-01", appellant="PLAINTIFF")
    assert no_outcome.status_code == 400
    ruled = act(client, lawsuit, "outcome", version=1, outcome="NOT_FILED", served_on="2019-05-06")
    assert ruled.status_code == 200
    late = act(client, lawsuit, "appeal", version=2, on="2019-05-17", appellant="PLAINTIFF")
    assert late.status_code == 400 and "2019-05-16" in str(late.json())
    second = act(client, lawsuit, "outcome", version=2, outcome="REVOKED", served_on="2019-06-01")
    assert second.status_code == 400
    assert not Hearing.objects.exists()
    assert Lawsuit.objects.get(pk=lawsuit.pk).version == 2


def test_the_list_filters_as_the_page_does(lawsuits, login):
    client = login("fuyi")
    url = reverse("litigation-lawsuit-list")
    assert client.get(url).json()["count"] == 2
    assert client.get(url, {"defendant": lawsuits["finance"].pk}).json()["count"] == 1
    assert client.get(url, {"stage": "AWAITING_HEARING", "q": "行初31"}).json()["count"] == 1
    assert client.get(url, {"stage": "CLOSED"}).json()["count"] == 0
