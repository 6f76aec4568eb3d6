"""The committees ledger (mediation.committees): template, all-or-nothing import through the
services, and export."""

from django.utils import timezone

from fazhi.core.bulk import in_chunks
from fazhi.core.ledgers import (
    CellError,
    Column,
    Ledger,
    in_ledger_scope,
    outside_ledger_scope,
    register,
)
from fazhi.mediation import services
from fazhi.mediation.ledgers.cells import BATCH, progress_of, validate_code
from fazhi.mediation.ledgers.labels import (
    COMMITTEE_TYPE_LABELS,
    FORMER_COMMITTEE_TYPES,
    STARS,
    YES_NO,
    choices_of,
    label,
    yes_no,
)
from fazhi.mediation.models import Committee
from fazhi.org.models import Unit


@register
class CommitteeLedger(Ledger):
    key = "mediation.committees"
    title = "人民调解委员会台账"
    permission = "mediation.add_committee"
    columns = [
        Column(
            "code",
            "单位编码",
            required=True,
            max_length=32,
            validators=[validate_code],
            help="字母、数字和连字符，全区唯一，如 510704101-c01",
        ),
        Column("name", "名称", required=True, max_length=100),
        Column(
            "parent_code",
            "上级单位编码",
            required=True,
            help="已有单位的编码（乡镇、村等），须在导入单位之下",
        ),
        Column(
            "committee_type",
            "类型",
            kind="choice",
            required=True,
            choices=choices_of(COMMITTEE_TYPE_LABELS, Committee.Type),
            aliases=FORMER_COMMITTEE_TYPES,
        ),
        Column("has_standard_room", "规范化调解室", kind="choice", choices=YES_NO, help="空白为否"),
        Column("star_rating", "星级", kind="choice", choices=STARS, help="0 到 5，未评星填 0"),
        Column("established_on", "成立日期", kind="date"),
        Column("is_active", "是否在用", kind="choice", choices=YES_NO, help="空白为是"),
    ]
    instructions = [
        "上级单位必须是已有单位，在导入时指定的单位之下，并在您的数据权限范围内。",
        "单位编码已在单位台账中登记为“人民调解委员会”但还没有调委会信息的，导入时补上调委会信息。",
    ]

    def check_rows(self, rows, context):
        errors = []
        today = timezone.localdate()
        units = in_ledger_scope(Unit.objects.all(), context, "")
        in_scope = dict(units.values_list("code", "pk"))
        codes = [row["code"] for _n, row in rows]
        existing = {
            unit.code: unit
            for chunk in in_chunks(codes)
            for unit in Unit.objects.filter(code__in=chunk).select_related("parent", "committee")
        }
        seen = {}
        for number, row in rows:
            code = row["code"]
            unit = existing.get(code)
            if code in seen:
                errors.append(
                    CellError(number, self.header("code"), f"与第 {seen[code]} 行的编码重复。")
                )
            elif unit is not None:
                problem = self._existing_unit_problem(unit, row, in_scope)
                if problem:
                    errors.append(CellError(number, self.header("code"), problem))
            row["unit"] = unit  # a committee unit still without its profile, or None
            seen.setdefault(code, number)
            if row["parent_code"] not in in_scope:
                errors.append(
                    CellError(
                        number,
                        self.header("parent_code"),
                        f"上级单位 {row['parent_code']} 不存在，或{outside_ledger_scope(context)}。",
                    )
                )
            if row["established_on"] and row["established_on"] > today:
                errors.append(
                    CellError(number, self.header("established_on"), "成立日期不能晚于今天。")
                )
        return errors

    @staticmethod
    def _existing_unit_problem(unit: Unit, row: dict, in_scope: dict) -> str:
        """An existing unit takes the row only as the committee profile it still lacks."""
        if hasattr(unit, "committee"):
            return f"调委会 {unit.code} 已经登记。"
        if unit.kind != Unit.Kind.MEDIATION_COMMITTEE or unit.code not in in_scope:
            return f"编码 {unit.code} 已被现有单位使用。"
        if unit.parent is None or unit.parent.code != row["parent_code"]:
            where = unit.parent.name if unit.parent else "—"
            return f"单位 {unit.code} 已登记在{where}之下，与上级单位编码不符。"
        return ""

    def save_rows(self, rows, context):
        parents = {
            unit.code: unit
            for chunk in in_chunks(list({row["parent_code"] for row in rows}))
            for unit in Unit.objects.filter(code__in=chunk)
        }
        progress = progress_of(context)
        for done, row in enumerate(rows, start=1):
            profile = {
                "committee_type": row["committee_type"],
                "has_standard_room": bool(row["has_standard_room"]),
                "star_rating": row["star_rating"] or 0,
                "established_on": row["established_on"],
                "is_active": row["is_active"] is not False,
            }
            unit = row["unit"]
            if unit is None:
                services.committee_create(
                    parent=parents[row["parent_code"]],
                    code=row["code"],
                    name=row["name"],
                    **profile,
                )
            else:  # a committee unit registered without its profile
                services.committee_profile_add(unit=unit, name=row["name"], **profile)
            progress("save", done, len(rows))
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:  # else the list page's, in its order
            queryset = in_ledger_scope(Committee.objects.all(), context, "unit").order_by(
                "unit__path"
            )
        queryset = queryset.select_related("unit__parent")
        for committee in queryset.iterator(chunk_size=BATCH):
            unit = committee.unit
            yield [
                unit.code,
                unit.name,
                unit.parent.code if unit.parent else "",
                label(COMMITTEE_TYPE_LABELS, committee.committee_type),
                yes_no(committee.has_standard_room),
                committee.star_rating,
                committee.established_on,
                yes_no(committee.is_active),
            ]
