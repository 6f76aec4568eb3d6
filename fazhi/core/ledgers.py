"""Excel ledgers (台账): a template to fill in, an import that validates every cell and saves all
rows or none, and export of any list. Each app describes its ledgers in its own `ledgers.py`
(a `Ledger` subclass per record kind, registered with `register`)."""

from __future__ import annotations

import gc
import re
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import IO, Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.module_loading import autodiscover_modules
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from fazhi.core.audit import WriteSource, writes_from
from fazhi.core.validators import validate_text

# Sent when records were written in bulk (no model signals): figures computed before are stale.
data_changed = Signal()

HEADER_ROW = 1
REQUIRED = "必填，不能为空。"
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
OPTIONS_SHEET = "下拉选项"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

# What one upload may hold. The sheet is streamed, so its size costs time, not memory; every
# other part (shared strings, styles) is read whole, and the rows are kept until all are checked
# (all or none): these bounds keep an import within a few hundred MB whatever the file declares.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELLS = 3_000_000  # 100,000 rows of 30 filled cells: reading them takes about a minute
EXCEL_COLUMNS = 16_384  # a row of more cells is no workbook Excel or WPS wrote
MAX_UNCOMPRESSED_MB = 250
MAX_PART_MB = 50
MAX_PARTS = 1000
MB = 1024 * 1024


class WorkbookRefused(ValidationError):
    """The file is not read at all (or no further): not a workbook, or beyond a limit."""


@dataclass
class Column:
    key: str
    header: str
    kind: str = "text"  # text | int | decimal | date | choice
    required: bool = False
    choices: list[tuple[Any, str]] = field(default_factory=list)  # (value, label shown)
    max_length: int | None = None
    validators: list = field(default_factory=list)  # callables raising ValidationError
    help: str = ""
    # Turns the parsed, validated value into the one the ledger keeps (e.g. str.upper); may
    # raise ValidationError too.
    convert: Callable[[Any], Any] | None = None
    multiline: bool = False  # text that may hold line breaks and tabs (a summary, a note)
    # Words earlier templates used for a choice (label → value): still read, never written.
    aliases: dict[str, Any] = field(default_factory=dict)
    # Headers earlier templates gave this column: a file filled in on one still imports.
    former_headers: tuple[str, ...] = ()
    # A drop-down of the importer's own records (their committees, their mediators) in the
    # template: the ledger's `name_lists(context)` gives it under the column's key.
    named: bool = False

    def __post_init__(self):
        if self.kind not in _PARSERS:
            raise ValueError(f"unknown column kind {self.kind}")
        self._by_label = {**self.aliases, **{label: value for value, label in self.choices}}

    def parse(self, raw: Any) -> Any:
        """The cell's value as Python, or ValidationError with a Chinese message."""
        if raw is None or (type(raw) is str and not raw.strip()):
            if self.required:
                raise ValidationError(REQUIRED)
            return None
        value = _PARSERS[self.kind](self, raw)
        for validator in self.validators:
            validator(value)
        if self.convert is not None:
            value = self.convert(value)
        return value

    def _parse_text(self, raw) -> str:
        if type(raw) is str:
            value = raw.strip()
        elif isinstance(raw, float) and raw.is_integer():
            value = str(int(raw))  # a code typed as a number
        else:
            value = str(raw).strip()
        if self.max_length and len(value) > self.max_length:
            raise ValidationError(f"不能超过 {self.max_length} 个字。")
        validate_text(value, multiline=self.multiline)
        return value

    def _parse_int(self, raw) -> int:
        if type(raw) is int:
            return raw
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        try:
            return int(str(raw).strip())
        except ValueError:
            raise ValidationError("应为整数。") from None

    def _parse_decimal(self, raw) -> Decimal:
        try:
            value = Decimal(raw.strip() if type(raw) is str else str(raw)).quantize(CENT)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise ValidationError("应为金额（元，最多两位小数）。")
        return value

    def _parse_date(self, raw) -> date:
        return _parse_date(raw)

    def _parse_choice(self, raw) -> Any:
        if type(raw) is str:
            text = raw.strip()
        elif isinstance(raw, float) and raw.is_integer():
            text = str(int(raw))  # 3.0 for a drop-down of numbers
        else:
            text = str(raw).strip()
        try:
            return self._by_label[text]
        except KeyError:
            allowed = "、".join(label for _v, label in self.choices)
            raise ValidationError(f"“{text}”不在可选范围内（{allowed}）。") from None


CENT = Decimal("0.01")
_PARSERS = {
    "text": Column._parse_text,
    "int": Column._parse_int,
    "decimal": Column._parse_decimal,
    "date": Column._parse_date,
    "choice": Column._parse_choice,
}


def page_labels(enum) -> dict:
    """value → label of a model's choices as the pages show them in Chinese: the words a
    workbook's drop-down offers, the same as the page's."""
    from django.utils import translation

    with translation.override("zh-hans"):
        return {value: str(label) for value, label in enum.choices}


def _parse_date(raw) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = re.sub(r"[年月/.]", "-", str(raw).strip()).rstrip("日")
    try:
        return date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
    except ValueError:
        raise ValidationError("应为日期，如 2019-03-15。") from None


@dataclass
class CellError:
    row: int  # the sheet's row number, as Excel shows it
    column: str  # the column's header
    message: str

    def __str__(self):
        return f"第 {self.row} 行“{self.column}”：{self.message}"


@dataclass
class ImportResult:
    rows: int
    created: int
    errors: list[CellError]
    dry_run: bool

    @property
    def ok(self) -> bool:
        return not self.errors


class Ledger:
    """One kind of record as an Excel ledger. Subclasses set `key`, `title`, `columns` and
    implement `check_rows` (cross-row and database checks) and `save_rows`. Both get the
    import's `context` (`unit`, `viewer`, and `progress`, a `(phase, done, total)` callable
    they may call as they go)."""

    key: str = ""
    title: str = ""
    permission: str = ""  # "app_label.codename" a user needs to import it from the web
    columns: list[Column] = []
    instructions: list[str] = []

    def check_rows(self, rows: list[tuple[int, dict]], context: dict) -> list[CellError]:
        return []

    def name_lists(self, context: dict) -> dict[str, list[str]]:
        """The drop-downs of the template's `named` columns, by column key: the names of the
        records the importer may refer to (their own committees, mediators …)."""
        return {}

    def save_rows(self, rows: list[dict], context: dict) -> int:
        raise NotImplementedError

    def export_rows(self, context: dict):
        """Yield one list of cell values per record, in column order."""
        raise NotImplementedError

    def header(self, key: str) -> str:
        return next(c.header for c in self.columns if c.key == key)


_registry: dict[str, Ledger] = {}


def register(ledger_class: type[Ledger]) -> type[Ledger]:
    _registry[ledger_class.key] = ledger_class()
    return ledger_class


def get_ledger(key: str) -> Ledger:
    autodiscover_modules("ledgers")
    if key not in _registry:
        raise KeyError(f"没有名为 {key} 的台账（可用：{'、'.join(sorted(_registry))}）。")
    return _registry[key]


# --- scope of an import or export ----------------------------------------------------------


def in_ledger_scope(queryset, context: dict, unit_field: str):
    """`queryset` cut to the viewer's data scope (none from the command line) and to the
    subtree of the import's or export's unit."""
    from fazhi.org.scope import in_subtree

    viewer = context.get("viewer")
    if viewer is not None:
        queryset = queryset.visible_to(viewer)
    if context.get("unit") is not None:
        queryset = queryset.filter(in_subtree(unit_field, context["unit"]))
    return queryset


def outside_ledger_scope(context: dict) -> str:
    """How a unit the importer may not write to is described: "不在新桥镇之下、不在您的数据权限
    范围内" (the command line has no data scope)."""
    reasons = []
    if context.get("unit") is not None:
        reasons.append(f"不在{context['unit'].name}之下")
    if context.get("viewer") is not None:
        reasons.append("不在您的数据权限范围内")
    return "、".join(reasons) or "不在可以导入的范围内"


# --- template ------------------------------------------------------------------------------


def unit_cell(ledger, number, row, key, units: dict, context, errors, what="单位"):
    """The unit (or organ) a cell names, looked up in `units` (name, short name or code → the
    record, the importer's scope only); an error for the cell when it names none of them."""
    value = row[key]
    if value is None:
        return None
    found = units.get(value)
    if found is None:
        errors.append(
            CellError(
                number,
                ledger.header(key),
                f"{what}“{value}”不存在，或{outside_ledger_scope(context)}。",
            )
        )
    return found


def future_dates(ledger, number, row, keys, errors) -> None:
    """An error for each date cell of `keys` after today (what happened is not in the future)."""
    from fazhi.timelimits.selectors import today

    for key in keys:
        if row.get(key) and row[key] > today():
            errors.append(CellError(number, ledger.header(key), "不能是今天以后的日期。"))


def write_template(ledger: Ledger, target: str | IO[bytes], context: dict | None = None) -> None:
    """Header row, drop-downs for closed lists and for the importer's own records (from
    `context`: their committees, mediators …), and a sheet of instructions. The drop-downs'
    options stand on a hidden sheet: a list written into the rule itself may not pass 255
    characters."""
    book = Workbook()
    sheet = book.active
    sheet.title = ledger.title[:31]
    lists = book.create_sheet(OPTIONS_SHEET)
    lists.sheet_state = "hidden"
    names = ledger.name_lists(context) if context is not None else {}
    for index, column in enumerate(ledger.columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.header)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = HEADER_FILL
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, len(column.header) * 2 + 4)
        options = [label for _v, label in column.choices] or names.get(column.key, [])
        if not options:
            continue
        lists.cell(row=1, column=index, value=column.header)
        for row, option in enumerate(options, start=2):
            lists.cell(row=row, column=index, value=option)
        validation = DataValidation(
            type="list",
            formula1=f"'{OPTIONS_SHEET}'!${letter}$2:${letter}${len(options) + 1}",
            allow_blank=True,
        )
        if column.named:  # one of their own records: a name not in the list is only a warning
            validation.errorStyle = "warning"
            validation.error = "不在您可以选择的范围内，请从下拉列表中选择。"
        else:
            validation.error = "请从下拉列表中选择。"
        validation.errorTitle = column.header
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}100000")
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("填写说明")
    notes.append(["列", "是否必填", "说明"])
    for column in ledger.columns:
        allowed = (
            "可选：" + "、".join(label for _v, label in column.choices) if column.choices else ""
        )
        notes.append(
            [
                column.header,
                "必填" if column.required else "",
                "；".join(x for x in [column.help, allowed] if x),
            ]
        )
    notes.append([])
    for line in ledger.instructions + [
        "导入时逐格校验：只要有一个错误，整个文件都不导入，并列出每个错误所在的行和列。"
    ]:
        notes.append([line])
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["C"].width = 80
    book.save(target)


# --- import --------------------------------------------------------------------------------


class Progress:
    """Passes `(phase, done, total)` on to the caller's callback now and then: at the start and
    end of each phase and every `every` rows in between. Ledgers reach it as
    `context["progress"]` during `check_rows` and `save_rows`."""

    def __init__(self, callback: Callable[[str, int, int], None] | None, every: int = 1000):
        self.callback = callback
        self.every = every
        self.phase = ""
        self.last = -1

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.callback is None:
            return
        if phase == self.phase and done == self.last:
            return  # said already
        if phase != self.phase or done >= total or done - self.last >= self.every:
            self.phase, self.last = phase, done
            self.callback(phase, done, total)


def _blank(values) -> bool:
    if values.count(None) == len(values):
        return True
    return all(v is None or (type(v) is str and not v.strip()) for v in values)


def check_workbook(source) -> None:
    """Refuse a file before parsing it: not an xlsx (zip) archive, or larger unpacked than an
    import may be. The archive's directory is read, nothing is unpacked. A part that unpacks to
    more than it declares fails its checksum when read, so the declared sizes bind."""
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise WorkbookRefused(
            "这不是有效的 Excel 文件（.xlsx），请在 Excel 或 WPS 中另存为 .xlsx 后再上传。"
        ) from None
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    if len(parts) > MAX_PARTS:
        raise WorkbookRefused(f"文件内部包含的部件超过 {MAX_PARTS} 个，不像是台账文件。")
    if sum(part.file_size for part in parts) > MAX_UNCOMPRESSED_MB * MB:
        raise WorkbookRefused(f"文件解压后超过 {MAX_UNCOMPRESSED_MB} MB，请分成几个文件导入。")
    for part in parts:
        if not part.filename.startswith("xl/worksheets/") and part.file_size > MAX_PART_MB * MB:
            raise WorkbookRefused(
                f"文件中的 {part.filename[:80]} 解压后超过 {MAX_PART_MB} MB"
                "（多为大量不同的文字或格式），请分成几个文件导入。"
            )


def _dimension_before_data(sheet) -> None:
    """What openpyxl's read-only sheet does on opening, minus its trap: it looks for the
    sheet's <dimension> by parsing on until it finds one, so a sheet without one was parsed
    whole, every element kept (a 600 KB upload took a gigabyte before a row was read). Here the
    search stops where the data starts."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.xml.functions import iterparse

    with sheet._get_source() as xml:
        for _event, element in iterparse(xml, events=("start",)):
            if element.tag == DATA_TAG:
                return
            if element.tag == DIMENSION_TAG:
                try:
                    bounds = range_boundaries(element.get("ref", ""))
                except (TypeError, ValueError):
                    return
                if None not in bounds:
                    sheet._min_column, sheet._min_row, sheet._max_column, sheet._max_row = bounds
                return


# Every read-only workbook opens its sheets this way (openpyxl is pinned in uv.lock).
ReadOnlyWorksheet._get_size = _dimension_before_data


def _sheet_rows(source):
    """(workbook, the first sheet's rows as (row number, values), the row count the file
    declares). Read as a stream that holds one cell at a time: the rows the XML really holds,
    whatever dimension the file declares (a 4 KB file may declare A1:XFD1048576), each cut to
    MAX_COLUMNS columns, so time follows the real cells and memory the kept rows."""
    check_workbook(source)
    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl wraps what went wrong in a ValueError, or not at all
        raise _unreadable(error) from None
    sheet = book.worksheets[0]
    declared = max((sheet.max_row or 0) - HEADER_ROW, 0)
    return book, _stream(sheet), declared


def _unreadable(error: BaseException) -> WorkbookRefused:
    causes = [error, error.__cause__, error.__context__]
    if any(isinstance(cause, DefusedXmlException) for cause in causes):
        return WorkbookRefused("文件中含有不安全的 XML 内容（实体或外部引用），未读取。")
    return WorkbookRefused(
        "文件内容无法读取（可能已损坏，或不是 Excel 保存的工作簿），请在 Excel 或 WPS 中"
        "另存为 .xlsx 后再上传。"
    )


def _stream(sheet):
    # openpyxl's own cell parser (shared strings, dates by cell style, inline strings), fed
    # one <c> element at a time: its row parser would first build a whole <row> in memory,
    # and a row can hold millions of cells.
    from openpyxl.worksheet._reader import WorkSheetParser
    from openpyxl.xml.functions import iterparse

    book = sheet.parent
    with sheet._get_source() as xml:
        parser = WorkSheetParser(
            xml,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        try:
            yield from _parse_rows(parser, iterparse(xml, events=("start", "end")))
        except (DefusedXmlException, ParseError, ValueError, KeyError, IndexError) as error:
            raise _unreadable(error) from None


def _parse_rows(parser, events):
    from openpyxl.worksheet._reader import CELL_TAG, ROW_TAG

    path = []  # the open elements, root first
    cells: dict[int, Any] = {}
    in_row = total = 0
    for event, element in events:
        if event == "start":
            path.append(element)
            if element.tag == ROW_TAG:
                number = element.get("r")
                if number and not number.isdigit():
                    raise WorkbookRefused(f"文件中的行号“{number[:20]}”无效。")
                parser.row_counter = int(number) if number else parser.row_counter + 1
                parser.col_counter = 0
                cells, in_row = {}, 0
            continue
        path.pop()
        if element.tag == CELL_TAG:
            in_row += 1
            total += 1
            if in_row > EXCEL_COLUMNS:
                raise WorkbookRefused(
                    f"文件第 {parser.row_counter} 行超过 {EXCEL_COLUMNS:,} 个单元格，"
                    "不是 Excel 或 WPS 保存的工作簿。"
                )
            if total > MAX_CELLS:
                raise WorkbookRefused(
                    f"文件超过 {MAX_CELLS // 10_000} 万个单元格，请分成几个文件导入。"
                )
            cell = parser.parse_cell(element)
            if cell["column"] <= MAX_COLUMNS:
                cells[cell["column"]] = cell["value"]
        elif element.tag == ROW_TAG:
            width = max(cells, default=0)
            yield parser.row_counter, tuple(cells.get(c) for c in range(1, width + 1))
        elif len(path) > 2:
            continue  # inside a cell (its value, its text): parsed with the cell
        # Done with it: free it (a cleared element still kept by its parent would pile up).
        element.clear()
        if path:
            path[-1].remove(element)


def _header(lines) -> tuple:
    """The header row's values (row HEADER_ROW; empty when the sheet starts lower)."""
    number, values = next(lines, (HEADER_ROW, ()))
    if number != HEADER_ROW:
        raise WorkbookRefused("第 1 行应为表头，请使用下载的模板。")
    return values


def _too_long() -> WorkbookRefused:
    return WorkbookRefused(f"文件超过 {MAX_ROWS:,} 行（不含表头），请分成几个文件导入。")


def read_rows(
    ledger: Ledger, source, *, progress: Callable[[str, int, int], None] | None = None
) -> tuple[list[tuple[int, dict]], list[CellError]]:
    """Parse every cell of the first sheet; returns (rows with their sheet row number, errors).
    `progress("read", rows so far, rows in the sheet)`: the total comes from the sheet's
    recorded dimension (0 when the file records none, as write-only workbooks do). Raises
    WorkbookRefused for a file beyond the limits above."""
    book, lines, total = _sheet_rows(source)
    total = min(total, MAX_ROWS)
    try:
        header_cells = _header(lines)
        header = [str(h).strip() if h is not None else "" for h in header_cells[:MAX_COLUMNS]]
        errors: list[CellError] = []
        cells = []  # (key, position, parse, header, required) of the columns the sheet has
        absent = {}  # the optional columns it lacks
        for column in ledger.columns:
            found = next((h for h in (column.header, *column.former_headers) if h in header), None)
            if found is not None:  # errors name the column by today's header
                position = header.index(found)
                cells.append((column.key, position, column.parse, column.header, column.required))
            elif column.required:
                errors.append(
                    CellError(HEADER_ROW, column.header, "表头缺少这一列，请使用下载的模板。")
                )
            else:
                absent[column.key] = None
        width = len(header)
        padding = (None,) * width
        rows = []
        report = progress or (lambda phase, done, total: None)
        report("read", 0, total)
        for number, values in lines:
            if number <= HEADER_ROW or not values or _blank(values):
                continue
            if number > HEADER_ROW + MAX_ROWS:
                raise _too_long()
            if len(values) < width:
                values = (*values, *padding[len(values) :])
            row = absent.copy()
            for key, position, parse, title, required in cells:
                raw = values[position]
                if raw is None:  # the most common cell: skip the call
                    if required:
                        errors.append(CellError(number, title, REQUIRED))
                    row[key] = None
                    continue
                try:
                    row[key] = parse(raw)
                except ValidationError as error:
                    errors.append(CellError(number, title, "；".join(error.messages)))
                    row[key] = None  # the row is still checked, without this cell
            rows.append((number, row))
            if not len(rows) % 1000:
                report("read", len(rows), max(total, len(rows)))
        report("read", len(rows), len(rows))
    finally:
        book.close()
    return rows, errors


def import_ledger(
    ledger: Ledger,
    source,
    *,
    context: dict,
    dry_run: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportResult:
    """Validate every row; save all of them in one transaction, or none. The records saved
    carry audit entries naming the importer and the import (`context`'s `viewer`, `file`, `job`).

    `progress(phase, done, total)`, when given, is called now and then: phase "read" while the
    cells are parsed (total: the sheet's row count as the file records it, 0 when unknown),
    "check" while the rows are checked against each other and the database and "save" while
    they are saved (total: the data rows read)."""
    report = Progress(progress)
    with _collector_paused():
        rows, errors = read_rows(ledger, source, progress=report)
        if not rows and not errors:
            errors.append(CellError(HEADER_ROW + 1, ledger.columns[0].header, "文件中没有数据行。"))
        context = {**context, "progress": report}
        header_broken = any(e.row == HEADER_ROW for e in errors)
        if rows and not header_broken:
            # Every row is checked against the others and the database too, a bad cell read as
            # empty: one upload reports every error of every row. A cell's own error (a
            # mistyped ID number) stands for it; what the checks say of it once it reads as
            # empty is left out, and a row's cell errors come before its other errors.
            report("check", 0, len(rows))
            bad_cells = {(e.row, e.column) for e in errors}
            checked = [
                e for e in ledger.check_rows(rows, context) if (e.row, e.column) not in bad_cells
            ]
            errors = sorted(errors + checked, key=lambda e: e.row)
            report("check", len(rows), len(rows))
        if errors or dry_run:
            return ImportResult(len(rows), 0, errors, dry_run)
        report("save", 0, len(rows))
        source = WriteSource(
            actor=context.get("viewer"),
            ledger=ledger.key,
            file=context.get("file", ""),
            import_job=context.get("job"),
        )
        context["source"] = source
        with transaction.atomic(), writes_from(source):
            created = ledger.save_rows([row for _n, row in rows], context)
            # Bulk writes send no save signals: say that records changed (figures' caches).
            data_changed.send(sender=ledger.__class__)
        report("save", len(rows), len(rows))
        return ImportResult(len(rows), created, [], dry_run)


@contextmanager
def _collector_paused():
    """Python's cycle collector off while a big file's rows pile up in memory: every full
    collection walks all of them, which costs a 100,000-row import a quarter of its time. The
    rows hold no cycles; whatever garbage the pause leaves is collected when it ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_error_workbook(ledger: Ledger, source, errors: list[CellError], target) -> None:
    """The uploaded rows with every bad cell coloured and commented. The upload is streamed
    again (never loaded whole) and written anew: values only, every text as text (a formula
    in the upload comes back as the text the user typed, never evaluated)."""
    marks: dict[int, dict[str, list[str]]] = {}
    for error in errors:
        marks.setdefault(error.row, {}).setdefault(error.column, []).append(error.message)
    book, lines, _declared = _sheet_rows(source)
    out = Workbook(write_only=True)
    sheet = out.create_sheet(ledger.title[:31])
    try:
        header = _header(lines)
        position = {str(v).strip(): i for i, v in enumerate(header) if v is not None}
        for column in ledger.columns:  # a file on an earlier template: its own header
            for former in column.former_headers:
                if former in position and column.header not in position:
                    position[column.header] = position[former]
        sheet.append(_marked_row(sheet, header, marks.get(HEADER_ROW), position))
        written = HEADER_ROW
        for number, values in lines:
            if number <= HEADER_ROW or number > HEADER_ROW + MAX_ROWS:
                continue
            for _gap in range(written + 1, number):
                sheet.append([])  # rows keep the numbers the error list gives
            sheet.append(_marked_row(sheet, values[: len(header)], marks.get(number), position))
            written = number
    finally:
        book.close()
    out.save(target)


def _marked_row(sheet, values, marks: dict[str, list[str]] | None, position: dict) -> list:
    """`values` as a text-safe row, each cell an error names coloured and commented (an error
    of a column the sheet lacks goes on the row's first cell)."""
    cells = text_safe_row(sheet, values)
    for column, messages in (marks or {}).items():
        index = position.get(column, 0)
        cells.extend([None] * (index + 1 - len(cells)))
        cell = cells[index]
        if not isinstance(cell, Cell):
            cell = cells[index] = _text_cell(sheet, cell)
        cell.fill = ERROR_FILL
        cell.comment = Comment("；".join(messages), "法治工作平台")
    return cells


# --- export --------------------------------------------------------------------------------


def export_sheet(book, title: str, headers: list[str], widths: list[int] | None = None):
    """A write-only sheet ready for rows: a bold header row that stays in view as the rows
    scroll (frozen), columns wide enough to read — every workbook the platform writes."""
    sheet = book.create_sheet(title[:31])
    for index, header in enumerate(headers, start=1):
        width = widths[index - 1] if widths else max(12, min(40, len(str(header)) * 2 + 4))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cells.append(cell)
    sheet.append(cells)
    return sheet


# Export columns by kind: dates and numbers narrow, text wide enough for a name or a sentence.
EXPORT_WIDTHS = {"date": 12, "int": 10, "decimal": 14, "choice": 14}


def write_export(ledger: Ledger, context: dict, target) -> int:
    """A write-only (streaming) workbook of the ledger's records; returns the row count."""
    book = Workbook(write_only=True)
    widths = [
        EXPORT_WIDTHS.get(c.kind)
        or (40 if c.multiline else max(14, min(30, (c.max_length or 20) // 2 + 8)))
        for c in ledger.columns
    ]
    widths = [max(w, len(c.header) * 2 + 2) for w, c in zip(widths, ledger.columns, strict=True)]
    sheet = export_sheet(book, ledger.title, [c.header for c in ledger.columns], widths)
    count = 0
    for values in ledger.export_rows(context):
        sheet.append(text_safe_row(sheet, values))
        count += 1
    book.save(target)
    return count


def text_safe_row(sheet, values) -> list:
    """A row to append to a write-only sheet with every text kept as text: characters a
    workbook cannot hold (control characters stored before they were refused) are dropped,
    and a text that looks like a formula or an error code ("=HYPERLINK(…)", "#N/A") becomes a
    text cell, never a live formula."""
    row = list(values)
    for index, value in enumerate(row):
        if type(value) is str and value:
            if ILLEGAL_CHARACTERS_RE.search(value):
                value = row[index] = ILLEGAL_CHARACTERS_RE.sub("", value)
            if value[0] == "=" or value in ERROR_CODES:
                row[index] = _text_cell(sheet, value)
    return row


def _text_cell(sheet, value) -> Cell:
    cell = WriteOnlyCell(sheet, value)
    if type(value) is str:
        cell.data_type = "s"
    return cell
