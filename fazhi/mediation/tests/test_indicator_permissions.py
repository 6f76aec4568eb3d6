"""The catalogue of indicators, and figures withheld from roles that may not read the records."""

import pytest
from django.urls import reverse

from fazhi.indicators.registry import all_indicators
from fazhi.org.models import Unit, User

pytestmark = pytest.mark.django_db


def test_the_catalogue_lists_every_indicator_with_its_definition(login, district):
    page = login("leader").get(reverse("indicators:catalogue"))
    for indicator in all_indicators():
        assert indicator.key in page.text
    assert "993" not in page.text  # definitions, not figures
    assert "专职人民调解员调处纠纷件数 ÷ 调处纠纷件数" in page.text


def test_figures_and_their_records_need_the_view_permission_of_the_records(ledger, login):
    from fazhi.org.models import Role

    role = Role.objects.create(code="no_mediation", name="无调解权限", data_scope="UNIT_AND_BELOW")
    user = User.objects.create(username="outsider", unit=Unit.objects.get(code="510704101-sfs"))
    user.roles.set([role])
    client = login("outsider")
    listing = client.get(reverse("indicator-list"), {"year": 2019}).json()
    assert not [i for i in listing["results"] if i["key"].startswith("mediation.")]
    records = reverse("indicator-records", args=["mediation.disputes"])
    assert client.get(records, {"year": 2019}).status_code == 403
    breakdown = reverse("indicator-breakdown", args=["mediation.disputes"])
    assert client.get(breakdown, {"year": 2019}).status_code == 403
    assert client.get(reverse("mediation-dispute-list")).status_code == 403
