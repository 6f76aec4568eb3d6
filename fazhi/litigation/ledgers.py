"""The litigation ledger in Excel (litigation.lawsuits): every lawsuit with its steps, and how
often and by whom the defendant appeared in court. Export only: lawsuits are registered one by
one from the court's papers, so no import is offered (an empty `permission` keeps the ledger
off the import page).

The closed lists carry fixed Chinese labels here rather than the model's translated labels: a
workbook is a file format."""

from collections import defaultdict
from itertools import islice

from fazhi.core.ledgers import Column, Ledger, page_labels, register
from fazhi.litigation.models import Hearing, Lawsuit
from fazhi.org.scope import in_subtree

BATCH = 2000

# The drop-downs read as the pages do; the words of earlier templates still import.
INSTANCE_LABELS = page_labels(Lawsuit.Instance)
STAGE_LABELS = page_labels(Lawsuit.Stage)
OUTCOME_LABELS = page_labels(Lawsuit.Outcome)
APPELLANT_LABELS = page_labels(Lawsuit.Appellant)
FORMER_STAGES = {
    "待开庭": Lawsuit.Stage.AWAITING_HEARING,
    "已开庭待判决": Lawsuit.Stage.AWAITING_JUDGMENT,
    "已判决（裁定）": Lawsuit.Stage.DECIDED,
}
FORMER_OUTCOMES = {"判决履行": Lawsuit.Outcome.ORDERED_TO_PERFORM}
FORMER_APPELLANTS = {"多方": Lawsuit.Appellant.SEVERAL}
APPEARANCE_LABELS = {
    Hearing.Appearance.HEAD: "正职负责人",
    Hearing.Appearance.DEPUTY: "副职负责人",
    Hearing.Appearance.OTHER_OFFICIAL: "其他负责人",
    Hearing.Appearance.STAFF: "工作人员",
    Hearing.Appearance.LAWYER_ONLY: "仅委托律师",
}


def _choices(labels: dict, enum) -> list[tuple[str, str]]:
    """Every value of `enum` with its label: a choice added to the model without a label here
    stops the module from loading."""
    return [(value, labels[value]) for value in enum.values]


def _label(labels: dict, value) -> str:
    return labels.get(value, value) if value else ""


@register
class LawsuitLedger(Ledger):
    key = "litigation.lawsuits"
    title = "行政应诉案件台账"
    permission = ""  # export only (see the module's docstring)
    columns = [
        Column("case_number", "案号", required=True, max_length=60),
        Column("court", "受理法院", required=True, max_length=100),
        Column("instance", "审级", "choice", choices=_choices(INSTANCE_LABELS, Lawsuit.Instance)),
        Column("defendant_code", "被告单位编码", required=True),
        Column("defendant", "被告", required=True),
        Column("plaintiffs", "原告", required=True, max_length=300),
        Column("cause", "案由", required=True, max_length=100),
        Column("filed_on", "立案日期", "date", required=True),
        Column("complaint_received_on", "收到起诉状副本日期", "date"),
        Column("defence_submitted_on", "提交答辩状日期", "date"),
        Column("first_hearing_on", "首次开庭日期", "date"),
        Column("hearings", "开庭次数", "int"),
        Column("hearings_with_head", "负责人出庭次数", "int"),
        Column("appearances", "出庭应诉情况"),
        Column(
            "stage",
            "阶段",
            "choice",
            choices=_choices(STAGE_LABELS, Lawsuit.Stage),
            aliases=FORMER_STAGES,
        ),
        Column(
            "outcome",
            "裁判结果",
            "choice",
            choices=_choices(OUTCOME_LABELS, Lawsuit.Outcome),
            aliases=FORMER_OUTCOMES,
        ),
        Column("outcome_served_on", "裁判文书送达日期", "date"),
        Column("appealed_on", "上诉日期", "date"),
        Column(
            "appellant",
            "上诉人",
            "choice",
            choices=_choices(APPELLANT_LABELS, Lawsuit.Appellant),
            aliases=FORMER_APPELLANTS,
        ),
        Column("closed_on", "结案日期", "date"),
    ]

    def export_rows(self, context):
        """The list page's lawsuits, filtered and in its order; from the command line, those
        under `unit` (and filed in `year`)."""
        queryset = context.get("queryset")
        if queryset is None:
            queryset = Lawsuit.objects.all()
            if context.get("viewer") is not None:
                queryset = queryset.visible_to(context["viewer"])
            if context.get("unit") is not None:
                queryset = queryset.filter(in_subtree("defendant", context["unit"]))
            if context.get("year"):
                queryset = queryset.filter(filed_on__year=context["year"])
            queryset = queryset.order_by("filed_on", "pk")
        records = queryset.select_related("defendant").iterator(chunk_size=BATCH)
        while chunk := list(islice(records, BATCH)):
            hearings = defaultdict(list)
            for lawsuit_id, appearance, name, post in (
                Hearing.objects.filter(lawsuit_id__in=[lawsuit.pk for lawsuit in chunk])
                .order_by("held_on", "pk")
                .values_list("lawsuit_id", "appearance", "official_name", "official_post")
            ):
                hearings[lawsuit_id].append((appearance, name, post))
            for lawsuit in chunk:
                held = hearings.get(lawsuit.pk, [])
                yield [
                    lawsuit.case_number,
                    lawsuit.court,
                    _label(INSTANCE_LABELS, lawsuit.instance),
                    lawsuit.defendant.code,
                    lawsuit.defendant.name,
                    lawsuit.plaintiffs,
                    lawsuit.cause,
                    lawsuit.filed_on,
                    lawsuit.complaint_received_on,
                    lawsuit.defence_submitted_on,
                    lawsuit.first_hearing_on,
                    len(held),
                    sum(1 for h in held if h[0] in Hearing.RESPONSIBLE),
                    "；".join(_appearance(*h) for h in held),
                    _label(STAGE_LABELS, lawsuit.stage),
                    _label(OUTCOME_LABELS, lawsuit.outcome),
                    lawsuit.outcome_served_on,
                    lawsuit.appealed_on,
                    _label(APPELLANT_LABELS, lawsuit.appellant),
                    lawsuit.closed_on,
                ]


def _appearance(appearance: str, name: str, post: str) -> str:
    """正职负责人 李某（局长）"""
    who = f"{name}（{post}）" if name and post else name or post
    return f"{_label(APPEARANCE_LABELS, appearance)} {who}".strip()
