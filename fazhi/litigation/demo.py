"""The demo district's 2019 lawsuits, as the seed reports them: nine, two dismissed by ruling (and
closed when their appeal period ran out), five heard and awaiting judgment, two awaiting
hearing, the heads of the organs appearing in court. Plaintiffs and causes are invented."""

from datetime import date, timedelta

from django.db import transaction

from fazhi.litigation import services
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.org.demo import grant_to_roles
from fazhi.org.models import Unit

COURT = "绵阳市游仙区人民法院"
PERMISSIONS = {
    "leader": ["view_lawsuit", "view_hearing"],
    "section_staff": [
        "view_lawsuit",
        "view_hearing",
        "add_lawsuit",
        "change_lawsuit",
        "add_hearing",
    ],
    "observer": ["view_lawsuit", "view_hearing"],
    # A department's liaison answers its own lawsuits (registers them, records the defence and
    # who appeared in court); its data scope keeps it to its own department's.
    "liaison": ["view_lawsuit", "view_hearing", "add_lawsuit", "change_lawsuit", "add_hearing"],
}
# (defendant short name, plaintiffs, cause, (month, day) filed, outcome-or-stage)
CASES = [
    ("区自然资源局", "赵某某", "土地行政登记", (2, 18), "dismissed"),
    ("区人社局", "钱某某", "工伤认定", (3, 11), "dismissed"),
    ("区市场监管局", "绵阳某食品有限公司", "行政处罚", (4, 22), "heard"),
    ("区住建局", "孙某某", "房屋征收补偿", (5, 27), "heard"),
    ("区公安分局", "周某某", "治安管理处罚", (6, 17), "heard"),
    ("区综合执法局", "吴某某", "强制拆除", (7, 8), "heard"),
    ("区农业农村局", "郑某某", "土地承包经营权", (8, 19), "heard"),
    ("区自然资源局", "王某某", "政府信息公开", (11, 25), "waiting"),
    ("区生态环境局", "四川某建材有限公司", "环境行政处罚", (12, 9), "waiting"),
]
APPEARANCES = [
    (Hearing.Appearance.HEAD, "局长"),
    (Hearing.Appearance.HEAD, "局长"),
    (Hearing.Appearance.DEPUTY, "副局长"),
    (Hearing.Appearance.HEAD, "局长"),
    (Hearing.Appearance.HEAD, "局长"),
]


@transaction.atomic
def load(year: int, out) -> None:
    grant_to_roles("litigation", PERMISSIONS)
    if Lawsuit.objects.exists():
        out.write("\n  行政应诉：已有数据，未重复加载。")
        return
    heard = 0
    for n, (defendant, plaintiffs, cause, (month, day), stage) in enumerate(CASES, start=1):
        filed = date(year, month, day)
        lawsuit = services.lawsuit_register(
            defendant=Unit.objects.get(short_name=defendant),
            court=COURT,
            case_number=f"（{year}）川0704行初{n * 3}号",
            plaintiffs=plaintiffs,
            cause=cause,
            filed_on=filed,
        )
        lawsuit = services.lawsuit_complaint_received(
            lawsuit=lawsuit, version=lawsuit.version, on=filed + timedelta(days=4)
        )
        lawsuit = services.lawsuit_defence_submitted(
            lawsuit=lawsuit, version=lawsuit.version, on=filed + timedelta(days=15)
        )
        if stage == "dismissed":
            lawsuit = services.lawsuit_outcome(
                lawsuit=lawsuit,
                version=lawsuit.version,
                outcome=Lawsuit.Outcome.SUIT_DISMISSED,
                served_on=filed + timedelta(days=40),
            )
            # No one appealed: the ruling took effect when the appeal period ran out.
            services.lawsuit_close(
                lawsuit=lawsuit,
                version=lawsuit.version,
                on=services.appeal_clock(lawsuit).due_date + timedelta(days=1),
            )
        elif stage == "heard":
            appearance, post = APPEARANCES[heard]
            heard += 1
            services.hearing_record(
                lawsuit=lawsuit,
                version=lawsuit.version,
                held_on=filed + timedelta(days=60),
                appearance=appearance,
                official_name=["李某", "陈某", "杨某", "黄某", "刘某"][heard - 1],
                official_post=post,
            )
    out.write(f"\n  行政应诉：{Lawsuit.objects.count()} 件")
