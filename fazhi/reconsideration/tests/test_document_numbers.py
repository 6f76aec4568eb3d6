"""A decision's number is printed on the 决定书 and names its file: it must read as a 文号."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.reconsideration.models import Case

from .test_pages import cases  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_a_decision_number_that_is_no_document_number_is_refused(cases, login):  # noqa: F811
    finance = cases["finance"]
    client = login("fuyi")
    response = client.post(
        reverse("reconsideration:case_step", args=[finance.pk, "decide"]),
        {
            "decide-decision": "UPHELD",
            "decide-on": "2024-06-03",
            "decide-number": "abc",
            "decide-version": finance.version,
        },
    )
    assert response.status_code == 200
    assert "文号格式应为" in response.text
    finance.refresh_from_db()
    assert finance.status == Case.Status.ACCEPTED and finance.decision_number == ""

    api = client.post(
        reverse("reconsideration-case-decide", args=[finance.pk]),
        {"decision": "UPHELD", "on": "2024-06-03", "number": "abc", "version": finance.version},
        content_type="application/json",
    )
    assert api.status_code == 400 and "文号格式应为" in api.content.decode()

    accepted = client.post(
        reverse("reconsideration:case_step", args=[finance.pk, "decide"]),
        {
            "decide-decision": "UPHELD",
            "decide-on": "2024-06-03",
            "decide-number": "游府复决〔2024〕3号",
            "decide-version": finance.version,
        },
    )
    assert accepted.status_code == 302
    finance.refresh_from_db()
    assert finance.decision_number == "游府复决〔2024〕3号" and finance.decided_on == date(
        2024, 6, 3
    )
