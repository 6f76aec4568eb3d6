"""The case list's clock column and filter: a case whose acceptance period ran out reads 已逾期."""

from datetime import date

import pytest
from django.urls import reverse

from .conftest import register

pytestmark = pytest.mark.django_db


def test_an_overdue_case_is_marked_and_filtered(recon, login):
    late = register(recon["market"], date(2019, 3, 4), applicants="周某")
    client = login("leader")
    url = reverse("reconsideration:case_list")
    shown = {c.applicants for c in client.get(url, {"clock": "overdue"}).context["page"]}
    assert shown == {"周某"}
    assert not client.get(url, {"clock": "due_soon"}).context["page"].object_list
    assert "已逾期" in client.get(url).text
    assert "已逾期" in client.get(late.get_absolute_url()).text
    api = client.get(reverse("reconsideration-case-list"), {"clock": "overdue"}).json()
    assert api["count"] == 1
