from fazhi.core.ledgers import CellError, Column, Ledger, in_ledger_scope, register
from fazhi.core.tests.petitions import services
from fazhi.core.tests.petitions.models import Petition
from fazhi.org.models import Unit


@register
class PetitionLedger(Ledger):
    key = "petitions.petitions"
    title = "信访事项台账"
    permission = "petitions.add_petition"
    columns = [
        Column("unit_code", "承办单位编码", required=True),
        Column("petitioner", "信访人", required=True, max_length=50),
        Column("received_on", "收到日期", kind="date", required=True),
    ]

    def check_rows(self, rows, context):
        units = {u.code: u for u in in_ledger_scope(Unit.objects.all(), context, "")}
        errors = []
        for number, row in rows:
            row["unit"] = units.get(row["unit_code"])
            if row["unit"] is None:
                errors.append(CellError(number, "承办单位编码", "单位不存在或不在范围内。"))
        return errors

    def save_rows(self, rows, context):
        for row in rows:
            services.petition_register(
                unit=row["unit"],
                petitioner=row["petitioner"],
                received_on=row["received_on"],
                user=context.get("viewer"),
            )
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(Petition.objects.all(), context, "unit")
        for petition in queryset.select_related("unit"):
            yield [petition.unit.code, petition.petitioner, petition.received_on]
