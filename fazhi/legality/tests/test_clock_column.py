"""The review list's clock column and filter: a request whose review period ran out reads 已逾期."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_overdue_review_is_marked_and_filtered(legality, login):
    client = login("leader")
    url = reverse("legality:request_list")
    overdue = {r.title for r in client.get(url, {"clock": "overdue"}).context["page"]}
    assert overdue == {legality["ours"].title}  # a 2019 notice; a contract has no review clock
    assert not client.get(url, {"clock": "due_soon"}).context["page"].object_list
    assert "已逾期" in client.get(url).text
    assert "已逾期" in client.get(legality["ours"].get_absolute_url()).text
    api = client.get(reverse("legality-request-list"), {"clock": "overdue"}).json()
    assert api["count"] == 1
