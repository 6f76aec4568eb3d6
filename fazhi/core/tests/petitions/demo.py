from datetime import date

from fazhi.core.tests.petitions import services
from fazhi.core.tests.petitions.models import Petition
from fazhi.org.demo import BUREAU_CODE, DemoUser, grant_to_roles, register_demo_user, section_code
from fazhi.org.models import Unit

register_demo_user(
    DemoUser("xinfang", "孙信访", section_code("办公室"), "section_staff", "信访 (petitions)", 90)
)
PERMISSIONS = {
    "leader": ["view_petition"],
    "section_staff": ["view_petition", "add_petition", "change_petition"],
}


def load(year: int, out) -> None:
    grant_to_roles("petitions", PERMISSIONS)
    if Petition.objects.exists():
        return
    bureau = Unit.objects.get(code=BUREAU_CODE)
    first = services.petition_register(unit=bureau, petitioner="甲", received_on=date(year, 3, 4))
    services.petition_accept(petition=first, version=first.version, on=date(year, 3, 8))
    services.petition_register(unit=bureau, petitioner="乙", received_on=date(year, 9, 2))
    out.write(f"\n  信访事项：{Petition.objects.count()} 件")
