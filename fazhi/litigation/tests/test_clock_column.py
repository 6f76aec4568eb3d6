"""The lawsuit list's clock column and filter: a defence whose time ran out reads 已逾期."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.litigation import services

pytestmark = pytest.mark.django_db


def test_an_overdue_defence_is_marked_and_filtered(lawsuits, login):
    suit = lawsuits["market_suit"]  # its complaint copy came in 2019: the defence is long due
    services.lawsuit_complaint_received(lawsuit=suit, version=suit.version, on=date(2019, 4, 8))
    client = login("leader")
    url = reverse("litigation:lawsuit_list")
    shown = {s.case_number for s in client.get(url, {"clock": "overdue"}).context["page"]}
    assert shown == {suit.case_number}  # no clock runs for the other yet
    assert not client.get(url, {"clock": "due_soon"}).context["page"].object_list
    assert "已逾期" in client.get(url).text
    assert "已逾期" in client.get(lawsuits["market_suit"].get_absolute_url()).text
    market = login("liaison")  # the liaison of 区市场监管局 sees its own lawsuit only
    api = market.get(reverse("litigation-lawsuit-list"), {"clock": "overdue"}).json()
    assert [s["case_number"] for s in api["results"]] == [lawsuits["market_suit"].case_number]
