"""The unit register as an Excel ledger: template, all-or-nothing import, export."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import get_ledger, import_ledger, write_error_workbook, write_export
from fazhi.core.testing import drop_downs
from fazhi.core.validators import credit_code_check_char
from fazhi.org.models import Unit

pytestmark = pytest.mark.django_db

HEADERS = ["单位编码", "名称", "简称", "类型", "上级单位编码", "行政区划代码", "统一社会信用代码"]


def workbook(rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


def villages(n, parent="510704101"):
    return [
        [f"510704101-v{i:02d}", f"新桥{i}村", "", "村（社区）", parent, "", ""]
        for i in range(1, n + 1)
    ]


def context(code="510704101", viewer=None):
    return {"unit": Unit.objects.get(code=code), "viewer": viewer}


def test_the_template_has_headers_drop_downs_and_instructions(district, tmp_path):
    path = tmp_path / "units.xlsx"
    call_command("ledger", "template", "org.units", str(path), stdout=io.StringIO())
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == HEADERS
    kinds = next(iter(drop_downs(book).values()))
    assert "村（社区）" in kinds and "人民调解委员会" in kinds
    assert "填写说明" in book.sheetnames


def test_good_rows_are_all_imported_in_the_tree(district):
    rows = villages(20) + [
        ["510704101-v01-g1", "一组调委会", "", "人民调解委员会", "510704101-v01", "", ""]
    ]
    result = import_ledger(get_ledger("org.units"), workbook(rows), context=context())
    assert result.ok and result.created == 21
    group = Unit.objects.get(code="510704101-v01-g1")
    assert group.parent.code == "510704101-v01" and group.parent.parent.name == "新桥镇"


def test_one_bad_cell_among_many_good_rows_imports_nothing_and_names_the_cell(district):
    rows = villages(50)
    rows[36][6] = "91510700MA6X0QWE12"  # a credit code with a wrong check character: sheet row 38
    result = import_ledger(get_ledger("org.units"), workbook(rows), context=context())
    assert not result.ok and result.created == 0
    assert [str(e) for e in result.errors] == [
        "第 38 行“统一社会信用代码”：统一社会信用代码校验码错误。"
    ]
    assert not Unit.objects.filter(code__startswith="510704101-v").exists()


def test_every_kind_of_error_is_reported_with_row_and_column(district):
    code = "31510000MD0123456"
    rows = [
        ["510704101-v01", "新桥一村", "", "村", "510704101", "", ""],  # not a listed kind
        ["510704101-v02", "", "", "村（社区）", "510704102", "", ""],  # no name; another township
        [
            "510704101-v03",
            "新桥三村",
            "",
            "村（社区）",
            "510704101",
            "5107",
            code + credit_code_check_char(code),
        ],
        ["510704101-v03", "重复", "", "村（社区）", "510704101", "", ""],
        ["510704101", "新桥镇", "", "乡镇（街道）", "510704101", "", ""],  # code already taken
    ]
    result = import_ledger(get_ledger("org.units"), workbook(rows), context=context())
    messages = {(e.row, e.column) for e in result.errors}
    assert (2, "类型") in messages and (3, "名称") in messages and (4, "行政区划代码") in messages
    # Database and cross-row checks run once the cells are valid:
    fixed = [r[:] for r in rows]
    fixed[0][3] = "村（社区）"
    fixed[1][1] = "新桥二村"
    fixed[2][5] = ""
    result = import_ledger(get_ledger("org.units"), workbook(fixed), context=context())
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert "不在您的数据权限范围内" in messages[(3, "上级单位编码")]
    assert "与第 4 行的编码重复" in messages[(5, "单位编码")]
    assert "已被现有单位使用" in messages[(6, "单位编码")]


def test_a_dry_run_validates_and_saves_nothing(district):
    result = import_ledger(
        get_ledger("org.units"), workbook(villages(5)), context=context(), dry_run=True
    )
    assert result.ok and result.rows == 5 and result.created == 0
    assert not Unit.objects.filter(code__startswith="510704101-v").exists()


def test_a_township_user_cannot_import_under_another_township(district):
    result = import_ledger(
        get_ledger("org.units"),
        workbook(villages(2, parent="510704102")),
        context={"unit": Unit.objects.get(code="510704"), "viewer": district["xinqiao"]},
    )
    assert not result.ok and {e.column for e in result.errors} == {"上级单位编码"}


def test_the_annotated_workbook_marks_each_bad_cell(district, tmp_path):
    rows = villages(3)
    rows[1][3] = "村"
    source = workbook(rows)
    result = import_ledger(get_ledger("org.units"), source, context=context())
    source.seek(0)
    target = tmp_path / "errors.xlsx"
    write_error_workbook(get_ledger("org.units"), source, result.errors, target)
    cell = load_workbook(target).worksheets[0]["D3"]
    assert cell.comment is not None and "不在可选范围内" in cell.comment.text


def test_export_of_a_township_reimports_cleanly_elsewhere(district, tmp_path):
    path = tmp_path / "xinqiao.xlsx"
    count = write_export(get_ledger("org.units"), context(), path)
    assert count == 3
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == tuple(HEADERS)
    assert ("510704101-sfs", "新桥镇司法所", "", "司法所", "510704101", "", "") in [
        tuple(v or "" for v in r) for r in rows
    ]


def test_the_cli_imports_all_or_nothing_and_says_why(district, tmp_path):
    good = tmp_path / "good.xlsx"
    good.write_bytes(workbook(villages(3)).getvalue())
    out = io.StringIO()
    call_command("ledger", "import", "org.units", str(good), "--unit", "510704101", stdout=out)
    assert "已导入 3 行" in out.getvalue()
    bad_rows = villages(3)
    bad_rows[0][0] = "510704101-v01"  # now taken
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook(bad_rows).getvalue())
    with pytest.raises(CommandError, match="未导入任何数据"):
        call_command(
            "ledger",
            "import",
            "org.units",
            str(bad),
            "--unit",
            "510704101",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
