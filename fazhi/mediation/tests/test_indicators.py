"""The mediation figures: the demo reproduces the seed, and every counting figure opens exactly
the records it counts, for the leader and for a township user."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.indicators.registry import Period, compute, get_indicator
from fazhi.mediation.models import Dispute, Party
from fazhi.mediation.rules import dispute_errors
from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db


def test_demo_reproduces_the_seeds_mediation_figures(demo):
    out = StringIO()
    call_command("indicators", unit="510704", year=2019, format="json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["mediation.organizations"] == 346
    assert figures["mediation.standard_rooms"] == 142
    assert figures["mediation.mediators"] == 1769
    assert figures["mediation.full_time_mediators"] == 17
    assert figures["mediation.full_time_mediators_new"] == 7
    assert figures["mediation.disputes"] == 2197
    assert figures["mediation.disputes_by_full_time"] == 993
    assert (
        Decimal("14640000")
        <= Decimal(figures["mediation.agreement_amount"])
        <= Decimal("14649999.99")
    )
    # 993 / 2197 = 45.20 %, not the 45.57 % the published report printed.
    assert figures["mediation.full_time_share"] == "45.20"
    by_type = sum(v for k, v in figures.items() if k.startswith("mediation.disputes.type."))
    by_source = sum(v for k, v in figures.items() if k.startswith("mediation.disputes.source."))
    assert by_type == by_source == 2197


def test_demo_records_obey_the_dispute_rules_and_have_valid_parties(demo):
    disputes = Dispute.objects.select_related("lead_mediator")
    for dispute in disputes:
        values = {f.name: getattr(dispute, f.name) for f in Dispute._meta.concrete_fields}
        values["committee_id"] = dispute.committee_id
        assert dispute_errors(values) == [], dispute.number
    for party in Party.objects.all()[:500]:
        party.full_clean()
    assert Dispute.objects.values("number").distinct().count() == Dispute.objects.count()


def test_demo_spreads_disputes_over_townships_and_months(demo):
    leader = User.objects.get(username="leader")
    district = Unit.objects.get(code="510704")
    period = Period.year(2019)
    townships = Unit.objects.filter(kind=Unit.Kind.TOWNSHIP)
    counts = [
        compute(unit=t, period=period, viewer=leader, keys=["mediation.disputes"])[
            "mediation.disputes"
        ]
        for t in townships
    ]
    assert all(count > 40 for count in counts), counts
    months = {
        m: compute(
            unit=district,
            period=Period.from_params(year=2019, month=m),
            viewer=leader,
            keys=["mediation.disputes"],
        )["mediation.disputes"]
        for m in range(1, 13)
    }
    assert all(count > 80 for count in months.values()), months


@pytest.mark.parametrize("username, unit", [("leader", "510704"), ("xinqiao", "510704101")])
def test_every_counting_figure_opens_exactly_its_records(demo, login, username, unit):
    client = login(username)
    listing = client.get(reverse("indicator-list"), {"unit": unit, "year": 2019}).json()
    counted = [i for i in listing["results"] if i["kind"] != "ratio"]
    assert len(counted) >= 30
    for item in counted:
        records = client.get(item["records"] + "&page_size=1").json()
        if item["kind"] == "count":
            assert records["count"] == item["value"], item["key"]
        else:
            total = Decimal("0")
            field = get_indicator(item["key"]).sum_field  # shown by the records' serializer
            page = client.get(item["records"] + "&page_size=500").json()
            while True:
                total += sum(Decimal(str(r[field] or "0")) for r in page["results"])
                if not page["next"]:
                    break
                page = client.get(page["next"]).json()
            assert total == Decimal(item["value"]), item["key"]


def test_a_township_user_cannot_ask_for_the_district_or_another_township(demo, login):
    client = login("xinqiao")
    for unit in ["510704", "510704102"]:
        response = client.get(reverse("indicator-list"), {"unit": unit, "year": 2019})
        assert response.status_code == 400
        assert "数据权限" in response.json()["unit"][0]
    own = client.get(reverse("indicator-list"), {"year": 2019}).json()
    assert own["unit"] == "510704101"  # by default: the top of the user's scope
