"""The 依法治区 ledgers in Excel: tasks (工作台账), inspection findings with their
rectification, assessment scores and honours. An import writes through the services, one
record at a time (a county's year is hundreds of rows, each on the audit trail); columns that
describe what happened later (status, rectification) are exported and not read back."""

from collections import defaultdict
from decimal import Decimal

from fazhi.core.ledgers import (
    CellError,
    Column,
    Ledger,
    future_dates,
    in_ledger_scope,
    outside_ledger_scope,
    page_labels,
    register,
    unit_cell,
)
from fazhi.governance import services
from fazhi.governance.forms import ASSESSED, ORGANS
from fazhi.governance.models import (
    AssessmentDeduction,
    AssessmentResult,
    AssessmentScheme,
    Finding,
    Honour,
    Inspection,
    Level,
    Task,
)

BATCH = 1000
STATUS_LABELS = page_labels(Task.Status)
FINDING_LABELS = page_labels(Finding.Status)
LEVEL_LABELS = page_labels(Level)
EXPORTED = "导出时填写，导入时不读取"


def _organs(context, kinds=ORGANS) -> dict:
    """Name, short name and code → unit, for the organs the importer may write for."""
    from fazhi.org.models import Unit

    found = {}
    for unit in in_ledger_scope(Unit.objects.filter(kind__in=kinds), context, ""):
        for key in (unit.code, unit.short_name, unit.name):
            if key:
                found.setdefault(key, unit)
    return found


def _organ_names(context, kinds=ORGANS) -> list[str]:
    from fazhi.org.models import Unit

    units = in_ledger_scope(Unit.objects.filter(kind__in=kinds, is_active=True), context, "")
    return list(units.order_by("path").values_list("name", flat=True))


@register
class TaskLedger(Ledger):
    key = "governance.tasks"
    title = "依法治区工作台账"
    permission = "governance.add_task"
    columns = [
        Column("number", "序号", max_length=20),
        Column("title", "工作任务", required=True, max_length=300),
        Column(
            "lead_unit",
            "牵头单位",
            required=True,
            max_length=100,
            named=True,
            help="从下拉列表选择（也可填写单位编码）",
        ),
        Column("co_units", "配合单位", max_length=1000, help="多个单位用顿号“、”分隔"),
        Column("leader", "责任领导", max_length=60),
        Column("assigned_on", "交办日期", "date", required=True),
        Column("due_on", "完成时限", "date", required=True),
        Column("status", "状态", "choice", choices=list(STATUS_LABELS.items()), help=EXPORTED),
        Column("percent", "完成进度（%）", "int", help=EXPORTED),
        Column("completed_on", "报告完成日期", "date", help=EXPORTED),
    ]
    instructions = [
        "每行一项工作任务；牵头单位须在您的数据权限范围内。",
        "完成时限不能早于交办日期；任务的期限会出现在牵头单位人员的工作台上。",
        "状态、完成进度、报告完成日期是导出时的情况，导入时不读取：进展由牵头单位在系统中报送。",
    ]

    def name_lists(self, context):
        return {"lead_unit": _organ_names(context)}

    def check_rows(self, rows, context):
        errors = []
        units = _organs(context)
        for number, row in rows:
            row["_lead"] = unit_cell(self, number, row, "lead_unit", units, context, errors)
            co_units = []
            for name in (row["co_units"] or "").replace("，", "、").replace(",", "、").split("、"):
                name = name.strip()
                if not name:
                    continue
                unit = units.get(name)
                if unit is None:
                    errors.append(
                        CellError(
                            number,
                            self.header("co_units"),
                            f"单位“{name}”不存在，或{outside_ledger_scope(context)}。",
                        )
                    )
                elif unit == row["_lead"]:
                    errors.append(
                        CellError(number, self.header("co_units"), "牵头单位不能同时作为配合单位。")
                    )
                else:
                    co_units.append(unit)
            row["_co"] = co_units
            if row["assigned_on"] and row["due_on"] and row["due_on"] < row["assigned_on"]:
                errors.append(
                    CellError(number, self.header("due_on"), "完成时限不能早于交办日期。")
                )
            future_dates(self, number, row, ["assigned_on"], errors)
        return errors

    def save_rows(self, rows, context):
        for row in rows:
            services.task_save(
                user=context.get("viewer"),
                plan=None,
                meeting=None,
                number=row["number"] or "",
                title=row["title"],
                lead_unit=row["_lead"],
                co_units=row["_co"],
                leader=row["leader"] or "",
                assigned_on=row["assigned_on"],
                due_on=row["due_on"],
            )
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(Task.objects.all(), context, "lead_unit").order_by(
                "due_on", "pk"
            )
        for task in (
            queryset.select_related("lead_unit")
            .prefetch_related("co_units")
            .iterator(chunk_size=BATCH)
        ):
            yield [
                task.number,
                task.title,
                task.lead_unit.name,
                "、".join(u.name for u in task.co_units.all()),
                task.leader,
                task.assigned_on,
                task.due_on,
                STATUS_LABELS[task.status],
                task.percent,
                task.completed_on,
            ]


@register
class FindingLedger(Ledger):
    key = "governance.findings"
    title = "法治督察问题整改台账"
    permission = "governance.add_finding"
    columns = [
        Column(
            "inspection",
            "督察名称",
            required=True,
            max_length=200,
            named=True,
            help="从下拉列表选择已登记的督察",
        ),
        Column("unit", "被督察单位", required=True, max_length=100, named=True),
        Column("problem", "发现问题", required=True, max_length=2000, multiline=True),
        Column("basis", "依据", max_length=200),
        Column("found_on", "发现日期", "date", required=True),
        Column("due_on", "整改期限", "date", required=True),
        Column("status", "整改状态", "choice", choices=list(FINDING_LABELS.items()), help=EXPORTED),
        Column("rectification", "整改情况", max_length=4000, multiline=True, help=EXPORTED),
        Column("reported_on", "报送整改日期", "date", help=EXPORTED),
        Column("accepted_on", "销号日期", "date", help=EXPORTED),
    ]
    instructions = [
        "每行一个问题；被督察单位须是该次督察的被督察单位。",
        "整改期限不能早于发现日期；整改期限会出现在被督察单位人员的工作台上。",
        "整改状态、整改情况、报送整改日期、销号日期是导出时的情况，导入时不读取：整改由被督察单位在系统中报送。",
    ]

    def _inspections(self, context):
        viewer = context.get("viewer")
        rows = Inspection.objects.all() if viewer is None else Inspection.objects.visible_to(viewer)
        return rows.prefetch_related("inspected_units")

    def name_lists(self, context):
        return {
            "inspection": [i.title for i in self._inspections(context)],
            "unit": _organ_names(context),
        }

    def check_rows(self, rows, context):
        errors = []
        units = _organs(context)
        inspections = {}
        for inspection in self._inspections(context):
            inspections.setdefault(inspection.title, inspection)
            inspections.setdefault(inspection.document_number, inspection)
        for number, row in rows:
            inspection = inspections.get(row["inspection"]) if row["inspection"] else None
            if row["inspection"] and inspection is None:
                errors.append(
                    CellError(
                        number, self.header("inspection"), f"没有名为“{row['inspection']}”的督察。"
                    )
                )
            unit = unit_cell(self, number, row, "unit", units, context, errors)
            if inspection and unit and unit not in inspection.inspected_units.all():
                errors.append(
                    CellError(number, self.header("unit"), "该单位不在本次督察的被督察单位之中。")
                )
            if inspection and row["found_on"] and row["found_on"] < inspection.started_on:
                errors.append(
                    CellError(number, self.header("found_on"), "发现日期不能早于督察开始日期。")
                )
            if row["found_on"] and row["due_on"] and row["due_on"] < row["found_on"]:
                errors.append(
                    CellError(number, self.header("due_on"), "整改期限不能早于发现日期。")
                )
            future_dates(self, number, row, ["found_on"], errors)
            row["_inspection"], row["_unit"] = inspection, unit
        return errors

    def save_rows(self, rows, context):
        for row in rows:
            services.finding_save(
                user=context.get("viewer"),
                inspection=row["_inspection"],
                unit=row["_unit"],
                problem=row["problem"],
                basis=row["basis"] or "",
                found_on=row["found_on"],
                due_on=row["due_on"],
            )
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(Finding.objects.all(), context, "unit").order_by(
                "found_on", "pk"
            )
        for f in queryset.select_related("inspection", "unit").iterator(chunk_size=BATCH):
            yield [
                f.inspection.title,
                f.unit.name,
                f.problem,
                f.basis,
                f.found_on,
                f.due_on,
                FINDING_LABELS[f.status],
                f.rectification,
                f.reported_on,
                f.accepted_on,
            ]


@register
class AssessmentScoreLedger(Ledger):
    key = "governance.assessment_scores"
    title = "法治建设考核扣分台账"
    permission = "governance.change_assessmentscheme"
    columns = [
        Column("year", "考核年度", "int", required=True),
        Column("unit", "被考核单位", required=True, max_length=100, named=True),
        Column("item", "考核项目", required=True, max_length=200),
        Column("deducted", "扣分", "decimal", required=True),
        Column("reason", "扣分原因", max_length=300),
    ]
    instructions = [
        "每行是一个单位在一个考核项目上的扣分；不扣分的项目可以不填。",
        "同一单位的各行一起计算总分（满分减扣分），并重新排名；再次导入会替换该单位原有的扣分。",
        "扣分不能超过该项目的分值；有扣分的须写明原因。",
    ]

    def name_lists(self, context):
        return {"unit": _organ_names(context, ASSESSED)}

    def _schemes(self, context):
        viewer = context.get("viewer")
        rows = (
            AssessmentScheme.objects.all()
            if viewer is None
            else AssessmentScheme.objects.visible_to(viewer)
        )
        return {s.year: s for s in rows.prefetch_related("items")}

    def check_rows(self, rows, context):
        errors = []
        units = _organs(context, ASSESSED)
        schemes = self._schemes(context)
        per_unit = defaultdict(dict)
        for number, row in rows:
            scheme = schemes.get(row["year"]) if row["year"] else None
            if row["year"] and scheme is None:
                errors.append(
                    CellError(
                        number, self.header("year"), f"{row['year']} 年没有考核方案，请先登记。"
                    )
                )
            unit = unit_cell(self, number, row, "unit", units, context, errors)
            item = None
            if scheme and row["item"]:
                item = next((i for i in scheme.items.all() if i.name == row["item"]), None)
                if item is None:
                    errors.append(
                        CellError(
                            number,
                            self.header("item"),
                            f"{scheme.year} 年的考核方案没有“{row['item']}”这一项。",
                        )
                    )
            if item and row["deducted"] is not None:
                problem = services.deduction_problems(
                    scheme, {item.pk: (row["deducted"], row["reason"] or "")}
                )
                if problem:
                    errors.append(CellError(number, self.header("deducted"), str(problem[item.pk])))
                if item.pk in per_unit[(scheme.pk, getattr(unit, "pk", None))]:
                    errors.append(
                        CellError(number, self.header("item"), "同一单位的同一项目只能有一行。")
                    )
                per_unit[(scheme.pk, getattr(unit, "pk", None))][item.pk] = True
            row["_scheme"], row["_unit"], row["_item"] = scheme, unit, item
        return errors

    def save_rows(self, rows, context):
        grouped = defaultdict(dict)
        for row in rows:
            grouped[(row["_scheme"], row["_unit"])][row["_item"].pk] = (
                row["deducted"],
                row["reason"] or "",
            )
        for (scheme, unit), deductions in grouped.items():
            for item in scheme.items.all():
                deductions.setdefault(item.pk, (Decimal(0), ""))
            stored = AssessmentResult.objects.filter(scheme=scheme, unit=unit).first()
            services.assessment_score(
                version=stored.version if stored else None,  # the file replaces the deductions
                scheme=scheme,
                unit=unit,
                deductions=deductions,
                user=context.get("viewer"),
            )
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(AssessmentResult.objects.all(), context, "unit")
        results = queryset.select_related("scheme", "unit").order_by("scheme__year", "rank", "pk")
        deductions = defaultdict(dict)
        for d in AssessmentDeduction.objects.filter(result__in=results.values("pk")).select_related(
            "item"
        ):
            deductions[d.result_id][d.item_id] = d
        for result in results:
            for item in result.scheme.items.all():
                d = deductions[result.pk].get(item.pk)
                yield [
                    result.scheme.year,
                    result.unit.name,
                    item.name,
                    d.deducted if d else Decimal(0),
                    d.reason if d else "",
                ]


@register
class HonourLedger(Ledger):
    key = "governance.honours"
    title = "荣誉表彰台账"
    permission = "governance.add_honour"
    columns = [
        Column("honoured", "受表彰单位或个人", required=True, max_length=100),
        Column("title", "荣誉称号", required=True, max_length=200),
        Column("level", "级别", "choice", required=True, choices=list(LEVEL_LABELS.items())),
        Column("conferred_by", "授予机关", required=True, max_length=100),
        Column("conferred_on", "授予日期", "date", required=True),
        Column("document_number", "文号", max_length=60),
    ]
    instructions = [
        "每个受表彰的单位或个人一行（同一文件表彰多个单位的，分行填写）。",
        "荣誉登记在导入时选择的单位（不选时为您所在单位）的台账中。",
    ]

    def check_rows(self, rows, context):
        errors = []
        for number, row in rows:
            future_dates(self, number, row, ["conferred_on"], errors)
        return errors

    def save_rows(self, rows, context):
        viewer = context.get("viewer")
        unit = context.get("unit") or getattr(viewer, "unit", None)
        for row in rows:
            services.honour_save(
                user=viewer,
                unit=unit,
                honoured=row["honoured"],
                title=row["title"],
                level=row["level"],
                conferred_by=row["conferred_by"],
                conferred_on=row["conferred_on"],
                document_number=row["document_number"] or "",
                evidence=None,
            )
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(Honour.objects.all(), context, "unit").order_by(
                "conferred_on", "pk"
            )
        for h in queryset.iterator(chunk_size=BATCH):
            yield [
                h.honoured,
                h.title,
                LEVEL_LABELS[h.level],
                h.conferred_by,
                h.conferred_on,
                h.document_number,
            ]


def _validate_code(value: str) -> None:
    from django.core.exceptions import ValidationError

    parts = value.split(".")
    if len(parts) > 3 or not all(p.isdigit() and not p.startswith("0") for p in parts):
        raise ValidationError("编号写作 3、3.2 或 3.2.1（一、二、三级指标）。")


@register
class IndicatorLedger(Ledger):
    """An edition of the demonstration assessment's indicator system, entered from the
    published list (10 first-level, 34 second-level, 104 third-level in the later guide)."""

    key = "governance.indicators"
    title = "示范创建指标体系"
    permission = "governance.add_demonstrationapplication"
    columns = [
        Column("edition", "指标体系版本", required=True, max_length=100),
        Column("year", "发布年份", "int", required=True),
        Column("code", "编号", required=True, max_length=20, validators=[_validate_code]),
        Column("name", "指标", required=True, max_length=300),
        Column("points", "分值", "decimal"),
        Column("weight", "权重", "decimal"),
    ]
    instructions = [
        "每行一项指标；编号 3 是一级指标，3.2 是它下面的二级指标，3.2.1 是三级指标。",
        "上级指标须在本表前面的行或系统中已有；同一版本中编号不能重复。",
        "分值和权重按本地确定的口径填写，可以留空。",
    ]

    def check_rows(self, rows, context):
        from fazhi.governance.models import DemonstrationIndicator

        errors = []
        stored = set(DemonstrationIndicator.objects.values_list("edition__name", "code"))
        seen = {}
        for number, row in rows:
            edition, code = row["edition"], row["code"]
            if not (edition and code):
                continue
            if (edition, code) in stored:
                errors.append(
                    CellError(number, self.header("code"), f"{edition}中已有编号 {code}。")
                )
            elif (edition, code) in seen:
                errors.append(
                    CellError(
                        number, self.header("code"), f"与第 {seen[edition, code]} 行的编号重复。"
                    )
                )
            parent = code.rsplit(".", 1)[0] if "." in code else None
            if parent and (edition, parent) not in seen and (edition, parent) not in stored:
                errors.append(
                    CellError(
                        number, self.header("code"), f"上级指标 {parent} 不在前面的行中，也未登记。"
                    )
                )
            seen.setdefault((edition, code), number)
        return errors

    def save_rows(self, rows, context):
        from fazhi.governance.models import DemonstrationIndicator, IndicatorEdition

        editions = {}
        for row in rows:
            edition = editions.get(row["edition"])
            if edition is None:
                edition, _created = IndicatorEdition.objects.get_or_create(
                    name=row["edition"], defaults={"year": row["year"]}
                )
                editions[row["edition"]] = edition
            indicator = DemonstrationIndicator(
                edition=edition,
                code=row["code"],
                name=row["name"],
                points=row["points"],
                weight=row["weight"],
            )
            indicator.full_clean()
            indicator.save()
        return len(rows)

    def export_rows(self, context):
        from fazhi.governance.models import DemonstrationIndicator

        for i in DemonstrationIndicator.objects.select_related("edition").order_by(
            "edition__year", "edition__name", "pk"
        ):
            yield [i.edition.name, i.edition.year, i.code, i.name, i.points, i.weight]
