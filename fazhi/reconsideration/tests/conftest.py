"""Reconsideration cases against two district departments, built through the services; a
liaison of 区市场监管局 who may also write (their scope: that bureau only), for outsider tests."""

from datetime import date
from html import escape

import pytest
from django.utils.translation import gettext

from fazhi.org.demo import grant
from fazhi.org.models import Role, Unit
from fazhi.reconsideration import services


@pytest.fixture
def recon(district):
    from fazhi.reconsideration.demo import PERMISSIONS

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"reconsideration.{c}" for c in codenames])
    return {
        "market": Unit.objects.get(short_name="区市场监管局"),
        "finance": Unit.objects.get(short_name="区财政局"),
        "users": district,
    }


@pytest.fixture
def writing_liaison(recon):
    """The liaison of 区市场监管局 given add/change rights: a writer whose scope excludes
    every other respondent."""
    grant(
        Role.objects.get(code="liaison"),
        ["reconsideration.add_case", "reconsideration.change_case"],
    )
    return recon["users"]["liaison"]


def register(respondent, received_on: date, **fields):
    fields.setdefault("applicants", "张某")
    fields.setdefault("act_type", "行政处罚")
    return services.case_register(respondent=respondent, received_on=received_on, **fields)


def accept(case, on: date, procedure="ORDINARY"):
    return services.case_accept(case=case, version=case.version, on=on, procedure=procedure)


def shown(response, msgid: str) -> bool:
    """The message in the page, in whatever language it is rendered (translations of the new
    messages come later)."""
    return escape(gettext(msgid)) in response.content.decode()
