"""A period no calendar can hold (year 1 to 9999, a 13th month, an end before the start) is a
400 that says why, on the pages, in the API and on the command line; never a server error."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from fazhi.indicators.registry import Period

pytestmark = pytest.mark.django_db

EXTREME = {"unit": "510704", "start": "0001-01-01", "end": "9999-12-31"}
BAD_PERIODS = [
    EXTREME,
    {"unit": "510704", "start": "1900-01-01", "end": "2019-12-31"},
    {"unit": "510704", "start": "2019-01-01", "end": "3000-01-01"},
    {"unit": "510704", "year": "99999"},
    {"unit": "510704", "year": "2019", "month": "13"},
    {"unit": "510704", "year": "2019", "quarter": "0"},
    {"unit": "510704", "start": "2019-12-31", "end": "2019-01-01"},
    {"unit": "510704", "start": "2019-02-30", "end": "2019-03-01"},
    {"unit": "510704", "start": "2019-01-01"},
]


def test_the_dashboard_answers_a_bad_period_with_a_400_that_says_why(district, login):
    client = login("leader")
    for params in BAD_PERIODS:  # one district for them all: it takes a second to load
        response = client.get(reverse("indicators:dashboard"), params)
        assert response.status_code == 400, params
        text = response.content.decode()
        assert "期间" in text or "日期" in text or "年度" in text, params
        assert "工作台" in text  # inside the site's frame, with the way back


def test_a_figures_records_answer_an_extreme_period_with_a_400(district, login):
    url = reverse("indicators:records", args=["legality.opinions"])
    response = login("admin").get(url, EXTREME)
    assert response.status_code == 400
    assert "1949" in response.content.decode()


def test_the_api_answers_a_bad_period_with_a_400_naming_the_period(district, login):
    client = login("leader")
    for params in BAD_PERIODS:
        response = client.get("/api/v1/indicators/", params)
        assert response.status_code == 400, params
        assert "period" in response.json(), params


def test_the_command_line_refuses_an_extreme_period_in_chinese(district):
    with pytest.raises(CommandError, match="1949"):
        call_command(
            "indicators", unit="510704", start="0001-01-01", end="9999-12-31", stdout=StringIO()
        )


def test_the_edges_of_the_range_are_still_periods():
    assert Period.from_params(start="1949-01-01", end="2999-12-31").months()[-1].end.year == 2999
    assert Period.from_params(year=1949).year_before().start.year == 1948
    with pytest.raises(ValidationError):
        Period.from_params(start="1948-12-31", end="1949-01-01")


def test_the_ledger_export_refuses_a_year_no_calendar_holds(district, tmp_path):
    with pytest.raises(CommandError, match="1949"):
        call_command(
            "ledger",
            "export",
            "mediation.disputes",
            str(tmp_path / "x.xlsx"),
            unit="510704",
            year=99999,
            stdout=StringIO(),
        )
