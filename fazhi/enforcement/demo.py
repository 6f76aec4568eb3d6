"""The demo district's 2019 enforcement supervision, as the seed reports it: 213 officers'
certificates renewed (换领) — the seed prints it garbled as "2018213名" —, 65 officers at the
year's law exam, and a case-file evaluation that sent 3 excellent files on to the province's
selection. Around them, made up but plausible and deterministic: officers' names and ID numbers
(valid in form), the rubrics, the files' scores and problems, the organs' statistics and
caseloads, decisions under the three systems and a few supervision complaints."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from fazhi.core.validators import id_number_check_char
from fazhi.enforcement import services
from fazhi.enforcement.documents import seed_numbering
from fazhi.enforcement.models import Certificate, ExamSitting, Officer, Organ, PowerKind
from fazhi.org.demo import BUREAU_CODE, DemoUser, grant_to_roles, register_demo_user, section_code
from fazhi.org.models import Unit

register_demo_user(
    DemoUser(
        "zhifa",
        "吴执法",
        section_code("行政执法协调监督科"),
        "section_staff",
        "行政执法协调监督科 (enforcement supervision: officers, certificates, exams, case files, complaints)",
        order=35,
    )
)
MODELS = [
    "organ",
    "officer",
    "certificate",
    "renewalbatch",
    "examsitting",
    "rubric",
    "campaign",
    "casefile",
    "problem",
    "enforcementreturn",
    "reviewlistentry",
    "decision",
    "complaint",
]
VIEW = [f"view_{n}" for n in MODELS] + ["view_examcandidate"]
EDIT = [f"{a}_{n}" for n in MODELS for a in ("add", "change")]
# What an organ keeps itself (scope: its own unit): its officers, its statistics, its review
# list and decisions, and the rectification of its case files. It registers its officers'
# certificates; their status (a suspension after a failed review) is the bureau's to change.
ORGAN_KEEPS = ["officer", "enforcementreturn", "reviewlistentry", "decision"]
ORGAN_STAFF = [
    "view_organ",
    *(f"{a}_{n}" for n in ORGAN_KEEPS for a in ("view", "add", "change")),
    "view_certificate",
    "add_certificate",
    "view_id_numbers",
    "view_campaign",
    "view_casefile",
    "view_problem",
    "view_rubric",
    "rectify_problem",
]
PERMISSIONS = {
    "leader": VIEW,
    "observer": [v for v in VIEW if v != "view_complaint"],
    "section_staff": [
        *VIEW,
        *EDIT,
        "view_id_numbers",
        "score_casefile",
        "accept_problem",
        "handle_complaint",
    ],
    "liaison": ORGAN_STAFF,
    "township_staff": ORGAN_STAFF,
}
RENEWED, EXAM_TAKERS, FAILED = 213, 65, 3
OTHERS = 17  # officers whose certificates were not part of the renewal (issued later)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍建国红梅鹏飞辉斌宇浩凯"


def _id_number(n: int) -> str:
    born = date(1968, 1, 1) + timedelta(days=(n * 97) % 9000)
    body = f"510704{born:%Y%m%d}{n % 1000:03d}"
    return body + id_number_check_char(body)


def _name(n: int) -> str:
    return (
        SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)] + GIVEN[(n * 11 + 3) % len(GIVEN)]
    )


@transaction.atomic
def load(year: int, out) -> None:
    grant_to_roles("enforcement", PERMISSIONS)
    if Officer.objects.exists():
        out.write("\n  行政执法监督：已有数据，未重复加载。")
        return
    bureau = Unit.objects.get(code=BUREAU_CODE)
    seed_numbering(bureau)
    units = list(
        Unit.objects.filter(kind__in=[Unit.Kind.DEPARTMENT, Unit.Kind.TOWNSHIP]).order_by("path")
    )
    for n, unit in enumerate(units):
        services.organ_save(
            user=None,
            unit=unit,
            legal_basis="依据法律、法规和规章的授权行使行政执法职权。",
            penalty=True,
            compulsion=n % 3 == 0,
            inspection=True,
            licensing=n % 2 == 0,
        )
    renewal = services.renewal_save(
        user=None, unit=bureau, title=f"{year}年行政执法证件换领", renewed_on=date(year, 6, 28)
    )
    officers = []
    for n in range(RENEWED + OTHERS):
        officer = services.officer_save(
            user=None,
            unit=units[n % len(units)],
            name=_name(n),
            id_number=_id_number(n),
            post="执法队员" if n % 4 else "执法队长",
            staff_status="ESTABLISHED" if n % 6 else "AUXILIARY",
            legal_qualification=n % 9 == 0,
            entrusted_organisation="",
            training_hours=40 + n % 20,
        )
        officers.append(officer)
        renewed = n < RENEWED
        issued = date(year, 6, 28) if renewed else date(year, 9, 10) + timedelta(days=n % 30)
        services.certificate_save(
            user=None,
            officer=officer,
            kind="PROVINCIAL",
            number=f"川{year}{n + 1:06d}",
            issued_by="四川省人民政府",
            issued_on=issued,
            expires_on=issued.replace(year=issued.year + 5),
            status=Certificate.Status.VALID,
            renewal=renewal if renewed else None,
        )
    sitting = services.exam_sitting_save(
        user=None,
        title=f"{year}年行政执法人员法律知识考试",
        kind=ExamSitting.Kind.ANNUAL,
        unit=bureau,
        held_on=date(year, 11, 22),
        pass_line=60,
    )
    for n, officer in enumerate(officers[:EXAM_TAKERS]):
        score = 52 + n % 5 if n < FAILED else 61 + (n * 13) % 38
        services.exam_result_record(sitting=sitting, officer=officer, score=score)
    evaluation = _evaluation(year, bureau, units, officers)
    _statistics(year, units, officers)
    _decisions(year, units)
    _complaints(year, bureau)
    out.write(
        f"\n  行政执法监督：执法主体 {Organ.objects.count()} 个，证件换领 {RENEWED} 名，"
        f"法律知识考试 {EXAM_TAKERS} 名，评查案卷 {evaluation} 件，上报优秀案卷 {EXCELLENT} 件"
    )


# --- case-file evaluation -------------------------------------------------------------------

# Two rubrics written for the demo (first-level item, its contents with points); each sums to 100.
PENALTY_RUBRIC = [
    (
        "执法主体与人员",
        [("主体合法，在法定职权范围内实施处罚", 5), ("两名以上持有效执法证件的人员办案", 10)],
    ),
    (
        "事实与证据",
        [("违法事实清楚", 10), ("证据确实、充分，相互印证", 10), ("证据收集程序合法", 5)],
    ),
    ("法律适用", [("适用法律、法规、规章准确", 10), ("行使裁量权符合基准，过罚相当", 10)]),
    (
        "程序",
        [
            ("按规定立案、调查", 5),
            ("告知陈述、申辩和听证权利", 10),
            ("重大案件经法制审核和集体讨论", 5),
        ],
    ),
    (
        "文书与归档",
        [("文书齐全、制作规范", 10), ("依法送达，按时归档", 5), ("处罚决定按时公示", 5)],
    ),
]
LICENSING_RUBRIC = [
    ("申请与受理", [("申请材料齐全、符合法定形式", 15), ("依法作出受理或不予受理决定", 10)]),
    ("审查", [("审查程序合法", 20), ("需要核查的按规定现场核查", 10)]),
    ("决定", [("许可决定合法、适当", 20), ("在法定期限内作出决定", 10)]),
    ("文书与公开", [("文书齐全、制作规范", 10), ("许可决定按时公示", 5)]),
]
# Deductions per file: (first-level item, content, points) cycled; the files of index in
# EXCELLENT_FILES keep (almost) full marks, FAILING_FILES lose many.
EXCELLENT, EXCELLENT_FILES, FAILING_FILES = 3, (0, 7, 15), (11, 22)
ORGANS_EVALUATED = 15
REASONS = [
    "询问笔录未记载执法人员证件号码",
    "证据目录与案卷材料不一致",
    "未载明适用的裁量基准",
    "告知书未写明听证权利",
    "送达回证缺少受送达人签名",
    "决定书未在规定时间内公示",
    "现场核查记录不完整",
]


def _rubric(bureau, kind, title, year, items):
    rubric = services.rubric_save(
        user=None,
        unit=bureau,
        kind=kind,
        title=title,
        edition=f"{year}年版",
        adopted_on=date(year, 9, 20),
    )
    for n, (heading, contents) in enumerate(items, start=1):
        services.rubric_item_add(rubric=rubric, code=str(n), title=heading)
        for k, (content, points) in enumerate(contents, start=1):
            services.rubric_item_add(
                rubric=rubric,
                code=f"{n}.{k}",
                title=content,
                points=Decimal(points),
                scoring_notes=f"不符合要求的，视情节扣1至{points}分。",
            )
    return rubric


def _evaluation(year, bureau, units, officers) -> int:
    from fazhi.org.models import User

    penalty = _rubric(bureau, PowerKind.PENALTY, "行政处罚案卷评查标准", year, PENALTY_RUBRIC)
    licensing = _rubric(bureau, PowerKind.LICENSING, "行政许可案卷评查标准", year, LICENSING_RUBRIC)
    evaluators = list(User.objects.filter(username="zhifa"))
    campaign = services.campaign_save(
        user=None,
        unit=bureau,
        title=f"{year}年全区行政执法案卷集中评查",
        started_on=date(year, 10, 14),
        ended_on=date(year, 11, 8),
        scope=f"{year}年1月1日至9月30日办结的行政处罚、行政许可案卷，每个执法主体随机抽取2件。",
        files_per_organ=2,
        rubrics=[penalty, licensing],
        evaluators=evaluators,
        grades="优秀 90、合格 60、不合格 0",
        rectify_days=30,
    )
    by_unit = {}
    for officer in officers:
        by_unit.setdefault(officer.unit_id, []).append(officer)
    files = []
    for n, unit in enumerate(units[:ORGANS_EVALUATED]):
        organ = Organ.objects.get(unit=unit)
        crew = by_unit[unit.pk]
        for k in range(2):
            index = n * 2 + k
            kind = PowerKind.LICENSING if index % 5 == 4 else PowerKind.PENALTY
            named = crew[k : k + 2] if index % 9 != 5 else crew[k : k + 1]
            files.append(
                services.case_file_save(
                    user=None,
                    campaign=campaign,
                    organ=organ,
                    case_number=f"{unit.short_name or unit.name}{'许' if kind == PowerKind.LICENSING else '罚'}〔{year}〕{index + 3}号",
                    title="未按规定办理相关手续案"
                    if kind == PowerKind.PENALTY
                    else "行政许可申请案",
                    kind=kind,
                    decided_on=date(year, 7, 1) + timedelta(days=(index * 3) % 90),
                    officers=named,
                )
            )
    for index, case_file in enumerate(files):
        items = list(case_file.rubric.items.exclude(parent=None).order_by("position"))
        if index in EXCELLENT_FILES:
            cuts = {items[1 + index % 3].pk: (Decimal("2"), REASONS[index % len(REASONS)])}
        elif index in FAILING_FILES:
            cuts = {
                item.pk: (min(item.points, Decimal(8)), REASONS[(index + k) % len(REASONS)])
                for k, item in enumerate(items[:7])
            }
        else:
            cuts = {
                items[(index + k * 3) % len(items)].pk: (
                    min(items[(index + k * 3) % len(items)].points, Decimal(4 + (index + k) % 3)),
                    REASONS[(index + k) % len(REASONS)],
                )
                for k in range(2 + index % 3)
            }
        scored = services.case_file_score(
            case_file=case_file,
            version=case_file.version,
            scored_on=date(year, 10, 25) + timedelta(days=index % 10),
            deductions=cuts,
        )
        if index in EXCELLENT_FILES:
            services.case_file_submit(
                case_file=scored, version=scored.version, on=date(year, 11, 15)
            )
        if index in FAILING_FILES or index % 6 == 3:
            found = date(year, 11, 8)
            problem = services.problem_save(
                user=None,
                case_file=scored,
                description="；".join(reason for _points, reason in cuts.values()),
                found_on=found,
                due_on=found + timedelta(days=campaign.rectify_days),
            )
            reported = found + timedelta(days=20 + index % 8)
            problem = services.problem_report(
                problem=problem,
                version=problem.version,
                on=reported,
                rectification="已组织办案人员逐项补正案卷材料，修订执法文书模板，并开展专题培训。",
            )
            if index != FAILING_FILES[-1]:
                services.problem_accept(
                    problem=problem, version=problem.version, on=reported + timedelta(days=5)
                )
    return len(files)


# --- statistics, decisions, complaints ------------------------------------------------------


def _statistics(year, units, officers) -> None:
    for n, unit in enumerate(units):
        organ = Organ.objects.get(unit=unit)
        services.return_save(
            user=None,
            organ=organ,
            year=year,
            penalty_cases=(n * 37) % 180 + 5,
            penalty_amount=Decimal((n * 7919) % 400000 + 2000),
            compulsion_cases=(n * 5) % 23 if organ.compulsion else 0,
            inspections=(n * 53) % 600 + 20,
            licensing_cases=(n * 41) % 900 if organ.licensing else 0,
            other_cases=(n * 3) % 17,
        )
    for n, officer in enumerate(officers):
        cases = 0 if n % 23 == 7 else 3 + (n * 13) % 60
        services.caseload_record(officer=officer, year=year, cases=cases)


def _decisions(year, units) -> None:
    for n, unit in enumerate(units[:10]):
        organ = Organ.objects.get(unit=unit)
        services.review_list_save(
            user=None,
            organ=organ,
            matter="较大数额罚款、没收较大数额违法所得的行政处罚决定",
            ground="HEARING",
            basis="行政处罚法第五十八条",
            listed_on=date(year, 3, 15),
        )
        services.review_list_save(
            user=None,
            organ=organ,
            matter="案情疑难复杂、涉及多个法律关系的执法决定",
            ground="COMPLEX",
            basis="行政处罚法第五十八条",
            listed_on=date(year, 3, 15),
        )
        for k in range(4):
            index = n * 4 + k
            kind = [
                PowerKind.PENALTY,
                PowerKind.LICENSING,
                PowerKind.PENALTY,
                PowerKind.COMPULSION,
            ][k]
            decided = date(year, 3, 4) + timedelta(days=(index * 7) % 250)
            late = index % 13 == 6
            review = "HEARING" if k == 2 else ""
            services.decision_save(
                user=None,
                organ=organ,
                kind=kind,
                number=f"{unit.short_name or unit.name}决〔{year}〕{index + 1}号",
                subject="违反行政管理秩序案" if kind != PowerKind.LICENSING else "行政许可申请",
                decided_on=decided,
                published_on=decided + timedelta(days=14 if late else 2 + index % 4),
                changed_on=None,
                withdrawn_on=None,
                review_ground=review,
                reviewed_on=decided - timedelta(days=3) if review else None,
                reviewer="区司法局法制审核人员" if review else "",
                reviewer_first_time=False,
                reviewer_qualified=bool(review),
                filing=None,
            )


COMPLAINTS = [
    (
        "PHONE",
        "反映执法人员未出示执法证件",
        "TRANSFERRED",
        "已转交被投诉单位调查处理并督促其依法答复。",
    ),
    ("LETTER", "对罚款数额提出异议", "UPHELD", "经核查，执法程序合法、裁量适当，已向投诉人说明。"),
    (
        "ONLINE",
        "反映检查过于频繁",
        "CORRECTION_URGED",
        "已督促该单位合并检查事项、落实“双随机、一公开”。",
    ),
    (
        "VISIT",
        "要求撤销已生效的法院判决",
        None,
        "投诉事项不属于行政执法监督范围，已告知其依法通过诉讼途径解决。",
    ),
]


def _complaints(year, bureau) -> None:
    organs = list(Organ.objects.order_by("unit__path")[:4])
    for n, (channel, subject, outcome, text) in enumerate(COMPLAINTS):
        received = date(year, 4 + n * 2, 8)
        complaint = services.complaint_save(
            user=None,
            unit=bureau,
            received_on=received,
            channel=channel,
            complainant=f"{SURNAMES[n + 3]}某",
            contact="",
            organ=organs[n],
            subject=subject,
            content=f"来件人{subject}，请求依法处理。",
        )
        if outcome is None:
            services.complaint_reject(
                complaint=complaint,
                version=complaint.version,
                on=received + timedelta(days=3),
                reason=text,
            )
            continue
        complaint = services.complaint_accept(
            complaint=complaint, version=complaint.version, on=received + timedelta(days=2)
        )
        services.complaint_conclude(
            complaint=complaint,
            version=complaint.version,
            on=received + timedelta(days=20 + n),
            outcome=outcome,
            outcome_text=text,
        )
