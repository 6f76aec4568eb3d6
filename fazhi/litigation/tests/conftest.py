"""Two lawsuits, one against the market regulator (the demo liaison's department) and one
against the finance bureau, with the demo roles' litigation permissions."""

from datetime import date

import pytest


@pytest.fixture
def lawsuits(district):
    from fazhi.litigation import services
    from fazhi.litigation.demo import PERMISSIONS
    from fazhi.org.demo import grant
    from fazhi.org.models import Role, Unit

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"litigation.{c}" for c in codenames])
    market = Unit.objects.get(short_name="区市场监管局")
    finance = Unit.objects.get(short_name="区财政局")

    def sue(defendant, number, filed):
        return services.lawsuit_register(
            defendant=defendant,
            court="绵阳市游仙区人民法院",
            case_number=number,
            plaintiffs="绵阳某商贸有限公司",
            cause="行政处罚",
            filed_on=filed,
        )

    return {
        "market": market,
        "finance": finance,
        "market_suit": sue(market, "（2019）川0704行初31号", date(2019, 4, 1)),
        "finance_suit": sue(finance, "（2019）川0704行初32号", date(2019, 5, 6)),
        "sue": sue,
        "users": district,
    }
