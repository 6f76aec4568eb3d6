"""The demo roles' enforcement permissions and a few officers of the market regulator (the demo
liaison's department) and the finance bureau."""

from datetime import date

import pytest


@pytest.fixture
def officers(district):
    from fazhi.core.validators import id_number_check_char
    from fazhi.enforcement import services
    from fazhi.enforcement.demo import PERMISSIONS
    from fazhi.org.demo import BUREAU_CODE, grant
    from fazhi.org.models import Role, Unit

    for code, codenames in PERMISSIONS.items():
        grant(Role.objects.get(code=code), [f"enforcement.{c}" for c in codenames])
    market = Unit.objects.get(short_name="区市场监管局")
    finance = Unit.objects.get(short_name="区财政局")

    def officer(unit, name, n):
        body = f"51070419800101{n:03d}"
        return services.officer_save(
            user=None,
            unit=unit,
            name=name,
            id_number=body + id_number_check_char(body),
            post="执法队员",
            staff_status="ESTABLISHED",
            legal_qualification=False,
            entrusted_organisation="",
            training_hours=40,
        )

    return {
        "market": market,
        "finance": finance,
        "bureau": Unit.objects.get(code=BUREAU_CODE),
        "zhang": officer(market, "张执法", 1),
        "li": officer(finance, "李执法", 2),
        "users": district,
        "day": date(2019, 6, 28),
    }
