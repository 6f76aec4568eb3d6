"""Excel ledgers (台账): a template to fill in, an import that validates every cell and saves all
rows or none, and export of any list. Each app describes its ledgers in its own `ledgers.py`
(a `Ledger` subclass per record kind, registered with `register`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

HEADER_ROW = 1
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass
class Column:
    key: str
    header: str
    kind: str = "text"  # text | int | decimal | date | choice
    required: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label shown)
    max_length: int | None = None
    validators: list = field(default_factory=list)  # callables raising ValidationError
    help: str = ""

    def parse(self, raw: Any) -> Any:
        """The cell's value as Python, or ValidationError with a Chinese message."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise ValidationError("必填，不能为空。")
            return None
        if self.kind == "text":
            value = str(raw).strip()
            if isinstance(raw, float) and raw.is_integer():
                value = str(int(raw))  # a code typed as a number
            if self.max_length and len(value) > self.max_length:
                raise ValidationError(f"不能超过 {self.max_length} 个字。")
        elif self.kind == "int":
            try:
                value = int(str(raw).strip())
            except ValueError:
                raise ValidationError("应为整数。") from None
        elif self.kind == "decimal":
            try:
                value = Decimal(str(raw).strip()).quantize(Decimal("0.01"))
            except InvalidOperation:
                raise ValidationError("应为金额（元，最多两位小数）。") from None
        elif self.kind == "date":
            value = _parse_date(raw)
        elif self.kind == "choice":
            by_label = {label: value for value, label in self.choices}
            text = str(raw).strip()
            if text not in by_label:
                allowed = "、".join(label for _v, label in self.choices)
                raise ValidationError(f"“{text}”不在可选范围内（{allowed}）。")
            value = by_label[text]
        else:
            raise ValueError(f"unknown column kind {self.kind}")
        for validator in self.validators:
            validator(value)
        return value


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
    implement `check_rows` (cross-row and database checks) and `save_rows`."""

    key: str = ""
    title: str = ""
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


def read_rows(ledger: Ledger, source) -> tuple[list[tuple[int, dict]], list[CellError]]:
    """Parse every cell of the first sheet; returns (rows with their sheet row number, errors)."""
    book = load_workbook(source, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(lines, ())]
    errors: list[CellError] = []
    positions = {}
    for column in ledger.columns:
        if column.header in header:
            positions[column.key] = header.index(column.header)
        elif column.required:
            errors.append(
                CellError(HEADER_ROW, column.header, "表头缺少这一列，请使用下载的模板。")
            )
    rows = []
    for number, values in enumerate(lines, start=HEADER_ROW + 1):
        if values is None or all(
            v is None or (isinstance(v, str) and not v.strip()) for v in values
        ):
            continue
        row = {}
        for column in ledger.columns:
            position = positions.get(column.key)
            raw = values[position] if position is not None and position < len(values) else None
            try:
                row[column.key] = column.parse(raw)
            except ValidationError as error:
                errors.append(CellError(number, column.header, "；".join(error.messages)))
        rows.append((number, row))
    book.close()
    return rows, errors


def import_ledger(ledger: Ledger, source, *, context: dict, dry_run: bool = False) -> ImportResult:
    """Validate every row; save all of them in one transaction, or none."""
    rows, errors = read_rows(ledger, source)
    if not rows and not errors:
        errors.append(CellError(HEADER_ROW + 1, ledger.columns[0].header, "文件中没有数据行。"))
    if not errors:
        errors = ledger.check_rows(rows, context)
    if errors or dry_run:
        return ImportResult(len(rows), 0, errors, dry_run)
    with transaction.atomic():
        created = ledger.save_rows([row for _n, row in rows], context)
    return ImportResult(len(rows), created, [], dry_run)


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
