"""The reconsideration case ledger (行政复议案件台账), for export only: a case enters the
platform through its registration, which starts its statutory clocks, never through a sheet.
The list page exports exactly the filtered cases, in its order."""

from django.core.exceptions import ImproperlyConfigured, ValidationError

from fazhi.core.ledgers import CellError, Column, Ledger, page_labels, register
from fazhi.org.scope import in_subtree
from fazhi.reconsideration.models import Case

# The export reads as the pages do.
LAW_LABELS = page_labels(Case.Law)
STATUS_LABELS = page_labels(Case.Status)
PROCEDURE_LABELS = page_labels(Case.Procedure)
DECISION_LABELS = page_labels(Case.Decision)
# Every value has its label, or the module does not load (a new choice cannot go missing).
for _labels, _enum in [
    (LAW_LABELS, Case.Law),
    (STATUS_LABELS, Case.Status),
    (PROCEDURE_LABELS, Case.Procedure),
    (DECISION_LABELS, Case.Decision),
]:
    if set(_labels) != set(_enum.values):
        raise ImproperlyConfigured(
            f"ledger labels missing for {sorted(set(_enum.values) - set(_labels))}"
        )

EXPORT_FIELDS = [
    "received_on",
    "applicants",
    "agent",
    "respondent__name",
    "act_type",
    "act_number",
    "act_date",
    "law",
    "status",
    "supplement_requested_on",
    "supplement_received_on",
    "accepted_on",
    "procedure",
    "not_accepted_on",
    "copy_sent_on",
    "reply_received_on",
    "hearing_held_on",
    "decision",
    "decided_on",
    "decision_number",
    "lawsuit_followed",
]
LABELS = {
    "law": LAW_LABELS,
    "status": STATUS_LABELS,
    "procedure": PROCEDURE_LABELS,
    "decision": DECISION_LABELS,
}


@register
class CaseLedger(Ledger):
    key = "reconsideration.cases"
    title = "行政复议案件台账"
    # Export only. The import page offers every ledger that names a permission
    # (core.ledger_jobs.ledgers_for), so this one names none.
    permission = ""
    columns = [
        Column("received_on", "收到申请日期", kind="date"),
        Column("applicants", "申请人"),
        Column("agent", "委托代理人"),
        Column("respondent", "被申请人"),
        Column("act_type", "被申请行为类型"),
        Column("act_number", "被申请行为文号"),
        Column("act_date", "被申请行为日期", kind="date"),
        Column("law", "适用法律"),
        Column("status", "办理状态"),
        Column("supplement_requested_on", "通知补正日期", kind="date"),
        Column("supplement_received_on", "收到补正材料日期", kind="date"),
        Column("accepted_on", "受理日期", kind="date"),
        Column("procedure", "审理程序"),
        Column("not_accepted_on", "不予受理日期", kind="date"),
        Column("copy_sent_on", "发送申请书副本日期", kind="date"),
        Column("reply_received_on", "收到答复日期", kind="date"),
        Column("hearing_held_on", "听证日期", kind="date"),
        Column("decision", "复议决定"),
        Column("decided_on", "决定日期", kind="date"),
        Column("decision_number", "决定书文号"),
        Column("lawsuit_followed", "复议后是否起诉"),
    ]

    def check_rows(self, rows, context):
        # Reached only from the command line: refuse the whole file with the reason.
        return [
            CellError(
                rows[0][0] if rows else 2,
                self.columns[0].header,
                "行政复议案件台账只能导出：案件请在页面或接口中逐件登记，以便计算法定期限。",
            )
        ]

    def save_rows(self, rows, context):
        raise ValidationError("行政复议案件台账只能导出。")

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:  # the command line: the cases of the unit's subtree, by year
            queryset = Case.objects.all()
            if context.get("viewer") is not None:
                queryset = queryset.visible_to(context["viewer"])
            if context.get("unit") is not None:
                queryset = queryset.filter(in_subtree("respondent", context["unit"]))
            if context.get("year"):
                queryset = queryset.filter(received_on__year=context["year"])
            queryset = queryset.order_by("received_on", "pk")
        for values in queryset.select_related(None).values_list(*EXPORT_FIELDS).iterator():
            row = dict(zip(EXPORT_FIELDS, values, strict=True))
            for field, labels in LABELS.items():
                row[field] = labels.get(row[field], row[field]) if row[field] else ""
            row["lawsuit_followed"] = "是" if row["lawsuit_followed"] else "否"
            yield [row[field] for field in EXPORT_FIELDS]
