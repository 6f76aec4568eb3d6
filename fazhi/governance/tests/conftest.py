"""The demo roles' 依法治区 permissions, and a year's work points with two tasks (one led by the
market regulator, the demo liaison's department, one by the finance bureau) and an inspection
of both departments."""

from datetime import date

import pytest


@pytest.fixture
def office(district):
    from fazhi.governance import services
    from fazhi.governance.demo import OFFICE_CODE, PERMISSIONS
    from fazhi.org.demo import grant
    from fazhi.org.models import Role, Unit

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"governance.{c}" for c in codenames])
    unit = Unit.objects.get(code=OFFICE_CODE)
    market = Unit.objects.get(short_name="区市场监管局")
    finance = Unit.objects.get(short_name="区财政局")
    plan = services.workplan_save(
        user=None,
        unit=unit,
        year=2019,
        title="2019年全面依法治区工作要点",
        document_number="游委法办〔2019〕1号",
        issued_on=date(2019, 3, 20),
    )

    def assign(lead, title, due, assigned=date(2019, 3, 20)):
        return services.task_save(
            user=None,
            plan=plan,
            meeting=None,
            number="",
            title=title,
            lead_unit=lead,
            co_units=[],
            leader="分管副区长",
            assigned_on=assigned,
            due_on=due,
        )

    inspection = services.inspection_save(
        user=None,
        unit=unit,
        kind="SPECIAL",
        title="2019年法治建设专项督察",
        document_number="游委法办〔2019〕12号",
        started_on=date(2019, 8, 1),
        ended_on=date(2019, 9, 30),
        inspected_units=[market, finance],
    )
    return {
        "unit": unit,
        "market": market,
        "finance": finance,
        "plan": plan,
        "assign": assign,
        "market_task": assign(market, "推行行政执法三项制度", date(2019, 9, 30)),
        "finance_task": assign(finance, "保障法治建设工作经费", date(2019, 6, 30)),
        "inspection": inspection,
        "users": district,
    }
