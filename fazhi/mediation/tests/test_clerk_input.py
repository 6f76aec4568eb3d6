"""What a clerk types is checked as a clerk would check it, and refused in a clerk's words: a
phone number is a mobile number or a landline with its area code; Django's own messages read
as plain Chinese."""

import pytest
from django.urls import reverse

from fazhi.mediation.models import Dispute, Mediator

from .test_api import new_dispute

pytestmark = pytest.mark.django_db
PHONE_MESSAGE = "电话号码应为11位手机号码，或带区号的固定电话"


@pytest.mark.parametrize("phone", ["abc", "12345", "1381234567", "8123456", "0816-12"])
def test_a_parties_phone_that_is_no_phone_number_is_refused(ledger, login, phone):
    data = new_dispute(ledger)
    data["parties"][0]["phone"] = phone
    response = login("xinqiao").post(
        reverse("mediation-dispute-list"), data, content_type="application/json"
    )
    assert response.status_code == 400 and PHONE_MESSAGE in response.content.decode()
    assert not Dispute.objects.filter(facts="拖欠工资").exists()


@pytest.mark.parametrize("phone", ["13812345678", "0816-2345678", "028-85551234", "08162345678"])
def test_mobile_and_landline_numbers_are_accepted(ledger, login, phone):
    data = new_dispute(ledger)
    data["parties"][0]["phone"] = phone
    response = login("xinqiao").post(
        reverse("mediation-dispute-list"), data, content_type="application/json"
    )
    assert response.status_code == 201, response.content.decode()


def test_a_mediators_phone_is_checked_on_the_page(ledger, login):
    client = login("xinqiao")
    page = client.get(reverse("mediation:mediator_create"))
    form = page.context["form"]
    data = {name: field.value() or "" for name, field in ((f.html_name, f) for f in form)}
    data.update(
        name="周明",
        gender="M",
        id_number="",
        phone="abc",
        committee=ledger["xq_committee"].pk,
        employment="PART_TIME",
        hired_on="2019-03-01",
    )
    response = client.post(reverse("mediation:mediator_create"), data)
    assert response.status_code == 200 and PHONE_MESSAGE in response.text
    assert not Mediator.objects.filter(name="周明").exists()


def test_djangos_own_messages_read_as_a_clerk_would_say_them(ledger, login):
    client = login("xinqiao")
    response = client.post(
        reverse("mediation:dispute_create"),
        {
            "party-TOTAL_FORMS": "0",
            "party-INITIAL_FORMS": "0",
            "party-MIN_NUM_FORMS": "1",
            "party-MAX_NUM_FORMS": "1000",
            "received_on": "2019-02-30",
        },
    )
    text = response.text
    assert "请至少填写 1 项" in text
    assert "请填写此项" in text and "请填写日期，如 2019-03-15" in text
    for machine_words in ["请至少提交", "这个字段是必填项", "输入一个有效的日期", "确保该值"]:
        assert machine_words not in text
