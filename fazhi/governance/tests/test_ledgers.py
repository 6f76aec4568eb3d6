"""The 依法治区 ledgers: each exports what its list shows and imports what it exports (the
exported-only columns are not read back); a file with a bad row saves nothing and names the
row and column; the template's drop-down offers the importer's own organs."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import get_ledger, import_ledger, write_export, write_template
from fazhi.core.testing import drop_downs
from fazhi.governance import services
from fazhi.governance.models import AssessmentResult, Finding, Honour, Task

pytestmark = pytest.mark.django_db


def exported(key, viewer):
    target = BytesIO()
    write_export(get_ledger(key), {"viewer": viewer, "unit": None}, target)
    target.seek(0)
    return target


def workbook(key, rows):
    ledger = get_ledger(key)
    book = Workbook()
    sheet = book.active
    sheet.append([c.header for c in ledger.columns])
    for row in rows:
        sheet.append(row)
    target = BytesIO()
    book.save(target)
    target.seek(0)
    return target


def test_tasks_go_out_and_back_in(office):
    yifa = office["users"]["yifa"]
    result = import_ledger(
        get_ledger("governance.tasks"),
        exported("governance.tasks", yifa),
        context={"viewer": yifa, "unit": None},
    )
    assert result.ok, result.errors
    assert Task.objects.count() == 4
    copy = Task.objects.order_by("pk").last()
    assert copy.status == Task.Status.ASSIGNED and copy.percent == 0  # not read back


def test_a_task_file_with_a_bad_row_saves_nothing_and_says_where(office):
    yifa = office["users"]["yifa"]
    source = workbook(
        "governance.tasks",
        [
            [
                "1",
                "好的任务",
                "区财政局",
                "区司法局",
                "分管副区长",
                date(2019, 3, 1),
                date(2019, 6, 30),
            ],
            ["2", "期限早于交办", "区财政局", "", "", date(2019, 5, 1), date(2019, 4, 1)],
            [
                "3",
                "未知单位",
                "区不存在局",
                "区财政局、区不存在局",
                "",
                date(2019, 5, 1),
                date(2019, 6, 1),
            ],
        ],
    )
    result = import_ledger(
        get_ledger("governance.tasks"), source, context={"viewer": yifa, "unit": None}
    )
    assert not result.ok
    where = {(e.row, e.column) for e in result.errors}
    assert (3, "完成时限") in where and (4, "牵头单位") in where and (4, "配合单位") in where
    assert Task.objects.count() == 2


def test_the_task_template_offers_the_importers_organs(office):
    target = BytesIO()
    write_template(
        get_ledger("governance.tasks"), target, {"viewer": office["users"]["yifa"], "unit": None}
    )
    target.seek(0)
    lists = drop_downs(load_workbook(target))
    offered = next(v for v in lists.values() if "区市场监督管理局" in v)
    assert "新桥镇人民调解委员会" not in offered  # organs only, not the committees


def test_findings_go_out_and_back_in_for_a_unit_the_inspection_covered(office):
    yifa = office["users"]["yifa"]
    services.finding_save(
        user=None,
        inspection=office["inspection"],
        unit=office["market"],
        problem="问题",
        basis="",
        found_on=date(2019, 8, 5),
        due_on=date(2019, 10, 1),
    )
    result = import_ledger(
        get_ledger("governance.findings"),
        exported("governance.findings", yifa),
        context={"viewer": yifa, "unit": None},
    )
    assert result.ok, result.errors
    assert Finding.objects.count() == 2
    source = workbook(
        "governance.findings",
        [["2019年法治建设专项督察", "区民政局", "问题", "", date(2019, 8, 5), date(2019, 10, 1)]],
    )
    result = import_ledger(
        get_ledger("governance.findings"), source, context={"viewer": yifa, "unit": None}
    )
    assert [e.message for e in result.errors] == ["该单位不在本次督察的被督察单位之中。"]


def test_scores_import_per_unit_and_rank(office):
    yifa = office["users"]["yifa"]
    scheme = services.assessment_scheme_save(
        user=None,
        unit=office["unit"],
        year=2019,
        title="考核",
        document_number="",
        pass_line=80,
        city_score=None,
    )
    services.assessment_item_add(scheme=scheme, name="依法决策", points=60)
    services.assessment_item_add(scheme=scheme, name="严格执法", points=40)
    source = workbook(
        "governance.assessment_scores",
        [
            [2019, "区市场监督管理局", "依法决策", 10, "未审核"],
            [2019, "区财政局", "严格执法", 1, "台账不全"],
        ],
    )
    result = import_ledger(
        get_ledger("governance.assessment_scores"), source, context={"viewer": yifa, "unit": None}
    )
    assert result.ok, result.errors
    totals = dict(AssessmentResult.objects.values_list("unit__short_name", "total"))
    assert totals == {"区市场监管局": 90, "区财政局": 99}
    bad = workbook(
        "governance.assessment_scores",
        [[2019, "区财政局", "严格执法", 50, "x"], [2018, "区财政局", "严格执法", 1, "x"]],
    )
    result = import_ledger(
        get_ledger("governance.assessment_scores"), bad, context={"viewer": yifa, "unit": None}
    )
    messages = [e.message for e in result.errors]
    assert "扣分须在 0 至 40 分之间。" in messages and "2018 年没有考核方案，请先登记。" in messages


def test_honours_import_into_the_importers_unit(office):
    yifa = office["users"]["yifa"]
    source = workbook(
        "governance.honours",
        [["区司法局", "全省先进集体", "省级", "四川省司法厅", date(2019, 9, 1), ""]],
    )
    result = import_ledger(
        get_ledger("governance.honours"), source, context={"viewer": yifa, "unit": None}
    )
    assert result.ok, result.errors
    honour = Honour.objects.get()
    assert honour.unit == yifa.unit and honour.level == "PROVINCIAL"


def test_an_indicator_system_edition_is_entered_from_a_workbook(office):
    from fazhi.governance.models import DemonstrationIndicator, IndicatorEdition

    yifa = office["users"]["yifa"]
    name = "法治政府建设示范创建指标体系（申报指南）"
    source = workbook(
        "governance.indicators",
        [
            [name, 2021, "1", "党政主要负责人切实履行推进法治建设第一责任人职责", 10, None],
            [name, 2021, "1.1", "主要负责人学法述法", 4, None],
            [name, 2021, "1.1.1", "每年专题研究法治建设", 2, None],
        ],
    )
    result = import_ledger(
        get_ledger("governance.indicators"), source, context={"viewer": yifa, "unit": None}
    )
    assert result.ok, result.errors
    edition = IndicatorEdition.objects.get(name=name)
    assert [i.level for i in edition.indicators.all()] == [1, 2, 3]
    bad = workbook(
        "governance.indicators",
        [
            [name, 2021, "1.1", "重复", 1, None],
            [name, 2021, "2.1", "无上级", 1, None],
            [name, 2021, "1.01", "编号", 1, None],
        ],
    )
    result = import_ledger(
        get_ledger("governance.indicators"), bad, context={"viewer": yifa, "unit": None}
    )
    messages = sorted(e.message for e in result.errors)
    assert any("已有编号 1.1" in m for m in messages) and any("上级指标 2" in m for m in messages)
    assert any("编号写作" in m for m in messages)
    assert DemonstrationIndicator.objects.count() == 3
