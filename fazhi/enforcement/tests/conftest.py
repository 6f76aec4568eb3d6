"""The demo roles' enforcement permissions and a few officers of the market regulator (the demo
liaison's department) and the finance bureau; an evaluation of their case files."""

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


@pytest.fixture
def evaluation(officers):
    """An evaluation of penalty case files: the market regulator's (two certificated officers,
    5 points off, a problem found) and the finance bureau's (one officer: a shortfall)."""
    from decimal import Decimal

    from fazhi.core.validators import id_number_check_char
    from fazhi.enforcement import services
    from fazhi.enforcement.models import DEFAULT_GRADES

    bureau, market, finance = officers["bureau"], officers["market"], officers["finance"]
    body = "51070419800101035"
    wang = services.officer_save(
        user=None,
        unit=market,
        name="王执法",
        id_number=body + id_number_check_char(body),
        post="执法队员",
        staff_status="ESTABLISHED",
        legal_qualification=True,
        entrusted_organisation="",
        training_hours=40,
    )
    for n, officer in enumerate([officers["zhang"], wang, officers["li"]], start=1):
        services.certificate_save(
            user=None,
            officer=officer,
            kind="PROVINCIAL",
            number=f"川2019100{n:03d}",
            issued_by="四川省人民政府",
            issued_on=date(2019, 1, 10),
            expires_on=date(2024, 1, 10),
            status="VALID",
            renewal=None,
        )
    organs = {
        key: services.organ_save(
            user=None, unit=unit, legal_basis="", penalty=True, compulsion=False
        )
        for key, unit in (("market", market), ("finance", finance))
    }
    rubric = services.rubric_save(
        user=None,
        unit=bureau,
        kind="PENALTY",
        title="行政处罚案卷评查标准",
        edition="2019版",
        adopted_on=date(2019, 1, 1),
    )
    services.rubric_item_add(rubric=rubric, code="1", title="程序合法")
    notice_item = services.rubric_item_add(
        rubric=rubric, code="1.1", title="告知陈述申辩权利", points=Decimal("40")
    )
    services.rubric_item_add(rubric=rubric, code="2", title="文书规范")
    services.rubric_item_add(rubric=rubric, code="2.1", title="文书制作规范", points=Decimal("60"))
    campaign = services.campaign_save(
        user=None,
        unit=bureau,
        title="2019年度行政执法案卷评查",
        started_on=date(2019, 7, 1),
        ended_on=date(2019, 7, 31),
        scope="2018年7月1日至2019年6月30日期间办结的行政处罚案卷",
        files_per_organ=2,
        grades=DEFAULT_GRADES,
        rectify_days=30,
        rubrics=[rubric],
        evaluators=[officers["users"]["zhifa"]],
    )
    market_file = services.case_file_save(
        user=None,
        campaign=campaign,
        organ=organs["market"],
        case_number="游市监罚〔2019〕15号",
        title="某超市销售过期食品案",
        kind="PENALTY",
        decided_on=date(2019, 5, 6),
        officers=[officers["zhang"], wang],
    )
    market_file = services.case_file_score(
        case_file=market_file,
        version=market_file.version,
        scored_on=date(2019, 7, 10),
        deductions={notice_item.pk: (Decimal("5"), "未书面告知当事人陈述申辩权利")},
    )
    finance_file = services.case_file_save(
        user=None,
        campaign=campaign,
        organ=organs["finance"],
        case_number="游财罚〔2019〕3号",
        title="某公司违反财务会计制度案",
        kind="PENALTY",
        decided_on=date(2019, 4, 2),
        officers=[officers["li"]],
    )
    problem = services.problem_save(
        user=None,
        case_file=market_file,
        description="处罚告知书未载明陈述申辩期限",
        found_on=date(2019, 7, 10),
        due_on=date(2019, 8, 9),
    )
    return {
        "campaign": campaign,
        "organs": organs,
        "market_file": market_file,
        "finance_file": finance_file,
        "problem": problem,
        "rubric": rubric,
        "notice_item": notice_item,
        "wang": wang,
        **officers,
    }
