"""The unit register as an Excel ledger (org.units): bring a township's villages, committees
and sites in from Excel, or take the tree out."""

from fazhi.core.ledgers import CellError, Column, Ledger, register
from fazhi.core.validators import validate_area_code, validate_credit_code
from fazhi.org import services
from fazhi.org.models import Unit


def _units_in_scope(context):
    units = Unit.objects.all()
    if context.get("viewer") is not None:
        units = units.visible_to(context["viewer"])
    low, high = context["unit"].subtree_bounds()
    return units.filter(path__gte=low, path__lt=high)


@register
class UnitLedger(Ledger):
    key = "org.units"
    title = "单位台账"
    columns = [
        Column(
            "code", "单位编码", required=True, max_length=32, help="字母、数字和连字符，全区唯一"
        ),
        Column("name", "名称", required=True, max_length=100),
        Column("short_name", "简称", max_length=50),
        Column(
            "kind",
            "类型",
            kind="choice",
            required=True,
            choices=[(v, str(label)) for v, label in Unit.Kind.choices],
        ),
        Column(
            "parent_code",
            "上级单位编码",
            required=True,
            help="已有单位的编码，或本表中前面行的单位编码",
        ),
        Column("area_code", "行政区划代码", validators=[validate_area_code]),
        Column("credit_code", "统一社会信用代码", validators=[validate_credit_code]),
    ]
    instructions = ["上级单位必须在导入时指定的单位之下，并在您的数据权限范围内。"]

    def check_rows(self, rows, context):
        errors = []
        in_scope = set(_units_in_scope(context).values_list("code", flat=True))
        taken = set(
            Unit.objects.filter(code__in=[r["code"] for _n, r in rows]).values_list(
                "code", flat=True
            )
        )
        seen = {}
        for number, row in rows:
            code = row["code"]
            if code in taken:
                errors.append(
                    CellError(number, self.header("code"), f"编码 {code} 已被现有单位使用。")
                )
            elif code in seen:
                errors.append(
                    CellError(number, self.header("code"), f"与第 {seen[code]} 行的编码重复。")
                )
            if row["parent_code"] not in in_scope and row["parent_code"] not in seen:
                errors.append(
                    CellError(
                        number,
                        self.header("parent_code"),
                        f"上级单位 {row['parent_code']} 不存在，或不在 {context['unit'].name} 之下、不在您的数据权限范围内。",
                    )
                )
            seen.setdefault(code, number)
        return errors

    def save_rows(self, rows, context):
        created = {}
        for row in rows:
            parent = created.get(row["parent_code"]) or Unit.objects.get(code=row["parent_code"])
            fields = {
                k: row[k] or "" for k in ["name", "short_name", "kind", "area_code", "credit_code"]
            }
            created[row["code"]] = services.unit_create(parent=parent, code=row["code"], **fields)
        return len(created)

    def export_rows(self, context):
        kinds = dict(Unit.Kind.choices)
        for unit in _units_in_scope(context).select_related("parent").order_by("path").iterator():
            yield [
                unit.code,
                unit.name,
                unit.short_name,
                str(kinds[unit.kind]),
                unit.parent.code if unit.parent else "",
                unit.area_code,
                unit.credit_code,
            ]
