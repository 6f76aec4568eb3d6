from datetime import date

import pytest

from fazhi.core.models import NumberingRule
from fazhi.legality import services
from fazhi.legality.models import ReviewRequest
from fazhi.org.models import Unit


@pytest.fixture
def legality(district):
    from fazhi.legality.demo import PERMISSIONS
    from fazhi.org.demo import grant
    from fazhi.org.models import Role

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"legality.{c}" for c in codenames])
    bureau = Unit.objects.get(code="510704-sfj")
    NumberingRule.objects.create(unit=bureau, key=services.LETTER_KEY, prefix="游司审")
    market = Unit.objects.get(short_name="区市场监管局")  # the demo liaison's department
    other = Unit.objects.get(short_name="区财政局")
    ours = services.request_submit(
        kind=ReviewRequest.Kind.NORMATIVE_DOCUMENT,
        submitting_unit=market,
        title="关于规范农贸市场管理的通知（送审稿）",
        received_on=date(2019, 9, 27),
    )
    theirs = services.request_submit(
        kind=ReviewRequest.Kind.CONTRACT,
        submitting_unit=other,
        title="政府采购服务合同",
        received_on=date(2019, 9, 27),
    )
    return {"bureau": bureau, "ours": ours, "theirs": theirs}


@pytest.fixture
def today_is(monkeypatch):
    """Set the platform's "today" (a department's submission is received that day)."""
    from fazhi.timelimits import selectors

    def set_day(day: date):
        monkeypatch.setattr(selectors, "today", lambda: day)

    return set_day
