"""The demo district's 2019 rule-of-law office, as the seed reports it: the committee, its
office and four coordination groups set up in the institutional reform, their first meetings,
the year's work points broken into tasks, a two-month special inspection with its findings and
a notice criticising 23 units ("20余个"), the contest's 10 innovation and 19 nomination awards
(942,782 page views, 131,877 likes, 55 outlets reporting), nine research topics, one topical
report to the party secretary, 23 units in the demonstration application and the 13 honours.
Task titles, findings and entry titles are invented in our own words."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from fazhi.core.models import NumberingRule
from fazhi.governance import services
from fazhi.governance.documents import RECTIFICATION_NOTICE_KEY
from fazhi.governance.models import (
    Body,
    DemonstrationIndicator,
    IndicatorEdition,
    InnovationEntry,
    LeaderDuty,
    Level,
    MediaReport,
    ModelVillage,
    Notice,
    TopicReport,
    UnitReport,
)
from fazhi.org.demo import DemoUser, grant_to_roles, register_demo_user
from fazhi.org.models import Unit

OFFICE_CODE = "510704-yfzq"
register_demo_user(
    DemoUser(
        "yifa",
        "周依法",
        OFFICE_CODE,
        "section_staff",
        "区委依法治区办 (rule-of-law office: tasks, inspections, honours)",
        order=25,
    )
)
VIEW = [
    "view_body",
    "view_meeting",
    "view_workplan",
    "view_task",
    "view_inspection",
    "view_finding",
    "view_notice",
    "view_noticemention",
    "view_honour",
    "view_innovationentry",
    "view_mediareport",
    "view_researchtopic",
    "view_topicreport",
    "view_demonstrationapplication",
    "view_demonstrationparticipant",
    "view_assessmentscheme",
    "view_assessmentresult",
    "view_leaderduty",
    "view_unitreport",
    "view_modelvillage",
]
EDIT = [
    f"{action}_{name}"
    for name in [
        "body",
        "meeting",
        "workplan",
        "task",
        "inspection",
        "finding",
        "notice",
        "honour",
        "innovationentry",
        "mediareport",
        "researchtopic",
        "topicreport",
        "demonstrationapplication",
        "assessmentscheme",
        "leaderduty",
        "unitreport",
        "modelvillage",
    ]
    for action in ("add", "change")
]
REPORTING = [
    "view_task",
    "report_task",
    "view_finding",
    "rectify_finding",
    "view_workplan",
    "view_meeting",
    "view_inspection",
]
PERMISSIONS = {
    "leader": VIEW,
    "observer": VIEW,
    "section_staff": VIEW + EDIT + ["report_task", "confirm_task", "accept_finding"],
    # Departments and townships report progress and rectification for their own unit only
    # (their data scope keeps them to it).
    # They see the work points, meetings and inspections that reached their unit.
    "liaison": [*REPORTING],
    "township_staff": [*REPORTING],
}
GROUPS = ["宪法和法律实施协调小组", "执法协调小组", "司法协调小组", "守法普法协调小组"]
# (lead unit's short name, task, (month, day) due, outcome: on_time / late / reported / open)
TASKS = [
    ("区委依法治区办", "制定委员会、协调小组和办公室工作规则", (3, 31), "on_time"),
    ("区委依法治区办", "编印全面依法治区工作手册", (6, 30), "on_time"),
    ("区司法局", "推动各部门、乡镇（街道）规范设置依法治理机构", (6, 30), "on_time"),
    ("区政府办", "落实重大行政决策合法性审查程序", (9, 30), "on_time"),
    ("区发改局", "开展营造法治化营商环境专项行动", (10, 31), "on_time"),
    ("区市场监管局", "推行行政执法公示、全过程记录和法制审核制度", (9, 30), "late"),
    ("区市场监管局", "落实“谁执法谁普法”责任清单", (12, 20), "open"),
    ("区公安分局", "规范执法办案场所建设", (11, 30), "on_time"),
    ("区教体局", "完成学校法治副校长选聘", (9, 30), "on_time"),
    ("区民政局", "推进村（居）民自治章程修订", (11, 30), "on_time"),
    ("区人社局", "开展根治欠薪专项治理", (12, 15), "on_time"),
    ("区自然资源局", "清理土地管理领域规范性文件", (10, 31), "late"),
    ("区住建局", "规范房屋征收补偿程序", (11, 30), "reported"),
    ("区生态环境局", "公开环境行政处罚信息", (8, 31), "on_time"),
    ("区卫健局", "推进医疗纠纷人民调解", (10, 31), "on_time"),
    ("区综合执法局", "制定行政执法裁量基准", (12, 15), "open"),
    ("区财政局", "保障法治建设工作经费", (6, 30), "on_time"),
    ("区审计局", "开展领导干部履行法治建设职责审计试点", (12, 20), "reported"),
    ("新桥镇", "建成镇公共法律服务工作站", (9, 30), "on_time"),
    ("小枧沟镇", "推进民主法治示范村创建", (11, 30), "on_time"),
]
# Units the special inspection found wanting (23 of them: "20余个"), criticised in a notice.
CRITICISED_DEPARTMENTS = [
    "区发改局",
    "区经信科技局",
    "区民政局",
    "区人社局",
    "区自然资源局",
    "区住建局",
    "区交通运输局",
    "区农业农村局",
    "区水利局",
    "区商务局",
    "区文广旅局",
    "区退役军人局",
    "区应急局",
    "区市场监管局",
]
CRITICISED_TOWNSHIPS = [
    "游仙街道",
    "涪江街道",
    "春雷街道",
    "新桥镇",
    "魏城镇",
    "沉抗镇",
    "石马镇",
    "忠兴镇",
    "玉河镇",
]
PROBLEMS = [
    (
        "主要负责人未专题听取法治建设工作汇报",
        "党政主要负责人履行推进法治建设第一责任人职责规定 第五条",
    ),
    ("未按时公开年度法治政府建设情况报告", "法治政府建设与责任落实督察工作规定 第二十四条"),
    ("行政执法案卷不规范，法制审核记录缺失", "行政处罚法"),
    ("未明确法治建设工作机构和人员", "全面依法治区工作要点"),
    ("普法责任清单未公布", "关于实行国家机关“谁执法谁普法”普法责任制的意见"),
]
# (honoured, honour, level, conferred by, (month, day))
HONOURS = [
    ("游仙区", "全国“七五”普法中期先进区", Level.NATIONAL, "全国普法办", (6, 18)),
    (
        "区司法局",
        "坚持发展“枫桥经验”实现矛盾不上交试点工作通报表扬",
        Level.NATIONAL,
        "司法部",
        (8, 6),
    ),
    ("小枧沟司法所", "全国模范司法所", Level.NATIONAL, "司法部", (12, 3)),
    ("游仙区", "第二批省级法治示范区", Level.PROVINCIAL, "四川省依法治省领导小组", (4, 26)),
    ("区司法局", "全省政法系统先进集体", Level.PROVINCIAL, "四川省委政法委", (9, 20)),
    ("区司法局", "全省“七五”普法先进集体", Level.PROVINCIAL, "四川省普法办", (7, 15)),
    ("新桥镇司法所", "省级规范化司法所", Level.PROVINCIAL, "四川省司法厅", (11, 12)),
    ("魏城镇司法所", "省级规范化司法所", Level.PROVINCIAL, "四川省司法厅", (11, 12)),
    ("石马镇司法所", "省级规范化司法所", Level.PROVINCIAL, "四川省司法厅", (11, 12)),
    ("忠兴镇司法所", "省级规范化司法所", Level.PROVINCIAL, "四川省司法厅", (11, 12)),
    ("新桥镇人民调解委员会", "第二批五星级调委会", Level.PROVINCIAL, "四川省司法厅", (10, 25)),
    ("区司法局", "全市社区矫正工作先进单位", Level.MUNICIPAL, "绵阳市司法局", (1, 22)),
    (
        "区委依法治区办",
        "率先完成依法治区工作部署通报表扬",
        Level.MUNICIPAL,
        "市委依法治市办",
        (5, 10),
    ),
]
AWARDS, NOMINATIONS, PAGE_VIEWS, LIKES = 10, 19, 942782, 131877
OUTLETS = [
    "中国新闻网",
    "凤凰网",
    "改革网",
    "人民网",
    "新华网",
    "央广网",
    "中国网",
    "光明网",
    "中国日报网",
    "法治日报",
    "中国长安网",
    "中国普法网",
    "中国法院网",
    "检察日报",
    "澎湃新闻",
    "今日头条",
    "腾讯新闻",
    "网易新闻",
    "搜狐新闻",
    "新浪四川",
    "四川日报",
    "四川法制报",
    "四川新闻网",
    "川报观察",
    "封面新闻",
    "四川在线",
    "四川经济日报",
    "四川广播电视台",
    "四川交通广播",
    "华西都市报",
    "成都商报",
    "红星新闻",
    "每日经济新闻",
    "天府早报",
    "四川长安网",
    "四川普法网",
    "四川法治网",
    "绵阳日报",
    "绵阳晚报",
    "绵阳广播电视台",
    "绵阳网",
    "绵阳新闻网",
    "科技城网",
    "绵阳长安网",
    "绵阳普法网",
    "绵州观察",
    "游仙发布",
    "游仙新闻网",
    "游仙区融媒体中心",
    "人民法院报",
    "中国司法行政网",
    "西部法制报",
    "民主与法制网",
    "法治周末",
    "法制网",
]
RESEARCH = [
    "党政主要负责人履行法治建设第一责任人职责的路径",
    "科技城法治示范区建设",
    "融合发展法律服务机制",
    "法治化营商环境与民营企业保护",
    "基层依法治理与“枫桥经验”",
    "行政执法“三项制度”落实",
    "乡镇（街道）法治机构设置",
    "法治督察与考核衔接",
    "公共法律服务体系标准化",
]


def _unit(short: str) -> Unit:
    return Unit.objects.filter(short_name=short).first() or Unit.objects.get(name=short)


@transaction.atomic
def load(year: int, out) -> None:
    grant_to_roles("governance", PERMISSIONS)
    if Body.objects.exists():
        out.write("\n  依法治区：已有数据，未重复加载。")
        return
    office = Unit.objects.get(code=OFFICE_CODE)
    NumberingRule.objects.get_or_create(
        unit=office, key=RECTIFICATION_NOTICE_KEY, defaults={"prefix": "游委法办整改"}
    )
    meetings = _bodies_and_meetings(office, year)
    _tasks(office, year, meetings)
    _inspection(office, year)
    _honours(office, year)
    _contest(office, year)
    _research_and_reports(office, year)
    _demonstration(office, year)
    _assessment(office, year)
    _leaders_and_reports(year)
    _villages(year)
    out.write(
        f"\n  依法治区：协调小组 {len(GROUPS)} 个，工作任务 {len(TASKS)} 项，"
        f"督察通报批评 {len(CRITICISED_DEPARTMENTS) + len(CRITICISED_TOWNSHIPS)} 个单位，"
        f"荣誉 {len(HONOURS)} 项"
    )


def _bodies_and_meetings(office, year):
    founded = date(year, 2, 28)
    committee = services.body_save(
        user=None,
        kind=Body.Kind.COMMITTEE,
        name="区委全面依法治区委员会",
        unit=office,
        established_on=founded,
        dissolved_on=None,
        rules="区委全面依法治区委员会工作规则",
    )
    body_office = services.body_save(
        user=None,
        kind=Body.Kind.OFFICE,
        name="区委全面依法治区委员会办公室",
        unit=office,
        established_on=founded,
        dissolved_on=None,
        rules="委员会办公室工作细则\n委员会办公室主任会议制度",
    )
    services.body_member_add(body=body_office, member_unit=_unit("区司法局"), post="办公室主任单位")
    groups = []
    for name, lead in zip(
        GROUPS, ["区政府办", "区司法局", "游仙区法院", "区委依法治区办"], strict=True
    ):
        group = services.body_save(
            user=None,
            kind=Body.Kind.GROUP,
            name=name,
            unit=office,
            established_on=founded,
            dissolved_on=None,
            rules=f"{name}工作规则",
        )
        services.body_member_add(body=group, member_unit=_unit(lead), post="牵头单位")
        groups.append(group)
    services.body_member_add(body=committee, member_unit=_unit("区委办"), post="主任单位")
    services.body_member_add(body=committee, member_unit=_unit("区政府办"), post="副主任单位")
    first = services.meeting_save(
        user=None,
        body=committee,
        title="区委全面依法治区委员会第一次会议",
        held_on=date(year, 3, 15),
        topics="审议委员会、协调小组、办公室工作规则；审议年度工作要点",
        decisions="印发年度工作要点和工作台账，分解任务到牵头单位",
    )
    services.meeting_save(
        user=None,
        body=body_office,
        title="委员会办公室主任会议",
        held_on=date(year, 3, 22),
        topics="研究工作台账的分解和督办",
        decisions="各牵头单位按月报送任务进展",
    )
    for n, group in enumerate(groups):
        services.meeting_save(
            user=None,
            body=group,
            title=f"{group.name}第一次会议",
            held_on=date(year, 4, 2 + n * 3),
            topics="研究本领域年度任务",
            decisions="明确成员单位分工",
        )
    return first


def _tasks(office, year, meeting):
    plan = services.workplan_save(
        user=None,
        year=year,
        title=f"{year}年全面依法治区工作要点",
        document_number=f"游委法办〔{year}〕1号",
        unit=office,
        issued_on=date(year, 3, 20),
    )
    for n, (lead, title, (month, day), outcome) in enumerate(TASKS, start=1):
        due, assigned = date(year, month, day), date(year, 3, 20)
        task = services.task_save(
            user=None,
            plan=plan,
            meeting=meeting,
            number=str(n),
            title=title,
            lead_unit=_unit(lead),
            leader="分管副区长" if n % 2 else "分管区委常委",
            assigned_on=assigned,
            due_on=due,
            co_units=[_unit("区司法局")] if lead != "区司法局" else [],
        )
        assigned = date(year, 3, 20)
        midway = assigned + (due - assigned) / 2
        task = services.task_report_progress(
            task=task, version=task.version, on=midway, text="已制定方案，正在推进。", percent=50
        )
        if outcome == "open":
            continue
        finished = due - timedelta(days=5) if outcome != "late" else due + timedelta(days=12)
        task = services.task_report_progress(
            task=task, version=task.version, on=finished, text="任务已完成，报请确认。", percent=100
        )
        if outcome in ("on_time", "late"):
            services.task_confirm(task=task, version=task.version, on=finished + timedelta(days=3))


def _inspection(office, year):
    departments = [_unit(short) for short in CRITICISED_DEPARTMENTS]
    townships = [
        Unit.objects.get(name=name, kind=Unit.Kind.TOWNSHIP) for name in CRITICISED_TOWNSHIPS
    ]
    inspected = list(Unit.objects.filter(kind__in=[Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP]))
    inspection = services.inspection_save(
        user=None,
        kind="SPECIAL",
        title=f"{year}年法治建设专项督察",
        document_number=f"游委法办〔{year}〕12号",
        unit=office,
        started_on=date(year, 8, 1),
        ended_on=date(year, 9, 30),
        inspected_units=inspected,
    )
    for n, unit in enumerate(departments + townships):
        problem, basis = PROBLEMS[n % len(PROBLEMS)]
        finding = services.finding_save(
            user=None,
            inspection=inspection,
            unit=unit,
            problem=problem,
            basis=basis,
            found_on=date(year, 8, 5) + timedelta(days=n * 2),
            due_on=date(year, 11, 30),
        )
        if n in (13, 22):  # 区市场监管局 and 玉河镇 had not rectified by the year's end
            continue
        finding = services.finding_report(
            finding=finding,
            version=finding.version,
            on=date(year, 10, 15) + timedelta(days=n),
            rectification="已召开专题会议研究整改，建立制度并落实到人。",
        )
        services.finding_accept(
            finding=finding, version=finding.version, on=date(year, 11, 20) + timedelta(days=n % 10)
        )
    services.notice_save(
        user=None,
        unit=office,
        issued_on=date(year, 10, 18),
        title=f"关于{year}年法治建设专项督察情况的通报",
        document_number=f"游委法办〔{year}〕18号",
        tone=Notice.Tone.CRITICISM,
        inspection=inspection,
        named_units=departments + townships,
    )


def _honours(office, year):
    for honoured, title, level, by, (month, day) in HONOURS:
        services.honour_save(
            user=None,
            unit=office,
            honoured=honoured,
            title=title,
            level=level,
            conferred_by=by,
            conferred_on=date(year, month, day),
            document_number="",
            evidence=None,
        )


def _contest(office, year):
    entrants = list(
        Unit.objects.filter(kind__in=[Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP]).order_by("path")
    )
    count = AWARDS + NOMINATIONS
    views = [PAGE_VIEWS // count] * count
    likes = [LIKES // count] * count
    views[0] += PAGE_VIEWS - sum(views)
    likes[0] += LIKES - sum(likes)
    announced = date(year, 12, 6)
    for n in range(count):
        unit = entrants[n % len(entrants)]
        result = InnovationEntry.Result.AWARD if n < AWARDS else InnovationEntry.Result.NOMINATION
        services.innovation_entry_save(
            user=None,
            unit=unit,
            title=f"{unit.short_name or unit.name}法治创新实践（第{n + 1}号作品）",
            contest="首届中国科技城法治创新大赛",
            awarded_on=announced,
            result=result,
            page_views=views[n],
            likes=likes[n],
        )
    for n, outlet in enumerate(OUTLETS):
        services.media_report_save(
            user=None,
            unit=office,
            outlet=outlet,
            headline="首届中国科技城法治创新大赛举行颁奖典礼",
            published_on=announced + timedelta(days=n % 10),
            subject=MediaReport.Subject.CONTEST,
        )


def _research_and_reports(office, year):
    for n, title in enumerate(RESEARCH):
        services.research_topic_save(
            user=None,
            unit=office,
            title=title,
            started_on=date(year, 4, 1) + timedelta(days=7 * n),
            finished_on=date(year, 11, 30),
            result="形成调研报告，提出对策建议。",
        )
    services.topic_report_save(
        user=None,
        unit=office,
        kind=TopicReport.Kind.REPORT,
        title="全面依法治区工作推进情况",
        recipient="区委书记",
        reported_on=date(year, 7, 12),
        instruction="肯定工作成效，要求持续抓好任务落实。",
        instructed_on=date(year, 7, 15),
    )
    services.topic_report_save(
        user=None,
        unit=office,
        kind=TopicReport.Kind.REQUEST,
        title="关于开展法治建设专项督察的请示",
        recipient="区委分管领导",
        reported_on=date(year, 7, 20),
        instruction="同意。",
        instructed_on=date(year, 7, 22),
    )


# The six areas the seed names, as the first level of the demo's indicator system; the points
# are the county's own weighting (entered locally), the second level an abridged example.
AREAS = [
    ("依法全面履行政府职能", 15, ["权责清单动态管理", "优化营商环境"]),
    ("完善依法行政制度体系", 15, ["规范性文件合法性审核", "规范性文件备案审查"]),
    ("推进行政决策科学化民主化法治化", 20, ["重大行政决策程序", "政府法律顾问"]),
    ("坚持严格规范公正文明执法", 20, ["行政执法三项制度", "行政执法人员资格管理"]),
    ("强化对行政权力的制约和监督", 15, ["行政复议", "行政应诉"]),
    ("依法有效化解社会矛盾纠纷", 15, ["人民调解", "公共法律服务"]),
]


def _edition(year):
    edition = IndicatorEdition.objects.create(
        name=f"法治政府建设示范指标体系（{year}年版）", year=year
    )
    for n, (area, points, parts) in enumerate(AREAS, start=1):
        DemonstrationIndicator.objects.create(
            edition=edition, code=str(n), name=area, points=points
        )
        for k, part in enumerate(parts, start=1):
            DemonstrationIndicator.objects.create(
                edition=edition,
                code=f"{n}.{k}",
                name=part,
                points=(Decimal(points) / len(parts)).quantize(Decimal("0.01")),
            )
    return edition


def _demonstration(office, year):
    units = list(Unit.objects.filter(kind=Unit.Kind.DEPARTMENT)) + [
        Unit.objects.get(code="510704-zfb")
    ]
    edition = _edition(year)
    application = services.demonstration_save(
        user=None,
        unit=office,
        title="创建全国法治政府建设示范区（首批）",
        kind="COMPREHENSIVE",
        started_on=date(year, 5, 10),
        submitted_on=date(year, 9, 16),
        status="SUBMITTED",
        edition=edition,
        participating_units=units,
    )
    for indicator in edition.indicators.filter(code__contains="."):
        services.indicator_work_save(
            application=application,
            indicator=indicator,
            lead_units=[units[indicator.pk % len(units)]],
            self_score=(indicator.points * Decimal("0.9")).quantize(Decimal("0.01")),
            gaps="佐证材料尚需补充。" if indicator.pk % 3 == 0 else "",
        )


ITEMS = [
    ("党政主要负责人履行第一责任人职责", 20),
    ("依法全面履行职能", 15),
    ("依法决策", 15),
    ("严格规范公正文明执法", 20),
    ("普法依法治理", 15),
    ("法治督察问题整改", 15),
]


def _assessment(office, year):
    scheme = services.assessment_scheme_save(
        user=None,
        unit=office,
        year=year,
        title=f"{year}年度全区法治建设考核",
        document_number=f"游委法办〔{year}〕25号",
        pass_line=Decimal(80),
        city_score=Decimal(13),  # the seed: 争取法治游仙考核分数13分
    )
    items = [
        services.assessment_item_add(scheme=scheme, name=name, points=Decimal(points))
        for name, points in ITEMS
    ]
    criticised = set(CRITICISED_DEPARTMENTS) | set(CRITICISED_TOWNSHIPS)
    units = Unit.objects.filter(kind__in=[Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP]).order_by(
        "path"
    )
    for n, unit in enumerate(units):
        named = (unit.short_name or unit.name) in criticised
        deductions = {item.pk: (Decimal(0), "") for item in items}
        deductions[items[n % len(items)].pk] = (Decimal(n % 4), "台账资料不完整" if n % 4 else "")
        if named:
            deductions[items[-1].pk] = (Decimal(5), "督察发现问题，被通报批评")
        if unit.name in ("区市场监督管理局", "玉河镇"):  # their findings were still open
            deductions[items[0].pk] = (Decimal(18), "主要负责人未专题研究法治建设")
        services.assessment_score(scheme=scheme, unit=unit, deductions=deductions)


def _leaders_and_reports(year):
    units = list(
        Unit.objects.filter(kind__in=[Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP]).order_by("path")
    )
    for n, unit in enumerate(units):
        township = unit.kind == Unit.Kind.TOWNSHIP
        form = (
            LeaderDuty.ReportForm.ON_SITE
            if township and n % 3 == 0
            else LeaderDuty.ReportForm.NONE
            if n % 11 == 5
            else LeaderDuty.ReportForm.YEAR_END
        )
        reported = form != LeaderDuty.ReportForm.NONE
        services.leader_duty_save(
            user=None,
            unit=unit,
            year=year,
            leader_name=f"{'镇' if township else '局'}主要负责人{n + 1}",
            leader_post="党委书记" if township else "党组书记、局长",
            study_sessions=2 + n % 3,
            agenda_items=1 + n % 2,
            report_form=form,
            reported_on=date(year, 12, 20) + timedelta(days=n % 8) if reported else None,
            evaluation_score=Decimal(85 + n % 12) if reported else None,
            assessment_points=None,
        )
    services.unit_reports_open_year(year=year, viewer=None, user=None)
    for n, report in enumerate(UnitReport.objects.filter(year=year).order_by("unit__path")):
        if n % 13 == 7:
            continue  # never sent: listed as missing
        sent = date(year + 1, 3, 10) + timedelta(days=n % 15)
        if n % 10 == 3:
            sent = date(year + 1, 4, 8)  # late
        services.unit_report_save(
            user=None,
            instance=report,
            version=report.version,
            unit=report.unit,
            year=year,
            sent_on=sent,
            published_on=sent + timedelta(days=3),
            published_at="区政府门户网站",
            has_required_parts=n % 6 != 2,
            report=None,
        )


VILLAGES = [
    ("新桥镇", "新桥镇金山村", Level.PROVINCIAL, "四川省司法厅、四川省民政厅", (2016, 11, 8)),
    ("小枧沟镇", "小枧沟镇铁炉村", Level.MUNICIPAL, "绵阳市司法局、绵阳市民政局", (2017, 9, 26)),
    ("魏城镇", "魏城镇魏城村", Level.DISTRICT, "游仙区司法局、游仙区民政局", (2018, 6, 12)),
    ("游仙街道", "游仙街道东津社区", Level.DISTRICT, "游仙区司法局、游仙区民政局", (2019, 6, 20)),
    ("忠兴镇", "忠兴镇五星村", Level.DISTRICT, "游仙区司法局、游仙区民政局", (2019, 6, 20)),
]


def _villages(year):
    for township, name, level, by, (y, month, day) in VILLAGES:
        village = services.model_village_save(
            user=None,
            unit=Unit.objects.get(name=township, kind=Unit.Kind.TOWNSHIP),
            name=name,
            level=level,
            named_on=date(y, month, day),
            named_by=by,
            evidence=None,
        )
        if y + ModelVillage.RECHECK_YEARS <= year:
            services.model_village_recheck(
                village=village,
                version=village.version,
                on=date(y + ModelVillage.RECHECK_YEARS, month, day),
                outcome=ModelVillage.Status.RETAINED,
            )
