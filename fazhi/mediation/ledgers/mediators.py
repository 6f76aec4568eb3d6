"""The mediators ledger (mediation.mediators): template, all-or-nothing import through the
services' bulk path, and export (ID numbers masked unless the exporter may read them)."""

from django.utils.translation import gettext as _

from fazhi.core.bulk import in_chunks
from fazhi.core.ledgers import (
    CellError,
    Column,
    Ledger,
    in_ledger_scope,
    outside_ledger_scope,
    register,
)
from fazhi.core.validators import mask_id_number, validate_id_number, validate_phone
from fazhi.mediation import services
from fazhi.mediation.ledgers.cells import (
    BATCH,
    committee_not_found,
    committees_named,
    full_ids,
)
from fazhi.mediation.ledgers.labels import (
    EMPLOYMENT_LABELS,
    GENDER_LABELS,
    YES_NO,
    choices_of,
    label,
    yes_no,
)
from fazhi.mediation.models import Committee, Gender, Mediator
from fazhi.mediation.selectors import note_full_ids_shown


@register
class MediatorLedger(Ledger):
    key = "mediation.mediators"
    title = "人民调解员台账"
    permission = "mediation.add_mediator"
    columns = [
        Column("name", "姓名", required=True, max_length=50),
        Column(
            "gender",
            "性别",
            kind="choice",
            required=True,
            choices=choices_of(GENDER_LABELS, Gender),
        ),
        Column(
            "id_number",
            "身份证号码",
            required=True,
            validators=[validate_id_number],
            convert=str.upper,
            help="18位，末位可为X；全区唯一",
        ),
        Column("phone", "联系电话", max_length=20, validators=[validate_phone]),
        Column(
            "committee",
            "所属调委会",
            required=True,
            max_length=100,
            named=True,
            former_headers=("所属调委会编码",),
            help="从下拉列表选择您的调委会（也可以填写调委会的单位编码），须在导入单位之下",
        ),
        Column(
            "employment",
            "专兼职",
            kind="choice",
            required=True,
            choices=choices_of(EMPLOYMENT_LABELS, Mediator.Employment),
        ),
        Column("purchased_service", "政府购买服务", kind="choice", choices=YES_NO, help="空白为否"),
        Column("hired_on", "聘任日期", kind="date", required=True),
        Column("left_on", "离任日期", kind="date", help="仍在任的留空"),
    ]
    instructions = [
        "所属调委会按名称（或单位编码）查找：须已登记，在导入时指定的单位之下，并在您的数据权限范围内。"
    ]

    def name_lists(self, context):
        committees = in_ledger_scope(Committee.objects.all(), context, "unit").order_by(
            "unit__path"
        )
        return {"committee": list(committees.values_list("unit__name", flat=True))}

    def check_rows(self, rows, context):
        errors = []
        committees = committees_named(context)
        outside = outside_ledger_scope(context)
        ids = [row["id_number"] for _n, row in rows]
        registered = {
            value
            for chunk in in_chunks(ids)
            for value in Mediator.objects.filter(id_number__in=chunk).values_list(
                "id_number", flat=True
            )
        }
        seen = {}
        for number, row in rows:
            id_number = row["id_number"]
            if id_number in registered:
                errors.append(
                    CellError(number, self.header("id_number"), "该身份证号码的调解员已经登记。")
                )
            elif id_number in seen:
                errors.append(
                    CellError(
                        number,
                        self.header("id_number"),
                        f"与第 {seen[id_number]} 行的身份证号码重复。",
                    )
                )
            seen.setdefault(id_number, number)
            named = row["committee"]
            committee, count = committees.find(named, named) if named else (None, 0)
            if committee is None and named:
                errors.append(
                    CellError(
                        number, self.header("committee"), committee_not_found(named, count, outside)
                    )
                )
            row["committee_id"] = committee[0] if committee else None
            if row["left_on"] and row["hired_on"] and row["left_on"] < row["hired_on"]:
                errors.append(
                    CellError(number, self.header("left_on"), "离任日期不能早于聘任日期。")
                )
        return errors

    def save_rows(self, rows, context):
        fields = [
            "name",
            "gender",
            "id_number",
            "committee_id",
            "employment",
            "hired_on",
            "left_on",
        ]
        mediators = [
            {
                **{name: row[name] for name in fields},
                "phone": row["phone"] or "",
                "purchased_service": bool(row["purchased_service"]),
            }
            for row in rows
        ]
        return services.mediators_create_bulk(mediators=mediators, origin=context["source"])

    def export_rows(self, context):
        full = full_ids(context)
        queryset = context.get("queryset")
        if queryset is None:  # else the list page's, in its order
            queryset = in_ledger_scope(Mediator.objects.all(), context, "committee__unit").order_by(
                "committee__unit__path", "name", "pk"
            )
        queryset = queryset.select_related("committee__unit")
        shown = []
        for mediator in queryset.iterator(chunk_size=BATCH):
            if full and mediator.id_number:
                shown.append((mediator.pk, mediator))
                if len(shown) == BATCH:
                    note_full_ids_shown(context.get("viewer"), Mediator, shown, via=_("export"))
                    shown = []
            yield [
                mediator.name,
                label(GENDER_LABELS, mediator.gender),
                mediator.id_number if full else mask_id_number(mediator.id_number),
                mediator.phone,
                mediator.committee.unit.name,
                label(EMPLOYMENT_LABELS, mediator.employment),
                yes_no(mediator.purchased_service),
                mediator.hired_on,
                mediator.left_on,
            ]
        if shown:
            note_full_ids_shown(context.get("viewer"), Mediator, shown, via=_("export"))
