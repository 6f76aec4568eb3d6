"""The demo district's 2019 annual report of the justice bureau: section 一 generated from the
lines of work, sections 二–四 written for the demo (on the topics of the published 2019 report,
in our own words), signed 绵阳市游仙区司法局 on 2020-03-09. It is left as a draft so that a
visitor can run the checks, approve and publish it."""

from datetime import date

from django.db import transaction

from fazhi.org.demo import grant_to_roles
from fazhi.org.models import Unit
from fazhi.reports import services
from fazhi.reports.models import AnnualReport, ReportParagraph, ReportSection

PERMISSIONS = {
    "leader": ["view_annualreport", "approve_annualreport", "publish_annualreport"],
    "section_staff": [
        "view_annualreport",
        "add_annualreport",
        "change_annualreport",
        "publish_annualreport",
    ],
    "observer": ["view_annualreport"],
}

NARRATIVE = {
    ReportSection.Kind.SHORTCOMINGS: [
        (
            "",
            "对照年度目标，全区法治政府建设仍有短板：一是推进不够均衡，少数乡镇和部门重视程度"
            "不高，工作停留在面上，存在应付现象；二是部分领导干部运用法治思维和法治方式处理问题"
            "的能力还有差距，履行法治建设职责不够到位；三是依法治区的统筹推进机制还需理顺，各"
            "协调小组作用发挥不充分，部分单位尚未明确抓法治建设的专门机构和人员；四是法治建设"
            "考评体系有待健全，法治督察的震慑作用和考核结果的运用还不够有力。究其原因，主要在于"
            "工作机制尚不完善、基层工作力量薄弱、普法宣传的针对性和实效性不强。对这些问题，我们"
            "将逐项研究整改。",
        ),
    ],
    ReportSection.Kind.LEADERS: [
        (
            "压实责任抓落实。",
            "局主要负责人坚持把法治建设摆在全局工作的重要位置，带头学法用法，严格执行重大事项"
            "请示报告制度，就法治工作向区委主要领导专题汇报，及时请示涉及法治建设的重大问题，"
            "确保区委全面依法治区委员会的各项部署落地见效。",
        ),
        (
            "强化统筹抓协调。",
            "细化年度法治建设工作要点，分解目标任务，明确责任单位和完成时限，编印全面依法治区"
            "工作手册，推动法治建设与经济社会发展同步部署、同步推进；建立部门协同、联合调研和"
            "信息互通机制，发挥依法治区办公室联系各协调小组、指导乡镇和部门的枢纽作用。",
        ),
    ],
    ReportSection.Kind.PLAN: [
        (
            "深入推进全面依法治区。",
            "认真贯彻党的十九届四中全会精神，发挥区委依法治区办统筹协调作用，理顺各协调小组分工"
            "推进机制，推动依法执政、依法行政各项要求落实落地。",
        ),
        (
            "持续开展法治政府建设示范创建。",
            "对照示范创建指标体系，聚焦依法全面履行政府职能、依法决策、严格规范公正文明执法、"
            "权力监督制约和矛盾纠纷依法化解等重点领域补齐短板，力争年内通过示范区评估。",
        ),
        (
            "提升行政法律实务工作水平。",
            "进一步规范合法性审查的流程和时限；畅通行政复议申请渠道，健全听证、咨询机制，加大"
            "纠错力度；落实行政机关负责人出庭应诉制度，开展出庭应诉培训；推动人民调解、行政"
            "调解、司法调解衔接联动。",
        ),
        (
            "扎实做好普法和公共法律服务。",
            "落实“谁执法谁普法”普法责任制，推进精准普法；完善公共法律服务站点建设，深化党政机关"
            "法律顾问和公职律师制度，服务法治化营商环境建设。",
        ),
    ],
}


@transaction.atomic
def load(year: int, out) -> None:
    grant_to_roles("reports", PERMISSIONS)
    bureau = Unit.objects.get(kind=Unit.Kind.JUSTICE_BUREAU, parent__parent__isnull=True)
    if AnnualReport.objects.filter(unit=bureau, year=year).exists():
        out.write("\n  年度报告：已有数据，未重复加载。")
        return
    report = services.report_create(unit=bureau, scope=bureau.parent, year=year)
    report.signature_date = date(year + 1, 3, 9)
    report.save()
    for section in report.sections.all():
        generated = section.paragraphs.count()  # a section's generated paragraphs come first
        narrative = NARRATIVE.get(section.kind, [])
        for position, (heading, text) in enumerate(narrative, start=generated + 1):
            ReportParagraph.objects.create(
                section=section, position=position, heading=heading, text=text
            )
    out.write(f"\n  年度报告：{report.title}（草稿）")
