"""Uploads built to hurt: a workbook is refused or read in time and memory that follow its real
cells, whatever it declares; archives and XML are parsed safely; what the platform writes back
(the annotated error workbook) holds text as text."""

import time
import tracemalloc
import zipfile
from io import BytesIO

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook

from fazhi.core import ledgers
from fazhi.core.ledgers import WorkbookRefused, get_ledger, read_rows, write_error_workbook

SHEET = "xl/worksheets/sheet1.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER = ["单位编码", "名称", "简称", "类型", "上级单位编码"]


def units_workbook(rows=()) -> bytes:
    """The header and `rows`; every string a text cell (a user typing '=1+1 as text)."""
    book = Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    for row in book.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    data = BytesIO()
    book.save(data)
    return data.getvalue()


def with_sheet_xml(workbook: bytes, sheet_xml: bytes) -> BytesIO:
    """`workbook` with its first sheet's XML replaced (compressed as Excel does)."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(workbook)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = sheet_xml if item.filename == SHEET else source.read(item.filename)
            target.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    out.seek(0)
    return out


def header_row() -> bytes:
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{title}</t></is></c>'
        for i, title in enumerate(HEADER)
    )
    return f'<row r="1">{cells}</row>'.encode()


def sheet_xml(rows: bytes, dimension: str | None = "A1:E2") -> bytes:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{declared}<sheetData>'.encode()
        + header_row()
        + rows
        + b"</sheetData></worksheet>"
    )


def a_row(number: int, code: str = "510704101-c1") -> bytes:
    values = [code, "试点村调委会", "", "村（社区）", "510704101"]
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
        if v
    )
    return f'<row r="{number}">{cells}</row>'.encode()


@pytest.fixture
def ledger():
    return get_ledger("org.units")


def test_openpyxl_parses_uploads_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


def test_a_sheet_declaring_every_column_and_a_million_rows_is_read_by_its_real_cells(ledger):
    # Declared A1:XFD1048576: openpyxl pads every row to 16,384 columns and every gap to the
    # last declared row, which took 13.6 s for A1:XFD300000.
    upload = with_sheet_xml(
        units_workbook(), sheet_xml(a_row(2) + b'<row r="1048576"/>', "A1:XFD1048576")
    )
    began = time.perf_counter()
    rows, errors = read_rows(ledger, upload)
    assert time.perf_counter() - began < 2
    assert [number for number, _row in rows] == [2]
    assert rows[0][1]["code"] == "510704101-c1"


def test_a_long_row_of_a_sheet_declaring_no_dimension_is_read_one_cell_at_a_time(ledger):
    # Two traps: openpyxl looks for the missing <dimension> through the whole sheet, keeping
    # every element, and its row parser holds a whole row before it yields it.
    cells = b'<c r="F2"><v>1</v></c>' * 16_000
    rows = b"".join(a_row(n, f"510704101-c{n}")[:-6] + cells + b"</row>" for n in range(2, 5))
    upload = with_sheet_xml(units_workbook(), sheet_xml(rows, dimension=None))
    tracemalloc.start()
    try:
        rows, _errors = read_rows(ledger, upload)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(rows) == 3
    # openpyxl alone: over 30 MB here; a 600 KB upload of one long row took a gigabyte.
    assert peak < 5 * 1024 * 1024


def test_a_row_of_more_cells_than_excel_allows_is_refused_at_once(ledger):
    cells = b'<c r="F2"><v>1</v></c>' * 16_385
    upload = with_sheet_xml(units_workbook(), sheet_xml(a_row(2)[:-6] + cells + b"</row>", None))
    began = time.perf_counter()
    with pytest.raises(WorkbookRefused, match="第 2 行超过 16,384 个单元格"):
        read_rows(ledger, upload)
    assert time.perf_counter() - began < 2


def test_more_cells_than_an_import_reads_are_refused_naming_the_limit(ledger, monkeypatch):
    monkeypatch.setattr(ledgers, "MAX_CELLS", 20_000)
    rows = b"".join(a_row(n, f"510704101-c{n}") for n in range(2, 6002))  # 4 cells each
    with pytest.raises(WorkbookRefused, match="超过 2 万个单元格"):
        read_rows(ledger, with_sheet_xml(units_workbook(), sheet_xml(rows)))


def test_a_small_file_that_unpacks_beyond_the_limit_is_refused_before_it_is_parsed(
    ledger, monkeypatch
):
    monkeypatch.setattr(ledgers, "MAX_UNCOMPRESSED_MB", 1)
    padding = b"<row/>" * 200_000  # 1.2 MB of XML, a few KB compressed
    upload = with_sheet_xml(units_workbook(), sheet_xml(a_row(2) + padding))
    assert len(upload.getvalue()) < 50_000
    with pytest.raises(WorkbookRefused, match="文件解压后超过 1 MB"):
        read_rows(ledger, upload)


def test_a_shared_strings_part_beyond_its_limit_is_refused(ledger, monkeypatch):
    # Shared strings (and styles) are read whole into memory, unlike the sheet.
    monkeypatch.setattr(ledgers, "MAX_PART_MB", 1)
    strings = b"<sst " + NS.encode() + b">" + b"<si><t>x</t></si>" * 100_000 + b"</sst>"
    upload = BytesIO()
    with zipfile.ZipFile(BytesIO(units_workbook())) as source, zipfile.ZipFile(upload, "w") as out:
        for item in source.infolist():
            out.writestr(item, source.read(item.filename))
        out.writestr("xl/sharedStrings.xml", strings, compress_type=zipfile.ZIP_DEFLATED)
    with pytest.raises(WorkbookRefused, match="sharedStrings.xml 解压后超过 1 MB"):
        read_rows(ledger, upload)


def test_more_rows_than_an_import_may_hold_are_refused_naming_the_limit(ledger, monkeypatch):
    monkeypatch.setattr(ledgers, "MAX_ROWS", 5)
    rows = b"".join(a_row(n, f"510704101-c{n}") for n in range(2, 9))
    with pytest.raises(WorkbookRefused, match="超过 5 行"):
        read_rows(ledger, with_sheet_xml(units_workbook(), sheet_xml(rows)))
    # Five rows are still an import.
    upload = with_sheet_xml(units_workbook(), sheet_xml(rows[: rows.index(b'<row r="7"')]))
    assert len(read_rows(ledger, upload)[0]) == 5


def test_a_file_that_is_not_a_workbook_is_refused_in_chinese(ledger):
    with pytest.raises(WorkbookRefused, match="不是有效的 Excel 文件"):
        read_rows(ledger, BytesIO(b"name,code\n" * 100))


def test_entities_in_the_sheet_xml_are_refused_not_expanded(ledger):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<worksheet "
        + NS.encode()
        + b"><sheetData>"
        + header_row()
        + b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        + b"</sheetData></worksheet>"
    )
    with pytest.raises(WorkbookRefused, match="不安全"):
        read_rows(ledger, with_sheet_xml(units_workbook(), bomb))


def test_the_error_workbook_is_streamed_and_writes_formulas_back_as_text(ledger):
    upload = BytesIO(
        units_workbook(
            [
                ["510704101-c1", "=1+1", "", "村（社区）", "510704101"],
                ["510704101-c2", "=cmd|' /C calc'!A0", "#N/A", "没有这种类型", "510704101"],
            ]
        )
    )
    rows, errors = read_rows(ledger, upload)
    assert [(e.row, e.column) for e in errors] == [(3, "类型")]
    target = BytesIO()
    write_error_workbook(ledger, upload, errors, target)
    sheet = load_workbook(BytesIO(target.getvalue())).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    assert sheet["B2"].value == "=1+1" and sheet["B3"].value == "=cmd|' /C calc'!A0"
    assert sheet["C3"].value == "#N/A" and sheet["C3"].data_type == "s"
    assert sheet["D3"].comment.text.startswith("“没有这种类型”不在可选范围内")
    assert sheet["D2"].comment is None


def test_opening_a_sheet_that_declares_no_dimension_reads_no_further_than_its_data(ledger):
    # openpyxl looks for the missing <dimension> through the whole sheet before the first row,
    # keeping every element: the 240 MB sheet of a 600 KB upload took 900 MB there.
    cells = b'<c r="F2"><v>1</v></c>' * 5_000
    rows = b"".join(b'<row r="%d">' % n + cells + b"</row>" for n in range(2, 102))
    upload = with_sheet_xml(units_workbook(), sheet_xml(rows, dimension=None))
    began = time.perf_counter()
    book, _lines, declared = ledgers._sheet_rows(upload)
    book.close()
    assert time.perf_counter() - began < 1
    assert declared == 0
