"""The 行政执法监督 ledgers: each exports what its list shows and imports what it exports; a file
with a bad row saves nothing and names the row and column; a liaison imports only into their own
unit and learns nothing of officers elsewhere; ID numbers go out masked to a role that may not
read them (and in full, on the audit trail, to one that may); a renewal of 300 certificates
imports at once."""

import time
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from fazhi.core.audit import LogEntry
from fazhi.core.ledgers import get_ledger, import_ledger, write_export, write_template
from fazhi.core.testing import drop_downs
from fazhi.core.validators import id_number_check_char
from fazhi.enforcement import services
from fazhi.enforcement.models import (
    CaseFile,
    Caseload,
    Certificate,
    Deduction,
    EnforcementReturn,
    ExamCandidate,
    ExamSitting,
    Officer,
)

pytestmark = pytest.mark.django_db


def id_number(n: int) -> str:
    body = f"51070419850203{n:03d}"
    return body + id_number_check_char(body)


def masked(value: str) -> str:
    return value[:6] + "********" + value[-4:]


def exported(key, viewer, unit=None) -> BytesIO:
    target = BytesIO()
    write_export(get_ledger(key), {"viewer": viewer, "unit": unit}, target)
    target.seek(0)
    return target


def sheet_rows(source) -> list[tuple]:
    rows = list(load_workbook(source).worksheets[0].iter_rows(values_only=True))
    source.seek(0)
    return rows


def workbook(key, rows) -> BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append([c.header for c in get_ledger(key).columns])
    for row in rows:
        sheet.append(row)
    target = BytesIO()
    book.save(target)
    target.seek(0)
    return target


def cells(result) -> dict:
    """(row, column) → the messages of that cell, joined."""
    found = {}
    for error in result.errors:
        key = (error.row, error.column)
        found[key] = f"{found[key]}；{error.message}" if key in found else error.message
    return found


def run(key, source, viewer, unit=None, **context):
    return import_ledger(
        get_ledger(key), source, context={"viewer": viewer, "unit": unit, **context}
    )


def certificate(officer, number, renewal=None, issued=date(2019, 6, 28)):
    return services.certificate_save(
        user=None,
        officer=officer,
        kind="PROVINCIAL",
        number=number,
        issued_by="四川省人民政府",
        issued_on=issued,
        expires_on=issued.replace(year=issued.year + 5),
        status="VALID",
        renewal=renewal,
    )


def renewal(officers, title="2019年行政执法证件换领"):
    return services.renewal_save(
        user=None, unit=officers["bureau"], title=title, renewed_on=date(2019, 6, 28)
    )


def sitting(officers, title="2019年行政执法人员法律知识考试", held_on=date(2019, 11, 22)):
    return services.exam_sitting_save(
        user=None,
        title=title,
        kind=ExamSitting.Kind.ANNUAL,
        unit=officers["bureau"],
        held_on=held_on,
        pass_line=60,
    )


def officer_row(n, unit="区市场监督管理局", number=None, **cells):
    row = {
        "姓名": f"王{n}号",
        "身份证号码": id_number(n),
        "所在单位": unit,
        "职务": "执法队员",
        "人员类别": "在编",
        "法律职业资格": "否",
        "受委托组织": None,
        "证件类型": "省政府颁发",
        "证件号码": number or f"川2019{n:06d}",
        "发证机关": "四川省人民政府",
        "发证日期": date(2019, 6, 28),
        "有效期至": date(2024, 6, 28),
        "证件状态": None,
        "换领批次": None,
    }
    row.update(cells)
    return list(row.values())


# --- officers and certificates ------------------------------------------------------------------


def test_officers_and_certificates_go_out_and_back_in(officers):
    zhifa = officers["users"]["zhifa"]
    batch = renewal(officers)
    certificate(officers["zhang"], "川2019000001", batch)
    certificate(officers["zhang"], "部2019000001", issued=date(2019, 3, 1))
    certificate(officers["li"], "川2019000002", batch)
    source = exported("enforcement.officers", zhifa)
    rows = sheet_rows(source)
    assert len(rows) == 4  # header, one row per certificate
    first = dict(zip(rows[0], next(r for r in rows if r[0] == "张执法"), strict=True))
    assert first["身份证号码"] == officers["zhang"].id_number  # may read them
    assert first["人员类别"] == "在编" and first["证件状态"] == "有效"
    kept = {c.number: (c.officer_id, c.renewal_id, c.issued_on) for c in Certificate.objects.all()}
    Certificate.objects.all().delete()
    result = run("enforcement.officers", source, zhifa)
    assert result.ok, result.errors
    assert Officer.objects.count() == 2  # found by ID number, not added again
    back = {c.number: (c.officer_id, c.renewal_id, c.issued_on) for c in Certificate.objects.all()}
    assert back == kept


def test_new_officers_are_created_and_an_officer_without_a_certificate_comes_along(officers):
    zhifa = officers["users"]["zhifa"]
    source = workbook(
        "enforcement.officers",
        [
            officer_row(1, 法律职业资格="是", 人员类别="辅助"),
            officer_row(1, number="部2019000009", 证件类型="部委", 发证机关="国家市场监督管理总局"),
            officer_row(
                2,
                unit="区财政局",
                **dict.fromkeys(["证件类型", "证件号码", "发证机关", "发证日期", "有效期至"]),
            ),
        ],
    )
    result = run("enforcement.officers", source, zhifa)
    assert result.ok, result.errors
    one = Officer.objects.get(id_number=id_number(1))
    assert one.unit == officers["market"] and one.legal_qualification
    assert one.staff_status == Officer.StaffStatus.AUXILIARY
    assert sorted(one.certificates.values_list("kind", flat=True)) == ["MINISTRY", "PROVINCIAL"]
    two = Officer.objects.get(id_number=id_number(2))
    assert two.unit == officers["finance"] and not two.certificates.exists()
    # the officer without a certificate is exported on a row of their own, and reads back
    rows = sheet_rows(exported("enforcement.officers", zhifa))
    alone = [r for r in rows if r[1] == id_number(2)]
    assert len(alone) == 1 and alone[0][8] is None
    audit = LogEntry.objects.get_for_object(one).get(action=LogEntry.Action.CREATE)
    assert audit.actor == zhifa and audit.additional_data["ledger"] == "enforcement.officers"


def test_a_bad_officer_file_saves_nothing_and_names_each_row_and_column(officers):
    zhifa = officers["users"]["zhifa"]
    certificate(officers["li"], "川2019000002")
    bad_check = id_number(9)[:-1] + ("0" if id_number(9)[-1] != "0" else "1")
    source = workbook(
        "enforcement.officers",
        [
            officer_row(1),  # good
            officer_row(2, 身份证号码=bad_check),
            officer_row(3, unit="区不存在局"),
            officer_row(4, 有效期至=date(2019, 1, 1)),
            officer_row(5, 发证日期=date(2099, 1, 1), 有效期至=date(2104, 1, 1)),
            officer_row(6, number="川2019000002"),  # registered already
            officer_row(7, number="川2019000001"),  # as row 2
            officer_row(8, 身份证号码=masked(id_number(8))),
            officer_row(10, 证件类型=None, 发证机关="四川省\x7f人民政府"),
            officer_row(11, 人员类别="临时工", 换领批次="没有的换领"),
            officer_row(
                12,
                换领批次="2019年行政执法证件换领",
                **dict.fromkeys(["证件号码", "发证机关", "发证日期", "有效期至", "证件类型"]),
            ),
        ],
    )
    before = (Officer.objects.count(), Certificate.objects.count())
    result = run("enforcement.officers", source, zhifa)
    assert not result.ok and result.created == 0
    where = cells(result)
    assert where[3, "身份证号码"] == "身份证号码校验码错误。"
    assert where[4, "所在单位"] == "单位“区不存在局”不存在，或不在您的数据权限范围内。"
    assert where[5, "有效期至"] == "有效期须晚于发证日期。"
    assert where[6, "发证日期"] == "不能是今天以后的日期。"
    assert where[7, "证件号码"] == "该编号的证件已经登记。"
    assert where[8, "证件号码"] == "与第 2 行的证件号码重复。"
    assert "隐去了中间数字" in where[9, "身份证号码"]
    assert (10, "证件类型") in where and "控制字符" in where[10, "发证机关"]
    assert "不在可选范围内" in where[11, "人员类别"]
    assert where[11, "换领批次"] == "没有名为“没有的换领”的换领，或不在您的数据权限范围内。"
    assert "证件各列留空" in where[12, "换领批次"]
    assert 2 not in {e.row for e in result.errors}
    assert (Officer.objects.count(), Certificate.objects.count()) == before


def test_a_liaison_imports_into_their_own_unit_and_learns_nothing_of_other_units(officers):
    liaison = officers["users"]["liaison"]
    li = officers["li"]  # the finance bureau's
    certificate(li, "川2019000002")
    source = workbook(
        "enforcement.officers",
        [
            officer_row(1, unit="区财政局"),
            officer_row(2, 身份证号码=li.id_number, 姓名="李执法"),
            officer_row(3, 身份证号码=li.id_number, 姓名="别人", unit="区财政局"),
        ],
    )
    result = run("enforcement.officers", source, liaison)
    assert not result.ok
    where = cells(result)
    assert where[2, "所在单位"] == "单位“区财政局”不存在，或不在您的数据权限范围内。"
    assert (3, "身份证号码") in where and (4, "身份证号码") in where
    assert where[3, "身份证号码"] == where[4, "身份证号码"]  # whatever the row says of them
    for secret in ("李执法", "财政", "川2019000002"):
        assert secret not in where[3, "身份证号码"], secret
    assert not Officer.objects.filter(id_number=id_number(1)).exists()
    # their own unit's officer goes in; the template offers their own unit only
    assert run(
        "enforcement.officers", workbook("enforcement.officers", [officer_row(1)]), liaison
    ).ok
    assert Officer.objects.get(id_number=id_number(1)).unit == officers["market"]
    target = BytesIO()
    write_template(get_ledger("enforcement.officers"), target, {"viewer": liaison, "unit": None})
    target.seek(0)
    assert drop_downs(load_workbook(target))["所在单位"] == ["区市场监督管理局"]


def test_a_failed_latest_exam_refuses_a_new_certificate(officers):
    zhifa = officers["users"]["zhifa"]
    zhang = officers["zhang"]
    services.exam_result_record(sitting=sitting(officers), officer=zhang, score=52)
    row = officer_row(1, 身份证号码=zhang.id_number, 姓名="张执法")
    result = run("enforcement.officers", workbook("enforcement.officers", [row]), zhifa)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "证件号码", "该人员最近一次法律知识考试不合格，考试合格前不能申领或换领证件。")
    ]
    assert not Certificate.objects.exists()
    make_up = sitting(officers, "补考", date(2019, 12, 20))
    services.exam_result_record(sitting=make_up, officer=zhang, score=75)
    result = run("enforcement.officers", workbook("enforcement.officers", [row]), zhifa)
    assert result.ok, result.errors


def test_the_officer_export_masks_id_numbers_unless_the_role_may_read_them(officers):
    certificate(officers["zhang"], "川2019000001")
    users = officers["users"]
    ids = sorted(o.id_number for o in (officers["zhang"], officers["li"]))
    views = LogEntry.objects.filter(action=LogEntry.Action.ACCESS)
    before = views.count()
    leader = sheet_rows(exported("enforcement.officers", users["leader"]))
    assert sorted(r[1] for r in leader[1:]) == [masked(v) for v in ids]
    assert views.count() == before  # nothing shown in full: nothing to note
    staff = sheet_rows(exported("enforcement.officers", users["zhifa"]))
    assert sorted(r[1] for r in staff[1:]) == ids
    assert views.count() == before + 2  # each officer shown in full, on the audit trail
    # a text that looks like a formula stays text
    services.officer_save(
        user=None,
        instance=officers["li"],
        version=officers["li"].version,
        post='=HYPERLINK("http://example.com")',
    )
    sheet = load_workbook(exported("enforcement.officers", users["zhifa"])).worksheets[0]
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("="))
    assert cell.data_type == "s"


def test_300_certificates_of_a_renewal_import_at_once(officers):
    zhifa = officers["users"]["zhifa"]
    renewal(officers)
    rows = [
        officer_row(
            n, unit=["区市场监督管理局", "区财政局"][n % 2], 换领批次="2019年行政执法证件换领"
        )
        for n in range(1, 301)
    ]
    source = workbook("enforcement.officers", rows)
    started = time.monotonic()
    result = run("enforcement.officers", source, zhifa, file="换领.xlsx")
    elapsed = time.monotonic() - started
    assert result.ok, result.errors[:5]
    assert result.created == 300 and elapsed < 60, elapsed
    assert Certificate.objects.filter(renewal__title="2019年行政执法证件换领").count() == 300
    assert Officer.objects.count() == 302


def test_checking_300_rows_reads_the_database_as_often_as_checking_30(officers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    zhifa = officers["users"]["zhifa"]
    renewal(officers)
    services.exam_result_record(sitting=sitting(officers), officer=officers["zhang"], score=70)

    def queries(count):
        rows = [officer_row(n, 换领批次="2019年行政执法证件换领") for n in range(1, count)]
        rows.append(officer_row(999, 身份证号码=officers["zhang"].id_number, 姓名="张执法"))
        source = workbook("enforcement.officers", rows)
        with CaptureQueriesContext(connection) as captured:
            result = import_ledger(
                get_ledger("enforcement.officers"),
                source,
                context={"viewer": zhifa, "unit": None},
                dry_run=True,
            )
        assert result.ok, result.errors[:3]
        return len(captured)

    queries(2)  # the viewer's roles and permissions read and kept
    assert queries(300) == queries(30)


# --- exam results -----------------------------------------------------------------------------


def test_exam_results_go_out_masked_and_back_in_by_name_and_unit(officers):
    users = officers["users"]
    exam = sitting(officers)
    services.exam_result_record(sitting=exam, officer=officers["zhang"], score=88)
    services.exam_result_record(sitting=exam, officer=officers["li"], score=40)
    source = exported("enforcement.exam_results", users["leader"])
    rows = sheet_rows(source)
    assert sorted(r[1] for r in rows[1:]) == sorted(
        masked(o.id_number) for o in (officers["zhang"], officers["li"])
    )
    assert {r[2]: r[5] for r in rows[1:]} == {"张执法": "是", "李执法": "否"}
    ExamCandidate.objects.all().delete()
    result = run("enforcement.exam_results", source, users["zhifa"])
    assert result.ok, result.errors
    scores = dict(ExamCandidate.objects.values_list("officer__name", "score"))
    assert scores == {"张执法": 88, "李执法": 40}
    assert not ExamCandidate.objects.get(officer=officers["li"]).passed


def test_bad_exam_rows_are_named_and_nothing_is_saved(officers):
    zhifa = officers["users"]["zhifa"]
    exam = sitting(officers)
    services.exam_result_record(sitting=exam, officer=officers["li"], score=70)
    title = exam.title
    zhang = officers["zhang"]
    source = workbook(
        "enforcement.exam_results",
        [
            [title, zhang.id_number, "张执法", None, 90],  # good
            [title, None, "张执法", "区市场监管局", 80],  # the same officer again
            [title, officers["li"].id_number, "李执法", None, 75],  # recorded already
            ["没有的考试", id_number(50), "无此人", None, 101],
            [title, masked(officers["li"].id_number), "张执法", "区市场监督管理局", 60],
            [title, None, "张执法", None, 60],
        ],
    )
    result = run("enforcement.exam_results", source, zhifa)
    where = cells(result)
    assert where[3, "姓名"] == "与第 2 行是同一人员在同一次考试的成绩。"
    assert where[4, "姓名"] == "该人员在这次考试的成绩已经登记。"
    assert where[5, "考试"] == "没有名为“没有的考试”的考试，或不在您的数据权限范围内。"
    assert where[5, "身份证号码"].startswith("没有找到该身份证号码的执法人员")
    assert where[5, "成绩"] == "成绩须在 0 至 100 分之间。"
    assert where[6, "身份证号码"] == "与该人员登记的身份证号码不符。"
    assert "须填写所在单位" in where[7, "所在单位"]
    assert 2 not in {e.row for e in result.errors}
    assert ExamCandidate.objects.count() == 1


# --- case-file scores -------------------------------------------------------------------------


@pytest.fixture
def case_file(officers):
    bureau = officers["bureau"]
    rubric = services.rubric_save(
        user=None,
        unit=bureau,
        kind="PENALTY",
        title="行政处罚案卷评查标准",
        edition="2019版",
        adopted_on=date(2019, 1, 1),
    )
    services.rubric_item_add(rubric=rubric, code="1", title="主体合法")
    services.rubric_item_add(rubric=rubric, code="1.1", title="执法人员持证", points=10)
    services.rubric_item_add(rubric=rubric, code="2", title="程序合法")
    services.rubric_item_add(rubric=rubric, code="2.1", title="告知", points=40)
    services.rubric_item_add(rubric=rubric, code="2.2", title="送达", points=50)
    campaign = services.campaign_save(
        user=None,
        unit=bureau,
        title="2019年行政执法案卷评查",
        started_on=date(2019, 9, 1),
        ended_on=date(2019, 10, 31),
        scope="2018年度办结的行政处罚案卷",
        files_per_organ=2,
        grades="优秀 90、合格 60、不合格 0",
        rectify_days=30,
        notice_number="",
        rubrics=[rubric],
    )
    organs = {
        key: services.organ_save(
            user=None,
            unit=officers[key],
            legal_basis="",
            penalty=True,
            compulsion=False,
            inspection=True,
            licensing=False,
        )
        for key in ("market", "finance")
    }
    files = {
        key: services.case_file_save(
            user=None,
            campaign=campaign,
            organ=organs[key],
            case_number=f"{key}罚〔2018〕1号",
            title="某公司无照经营案",
            kind="PENALTY",
            decided_on=date(2018, 5, 1),
            officers=[officers["zhang" if key == "market" else "li"]],
        )
        for key in organs
    }
    return {"campaign": campaign, "rubric": rubric, "files": files, "organs": organs}


def score_row(file, code=None, points=None, reason=None, day=date(2019, 9, 20), organ=None):
    return [
        "2019年行政执法案卷评查",
        organ or file.organ.unit.name,
        file.case_number,
        None,
        None,
        None,
        None,
        code,
        points,
        reason,
        day,
    ]


def test_case_file_scores_go_out_and_back_in_and_replace_the_deductions(officers, case_file):
    zhifa = officers["users"]["zhifa"]
    market = case_file["files"]["market"]
    items = {i.code: i.pk for i in case_file["rubric"].items.all()}
    services.case_file_score(
        case_file=market,
        version=market.version,
        scored_on=date(2019, 9, 20),
        deductions={
            items["1.1"]: (Decimal(5), "一人无证"),
            items["2.2"]: (Decimal("2.5"), "送达迟"),
        },
        user=zhifa,
    )
    source = exported("enforcement.case_file_scores", zhifa)
    rows = sheet_rows(source)
    assert rows[0][7:11] == ("评查项目编号", "扣分", "扣分理由", "评分日期")
    scored = [r for r in rows[1:] if r[2] == market.case_number]
    assert [(r[5], r[6], r[7], r[8]) for r in scored] == [
        (92.5, "优秀", "1.1", 5),
        (92.5, "优秀", "2.2", 2.5),
    ]
    unscored = [r for r in rows[1:] if r[2] != market.case_number]
    assert len(unscored) == 1 and unscored[0][5] is None and unscored[0][10] is None
    result = run("enforcement.case_file_scores", source, zhifa)
    assert result.ok, result.errors
    assert result.created == 2  # the unscored case file's row is skipped
    market.refresh_from_db()
    assert market.score == Decimal("92.5") and market.grade == "优秀"
    assert CaseFile.objects.get(pk=case_file["files"]["finance"].pk).score is None
    # a new file replaces the case file's deductions
    again = workbook(
        "enforcement.case_file_scores",
        [score_row(market, "2.1", 35, "未告知陈述申辩权利", day=date(2019, 9, 25))],
    )
    result = run("enforcement.case_file_scores", again, zhifa)
    assert result.ok, result.errors
    market.refresh_from_db()
    assert market.score == Decimal(65) and market.grade == "合格"
    assert market.scored_on == date(2019, 9, 25)
    assert list(Deduction.objects.values_list("item__code", "points")) == [("2.1", 35)]
    # all items in full: one row without deductions
    full = workbook("enforcement.case_file_scores", [score_row(market)])
    assert run("enforcement.case_file_scores", full, zhifa).ok
    market.refresh_from_db()
    assert market.score == 100 and not Deduction.objects.exists()


def test_bad_score_rows_are_named_and_nothing_is_saved(officers, case_file):
    zhifa = officers["users"]["zhifa"]
    market, finance = case_file["files"]["market"], case_file["files"]["finance"]
    source = workbook(
        "enforcement.case_file_scores",
        [
            score_row(market, "1.1", 3, "一人无证"),  # good
            score_row(market, "1.1", 1, "重复"),
            score_row(market, "9.9", 1, "无此项"),
            score_row(market, "2.1", 41, "超过分值"),
            score_row(market, "2.2", 1, None),
            score_row(finance, "2.2", Decimal("1.25"), "两位小数", day=date(2019, 8, 1)),
            score_row(finance, "2", 1, "一级项目", day=date(2019, 9, 21)),
            score_row(finance, None, None, None, organ="区不存在局"),
            score_row(market, "2.2", 1, "日期不同", day=date(2019, 9, 21)),
            score_row(market, "2.2", 1, "未来", day=date(2099, 1, 1)),
        ],
    )
    result = run("enforcement.case_file_scores", source, zhifa)
    where = cells(result)
    assert where[3, "评查项目编号"] == "与第 2 行是同一案卷的同一项目。"
    assert where[4, "评查项目编号"].startswith(
        "该案卷的评分表（行政处罚案卷评查标准）没有二级项目 9.9"
    )
    assert where[5, "扣分"] == "该项目最多扣 40 分。"
    assert where[6, "扣分理由"] == "有扣分的须写明扣分理由。"
    assert where[7, "扣分"] == "扣分最多保留一位小数。"
    assert where[7, "评分日期"] == "评分日期不能早于评查活动开始日期（2019-09-01）。"
    assert where[8, "评查项目编号"] == "评查项目编号写作 2.3（评分表的二级项目）。"
    assert where[9, "执法主体"] == "执法主体“区不存在局”不存在，或不在您的数据权限范围内。"
    assert where[10, "评分日期"].startswith("同一案卷各行的评分日期须相同（第 2 行为 2019-09-20）")
    assert where[11, "评分日期"].startswith("不能是今天以后的日期。")
    assert 2 not in {e.row for e in result.errors}
    assert (
        not Deduction.objects.exists() and CaseFile.objects.filter(score__isnull=False).count() == 0
    )


def test_only_an_evaluator_of_the_campaign_imports_its_scores(officers, case_file):
    campaign = case_file["campaign"]
    zhifa, admin = officers["users"]["zhifa"], officers["users"]["admin"]
    campaign.evaluators.set([admin])  # zhifa may score, but is not this campaign's evaluator
    source = workbook(
        "enforcement.case_file_scores", [score_row(case_file["files"]["market"], "1.1", 1, "x")]
    )
    result = run("enforcement.case_file_scores", source, zhifa)
    assert [(e.column, e.message) for e in result.errors] == [
        ("评查活动", "您不是该评查活动的评查人员，不能导入评分。")
    ]
    source.seek(0)
    assert run("enforcement.case_file_scores", source, admin).ok


# --- statistics -------------------------------------------------------------------------------


def stats_row(organ, year=2019, *figures):
    return [organ, year, *(figures or (12, "35000.50", 3, 40, 25, 1))]


def test_a_liaison_imports_their_own_organs_statistics_and_updates_them(officers, case_file):
    liaison = officers["users"]["liaison"]
    result = run(
        "enforcement.statistics",
        workbook("enforcement.statistics", [stats_row("区市场监督管理局")]),
        liaison,
    )
    assert result.ok, result.errors
    stored = EnforcementReturn.objects.get()
    assert stored.penalty_amount == Decimal("35000.50") and stored.organ.unit == officers["market"]
    again = workbook("enforcement.statistics", [stats_row("区市场监管局", 2019, 13, 0, 0, 0, 0, 0)])
    assert run("enforcement.statistics", again, liaison).ok
    stored.refresh_from_db()
    assert stored.penalty_cases == 13 and stored.version == 2
    assert EnforcementReturn.objects.count() == 1
    other = workbook("enforcement.statistics", [stats_row("区财政局")])
    result = run("enforcement.statistics", other, liaison)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "执法主体", "执法主体“区财政局”不存在，或不在您的数据权限范围内。")
    ]


def test_statistics_go_out_and_back_in_and_bad_rows_are_named(officers, case_file):
    zhifa = officers["users"]["zhifa"]
    source = workbook(
        "enforcement.statistics",
        [stats_row("区市场监督管理局"), stats_row("区财政局", 2018, 0, None, None, None, None, 0)],
    )
    assert run("enforcement.statistics", source, zhifa).ok
    back = exported("enforcement.statistics", zhifa)
    assert sheet_rows(back)[1:] == [
        ("区市场监督管理局", 2019, 12, 35000.5, 3, 40, 25, 1),
        ("区财政局", 2018, 0, 0, 0, 0, 0, 0),
    ]
    assert run("enforcement.statistics", back, zhifa).ok  # the same figures, updated in place
    assert EnforcementReturn.objects.count() == 2
    bad = workbook(
        "enforcement.statistics",
        [
            stats_row("区市场监督管理局", 2099),
            stats_row("区财政局", 2019, -1, "abc", 0, 0, 0, 0),
            stats_row("区财政局", 2019),
            stats_row("区财政局", 19),
        ],
    )
    result = run("enforcement.statistics", bad, zhifa)
    where = cells(result)
    assert where[2, "年度"] == "不能填写今年以后的年度。"
    assert where[3, "行政处罚案件"] == "不能为负数。"
    assert where[3, "罚没金额（元）"] == "应为金额（元，最多两位小数）。"
    assert where[4, "年度"] == "与第 3 行是同一执法主体同一年度的统计。"
    assert where[5, "年度"] == "应为四位数的年份，如 2019。"
    assert EnforcementReturn.objects.filter(year=2019, organ__unit=officers["finance"]).count() == 0


# --- caseloads --------------------------------------------------------------------------------


def test_caseloads_import_by_id_certificate_or_name_and_zero_is_allowed(officers):
    zhifa = officers["users"]["zhifa"]
    zhang, li = officers["zhang"], officers["li"]
    certificate(li, "川2019000002")
    source = workbook(
        "enforcement.caseloads",
        [
            [zhang.id_number, None, "张执法", None, 2019, 14],
            [None, "川2019000002", "李执法", None, 2019, 0],
            [None, None, "张执法", "区市场监管局", 2018, 3],
        ],
    )
    result = run("enforcement.caseloads", source, zhifa)
    assert result.ok, result.errors
    loads = set(Caseload.objects.values_list("officer__name", "year", "cases"))
    assert loads == {("张执法", 2019, 14), ("李执法", 2019, 0), ("张执法", 2018, 3)}
    # a masked export reads back (by certificate number, or by name and unit) and replaces
    source = exported("enforcement.caseloads", officers["users"]["leader"])
    rows = sheet_rows(source)
    assert {r[0] for r in rows[1:]} == {masked(zhang.id_number), masked(li.id_number)}
    assert run("enforcement.caseloads", source, zhifa).ok
    assert Caseload.objects.count() == 3
    bad = workbook(
        "enforcement.caseloads",
        [
            [zhang.id_number, None, "张三", None, 2019, 1],
            [id_number(77), None, "无此人", None, 2019, 1],
            [None, "川9999", "李执法", None, 2019, 1],
            [zhang.id_number, None, "张执法", None, 2099, -2],
            [li.id_number, None, "李执法", None, 2017, 2],
            [li.id_number, None, "李执法", None, 2017, 2],
        ],
    )
    result = run("enforcement.caseloads", bad, zhifa)
    where = cells(result)
    assert where[2, "姓名"] == "与该人员登记的姓名（张执法）不符。"
    assert where[3, "身份证号码"].startswith("没有找到该身份证号码的执法人员")
    assert where[4, "证件号码"].startswith("没有找到持有该证件的执法人员")
    assert where[5, "年度"] == "不能填写今年以后的年度。" and where[5, "办案数量"] == "不能为负数。"
    assert where[7, "年度"] == "与第 6 行是同一人员同一年度的办案数量。"
    assert Caseload.objects.count() == 3


def test_a_liaison_finds_no_caseload_officer_outside_their_unit(officers):
    liaison = officers["users"]["liaison"]
    li = officers["li"]
    source = workbook("enforcement.caseloads", [[li.id_number, None, "李执法", None, 2019, 5]])
    result = run("enforcement.caseloads", source, liaison)
    assert [e.message for e in result.errors] == [
        "没有找到该身份证号码的执法人员，或其不在您的数据权限范围内。"
    ]
    # the same words as for a number no one holds
    source = workbook("enforcement.caseloads", [[id_number(88), None, "李执法", None, 2019, 5]])
    assert [e.message for e in run("enforcement.caseloads", source, liaison).errors] == [
        "没有找到该身份证号码的执法人员，或其不在您的数据权限范围内。"
    ]


# --- the lists export their ledgers -----------------------------------------------------------


def test_the_lists_export_their_ledgers_workbooks(officers, case_file, login):
    from django.urls import reverse

    certificate(officers["zhang"], "川2019000001")
    headers = {
        "officer": "enforcement.officers",
        "casefile": "enforcement.case_file_scores",
        "enforcementreturn": "enforcement.statistics",
    }
    client = login("leader")
    for name, key in headers.items():
        response = client.get(reverse(f"enforcement:{name}_list") + "?export=xlsx")
        assert response.status_code == 200, name
        rows = sheet_rows(BytesIO(b"".join(response.streaming_content)))
        assert list(rows[0]) == [c.header for c in get_ledger(key).columns], name
        if name == "officer":
            assert masked(officers["zhang"].id_number) in {r[1] for r in rows[1:]}
            assert officers["zhang"].id_number not in {r[1] for r in rows[1:]}


def test_who_may_import_which_ledger(officers):
    from fazhi.core.ledger_jobs import ledgers_for

    def keys(username):
        return {
            ledger.key
            for ledger in ledgers_for(officers["users"][username])
            if ledger.key.startswith("enforcement.")
        }

    assert keys("zhifa") == {
        "enforcement.officers",
        "enforcement.exam_results",
        "enforcement.case_file_scores",
        "enforcement.statistics",
        "enforcement.caseloads",
    }
    # an organ keeps its officers, their caseloads and its statistics; the bureau the rest
    assert keys("liaison") == {
        "enforcement.officers",
        "enforcement.statistics",
        "enforcement.caseloads",
    }
    assert keys("leader") == set()
