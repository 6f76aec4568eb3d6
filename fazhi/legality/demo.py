"""The 2019 legality review and filing ledger of the demo district, reproducing the seed's
section (二): 172 executive-meeting agenda items reviewed with signed opinions, 65 major economic
contracts, 32 normative documents, 79 numbered opinion letters carrying 297 legal opinions, 7
normative documents and 4 major penalty / compulsory decisions filed. Titles are invented."""

import random
from datetime import date, timedelta

from django.db import transaction

from fazhi.core.models import NumberingRule
from fazhi.legality import services
from fazhi.legality.models import Filing, LegalAdvisor, OpinionItem, ReviewRequest
from fazhi.org.demo import (
    DemoUser,
    department_code,
    grant_to_roles,
    register_demo_user,
    section_code,
)
from fazhi.org.models import Unit

YEAR = 2019
MEETING_TOPICS, CONTRACTS, NORMATIVE = 172, 65, 32
CONTRACT_LETTERS = 47  # with the 32 normative documents: 79 letters
OPINIONS = 297
PERMISSIONS = {
    "leader": ["view_reviewrequest", "view_opinionitem", "view_filing", "view_legaladvisor"],
    "section_staff": [
        f"{action}_{model}"
        for action in ("view", "add", "change")
        for model in ("reviewrequest", "opinionitem", "filing", "legaladvisor")
    ],
    "observer": ["view_reviewrequest", "view_opinionitem", "view_filing"],
    "liaison": [
        "view_reviewrequest",
        "add_reviewrequest",
        "view_opinionitem",
        "view_filing",
        "add_filing",
    ],
    "township_staff": ["view_reviewrequest", "view_opinionitem", "view_filing"],
}
register_demo_user(
    DemoUser(
        "shencha",
        "刘审查",
        section_code("合法性审查科"),
        "section_staff",
        "合法性审查科 (legality review and filing staff; drafts the annual report)",
        order=20,
    ),
    DemoUser(
        "liaison",
        "赵联络",
        department_code("区市场监管局"),
        "liaison",
        "区市场监管局联络员 (department liaison)",
        order=50,
    ),
)
TOPICS = ["关于{}的请示", "关于印发{}的通知（代拟稿）", "关于{}有关事项的汇报"]
SUBJECTS = [
    "农村人居环境整治",
    "老旧小区改造",
    "城乡供水一体化",
    "政府投资项目管理",
    "国有资产处置",
    "招商引资项目落地",
    "土地收储",
    "校园安全管理",
    "食品安全监管",
    "河长制考核",
    "森林防火",
    "安全生产专项整治",
    "优化营商环境",
    "公共资源交易",
    "医疗保障基金监管",
]
ITEM_TEXTS = {
    "LEGALITY": "建议补充制定依据，明确所依据的法律法规条款。",
    "PROCEDURE": "建议履行公开征求意见和集体讨论决定程序。",
    "CONTENT": "部分条款表述不够准确，建议修改完善。",
    "RISK": "建议增加违约责任和争议解决条款，防范履约风险。",
    "OTHER": "建议与相关部门做好衔接。",
}


@transaction.atomic
def load(year: int, out) -> None:
    grant_to_roles("legality", PERMISSIONS)
    if ReviewRequest.objects.exists():
        out.write("\n  合法性审查：已有数据，未重复加载。")
        return
    rng = random.Random(YEAR * 7)
    bureau = Unit.objects.get(code="510704-sfj")
    NumberingRule.objects.get_or_create(
        unit=bureau, key=services.LETTER_KEY, defaults={"prefix": "游司审"}
    )
    departments = list(Unit.objects.filter(kind=Unit.Kind.DEPARTMENT).order_by("path"))
    government = Unit.objects.get(code="510704-zfb")
    _advisors(bureau)
    plan = (
        [(ReviewRequest.Kind.MEETING_TOPIC, False)] * MEETING_TOPICS
        + [(ReviewRequest.Kind.CONTRACT, True)] * CONTRACT_LETTERS
        + [(ReviewRequest.Kind.CONTRACT, False)] * (CONTRACTS - CONTRACT_LETTERS)
        + [(ReviewRequest.Kind.NORMATIVE_DOCUMENT, True)] * NORMATIVE
    )
    letters = CONTRACT_LETTERS + NORMATIVE
    per_letter = [OPINIONS // letters] * letters
    for i in range(OPINIONS - sum(per_letter)):
        per_letter[i] += 1
    rng.shuffle(per_letter)
    days = sorted(date(YEAR, 1, 3) + timedelta(rng.randint(0, 340)) for _ in plan)
    rng.shuffle(plan)
    issued = 0
    for (kind, with_letter), received in zip(plan, days, strict=True):
        unit = (
            government
            if kind == ReviewRequest.Kind.MEETING_TOPIC and rng.random() < 0.2
            else rng.choice(departments)
        )
        subject = rng.choice(SUBJECTS)
        title = rng.choice(TOPICS).format(subject)
        if kind == ReviewRequest.Kind.CONTRACT:
            title = f"{subject}项目合同"
        request = services.request_submit(
            kind=kind, submitting_unit=unit, title=title, received_on=received
        )
        items = []
        if with_letter:
            for _ in range(per_letter[issued]):
                category = rng.choice(list(ITEM_TEXTS))
                items.append(
                    {
                        "text": ITEM_TEXTS[category],
                        "category": category,
                        "adoption": rng.choices(
                            ["ADOPTED", "PARTLY", "NOT_ADOPTED"], weights=[85, 10, 5]
                        )[0],
                    }
                )
            issued += 1
        services.request_issue_opinion(
            request=request,
            version=request.version,
            on=min(received + timedelta(days=rng.randint(2, 12)), date(YEAR, 12, 31)),
            reviewing_unit=bureau,
            items=items,
            with_letter=with_letter,
            signed_opinion=""
            if with_letter
            else "经审查，该事项符合法律法规规定，同意提交会议审议。",
        )
    # Still in review at the end of the year: not counted above.
    for received in [date(YEAR, 12, 20), date(YEAR, 12, 26)]:
        services.request_submit(
            kind=ReviewRequest.Kind.NORMATIVE_DOCUMENT,
            submitting_unit=rng.choice(departments),
            title="关于加强城市管理工作的意见（送审稿）",
            received_on=received,
        )
    _filings(rng, departments)
    out.write(
        f"\n  合法性审查与备案：{ReviewRequest.objects.count()} 件审查，"
        f"{OpinionItem.objects.count()} 条意见，{Filing.objects.count()} 件备案"
    )


def _advisors(bureau):
    for name, kind, firm in [
        ("杨律师", LegalAdvisor.Kind.RESIDENT_LAWYER, "四川涪城律师事务所"),
        ("周律师", LegalAdvisor.Kind.ADVISORY_TEAM, "四川科城律师事务所"),
        ("吴律师", LegalAdvisor.Kind.ADVISORY_TEAM, "四川仙海律师事务所"),
        ("郑律师", LegalAdvisor.Kind.SPECIAL, "四川富乐律师事务所"),
    ]:
        LegalAdvisor.objects.create(
            unit=bureau, name=name, kind=kind, firm=firm, term_start=date(2019, 1, 1)
        )


def _filings(rng, departments):
    kinds = (
        [Filing.Kind.NORMATIVE_DOCUMENT] * 7
        + [Filing.Kind.MAJOR_PENALTY] * 2
        + [Filing.Kind.COMPULSORY] * 2
    )
    for n, kind in enumerate(kinds, start=1):
        published = date(YEAR, n, rng.randint(1, 5))  # n ≤ 11: filed within 2019
        unit = rng.choice(departments)
        services.filing_register(
            kind=kind,
            filing_unit=unit,
            title=f"{unit.short_name or unit.name}{'规范性文件' if kind == Filing.Kind.NORMATIVE_DOCUMENT else '重大执法决定'}（第{n}号）",
            document_number=f"游{(unit.short_name or unit.name)[1:3]}〔{YEAR}〕{n}号",
            published_on=published,
            filed_on=published + timedelta(days=rng.randint(5, 25)),
            result=Filing.Result.FILED,
            reviewed_on=published + timedelta(days=30),
        )
