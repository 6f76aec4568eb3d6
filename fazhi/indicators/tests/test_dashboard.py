"""The dashboard (驾驶舱) and the records behind every figure: drill-down counts equal the figures,
for the leader and for a township user; a township sees only itself; nothing stale after an
edit; monthly series and unit breakdowns add up to the figure they break down."""

import json
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fazhi.indicators.registry import (
    Period,
    all_indicators,
    breakdown_by_unit,
    compute,
    compute_series,
)
from fazhi.mediation import services as mediation
from fazhi.mediation.models import Dispute
from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db
YEAR_2019 = {"year": 2019}


def _records(client, key, unit):
    return client.get(reverse("indicators:records", args=[key]), {"unit": unit, **YEAR_2019})


@pytest.mark.parametrize("username, unit", [("leader", "510704"), ("xinqiao", "510704101")])
def test_every_counting_figure_of_the_demo_opens_exactly_its_records(demo, login, username, unit):
    client = login(username)
    viewer = User.objects.get(username=username)
    indicators = [i for i in all_indicators() if i.may_view(viewer)]
    values = compute(
        unit=Unit.objects.get(code=unit),
        period=Period.year(2019),
        viewer=viewer,
        keys=[i.key for i in indicators],
    )
    checked = 0
    for indicator in indicators:
        response = _records(client, indicator.key, unit)
        assert response.status_code == 200, indicator.key
        if indicator.kind == "count":
            assert response.context["page"].paginator.count == values[indicator.key], indicator.key
            checked += 1
        elif indicator.kind == "sum":
            summed = response.context["page"].paginator.object_list
            total = sum((getattr(r, indicator.sum_field) or Decimal(0)) for r in summed)
            assert total == values[indicator.key], indicator.key
        else:  # a ratio names its two parts, each opening its own records
            parts = response.context["parts"]
            assert [p.key for p, _t, _u in parts] == [indicator.numerator, indicator.denominator]
    assert checked >= (40 if username == "leader" else 20)


def test_a_figures_records_export_to_excel_with_the_same_rows(demo, login):
    client = login("leader")
    response = client.get(
        reverse("indicators:records", args=["reconsideration.applications"]),
        {"unit": "510704", "year": 2019, "export": "xlsx"},
    )
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 1 + 3  # header and the three applications of 2019
    plain = client.get(
        reverse("indicators:records", args=["litigation.hearings"]),
        {"unit": "510704", "year": 2019, "export": "xlsx"},
    )
    sheet = load_workbook(BytesIO(plain.content)).active
    assert sheet.max_row == 1 + 5


def test_a_township_users_dashboard_shows_only_the_township(demo, login):
    client = login("xinqiao")
    response = client.get(reverse("indicators:dashboard"), YEAR_2019)
    assert response.status_code == 200
    assert response.context["unit"].code == "510704101"
    offered = {u.code for u in response.context["units"]}
    assert "510704" not in offered and "510704102" not in offered
    figures = {f.indicator.key: f.value for s in response.context["sections"] for f in s.figures}
    viewer = User.objects.get(username="xinqiao")
    township = compute(
        unit=Unit.objects.get(code="510704101"),
        period=Period.year(2019),
        viewer=viewer,
        keys=["mediation.disputes"],
    )["mediation.disputes"]
    assert figures["mediation.disputes"] == township
    assert 0 < township < 2197
    for unit in ["510704", "510704102"]:
        assert client.get(reverse("indicators:dashboard"), {"unit": unit}).status_code == 404
        assert _records(client, "mediation.disputes", unit).status_code == 404


def test_the_dashboard_never_shows_a_stale_figure_after_an_edit(
    demo, login, django_capture_on_commit_callbacks, settings
):
    settings.FIGURES_CACHE = True  # cached on PostgreSQL: the edit must still show
    client = login("leader")

    def shown():
        response = client.get(reverse("indicators:dashboard"), {"unit": "510704", **YEAR_2019})
        return {f.indicator.key: f.value for s in response.context["sections"] for f in s.figures}

    before = shown()
    assert before["mediation.disputes"] == 2197
    dispute = Dispute.objects.filter(status=Dispute.Status.MEDIATING).first() or (
        Dispute.objects.filter(closed_on__isnull=True).first()
    )
    with django_capture_on_commit_callbacks(execute=True):  # the clerk's save commits
        mediation.dispute_close(
            dispute=dispute,
            version=dispute.version,
            status=Dispute.Status.SUCCEEDED,
            closed_on=date(2019, 12, 31),
            agreement_form=Dispute.AgreementForm.ORAL,
            user=User.objects.get(username="admin"),
        )
    after = shown()
    assert after["mediation.disputes"] == 2198
    assert after["mediation.disputes_succeeded"] == before["mediation.disputes_succeeded"] + 1


def test_monthly_series_and_unit_breakdowns_add_up_to_the_figure(demo):
    leader = User.objects.get(username="leader")
    district = Unit.objects.get(code="510704")
    year = Period.year(2019)
    keys = ["mediation.disputes", "mediation.success_rate", "legality.opinion_letters"]
    series = compute_series(keys, unit=district, periods=year.months(), viewer=leader)
    totals = compute(unit=district, period=year, viewer=leader, keys=keys)
    assert sum(series["mediation.disputes"]) == totals["mediation.disputes"] == 2197
    assert sum(series["legality.opinion_letters"]) == 79
    assert len(series["mediation.success_rate"]) == 12
    rows = breakdown_by_unit("mediation.disputes", unit=district, period=year, viewer=leader)
    one_by_one = {
        child.pk: compute(unit=child, period=year, viewer=leader, keys=["mediation.disputes"])[
            "mediation.disputes"
        ]
        for child, _value in rows
    }
    assert {child.pk: value for child, value in rows} == one_by_one
    assert sum(value for _child, value in rows) == 2197  # every committee sits below a child
    rate = {
        child.pk: value
        for child, value in breakdown_by_unit(
            "mediation.success_rate", unit=district, period=year, viewer=leader
        )
    }
    some = next(iter(one_by_one))
    expected = compute(
        unit=Unit.objects.get(pk=some), period=year, viewer=leader, keys=["mediation.success_rate"]
    )["mediation.success_rate"]
    assert rate[some] == expected


def test_the_dashboard_charts_carry_the_records_behind_each_element(demo, login):
    client = login("leader")
    response = client.get(reverse("indicators:dashboard"), {"unit": "510704", **YEAR_2019})
    html = response.content.decode()
    trend = json.loads(html.split('id="trend-data" type="application/json">')[1].split("<")[0])
    disputes = next(s for s in trend["series"] if s["key"] == "mediation.disputes")
    march = disputes["data"][2]
    assert "start=2019-03-01" in march["url"] and "end=2019-03-31" in march["url"]
    opened = client.get(march["url"])
    assert opened.context["page"].paginator.count == march["value"]
    breakdown = response.context["breakdown"]
    first = breakdown["rows"][0]
    assert client.get(first["url"]).context["page"].paginator.count == first["value"]
    pie = next(p for p in response.context["pies"] if p["group"] == "mediation.disputes.type")
    assert sum(d["value"] for d in pie["data"]) == 2197


def test_the_dashboard_runs_in_a_bounded_number_of_queries(demo, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("leader")
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("indicators:dashboard"), {"unit": "510704", **YEAR_2019})
    models = len({i.model for i in all_indicators() if i.model is not None})
    lines = len({i.module for i in all_indicators()})
    # Two aggregate passes (the period and a year earlier) per model; per line of work its
    # trend, its breakdown and the deadlines panel's reads (one per kind of record with
    # clocks); the cache stamp (on PostgreSQL) and the page's own reads: a fixed number,
    # whatever the number of records.
    assert len(queries) <= 2 * models + 5 * lines + 5, len(queries)


def test_cached_figures_are_used_until_records_change_then_recomputed(
    demo, django_capture_on_commit_callbacks, settings
):
    settings.FIGURES_CACHE = True
    from django.db import connection

    from fazhi.indicators import freshness

    if connection.vendor != "postgresql":
        pytest.skip("figures are cached on PostgreSQL only")
    leader = User.objects.get(username="leader")
    district = Unit.objects.get(code="510704")
    year = Period.year(2019)

    def figure():
        return compute(unit=district, period=year, viewer=leader, keys=["mediation.disputes"])[
            "mediation.disputes"
        ]

    assert figure() == 2197
    with connection.cursor() as cursor:  # a write that sends no signal: the cache answers
        cursor.execute(
            "UPDATE mediation_dispute SET closed_on = '2020-06-01' WHERE id = (SELECT min(id) "
            "FROM mediation_dispute WHERE closed_on BETWEEN '2019-01-01' AND '2019-12-31')"
        )
    assert figure() == 2197
    with django_capture_on_commit_callbacks(execute=True):
        freshness.records_changed()  # what every save, import and synth run does
    assert figure() == 2196


def test_a_write_to_what_a_figure_counts_refreshes_the_figures_and_a_login_does_not(
    demo, django_capture_on_commit_callbacks, settings
):
    """The models watched are derived from the registered figures (and the data scope), not
    listed: a mediator's change is seen, a login (the user's last_login) is not a figure's."""
    from django.db import connection

    from fazhi.indicators import freshness
    from fazhi.mediation.models import Committee, Dispute, Mediator
    from fazhi.org.models import Role

    watched = freshness.watched_models()
    assert {Dispute, Mediator, Committee, Unit, Role} <= watched
    assert User not in watched
    if connection.vendor != "postgresql":
        pytest.skip("figures are cached on PostgreSQL only")
    settings.FIGURES_CACHE = True
    before = freshness.stamp()
    leader = User.objects.get(username="leader")
    with django_capture_on_commit_callbacks(execute=True):
        leader.save(update_fields=["last_login"])
    assert freshness.stamp() == before
    with django_capture_on_commit_callbacks(execute=True):
        Mediator.objects.order_by("pk").first().save()
    assert freshness.stamp() > before


def test_the_dashboard_opens_on_the_latest_year_with_records(demo, login):
    """The demo's records are of 2019: an empty current year is not what a user opens on."""
    for username in ("leader", "xinqiao"):
        response = login(username).get(reverse("indicators:dashboard"))
        assert response.context["period"].end.year == 2019, username
    asked = login("leader").get(reverse("indicators:dashboard"), {"year": 2024})
    assert asked.context["period"].end.year == 2024  # a year asked for is kept
