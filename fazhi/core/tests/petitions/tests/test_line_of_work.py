"""A line of work is local to its app: petitions (信访事项), declared in fazhi/core/tests/petitions
alone with the kit, appear in the menu, offer their open step on their page and as an API action
(409 on a stale version), count in the catalogue, the dashboard's trend and drill-down, keep
their cached figure fresh, write their item into a new report's section 一, import through their
ledger with audit entries, and take part in `fazhi demo` and `fazhi synth`."""

from datetime import date
from io import BytesIO, StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from openpyxl import Workbook

from fazhi.core.ledgers import get_ledger, import_ledger
from fazhi.core.tests.petitions import services
from fazhi.core.tests.petitions.models import Petition
from fazhi.indicators import dashboard, freshness
from fazhi.indicators.registry import Period, compute
from fazhi.org.demo import BUREAU_CODE, demo_usernames
from fazhi.org.models import Unit, User
from fazhi.reports import services as reports
from fazhi.timelimits.models import Rule
from fazhi.timelimits.selectors import deadlines_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def petitions(district):
    """The demo district (its rule table put back by the petitions' AppConfig after a browser
    test's flush), with the petitions' demo records and permissions."""
    from fazhi.core.tests.petitions import demo

    demo.load(2019, StringIO())
    return Petition.objects.order_by("received_on")


def test_its_menu_entry_and_its_page_offer_the_step_open_now(petitions, login):
    client = login("xinfang")
    home = client.get(reverse("home")).content.decode()
    assert reverse("petitions:petition_list") in home and "信访事项" in home
    received = petitions.get(petitioner="乙")
    page = client.get(received.get_absolute_url()).content.decode()
    assert 'data-testid="step-accept"' in page and 'data-testid="step-answer"' not in page
    assert "决定是否受理信访事项" in page  # its clock, counted by the engine
    assert "{#" not in page and "{%" not in page  # the kit's templates render whole
    accepted = petitions.get(petitioner="甲")
    page = client.get(accepted.get_absolute_url()).content.decode()
    assert 'data-testid="step-answer"' in page and 'data-testid="step-accept"' not in page


def test_its_step_runs_on_its_page_and_as_an_api_action_refusing_a_stale_version(petitions, login):
    client = login("xinfang")
    received = petitions.get(petitioner="乙")
    url = reverse("petition-accept", args=[received.pk])
    stale = client.post(url, {"version": 99, "on": "2019-09-05"}, content_type="application/json")
    assert stale.status_code == 409
    not_an_object = client.post(url, [1, 2], content_type="application/json")
    assert not_an_object.status_code == 400 and "JSON" in str(not_an_object.json())
    done = client.post(
        url, {"version": received.version, "on": "2019-09-05"}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["status"] == "ACCEPTED"
    assert deadlines_for(received).get().completed_on == date(2019, 9, 5)
    answered = client.post(
        reverse("petitions:petition_step", args=[received.pk, "answer"]),
        {
            "answer-version": done.json()["version"],
            "answer-on": "2019-09-20",
            "answer-answer": "已答复",
        },
    )
    assert answered.status_code == 302
    assert Petition.objects.get(pk=received.pk).status == "ANSWERED"
    assert login("leader").post(url, {"version": 3}).status_code == 403  # may only read


def test_its_figure_is_in_the_catalogue_the_dashboard_trend_and_its_drill_down(petitions, login):
    leader = User.objects.get(username="leader")
    district = Unit.objects.get(code="510704")
    client = login("leader")
    assert "petitions.received" in client.get(reverse("indicators:catalogue")).content.decode()
    data = dashboard.build(unit=district, period=Period.year(2019), viewer=leader)
    trend = next(s for s in data["trends"]["series"] if s["key"] == "petitions.received")
    assert sum(point["value"] for point in trend["data"]) == 2
    records = client.get(
        reverse("indicators:records", args=["petitions.received"]),
        {"unit": "510704", "year": 2019},
    ).content.decode()
    assert 'data-testid="petition-rows"' in records and "甲的信访事项" in records
    api = client.get(
        reverse("indicator-records", args=["petitions.received"]),
        {"unit": "510704", "year": 2019},
    ).json()
    assert api["count"] == 2 and {r["petitioner"] for r in api["results"]} == {"甲", "乙"}


def test_a_write_makes_its_cached_figure_stale(
    petitions, settings, django_capture_on_commit_callbacks
):
    if connection.vendor != "postgresql":
        pytest.skip("figures are cached on PostgreSQL only")
    settings.FIGURES_CACHE = True
    assert Petition in freshness.watched_models()
    leader = User.objects.get(username="leader")
    district = Unit.objects.get(code="510704")

    def figure():
        period = Period.year(2019)
        return compute(unit=district, period=period, viewer=leader, keys=["petitions.received"])

    assert figure() == {"petitions.received": 2}
    with django_capture_on_commit_callbacks(execute=True):
        services.petition_register(
            unit=Unit.objects.get(code=BUREAU_CODE), petitioner="丙", received_on=date(2019, 6, 3)
        )
    assert figure() == {"petitions.received": 3}


def test_its_item_opens_a_sub_section_of_a_new_reports_section_one(petitions):
    report = reports.report_create(unit=Unit.objects.get(code=BUREAU_CODE), year=2019)
    measures = report.sections.get(kind="MEASURES").paragraphs.get(source="theme:petitions")
    assert measures.heading == "依法做好信访工作。"
    assert "一是依法受理信访事项。全年收到信访事项{{petitions.received}}。" in measures.text


def test_its_ledger_imports_through_its_services_with_audit_entries(petitions):
    book = Workbook()
    book.active.append(["承办单位编码", "信访人", "收到日期"])
    book.active.append([BUREAU_CODE, "丁", date(2019, 7, 1)])
    source = BytesIO()
    book.save(source)
    source.seek(0)
    admin = User.objects.get(username="admin")
    context = {"unit": None, "viewer": admin, "file": "信访.xlsx", "job": 7}
    assert import_ledger(get_ledger("petitions.petitions"), source, context=context).ok
    imported = Petition.objects.get(petitioner="丁")
    entry = LogEntry.objects.get_for_object(imported).get()
    assert entry.actor == admin
    assert entry.additional_data == {
        "ledger": "petitions.petitions",
        "file": "信访.xlsx",
        "import_job": 7,
    }
    assert deadlines_for(imported).get().rule.code == "petitions.acceptance"


def test_fazhi_demo_and_synth_run_it(seeded):
    assert Rule.objects.filter(code="petitions.acceptance").exists()  # its own data migration
    out = StringIO()
    call_command("demo", year=2019, stdout=out)
    assert "信访事项：2 件" in out.getvalue()
    assert "xinfang" in demo_usernames() and User.objects.filter(username="xinfang").exists()
    logins = StringIO()
    call_command("demo", logins=True, stdout=logins)
    assert "xinfang" in logins.getvalue() and "信访 (petitions)" in logins.getvalue()
    if connection.vendor != "postgresql":
        return  # scale data is written on PostgreSQL only
    from fazhi.core.scale import all_scales

    nothing_else = {scale.option: 0 for scale in all_scales()}
    call_command("synth", **{**nothing_else, "petitions": 3}, stdout=StringIO())
    assert Petition.objects.filter(petitioner__startswith="合成").count() == 3
