"""What the 依法治区 ledger contributes to section 一 of the annual report: the sub-section it
leads, (一) 依法治区, in our own words."""

from fazhi.reports.paragraphs import (
    ReportItem,
    SectionParagraph,
    Theme,
    register_item,
    register_section_paragraph,
    register_suggestions,
    register_theme,
)

register_theme(
    Theme(
        key="governance",
        order=10,
        heading="统筹推进全面依法治区。",
        opening="在区委领导下，依法治区办发挥统筹协调作用，推动全区法治建设各项任务落地。",
    )
)

register_item(
    ReportItem(
        key="governance.mechanism",
        theme="governance",
        order=10,
        lead="完善工作机制。",
        text=(
            "委员会下设{{governance.coordination_groups}}协调小组，全年召开委员会、办公室和协调小组"
            "会议{{governance.meetings}}；年度工作要点分解为{{governance.tasks}}任务，已完成"
            "{{governance.tasks.done}}，其中按期完成{{governance.tasks.done_on_time}}。"
        ),
    ),
    ReportItem(
        key="governance.inspection",
        theme="governance",
        order=20,
        lead="用好法治督察。",
        text=(
            "开展法治督察{{governance.inspections}}，发现问题{{governance.findings}}，整改销号"
            "{{governance.findings.rectified}}，对{{governance.criticised_units}}工作不力的单位"
            "予以通报批评。"
        ),
    ),
    ReportItem(
        key="governance.demonstration",
        theme="governance",
        order=30,
        lead="推进示范创建。",
        text="组织{{demonstration.participating_units}}部门参与法治政府建设示范创建申报。",
    ),
    ReportItem(
        key="governance.innovation",
        theme="governance",
        order=40,
        lead="打造法治创新品牌。",
        text=(
            "举办法治创新大赛，评出创新奖{{governance.innovation.awards}}、提名奖"
            "{{governance.innovation.nominations}}，参赛作品网页访问{{governance.innovation.page_views}}，"
            "获点赞{{governance.innovation.likes}}，{{governance.innovation.media_reports}}媒体作了报道。"
        ),
    ),
    ReportItem(
        key="governance.honours",
        theme="governance",
        order=50,
        lead="法治建设获得肯定。",
        text=(
            "全年获得各级表彰{{governance.honours}}，其中国家级{{governance.honours.national}}、"
            "省级{{governance.honours.provincial}}、市级{{governance.honours.municipal}}。"
        ),
    ),
)


def covers_the_district(report) -> bool:
    """The office's own figures (the district's study, inspections, assessment) belong in the
    report of the whole district, not in a department's or township's own."""
    return report.scope.parent_id is None


register_section_paragraph(
    SectionParagraph(
        key="governance.leaders",
        section="LEADERS",
        when=covers_the_district,
        heading="压实第一责任人职责。",
        order=10,
        text=(
            "各单位党委（党组）理论学习中心组集中学法{{governance.leaders.study_sessions}}，党委（党组）"
            "会议专题研究法治建设{{governance.leaders.agenda_items}}，"
            "{{governance.leaders.law_reports}}单位主要负责人在年终述职中述法或现场述法，其中现场述法"
            "{{governance.leaders.on_site_reports}}。"
        ),
    ),
    SectionParagraph(
        key="governance.oversight",
        section="LEADERS",
        when=covers_the_district,
        heading="强化督促考核。",
        order=20,
        text=(
            "向区委书记专题汇报法治工作{{governance.topic_reports}}，开展法治调研课题"
            "{{governance.research_topics}}；牵头开展法治督察{{governance.inspections}}，通报批评"
            "{{governance.criticised_units}}工作不力单位；组织{{governance.assessment.units}}单位参加法治"
            "建设考核，平均得分{{governance.assessment.average}}，全区在全市法治建设考核中得分"
            "{{governance.assessment.city_score}}。"
        ),
    ),
)


def _shortcomings(report) -> list[str]:
    """What the year's records say is still wanting, for section 二 (staff take or leave it)."""
    from datetime import date

    from django.db.models import F, Q

    from fazhi.governance.models import AssessmentResult, Finding, Task
    from fazhi.org.scope import in_subtree
    from fazhi.timelimits.selectors import today

    year, scope = report.year, report.scope
    found = []
    late = Task.objects.filter(
        in_subtree("lead_unit", scope), due_on__year=year, due_on__lt=today()
    ).filter(Q(completed_on__isnull=True) | Q(completed_on__gt=F("due_on")))
    count = late.count()
    if count:
        units = "、".join(
            dict.fromkeys(
                t.lead_unit.short_name or t.lead_unit.name
                for t in late.select_related("lead_unit").order_by("due_on", "pk")[:5]
            )
        )
        found.append(
            f"工作台账中有{count}项任务未按期完成（涉及{units}等单位），任务推进和督办机制仍需加强。"
        )
    open_findings = Finding.objects.filter(in_subtree("unit", scope), found_on__year=year).exclude(
        status=Finding.Status.ACCEPTED, accepted_on__lte=date(year, 12, 31)
    )
    count = open_findings.count()
    if count:
        found.append(
            f"法治督察发现的问题中有{count}个至年底尚未整改销号，督察“利剑”作用还未充分发挥。"
        )
    below = AssessmentResult.objects.filter(
        in_subtree("unit", scope), scheme__year=year, total__lt=F("scheme__pass_line")
    )
    count = below.count()
    if count:
        found.append(f"年度法治建设考核中有{count}个单位低于合格线，法治建设发展不平衡。")
    return found


register_suggestions("SHORTCOMINGS", "governance", _shortcomings)
