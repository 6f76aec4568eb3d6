"""The calculator page, the `due_date` command and the API give the same answers."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.org.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

CASES = [
    ({"start": "2024-09-27", "amount": 5, "unit": "working_days"}, "2024-10-10"),
    ({"start": "2024-08-02", "amount": 60, "unit": "calendar_days"}, "2024-10-08"),
    ({"start": "2024-09-22", "amount": 15, "unit": "calendar_days"}, "2024-10-08"),
    ({"start": "2025-01-24", "amount": 10, "unit": "working_days"}, "2025-02-13"),
    ({"start": "2024-08-31", "amount": 6, "unit": "months"}, "2025-02-28"),
    ({"start": "2024-09-27", "rule": "reconsideration.acceptance"}, "2024-10-10"),
    ({"start": "2019-06-03", "rule": "reconsideration.reply"}, "2019-06-13"),
]


def cli(*args):
    out = io.StringIO()
    call_command("due_date", *args, stdout=out)
    return out.getvalue().strip().splitlines()


def cli_args(query):
    if "rule" in query:
        return [query["start"], "--rule", query["rule"]]
    return [query["start"], str(query["amount"]), query["unit"]]


def api(query, username="xinqiao"):
    client = APIClient()
    client.force_authenticate(User.objects.get(username=username))
    return client.get("/api/v1/timelimits/due-date/", query)


@pytest.mark.parametrize(("query", "due"), CASES)
def test_page_cli_and_api_agree(district, login, query, due):
    assert cli(*cli_args(query))[-1] == due
    body = api(query).json()
    assert body["due_date"] == due
    page = login("xinqiao").get(reverse("timelimits:calculator"), query)
    assert f'data-testid="due-date">{due}<' in page.text


def test_the_api_explains_day_by_day_with_the_basis(district):
    body = api({"start": "2024-09-27", "rule": "reconsideration.acceptance"}).json()
    assert body["basis"] == "行政复议法（2023年修订）第30条：5个工作日"
    sunday = next(s for s in body["steps"] if s["date"] == "2024-09-29")
    assert sunday["kind_label"] == "调休上班日" and sunday["counted"] == 1
    holiday = next(s for s in body["steps"] if s["date"] == "2024-10-01")
    assert holiday["holiday"] == "国庆节" and holiday["counted"] == 0


def test_the_cli_refuses_a_year_without_a_schedule_naming_it(district):
    with pytest.raises(CommandError, match="2027 年的节假日安排尚未载入"):
        cli("2026-12-28", "10", "working_days")


def test_the_cli_assumes_weekends_when_asked_and_warns(district, capsys):
    lines = cli("2027-03-01", "5", "working_days", "--assume-weekends")
    assert lines[-1] == "2027-03-08"
    assert "2027 年的节假日安排尚未载入" in capsys.readouterr().err


def test_the_api_answers_422_naming_the_year_and_400_for_a_bad_query(district):
    response = api({"start": "2026-12-28", "amount": 10, "unit": "working_days"})
    assert response.status_code == 422 and "2027" in response.json()["detail"]
    assert api({"start": "2024-01-01"}).status_code == 400
    assert api({"start": "not-a-date", "amount": 1, "unit": "months"}).status_code == 400
    assert APIClient().get("/api/v1/timelimits/due-date/", {"start": "2024-01-01"}).status_code in (
        401,
        403,
    )


def test_the_page_shows_the_suggested_internal_date_and_a_chinese_error(district, login):
    client = login("xinqiao")
    page = client.get(
        reverse("timelimits:calculator"),
        {"start": "2024-08-02", "amount": 60, "unit": "calendar_days"},
    )
    assert "建议内部完成日" in page.text and "2024-09-30" in page.text
    bad = client.get(
        reverse("timelimits:calculator"),
        {"start": "2026-12-28", "amount": 10, "unit": "working_days"},
    )
    assert "2027 年的节假日安排尚未载入" in bad.text
    empty = client.get(reverse("timelimits:calculator"), {"start": "2024-01-01"})
    assert "请选择期限规则，或同时填写期限数值和单位" in empty.text
