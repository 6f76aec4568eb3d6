"""Overdue work shows where clerks work: a dispute's own page says how many days its clock has
left or is overdue, and the list filters 即将到期 / 已逾期 alike on the page, in the export and
through the API."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.mediation import services
from fazhi.mediation.models import Dispute
from fazhi.timelimits import selectors
from fazhi.timelimits.selectors import deadlines_for

from .conftest import make_id

pytestmark = pytest.mark.django_db

DAY = date(2020, 6, 1)  # "today" in these tests: the holiday schedules around it are loaded


def today():
    return DAY


@pytest.fixture
def three_clocks(ledger, monkeypatch):
    """The ledger's May 2019 dispute (its month ran out long ago), one due today, one begun."""
    monkeypatch.setattr(selectors, "today", today)

    def register(name, first17):
        return services.dispute_create(
            committee=ledger["xq_committee"],
            dispute_type=Dispute.Type.NEIGHBOURHOOD,
            source=Dispute.Source.APPLICATION,
            received_on=today() - timedelta(days=3),
            lead_mediator=ledger["xq_mediator"],
            facts="相邻通行纠纷。",
            parties=[{"kind": "PERSON", "name": name, "id_number": make_id(first17)}],
        )

    due_today = register("钱今日", "51070419800101011")
    deadlines_for(due_today).update(due_date=today())
    begun = register("孙刚来", "51070419800101022")
    return {"overdue": ledger["xq_dispute"], "due_today": due_today, "begun": begun}


def test_a_disputes_page_shows_its_clock_overdue_due_today_or_days_left(three_clocks, login):
    client = login("xinqiao")
    overdue = three_clocks["overdue"]
    days = (today() - deadlines_for(overdue).get().due_date).days
    assert days > 0
    page = client.get(overdue.get_absolute_url()).text
    assert page.count(f"已逾期 {days} 天") == 2  # beside the status and in the clocks card

    assert "今日到期" in client.get(three_clocks["due_today"].get_absolute_url()).text
    begun = three_clocks["begun"]
    left = (deadlines_for(begun).get().due_date - today()).days
    assert f"剩 {left} 天" in client.get(begun.get_absolute_url()).text


def test_a_closed_disputes_clock_reads_as_completed(three_clocks, ledger, login):
    page = login("leader").get(ledger["xj_dispute"].get_absolute_url()).text
    assert "已逾期" not in page


def _numbers_on_page(client, **params):
    response = client.get(reverse("mediation:dispute_list"), params)
    assert response.status_code == 200
    return {d.number for d in response.context["page"]}


def _numbers_exported(client, **params):
    response = client.get(reverse("mediation:dispute_list"), {**params, "export": "xlsx"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).worksheets[0]
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}


def _numbers_from_api(client, **params):
    body = client.get(reverse("mediation-dispute-list"), params).json()
    return {d["number"] for d in body["results"]}


@pytest.mark.parametrize("read", [_numbers_on_page, _numbers_exported, _numbers_from_api])
def test_the_list_filters_overdue_and_due_soon_on_the_page_in_the_export_and_the_api(
    three_clocks, login, read
):
    client = login("xinqiao")
    number = {key: dispute.number for key, dispute in three_clocks.items()}
    assert read(client, clock="overdue") == {number["overdue"]}
    assert read(client, clock="due_soon") == {number["due_today"]}
    assert read(client) == set(number.values())


def test_the_list_shows_each_disputes_clock_and_refuses_an_unknown_clock_filter(
    three_clocks, login
):
    client = login("xinqiao")
    rows = client.get(reverse("mediation:dispute_list")).text
    assert "今日到期" in rows and "已逾期" in rows and "剩 " in rows
    assert '<option value="overdue">已逾期</option>' in rows
    refused = client.get(reverse("mediation:dispute_list"), {"clock": "later"})
    assert not refused.context["page"].object_list
    api = client.get(reverse("mediation-dispute-list"), {"clock": "later"})
    assert api.status_code == 400


def test_a_suspended_clock_is_neither_overdue_nor_due_soon(three_clocks, login):
    deadlines_for(three_clocks["overdue"]).update(suspended_since=today() - timedelta(days=3))
    client = login("xinqiao")
    assert _numbers_on_page(client, clock="overdue") == set()
    assert "已中止" in client.get(three_clocks["overdue"].get_absolute_url()).text
