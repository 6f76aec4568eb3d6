"""The 2019 mediation ledger of the demo district, built to reproduce the seed's figures exactly:
346 committees (142 with a standardised room), 1,769 mediators in post at the end of 2019 (17
full-time, 7 of them hired in 2019), 2,197 disputes whose mediation ended in 2019 (993 led by
full-time mediators) and agreements worth 14,643,580.00 yuan ("1464余万元").

Everything is generated from a fixed random seed, so every load gives the same records. Names,
ID numbers and credit codes are synthetic (valid checksums, invented people).
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from fazhi.core.models import NumberingRule, NumberSequence
from fazhi.core.validators import credit_code_check_char, id_number_check_char
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.mediation.services import MEDIATE_RULE, NUMBER_KEY
from fazhi.org import services as org_services
from fazhi.org.demo import (
    DISTRICT_CODE,
    TOWNSHIPS,
    DemoUser,
    grant_to_roles,
    register_demo_user,
)
from fazhi.org.models import Unit
from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import due_date
from fazhi.timelimits.models import Deadline
from fazhi.timelimits.selectors import rule_for

YEAR = 2019
COMMITTEES = 346
STANDARD_ROOMS = 142
MEDIATORS = 1769
FULL_TIME = 17
FULL_TIME_NEW = 7
DISPUTES = 2197
BY_FULL_TIME = 993
AGREEMENT_TOTAL = Decimal("14643580.00")
LEFT_BEFORE_YEAR_END = 23  # mediators who left in 2018-2019: on the ledger, not in post
OPEN_AT_YEAR_END = 6  # received in December 2019, still being mediated (overdue)

# Villages (and communities) with a committee, per township, in TOWNSHIPS order: 318 in all.
VILLAGES = [22, 20, 18, 30, 26, 36, 28, 27, 30, 25, 28, 28]
INDUSTRY = [
    ("医疗纠纷", "MEDICAL"),
    ("道路交通事故纠纷", "TRAFFIC"),
    ("劳动争议", "LABOUR"),
    ("物业纠纷", "PROPERTY_MANAGEMENT"),
    ("婚姻家庭纠纷", "MARRIAGE_FAMILY"),
    ("消费纠纷", "CONSUMER"),
    ("征地拆迁纠纷", "LAND_REQUISITION"),
    ("环境污染纠纷", "POLLUTION"),
]
ENTERPRISES = [
    "长虹配套产业园",
    "科技城建材市场",
    "涪江物流园",
    "魏城工业园",
    "仙海旅游区",
    "石马农贸市场",
]
OTHERS = ["区诉调对接", "区访调对接"]
VILLAGE_HEADS = "金龙凤凰石桥柏林青松白鹤红星太平永兴新民双河富乐长乐三合和平"
VILLAGE_TAILS = ["村", "村", "村", "社区"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = "建国华明丽芳军平红英伟强勇敏静秀兰桂玉海波涛霞燕刚斌超杰鹏辉琴萍春梅晓东林峰成德福荣"
ORGANISATIONS = [
    "绵阳市游仙区{}建筑工程有限公司",
    "绵阳{}物业服务有限公司",
    "四川{}农业开发有限公司",
    "绵阳市{}商贸有限公司",
    "游仙区{}运输有限公司",
]
FACTS = {
    "MARRIAGE_FAMILY": "双方因赡养老人费用分担及家庭财产分配产生争执，多次协商未果。",
    "NEIGHBOURHOOD": "双方为相邻房屋排水和通行问题发生口角，关系紧张。",
    "HOUSING_LAND": "双方对宅基地界址认定不一，一方建房时占用争议地块。",
    "CONTRACT": "双方签订的买卖合同履行中，一方认为货款未按约定支付。",
    "PRODUCTION": "双方合伙经营养殖场，对收益分配和投入核算有争议。",
    "DAMAGES": "一方饲养的家畜毁坏另一方农作物，双方对赔偿数额有分歧。",
    "LABOUR": "务工人员与用工方就拖欠工资数额及支付时间产生争议。",
    "VILLAGE_AFFAIRS": "村民对集体土地流转收益分配方案有异议。",
    "LAND_REQUISITION": "被征收户对青苗及附属物补偿标准有异议。",
    "POLLUTION": "养殖场排放气味和污水，周边住户要求整改并赔偿。",
    "MEDICAL": "患者家属认为诊疗过程存在过错，要求医疗机构赔偿。",
    "PROPERTY_MANAGEMENT": "业主以服务质量差为由拒交物业费，物业公司要求补缴。",
    "TRAFFIC": "双方车辆发生碰撞造成人员受伤和车辆损坏，就赔偿协商不成。",
    "CONSUMER": "消费者购买的家电出现质量问题，与商家就退换和赔偿发生争执。",
    "OTHER": "双方因其他民间事务发生争执，申请调解。",
}
TERMS = "一、{payer}于{due}前一次性支付{payee}人民币{amount}元；二、双方就本纠纷再无其他争议。"
TERMS_NO_MONEY = (
    "一、双方按照调解确定的方案各自履行义务；二、双方今后和睦相处，不再就此事发生争执。"
)
# Weights of dispute types and sources for committees without a speciality.
TYPE_WEIGHTS = {
    "MARRIAGE_FAMILY": 16,
    "NEIGHBOURHOOD": 20,
    "HOUSING_LAND": 12,
    "CONTRACT": 8,
    "PRODUCTION": 6,
    "DAMAGES": 9,
    "LABOUR": 6,
    "VILLAGE_AFFAIRS": 5,
    "LAND_REQUISITION": 3,
    "POLLUTION": 2,
    "MEDICAL": 1,
    "PROPERTY_MANAGEMENT": 3,
    "TRAFFIC": 4,
    "CONSUMER": 2,
    "OTHER": 3,
}
SOURCE_WEIGHTS = {
    "APPLICATION": 52,
    "OWN_INITIATIVE": 28,
    "COURT": 6,
    "POLICE": 7,
    "PETITION": 4,
    "DEPARTMENT": 3,
}
# Disputes per month (index 0 = January): more around the Spring Festival and harvest.
MONTH_WEIGHTS = [12, 11, 9, 8, 8, 7, 7, 8, 8, 8, 8, 8]

PERMISSIONS = {
    "leader": ["view_committee", "view_mediator", "view_dispute"],
    "section_staff": ["view_committee", "view_mediator", "view_dispute"],
    "observer": ["view_committee", "view_mediator", "view_dispute"],
    "township_staff": [
        "view_committee",
        "add_committee",
        "change_committee",
        "view_mediator",
        "add_mediator",
        "change_mediator",
        "view_dispute",
        "add_dispute",
        "change_dispute",
        "view_id_numbers",
    ],
    "mediator": [
        "view_committee",
        "view_mediator",
        "view_dispute",
        "add_dispute",
        "change_dispute",
    ],
}


def demo_unit_codes() -> set[str]:
    """Codes of the units this demo creates (so `fazhi demo` knows the database is a demo)."""
    return set(Unit.objects.filter(committee__isnull=False).values_list("code", flat=True))


class _Generator:
    def __init__(self):
        self.rng = random.Random(YEAR)
        self.ids: set[str] = set()

    def name(self) -> str:
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice([1, 2, 2])))
        return self.rng.choice(SURNAMES) + given

    def id_number(self, gender: str, born_from=1950, born_to=1998) -> str:
        while True:
            born = date(self.rng.randint(born_from, born_to), 1, 1) + timedelta(
                self.rng.randint(0, 364)
            )
            serial = self.rng.randint(0, 99) * 10 + self.rng.choice(
                [1, 3, 5, 7, 9] if gender == "M" else [0, 2, 4, 6, 8]
            )
            first17 = f"510704{born:%Y%m%d}{serial:03d}"
            value = first17 + id_number_check_char(first17)
            if value not in self.ids:
                self.ids.add(value)
                return value

    def credit_code(self) -> str:
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        first17 = "91510704" + "".join(self.rng.choice(alphabet) for _ in range(9))
        return first17 + credit_code_check_char(first17)

    def phone(self) -> str:
        return (
            "1" + self.rng.choice("3589") + "".join(self.rng.choice("0123456789") for _ in range(9))
        )

    def weighted(self, weights: dict) -> str:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]


register_demo_user(
    DemoUser(
        "xinqiao",
        "李新桥",
        "510704101-sfs",
        "township_staff",
        "新桥镇司法所 (township justice office)",
        order=40,
    ),
    DemoUser(
        "xiaojiangou",
        "张小枧",
        "510704102-sfs",
        "township_staff",
        "小枧沟司法所 (township justice office)",
        order=41,
    ),
    DemoUser(
        "mediator",
        "陈调解",
        "510704101-twh",
        "mediator",
        "新桥镇调委会调解员 (mediator)",
        order=60,
    ),
)


@transaction.atomic
def load(year: int, out) -> None:
    _grant_permissions()
    if Committee.objects.exists():
        out.write(f"\n  人民调解：已有 {Committee.objects.count()} 个调委会，未重复加载。")
        return
    gen = _Generator()
    committees = _committees(gen)
    _numbering_rules()
    mediators = _mediators(gen, committees)
    disputes = _disputes(gen, committees, mediators)
    out.write(
        f"\n  人民调解：{len(committees)} 个调委会，{len(mediators)} 名调解员，{disputes} 件纠纷"
    )


def _grant_permissions():
    grant_to_roles("mediation", PERMISSIONS)


def _committees(gen) -> list[Committee]:
    """(committee, township suffix or None), in creation order."""
    district = Unit.objects.get(code=DISTRICT_CODE)
    rooms_left = STANDARD_ROOMS
    created = []

    def add(unit, committee_type, room, founded):
        nonlocal rooms_left
        rooms_left -= room
        committee = Committee.objects.create(
            unit=unit,
            committee_type=committee_type,
            has_standard_room=room,
            star_rating=gen.rng.choice([3, 4, 5]) if room else gen.rng.choice([0, 0, 1, 2, 3]),
            established_on=founded,
        )
        created.append(committee)
        return committee

    def unit(code, name, parent):
        existing = Unit.objects.filter(code=code).first()
        if existing is not None:
            return existing
        return org_services.unit_create(
            parent=parent, code=code, name=name, kind=Unit.Kind.MEDIATION_COMMITTEE
        )

    villages = []
    for (suffix, township_name, _office), count in zip(TOWNSHIPS, VILLAGES, strict=True):
        township = Unit.objects.get(code=f"{DISTRICT_CODE}{suffix}")
        add(
            unit(f"{DISTRICT_CODE}{suffix}-twh", f"{township_name}人民调解委员会", township),
            Committee.Type.TOWNSHIP,
            True,
            date(2011, 3, 1),
        )
        named = set()  # a township has no two villages of one name
        for n in range(1, count + 1):
            tail = VILLAGE_TAILS[n % len(VILLAGE_TAILS)]
            for shift in range(len(VILLAGE_HEADS)):
                head = VILLAGE_HEADS[(n * 2 + int(suffix) + shift) % (len(VILLAGE_HEADS) - 1)]
                head += VILLAGE_HEADS[(n * 5 + int(suffix) * 3) % (len(VILLAGE_HEADS) - 1) + 1]
                name = f"{township_name}{head}{tail}人民调解委员会"
                if name not in named:
                    break
            named.add(name)
            villages.append(
                (f"{DISTRICT_CODE}{suffix}-c{n:02d}", name, township, date(2011 + n % 8, 6, 1))
            )
    for n, (name, _type) in enumerate(INDUSTRY, start=1):
        add(
            unit(f"{DISTRICT_CODE}-hy{n:02d}", f"游仙区{name}人民调解委员会", district),
            Committee.Type.INDUSTRY,
            True,
            date(2014 + n % 5, 9, 1),
        )
    # Villages: the remaining standardised rooms go to a fixed random choice of them.
    roomed = set(gen.rng.sample(range(len(villages)), rooms_left))
    for index, (code, name, township, founded) in enumerate(villages):
        add(unit(code, name, township), Committee.Type.VILLAGE, index in roomed, founded)
    for n, name in enumerate(ENTERPRISES, start=1):
        suffix = TOWNSHIPS[n % len(TOWNSHIPS)][0]
        township = Unit.objects.get(code=f"{DISTRICT_CODE}{suffix}")
        add(
            unit(f"{DISTRICT_CODE}{suffix}-qy{n}", f"{name}人民调解委员会", township),
            Committee.Type.ENTERPRISE,
            False,
            date(2016, 5, 1),
        )
    for n, name in enumerate(OTHERS, start=1):
        add(
            unit(f"{DISTRICT_CODE}-qt{n}", f"{name}人民调解委员会", district),
            Committee.Type.OTHER,
            False,
            date(2017, 1, 1),
        )
    assert len(created) == COMMITTEES and rooms_left == 0
    return created


def _numbering_rules():
    NumberingRule.objects.get_or_create(
        unit=Unit.objects.get(code=DISTRICT_CODE), key=NUMBER_KEY, defaults={"prefix": "游调"}
    )
    for suffix, township_name, _office in TOWNSHIPS:
        NumberingRule.objects.get_or_create(
            unit=Unit.objects.get(code=f"{DISTRICT_CODE}{suffix}"),
            key=NUMBER_KEY,
            defaults={"prefix": f"{township_name[:2]}调"},
        )


def _mediators(gen, committees) -> list[Mediator]:
    township_committees = [c for c in committees if c.committee_type == Committee.Type.TOWNSHIP]
    industry = [c for c in committees if c.committee_type == Committee.Type.INDUSTRY]
    full_time_homes = township_committees + industry[:5]
    rows = []

    def mediator(committee, employment, hired_on, left_on=None, name=None):
        gender = gen.rng.choice("MMF")
        rows.append(
            Mediator(
                name=name or gen.name(),
                gender=gender,
                id_number=gen.id_number(gender, 1958, 1990),
                phone=gen.phone(),
                committee=committee,
                employment=employment,
                purchased_service=employment == Mediator.Employment.FULL_TIME,
                hired_on=hired_on,
                left_on=left_on,
            )
        )

    for index, committee in enumerate(full_time_homes):
        if index < FULL_TIME - FULL_TIME_NEW:
            hired = date(2017 + index % 2, 3 + index % 6, 1)
        else:
            hired = date(YEAR, 1 + (index - 10) % 3, 2)  # the seven of 2019, by March
        mediator(committee, Mediator.Employment.FULL_TIME, hired)
    # The demo user 陈调解 is a part-time mediator of 新桥镇人民调解委员会.
    xinqiao = next(c for c in committees if c.unit.code == f"{DISTRICT_CODE}101-twh")
    mediator(xinqiao, Mediator.Employment.PART_TIME, date(2015, 4, 1), name="陈调解")
    part_time = MEDIATORS - FULL_TIME - 1
    per_committee = {
        Committee.Type.TOWNSHIP: 8,
        Committee.Type.VILLAGE: 5,
        Committee.Type.INDUSTRY: 5,
        Committee.Type.ENTERPRISE: 3,
        Committee.Type.OTHER: 4,
    }
    seats = []
    for committee in committees:
        seats += [committee] * per_committee[committee.committee_type]
    while len(seats) < part_time:
        seats.append(gen.rng.choice(committees))
    gen.rng.shuffle(seats)
    seats = seats[:part_time]
    for committee in seats:
        hired = date(gen.rng.randint(2008, 2018), gen.rng.randint(1, 12), 1)
        mediator(committee, Mediator.Employment.PART_TIME, hired)
    for _ in range(LEFT_BEFORE_YEAR_END):
        hired = date(gen.rng.randint(2010, 2016), gen.rng.randint(1, 12), 1)
        left = date(gen.rng.choice([2018, 2019]), gen.rng.randint(1, 12), 15)
        mediator(gen.rng.choice(committees), Mediator.Employment.PART_TIME, hired, left)
    return Mediator.objects.bulk_create(rows)


def _received_date(gen, hired_on: date) -> date:
    month = gen.rng.choices(range(1, 13), weights=MONTH_WEIGHTS)[0]
    day = gen.rng.randint(1, 28)
    received = date(YEAR, month, day)
    return max(received, hired_on + timedelta(days=gen.rng.randint(0, 20)))


def _disputes(gen, committees, mediators) -> int:
    in_post = [m for m in mediators if m.left_on is None]
    full_time = [m for m in in_post if m.employment == Mediator.Employment.FULL_TIME]
    part_time_by_committee = {}
    for m in in_post:
        if m.employment == Mediator.Employment.PART_TIME:
            part_time_by_committee.setdefault(m.committee_id, []).append(m)
    speciality = {
        c.pk: INDUSTRY[n][1]
        for n, c in enumerate(c for c in committees if c.committee_type == Committee.Type.INDUSTRY)
    }
    # Busier committees: township and industry committees take more disputes than villages.
    weights = [
        {"TOWNSHIP": 10, "INDUSTRY": 8, "VILLAGE": 1, "ENTERPRISE": 2, "OTHER": 6}[c.committee_type]
        for c in committees
    ]
    plan = []  # (lead mediator, received, closed or None)
    for n in range(BY_FULL_TIME):
        lead = full_time[n % len(full_time)]
        plan.append(lead)
    while len(plan) < DISPUTES + OPEN_AT_YEAR_END:
        committee = gen.rng.choices(committees, weights=weights)[0]
        pool = part_time_by_committee.get(committee.pk)
        if pool:
            plan.append(gen.rng.choice(pool))
    gen.rng.shuffle(plan)
    # The open ones are led by part-time mediators (the full-time count covers closed cases).
    open_leads = [m for m in plan if m.employment == Mediator.Employment.PART_TIME][
        :OPEN_AT_YEAR_END
    ]
    for lead in open_leads:
        plan.remove(lead)
    disputes, parties, amounts = [], [], []
    for index, lead in enumerate(plan):
        committee_id = lead.committee_id
        dispute_type = speciality.get(committee_id) or gen.weighted(TYPE_WEIGHTS)
        if index < 25 and lead.hired_on.year < YEAR:
            received = date(YEAR - 1, 12, gen.rng.randint(10, 28))  # carried over from 2018
            closed = date(YEAR, 1, gen.rng.randint(3, 25))
        else:
            received = _received_date(gen, lead.hired_on)
            closed = min(
                received + timedelta(days=gen.rng.choice([0, 1, 3, 5, 8, 12, 20, 28, 40])),
                date(YEAR, 12, 31),
            )
        disputes.append(_dispute(gen, lead, dispute_type, received, closed, amounts))
    for lead in open_leads:
        received = date(YEAR, 12, gen.rng.randint(2, 12))
        disputes.append(_dispute(gen, lead, gen.weighted(TYPE_WEIGHTS), received, None, amounts))
    _settle_amounts(disputes, amounts)
    _assign_numbers(disputes)
    Dispute.objects.bulk_create(disputes)
    names = {c.pk: c.unit.name for c in committees}
    for dispute in disputes:
        parties += _parties(gen, dispute, names[dispute.committee_id])
    Party.objects.bulk_create(parties)
    _clocks(disputes)
    return len(disputes)


def _dispute(gen, lead, dispute_type, received, closed, amounts) -> Dispute:
    dispute = Dispute(
        committee_id=lead.committee_id,
        dispute_type=dispute_type,
        source=gen.weighted(SOURCE_WEIGHTS),
        received_on=received,
        facts=FACTS[dispute_type],
        lead_mediator=lead,
        status=Dispute.Status.MEDIATING,
        created_by=None,
    )
    if closed is None:
        return dispute
    dispute.closed_on = closed
    outcome = gen.rng.random()
    if outcome < 0.025:
        dispute.status = Dispute.Status.FAILED
    elif outcome < 0.035:
        dispute.status = Dispute.Status.TERMINATED
    else:
        dispute.status = Dispute.Status.SUCCEEDED
        dispute.agreement_form = (
            Dispute.AgreementForm.WRITTEN if gen.rng.random() < 0.86 else Dispute.AgreementForm.ORAL
        )
        dispute.performance = gen.rng.choices(
            [
                Dispute.Performance.PERFORMED,
                Dispute.Performance.PARTLY,
                Dispute.Performance.PENDING,
            ],
            weights=[90, 4, 6],
        )[0]
        if dispute_type not in ("NEIGHBOURHOOD", "VILLAGE_AFFAIRS") and gen.rng.random() < 0.72:
            amounts.append((dispute, gen.rng.lognormvariate(8.3, 1.0)))
        if gen.rng.random() < 0.04:
            dispute.judicial_confirmation_applied_on = closed + timedelta(
                days=gen.rng.randint(1, 20)
            )
    return dispute


def _settle_amounts(disputes, amounts):
    """Scale the drawn amounts to the demo's total, whole yuan, exact to the cent."""
    drawn = sum(weight for _d, weight in amounts)
    total = Decimal("0")
    for dispute, weight in amounts[:-1]:
        dispute.agreement_amount = Decimal(round(weight * float(AGREEMENT_TOTAL) / drawn))
        total += dispute.agreement_amount
    amounts[-1][0].agreement_amount = AGREEMENT_TOTAL - total
    for dispute in disputes:
        if dispute.status != Dispute.Status.SUCCEEDED:
            continue
        if dispute.agreement_amount:
            payer, payee = "乙方", "甲方"
            due = (dispute.closed_on + timedelta(days=30)).strftime("%Y年%-m月%-d日")
            dispute.agreed_terms = TERMS.format(
                payer=payer, payee=payee, due=due, amount=f"{dispute.agreement_amount:,.2f}"
            )
            dispute.performance_method = "现金或银行转账一次性支付，支付后由甲方出具收条。"
        else:
            dispute.agreed_terms = TERMS_NO_MONEY
            dispute.performance_method = "协议签订后即时履行。"


def _assign_numbers(disputes):
    """Numbers in order of receipt, per rule and year, and the sequences left where they end."""
    committees = Committee.objects.select_related("unit").in_bulk()
    rules = {r.unit_id: r for r in NumberingRule.objects.filter(key=NUMBER_KEY)}
    district = Unit.objects.get(code=DISTRICT_CODE)
    townships = {u.path: u for u in Unit.objects.filter(kind=Unit.Kind.TOWNSHIP)}
    serials = {}
    for dispute in sorted(disputes, key=lambda d: (d.received_on, d.lead_mediator.pk)):
        unit = committees[dispute.committee_id].unit
        township = next((t for p, t in townships.items() if unit.path.startswith(p)), None)
        rule = rules[(township or district).pk]
        key = (rule.pk, dispute.received_on.year)
        serials[key] = serials.get(key, 0) + 1
        dispute.number = f"{rule.prefix}〔{dispute.received_on.year}〕{serials[key]}号"
    for (rule_id, year), last in serials.items():
        NumberSequence.objects.update_or_create(
            rule_id=rule_id, year=year, defaults={"last_serial": last}
        )


def _parties(gen, dispute, committee_name: str) -> list[Party]:
    first_gender = gen.rng.choice("MF")
    rows = [
        Party(
            dispute=dispute,
            kind=Party.Kind.PERSON,
            name=gen.name(),
            gender=first_gender,
            id_number=gen.id_number(first_gender),
            phone=gen.phone(),
            address=f"游仙区{committee_name[:3]}",
        )
    ]
    organisation = (
        dispute.dispute_type
        in (
            "CONTRACT",
            "LABOUR",
            "MEDICAL",
            "PROPERTY_MANAGEMENT",
            "CONSUMER",
            "PRODUCTION",
        )
        and gen.rng.random() < 0.6
    )
    if organisation:
        rows.append(
            Party(
                dispute=dispute,
                kind=Party.Kind.ORGANISATION,
                name=gen.rng.choice(ORGANISATIONS).format(
                    gen.rng.choice(["兴达", "宏图", "顺通", "华康", "锦程", "富民"])
                ),
                credit_code=gen.credit_code(),
                phone=gen.phone(),
            )
        )
    else:
        gender = gen.rng.choice("MF")
        rows.append(
            Party(
                dispute=dispute,
                kind=Party.Kind.PERSON,
                name=gen.name(),
                gender=gender,
                id_number=gen.id_number(gender),
                phone=gen.phone(),
            )
        )
    return rows


def _clocks(disputes):
    """Each dispute's one-month clock, completed on its closing day."""
    from django.contrib.contenttypes.models import ContentType

    calendar = get_calendar()
    content_type = ContentType.objects.get_for_model(Dispute)
    committees = Committee.objects.in_bulk()
    rows = []
    for dispute in disputes:
        rule = rule_for(MEDIATE_RULE, dispute.received_on)
        result = due_date(calendar, dispute.received_on, rule.amount, rule.unit)
        rows.append(
            Deadline(
                content_type=content_type,
                object_id=dispute.pk,
                unit_id=committees[dispute.committee_id].unit_id,
                rule=rule,
                label=rule.title,
                start_date=dispute.received_on,
                due_date=result.due,
                suggested_internal_date=result.suggested_internal,
                completed_on=dispute.closed_on,
            )
        )
    Deadline.objects.bulk_create(rows)
