"""/api/v1/mediation/…: the same scope, rules and stale-edit refusal as the pages."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.mediation.models import Dispute

from .conftest import make_id

pytestmark = pytest.mark.django_db


def new_dispute(ledger, **changes):
    data = {
        "committee": ledger["xq_committee"].pk,
        "dispute_type": "LABOUR",
        "source": "POLICE",
        "received_on": "2019-08-01",
        "lead_mediator": ledger["xq_mediator"].pk,
        "facts": "拖欠工资",
        "parties": [
            {"kind": "PERSON", "name": "工人甲", "id_number": make_id("51070419850101123")},
            {"kind": "ORGANISATION", "name": "绵阳宏图建筑工程有限公司"},
        ],
    }
    data.update(changes)
    return data


def test_list_is_scoped_paginated_and_filtered(ledger, login):
    client = login("xinqiao")
    url = reverse("mediation-dispute-list")
    body = client.get(url).json()
    assert body["count"] == 1
    assert body["results"][0]["number"] == ledger["xq_dispute"].number
    leader = login("leader")
    assert leader.get(url).json()["count"] == 2
    assert leader.get(url, {"dispute_type": "CONTRACT"}).json()["count"] == 1
    assert leader.get(url, {"q": "李小河"}).json()["count"] == 1


def test_outsider_gets_404_and_cannot_point_at_another_townships_committee(ledger, login):
    client = login("xiaojiangou")
    detail = reverse("mediation-dispute-detail", args=[ledger["xq_dispute"].pk])
    assert client.get(detail).status_code == 404
    assert client.patch(detail, {}, content_type="application/json").status_code == 404
    response = client.post(
        reverse("mediation-dispute-list"), new_dispute(ledger), content_type="application/json"
    )
    assert response.status_code == 400
    assert "committee" in response.json() and "lead_mediator" in response.json()


def test_create_takes_a_number_and_masks_id_numbers_for_roles_without_the_permission(ledger, login):
    client = login("xinqiao")
    response = client.post(
        reverse("mediation-dispute-list"), new_dispute(ledger), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"] == "新桥调〔2019〕2号"
    assert body["parties"][0]["id_number"] == make_id("51070419850101123")  # may see IDs
    mediator_view = login("mediator").get(reverse("mediation-dispute-detail", args=[body["id"]]))
    assert mediator_view.json()["parties"][0]["id_number"].startswith("510704********")


def test_date_rules_hold_through_the_api(ledger, login):
    client = login("xinqiao")
    response = client.post(
        reverse("mediation-dispute-list"),
        new_dispute(ledger, status="FAILED", closed_on="2019-07-01", agreement_amount="10.00"),
        content_type="application/json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert "closed_on" in errors and "agreement_amount" in errors
    assert "结案日期不能早于受理日期" in errors["closed_on"][0]


def test_a_stale_version_is_refused_with_409(ledger, login):
    client = login("xinqiao")
    url = reverse("mediation-dispute-detail", args=[ledger["xq_dispute"].pk])
    version = client.get(url).json()["version"]
    first = client.patch(
        url, {"facts": "甲的修改", "version": version}, content_type="application/json"
    )
    assert first.status_code == 200 and first.json()["version"] == version + 1
    second = client.patch(
        url, {"facts": "乙的修改", "version": version}, content_type="application/json"
    )
    assert second.status_code == 409
    assert "被他人修改" in second.json()["detail"]
    missing = client.patch(url, {"facts": "没有版本号"}, content_type="application/json")
    assert missing.status_code == 400
    assert Dispute.objects.get(pk=ledger["xq_dispute"].pk).facts == "甲的修改"


def test_committees_and_mediators_are_scoped(ledger, login):
    client = login("xinqiao")
    committees = client.get(reverse("mediation-committee-list")).json()
    assert [c["name"] for c in committees["results"]] == ["新桥镇人民调解委员会"]
    mediators = client.get(reverse("mediation-mediator-list")).json()
    assert [m["name"] for m in mediators["results"]] == ["毛兰海"]
    assert (
        client.get(
            reverse("mediation-mediator-detail", args=[ledger["xj_mediator"].pk])
        ).status_code
        == 404
    )


def test_concurrent_service_edits_one_wins_one_is_refused(ledger):
    """Two clerks opened the same version; the second save must not overwrite the first."""
    from fazhi.mediation import services

    dispute = ledger["xq_dispute"]
    opened = dispute.version
    services.dispute_update(dispute=dispute, version=opened, facts="第一")
    with pytest.raises(services.StaleEdit):
        services.dispute_update(dispute=dispute, version=opened, facts="第二")
    dispute.refresh_from_db()
    assert dispute.facts == "第一" and dispute.version == opened + 1


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_the_same_version_at_once_one_is_refused(ledger, monkeypatch):
    """Real concurrency: the first save holds the row while the second arrives with the same
    version; the second must be refused, not overwrite (the row lock of PostgreSQL; the test
    suite's in-memory SQLite cannot hold two writing threads)."""
    import threading
    import time

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("two writing threads need PostgreSQL (CI runs the suite there too)")

    from fazhi.mediation import services

    dispute = ledger["xq_dispute"]
    opened = dispute.version
    first_is_saving = threading.Event()
    original = services._raise_rule_errors

    def slow_rules(values):
        if threading.current_thread().name == "first":
            first_is_saving.set()
            time.sleep(1)
        original(values)

    monkeypatch.setattr(services, "_raise_rule_errors", slow_rules)
    outcomes = {}

    def save(name, facts):
        if name == "second":
            first_is_saving.wait(5)
        try:
            services.dispute_update(dispute=dispute, version=opened, facts=facts)
            outcomes[name] = "saved"
        except services.StaleEdit:
            outcomes[name] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=["first", "第一位"], name="first"),
        threading.Thread(target=save, args=["second", "第二位"], name="second"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes == {"first": "saved", "second": "refused"}
    dispute.refresh_from_db()
    assert dispute.facts == "第一位" and dispute.version == opened + 1


def test_a_clock_reaching_into_an_unloaded_year_is_refused_with_the_reason_not_a_500(ledger, login):
    from fazhi.timelimits.models import CalendarYear

    CalendarYear.objects.filter(year=2019).delete()  # as if 2019's schedule were not loaded yet
    client = login("xinqiao")
    response = client.post(
        reverse("mediation-dispute-list"),
        new_dispute(ledger, received_on="2018-12-20"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "2019 年的节假日安排尚未载入" in str(response.json())
    assert not Dispute.objects.filter(received_on="2018-12-20").exists()


def test_a_typed_number_never_blocks_the_numbers_the_rule_gives_out(ledger, login):
    from fazhi.mediation import services

    # 新桥调〔2019〕2号 was typed in (an imported historical ledger); the next taken is 3号.
    services.dispute_create(
        committee=ledger["xq_committee"],
        number="新桥调〔2019〕2号",
        dispute_type="OTHER",
        source="APPLICATION",
        received_on=date(2019, 9, 1),
        lead_mediator=ledger["xq_mediator"],
        parties=[{"kind": "PERSON", "name": "某甲"}],
    )
    response = login("xinqiao").post(
        reverse("mediation-dispute-list"), new_dispute(ledger), content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["number"] == "新桥调〔2019〕3号"


def test_a_role_that_may_not_read_id_numbers_can_send_a_dispute_back_as_it_read_it(ledger, login):
    client = login("mediator")
    url = reverse("mediation-dispute-detail", args=[ledger["xq_dispute"].pk])
    body = client.get(url).json()
    assert "*" in body["parties"][0]["id_number"]
    body["facts"] = "调解员补充了事实"
    response = client.put(url, body, content_type="application/json")
    assert response.status_code == 200, response.json()
    stored = Dispute.objects.get(pk=ledger["xq_dispute"].pk).parties.order_by("pk")
    assert stored[0].id_number == make_id("51070419800101001")  # kept, not the mask
    body = response.json()
    body["parties"][0]["id_number"] = "510704********9999"  # not this party's mask
    refused = client.put(url, body, content_type="application/json")
    assert refused.status_code == 400


def test_committees_are_created_under_a_township_and_not_moved_through_the_api(ledger, login):
    from fazhi.org.models import Unit

    client = login("xinqiao")
    url = reverse("mediation-committee-list")
    under_committee = {
        "code": "510704101-x1",
        "name": "挂在调委会下的调委会",
        "parent": ledger["xq_committee"].pk,
        "committee_type": "OTHER",
    }
    assert client.post(url, under_committee, content_type="application/json").status_code == 400
    good = {
        **under_committee,
        "parent": Unit.objects.get(code="510704101").pk,
        "name": "新桥镇某协会调委会",
    }
    created = client.post(url, good, content_type="application/json")
    assert created.status_code == 201, created.json()
    detail = reverse("mediation-committee-detail", args=[created.json()["id"]])
    moved = client.patch(detail, {"code": "510704101-x2"}, content_type="application/json")
    assert moved.status_code == 400
