"""The demo district's 2019 enforcement officers, as the seed reports them: 213 officers' certificates
renewed (换领) — the seed prints it garbled as "2018213名" — and 65 officers at the year's law
exam. Officers' names and ID numbers are made up (valid in form, deterministic)."""

from datetime import date, timedelta

from django.db import transaction

from fazhi.core.validators import id_number_check_char
from fazhi.enforcement import services
from fazhi.enforcement.models import Certificate, ExamSitting, Officer, Organ
from fazhi.org.demo import BUREAU_CODE, DemoUser, grant_to_roles, register_demo_user, section_code
from fazhi.org.models import Unit

register_demo_user(
    DemoUser(
        "zhifa",
        "吴执法",
        section_code("行政执法协调监督科"),
        "section_staff",
        "行政执法协调监督科 (enforcement supervision: officers, certificates, exams)",
        order=35,
    )
)
VIEW = [
    "view_organ",
    "view_officer",
    "view_certificate",
    "view_renewalbatch",
    "view_examsitting",
    "view_examcandidate",
]
EDIT = [
    f"{a}_{n}"
    for n in ["organ", "officer", "certificate", "renewalbatch", "examsitting"]
    for a in ("add", "change")
]
PERMISSIONS = {
    "leader": VIEW,
    "observer": VIEW,
    "section_staff": [*VIEW, *EDIT, "view_id_numbers"],
    # An organ's liaison keeps its own officers and their certificates (scope: own unit).
    "liaison": [
        "view_organ",
        "view_officer",
        "add_officer",
        "change_officer",
        "view_id_numbers",
        "view_certificate",
        "add_certificate",
        "change_certificate",
    ],
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
    out.write(
        f"\n  行政执法监督：执法主体 {Organ.objects.count()} 个，证件换领 {RENEWED} 名，"
        f"法律知识考试 {EXAM_TAKERS} 名"
    )
