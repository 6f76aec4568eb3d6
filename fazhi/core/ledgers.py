"""Excel ledgers (台账): a template to fill in, an import that validates every cell and saves all
rows or none, and export of any list. Each app describes its ledgers in its own `ledgers.py`
(a `Ledger` subclass per record kind, registered with `register`)."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.module_loading import autodiscover_modules
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from fazhi.core.audit import WriteSource, writes_from

# Sent when records were written in bulk (no model signals): figures computed before are stale.
data_changed = Signal()

HEADER_ROW = 1
REQUIRED = "必填，不能为空。"
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


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

    def __post_init__(self):
        if self.kind not in _PARSERS:
            raise ValueError(f"unknown column kind {self.kind}")
        self._by_label = {label: value for value, label in self.choices}

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


def write_template(ledger: Ledger, target: str | IO[bytes]) -> None:
    """Header row, drop-downs for closed lists, and a sheet of instructions."""
    book = Workbook()
    sheet = book.active
    sheet.title = ledger.title[:31]
    for index, column in enumerate(ledger.columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.header)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = HEADER_FILL
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, len(column.header) * 2 + 4)
        if column.kind == "choice":
            options = ",".join(label for _v, label in column.choices)
            validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
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


def read_rows(
    ledger: Ledger, source, *, progress: Callable[[str, int, int], None] | None = None
) -> tuple[list[tuple[int, dict]], list[CellError]]:
    """Parse every cell of the first sheet; returns (rows with their sheet row number, errors).
    `progress("read", rows so far, rows in the sheet)`: the total comes from the sheet's
    recorded dimension (0 when the file records none, as write-only workbooks do)."""
    book = load_workbook(source, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        total = max((sheet.max_row or 0) - HEADER_ROW, 0)
        lines = sheet.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(lines, ())]
        errors: list[CellError] = []
        cells = []  # (key, position, parse, header, required) of the columns the sheet has
        absent = {}  # the optional columns it lacks
        for column in ledger.columns:
            if column.header in header:
                position = header.index(column.header)
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
        for number, values in enumerate(lines, start=HEADER_ROW + 1):
            if values is None or _blank(values):
                continue
            if len(values) < width:
                values = (*values, *padding[len(values) :])
            row = absent.copy()
            for key, position, parse, title, required in cells:
                raw = values[position]
                if raw is None:  # the most common cell: skip the call
                    if required:
                        errors.append(CellError(number, title, REQUIRED))
                    else:
                        row[key] = None
                    continue
                try:
                    row[key] = parse(raw)
                except ValidationError as error:
                    errors.append(CellError(number, title, "；".join(error.messages)))
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
        if not header_broken:
            # Rows whose cells all parsed are checked against each other and the database too,
            # so one upload reports every bad cell, not only the first kind of mistake.
            broken = {e.row for e in errors}
            clean = [(n, row) for n, row in rows if n not in broken] if broken else rows
            report("check", 0, len(rows))
            if clean:
                errors = sorted(errors + ledger.check_rows(clean, context), key=lambda e: e.row)
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
    """The uploaded workbook with every bad cell coloured and commented."""
    book = load_workbook(source)
    sheet = book.worksheets[0]
    header = [str(c.value).strip() if c.value is not None else "" for c in sheet[HEADER_ROW]]
    for error in errors:
        column = header.index(error.column) + 1 if error.column in header else 1
        cell = sheet.cell(row=error.row, column=column)
        cell.fill = ERROR_FILL
        cell.comment = Comment(error.message, "法治工作平台")
    book.save(target)


# --- export --------------------------------------------------------------------------------


def write_export(ledger: Ledger, context: dict, target) -> int:
    """A write-only (streaming) workbook of the ledger's records; returns the row count."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(ledger.title[:31])
    sheet.append([column.header for column in ledger.columns])
    count = 0
    for values in ledger.export_rows(context):
        sheet.append(values)
        count += 1
    book.save(target)
    return count
