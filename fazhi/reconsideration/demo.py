"""The demo district's 2019 reconsideration cases, as the seed reports them: three applications,
one act upheld, one application not accepted, one case still being handled at the year's end.
Applicants and acts are invented."""

from datetime import date

from django.db import transaction

from fazhi.org.demo import DemoUser, grant_to_roles, register_demo_user, section_code
from fazhi.org.models import Unit
from fazhi.reconsideration import services
from fazhi.reconsideration.models import Case

PERMISSIONS = {
    "leader": ["view_case"],
    "section_staff": ["view_case", "add_case", "change_case"],
    "observer": ["view_case"],
    "liaison": ["view_case"],
}

register_demo_user(
    DemoUser(
        "fuyi",
        "何复议",
        section_code("行政复议与应诉科"),
        "section_staff",
        "行政复议与应诉科 (reconsideration and litigation staff)",
        order=30,
    )
)


@transaction.atomic
def load(year: int, out) -> None:
    grant_to_roles("reconsideration", PERMISSIONS)
    if Case.objects.exists():
        out.write("\n  行政复议：已有数据，未重复加载。")
        return
    market = Unit.objects.get(short_name="区市场监管局")
    resources = Unit.objects.get(short_name="区自然资源局")
    police = Unit.objects.get(short_name="区公安分局")
    upheld = services.case_register(
        respondent=market,
        applicants="绵阳某商贸有限公司",
        act_type="行政处罚",
        act_number="游市监罚〔2019〕17号",
        act_date=date(2019, 3, 18),
        received_on=date(2019, 4, 10),
    )
    upheld = services.case_accept(case=upheld, version=upheld.version, on=date(2019, 4, 12))
    upheld = services.case_copy_sent(case=upheld, version=upheld.version, on=date(2019, 4, 15))
    upheld = services.case_reply_received(case=upheld, version=upheld.version, on=date(2019, 4, 24))
    services.case_decide(
        case=upheld,
        version=upheld.version,
        decision=Case.Decision.UPHELD,
        on=date(2019, 6, 5),
        number="游府复决〔2019〕1号",
    )
    refused = services.case_register(
        respondent=resources,
        applicants="李某某",
        act_type="信息公开答复",
        received_on=date(2019, 8, 20),
    )
    services.case_not_accept(case=refused, version=refused.version, on=date(2019, 8, 26))
    pending = services.case_register(
        respondent=police,
        applicants="王某某",
        act_type="行政处罚",
        act_number="游公（治）行罚决字〔2019〕203号",
        act_date=date(2019, 11, 2),
        received_on=date(2019, 12, 2),
    )
    pending = services.case_accept(case=pending, version=pending.version, on=date(2019, 12, 5))
    services.case_copy_sent(case=pending, version=pending.version, on=date(2019, 12, 9))
    out.write(f"\n  行政复议：{Case.objects.count()} 件")
