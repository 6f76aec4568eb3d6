"""The mediation ledgers in Excel: committees (mediation.committees), mediators
(mediation.mediators) and disputes (mediation.disputes). Template, all-or-nothing import and
export, as every ledger (see fazhi.core.ledgers).

The closed lists carry fixed Chinese labels here rather than the model's translated labels: a
workbook is a file format, and a file filled in last year must still import after a label is
reworded on the pages.

The dispute import is built for whole years of a district at once (100,000 rows): everything
it looks up is loaded in bulk before the rows are checked, and the disputes, their parties and
their one-month clocks are written with bulk inserts, numbers taken in one go per numbering
rule and year under the sequence's row lock, in the same transaction (gap-free).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from decimal import Decimal
from itertools import islice
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.core.ledgers import (
    CellError,
    Column,
    Ledger,
    in_ledger_scope,
    insert_rows,
    outside_ledger_scope,
    register,
)
from fazhi.core.models import NumberingRule, NumberSequence
from fazhi.core.numbering import parse_document_number
from fazhi.core.validators import mask_id_number, validate_credit_code, validate_id_number
from fazhi.mediation import services
from fazhi.mediation.models import Committee, Dispute, Gender, Mediator, Party
from fazhi.mediation.rules import dispute_errors
from fazhi.mediation.selectors import may_see_id_numbers
from fazhi.mediation.services import MEDIATE_RULE, NUMBER_KEY
from fazhi.org import services as org_services
from fazhi.org.models import PATH_STEP, Unit
from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import YearNotLoaded, due_date
from fazhi.timelimits.models import Deadline
from fazhi.timelimits.models import Rule as TimeRule

BATCH = 2000  # rows per bulk insert, and per chunk of the export's query
IN_CHUNK = 900  # values per `IN (...)` lookup (SQLite takes 999 parameters)

# --- the labels of the closed lists -------------------------------------------------------

YES_NO = [(True, "是"), (False, "否")]
GENDER_LABELS = {Gender.MALE: "男", Gender.FEMALE: "女"}
COMMITTEE_TYPE_LABELS = {
    Committee.Type.VILLAGE: "村（社区）调委会",
    Committee.Type.TOWNSHIP: "乡镇（街道）调委会",
    Committee.Type.INDUSTRY: "行业性专业性调委会",
    Committee.Type.ENTERPRISE: "企事业单位调委会",
    Committee.Type.OTHER: "其他调委会",
}
EMPLOYMENT_LABELS = {Mediator.Employment.FULL_TIME: "专职", Mediator.Employment.PART_TIME: "兼职"}
DISPUTE_TYPE_LABELS = {
    Dispute.Type.MARRIAGE_FAMILY: "婚姻家庭纠纷",
    Dispute.Type.NEIGHBOURHOOD: "邻里纠纷",
    Dispute.Type.HOUSING_LAND: "房屋宅基地纠纷",
    Dispute.Type.CONTRACT: "合同纠纷",
    Dispute.Type.PRODUCTION: "生产经营纠纷",
    Dispute.Type.DAMAGES: "损害赔偿纠纷",
    Dispute.Type.LABOUR: "劳动争议纠纷",
    Dispute.Type.VILLAGE_AFFAIRS: "村务管理纠纷",
    Dispute.Type.LAND_REQUISITION: "征地拆迁纠纷",
    Dispute.Type.POLLUTION: "环境污染纠纷",
    Dispute.Type.MEDICAL: "医疗纠纷",
    Dispute.Type.PROPERTY_MANAGEMENT: "物业纠纷",
    Dispute.Type.TRAFFIC: "道路交通事故纠纷",
    Dispute.Type.CONSUMER: "消费纠纷",
    Dispute.Type.OTHER: "其他纠纷",
}
SOURCE_LABELS = {
    Dispute.Source.APPLICATION: "当事人申请",
    Dispute.Source.OWN_INITIATIVE: "主动调解",
    Dispute.Source.COURT: "法院委托",
    Dispute.Source.POLICE: "公安机关移送",
    Dispute.Source.PETITION: "信访部门移送",
    Dispute.Source.DEPARTMENT: "其他部门移送",
}
STATUS_LABELS = {
    Dispute.Status.RECEIVED: "已受理",
    Dispute.Status.MEDIATING: "调解中",
    Dispute.Status.SUCCEEDED: "调解成功",
    Dispute.Status.FAILED: "调解不成功",
    Dispute.Status.TERMINATED: "终止调解",
}
AGREEMENT_FORM_LABELS = {
    Dispute.AgreementForm.WRITTEN: "书面协议",
    Dispute.AgreementForm.ORAL: "口头协议",
}
PERFORMANCE_LABELS = {
    Dispute.Performance.PENDING: "待履行",
    Dispute.Performance.PERFORMED: "已履行",
    Dispute.Performance.PARTLY: "部分履行",
    Dispute.Performance.NOT_PERFORMED: "未履行",
}
STARS = [(n, str(n)) for n in range(6)]


def _choices(labels: dict, enum) -> list[tuple[str, str]]:
    """(value, label) for every value of `enum`: a choice added to the model without a label
    here stops the module from loading, rather than going missing from the drop-down."""
    return [(value, labels[value]) for value in enum.values]


def _label(labels: dict, value) -> str:
    return labels.get(value, value) if value else ""


def _yes_no(value: bool) -> str:
    return "是" if value else "否"


# --- cells --------------------------------------------------------------------------------

validate_code = RegexValidator(r"^[A-Za-z0-9-]+$", "只能使用字母、数字和连字符。")
MAX_AMOUNT = Decimal("999999999999.99")  # Dispute.agreement_amount: 14 digits, 2 decimals
ID_SHAPE = re.compile(r"\d{17}[\dX]")


def validate_amount(value: Decimal) -> None:
    if value > MAX_AMOUNT:
        raise ValidationError("金额过大，请核对（单位为元）。")


def validate_document_number(value: str) -> None:
    parse_document_number(value)


def party_identifier(value: str) -> tuple[str, str]:
    """A party's identifier → (kind, value): a resident ID number makes a person, a unified
    social credit code an organisation; either must pass its checksum."""
    value = value.upper()
    if ID_SHAPE.fullmatch(value):
        try:
            validate_id_number(value)
        except ValidationError as id_error:
            try:  # eighteen digits can also be a credit code
                validate_credit_code(value)
            except ValidationError:
                raise id_error from None
            return Party.Kind.ORGANISATION, value
        return Party.Kind.PERSON, value
    if len(value) != 18:
        raise ValidationError("应为18位居民身份证号码（个人）或18位统一社会信用代码（单位）。")
    validate_credit_code(value)
    return Party.Kind.ORGANISATION, value


def _gender_from_id(id_number: str) -> str:
    """GB 11643: the 17th character is odd for men, even for women."""
    return Gender.MALE if int(id_number[16]) % 2 else Gender.FEMALE


# --- scope --------------------------------------------------------------------------------


def _full_ids(context: dict) -> bool:
    """May the exporter see full ID numbers? The command line (no viewer) may."""
    viewer = context.get("viewer")
    return viewer is None or may_see_id_numbers(viewer)


def _progress(context: dict):
    return context.get("progress") or (lambda phase, done, total: None)


def _in_chunks(values: list):
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


# --- committees ---------------------------------------------------------------------------


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
            choices=_choices(COMMITTEE_TYPE_LABELS, Committee.Type),
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
            for chunk in _in_chunks(codes)
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
            for chunk in _in_chunks(list({row["parent_code"] for row in rows}))
            for unit in Unit.objects.filter(code__in=chunk)
        }
        progress = _progress(context)
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
                committee = Committee(unit=unit, **profile)
                committee.full_clean()
                committee.save()
                org_services.unit_update(
                    unit=unit, name=row["name"], is_active=profile["is_active"]
                )
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
                _label(COMMITTEE_TYPE_LABELS, committee.committee_type),
                _yes_no(committee.has_standard_room),
                committee.star_rating,
                committee.established_on,
                _yes_no(committee.is_active),
            ]


# --- mediators ----------------------------------------------------------------------------


def _committee_codes(context: dict) -> dict[str, int]:
    """Unit code → committee pk of the committees the import may write to."""
    return dict(
        in_ledger_scope(Committee.objects.all(), context, "unit").values_list("unit__code", "pk")
    )


@register
class MediatorLedger(Ledger):
    key = "mediation.mediators"
    title = "人民调解员台账"
    permission = "mediation.add_mediator"
    columns = [
        Column("name", "姓名", required=True, max_length=50),
        Column(
            "gender", "性别", kind="choice", required=True, choices=_choices(GENDER_LABELS, Gender)
        ),
        Column(
            "id_number",
            "身份证号码",
            required=True,
            validators=[validate_id_number],
            convert=str.upper,
            help="18位，末位可为X；全区唯一",
        ),
        Column("phone", "联系电话", max_length=20),
        Column(
            "committee_code",
            "所属调委会编码",
            required=True,
            help="已登记调委会的单位编码，须在导入单位之下",
        ),
        Column(
            "employment",
            "专兼职",
            kind="choice",
            required=True,
            choices=_choices(EMPLOYMENT_LABELS, Mediator.Employment),
        ),
        Column("purchased_service", "政府购买服务", kind="choice", choices=YES_NO, help="空白为否"),
        Column("hired_on", "聘任日期", kind="date", required=True),
        Column("left_on", "离任日期", kind="date", help="仍在任的留空"),
    ]
    instructions = ["所属调委会必须已经登记，在导入时指定的单位之下，并在您的数据权限范围内。"]

    def check_rows(self, rows, context):
        errors = []
        committees = _committee_codes(context)
        ids = [row["id_number"] for _n, row in rows]
        registered = {
            value
            for chunk in _in_chunks(ids)
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
            committee_id = committees.get(row["committee_code"])
            if committee_id is None:
                errors.append(
                    CellError(
                        number,
                        self.header("committee_code"),
                        f"调委会 {row['committee_code']} 不存在，或{outside_ledger_scope(context)}。",
                    )
                )
            row["committee_id"] = committee_id
            if row["left_on"] and row["left_on"] < row["hired_on"]:
                errors.append(
                    CellError(number, self.header("left_on"), "离任日期不能早于聘任日期。")
                )
        return errors

    def save_rows(self, rows, context):
        mediators = [
            Mediator(
                name=row["name"],
                gender=row["gender"],
                id_number=row["id_number"],
                phone=row["phone"] or "",
                committee_id=row["committee_id"],
                employment=row["employment"],
                purchased_service=bool(row["purchased_service"]),
                hired_on=row["hired_on"],
                left_on=row["left_on"],
            )
            for row in rows
        ]
        Mediator.objects.bulk_create(mediators, batch_size=BATCH)
        return len(mediators)

    def export_rows(self, context):
        full = _full_ids(context)
        queryset = context.get("queryset")
        if queryset is None:  # else the list page's, in its order
            queryset = in_ledger_scope(Mediator.objects.all(), context, "committee__unit").order_by(
                "committee__unit__path", "name", "pk"
            )
        queryset = queryset.select_related("committee__unit")
        for mediator in queryset.iterator(chunk_size=BATCH):
            yield [
                mediator.name,
                _label(GENDER_LABELS, mediator.gender),
                mediator.id_number if full else mask_id_number(mediator.id_number),
                mediator.phone,
                mediator.committee.unit.code,
                _label(EMPLOYMENT_LABELS, mediator.employment),
                _yes_no(mediator.purchased_service),
                mediator.hired_on,
                mediator.left_on,
            ]


# --- disputes -----------------------------------------------------------------------------


class _CommitteeRef(NamedTuple):
    pk: int  # the committee's unit
    path: str
    name: str


class _MediatorRef(NamedTuple):
    """What `dispute_errors` reads of a lead mediator."""

    pk: int
    committee_id: int
    hired_on: date
    left_on: date | None


class _Clock(NamedTuple):
    rule_id: int
    label: str
    due: date
    suggested: date | None


def _dispute_key(committee_id: int, row: dict) -> tuple:
    names = frozenset(n for n in (row.get("party1_name"), row.get("party2_name")) if n)
    return (committee_id, row["received_on"], names)


def _existing_dispute_keys(rows, committees) -> dict[tuple, str]:
    """(committee, day received, party names) → number, of the disputes already on record in
    the committees and days the file names: two queries, whatever the file's size."""
    ids = {
        committees[r["committee_code"]].pk for _n, r in rows if r["committee_code"] in committees
    }
    days = [r["received_on"] for _n, r in rows if r.get("received_on")]
    if not ids or not days:
        return {}
    disputes = Dispute.objects.filter(
        committee_id__in=ids, received_on__gte=min(days), received_on__lte=max(days)
    )
    found = {
        pk: (committee_id, received_on, number)
        for pk, committee_id, received_on, number in disputes.values_list(
            "pk", "committee_id", "received_on", "number"
        )
    }
    names = defaultdict(set)
    for dispute_id, name in Party.objects.filter(dispute__in=disputes).values_list(
        "dispute_id", "name"
    ):
        names[dispute_id].add(name)
    return {
        (committee_id, received_on, frozenset(names[pk])): number
        for pk, (committee_id, received_on, number) in found.items()
    }


def _numbering_rules(committees) -> dict[int, NumberingRule]:
    """Committee pk → its dispute numbering rule (its own, else the nearest ancestor's), in
    two queries for any number of committees; committees without one are left out."""
    prefixes = {
        ref.path[:end]
        for ref in committees
        for end in range(PATH_STEP, len(ref.path) + 1, PATH_STEP)
    }
    unit_ids = {}
    for chunk in _in_chunks(list(prefixes)):
        unit_ids.update(Unit.objects.filter(path__in=chunk).values_list("path", "pk"))
    rules = {
        rule.unit_id: rule
        for rule in NumberingRule.objects.filter(key=NUMBER_KEY, unit_id__in=unit_ids.values())
    }
    found = {}
    for ref in committees:
        for end in range(len(ref.path), 0, -PATH_STEP):
            rule = rules.get(unit_ids.get(ref.path[:end]))
            if rule is not None:
                found[ref.pk] = rule
                break
    return found


class _Clocks:
    """The one-month clock of a dispute received on a day: the rule's version in force then
    (as `timelimits.selectors.rule_for`) and its due date, computed once per day."""

    def __init__(self):
        self.calendar = get_calendar()
        self.rules = list(TimeRule.objects.filter(code=MEDIATE_RULE))
        self.by_day: dict[date, _Clock | str] = {}

    def __call__(self, day: date) -> _Clock | str:
        """The clock, or why there cannot be one (a message)."""
        clock = self.by_day.get(day)
        if clock is None:
            clock = self.by_day[day] = self._compute(day)
        return clock

    def _compute(self, day: date) -> _Clock | str:
        in_force = [
            rule
            for rule in self.rules
            if (rule.effective_from is None or rule.effective_from <= day)
            and (rule.effective_to is None or rule.effective_to >= day)
        ]
        if not in_force:
            return f"没有 {day:%Y-%m-%d} 适用的调解期限规则（{MEDIATE_RULE}）。"
        rule = max(in_force, key=lambda r: r.effective_from or date.min)
        try:
            result = due_date(self.calendar, day, rule.amount, rule.unit)
        except YearNotLoaded as error:
            return str(error)
        return _Clock(rule.pk, rule.title, result.due, result.suggested_internal)


# What the import writes (with `insert_rows`, in this order); the other fields take their
# defaults.
DISPUTE_FIELDS = [
    "number",
    "committee_id",
    "dispute_type",
    "source",
    "received_on",
    "facts",
    "lead_mediator_id",
    "status",
    "closed_on",
    "agreement_form",
    "agreement_amount",
    "agreed_terms",
    "performance_method",
    "performance",
    "judicial_confirmation_applied_on",
    "created_by_id",
]
PARTY_FIELDS = ["dispute_id", "kind", "name", "gender", "id_number", "credit_code"]
DEADLINE_FIELDS = [
    "content_type_id",
    "object_id",
    "unit_id",
    "rule_id",
    "label",
    "start_date",
    "due_date",
    "suggested_internal_date",
    "completed_on",
    "created_by_id",
]

# What the export reads of a dispute (its parties come in a query per chunk).
EXPORT_FIELDS = [
    "pk",
    "number",
    "committee__unit__code",
    "dispute_type",
    "source",
    "received_on",
    "lead_mediator__id_number",
    "facts",
    "status",
    "closed_on",
    "agreement_form",
    "agreement_amount",
    "agreed_terms",
    "performance_method",
    "performance",
    "judicial_confirmation_applied_on",
]

# Where `dispute_errors` names a field, the column that holds it.
RULE_FIELD_COLUMNS = {"lead_mediator": "lead_mediator_id_number", "status": "status"}


@register
class DisputeLedger(Ledger):
    key = "mediation.disputes"
    title = "矛盾纠纷排查调处台账"
    permission = "mediation.add_dispute"
    columns = [
        Column(
            "number",
            "编号",
            max_length=40,
            validators=[validate_document_number],
            help="留空则按调委会的编号规则自动编号；填写则须形如 新桥调〔2019〕12号，且不能重复",
        ),
        Column("committee_code", "调委会编码", required=True, help="已登记调委会的单位编码"),
        Column(
            "dispute_type",
            "纠纷类型",
            kind="choice",
            required=True,
            choices=_choices(DISPUTE_TYPE_LABELS, Dispute.Type),
        ),
        Column(
            "source",
            "纠纷来源",
            kind="choice",
            required=True,
            choices=_choices(SOURCE_LABELS, Dispute.Source),
        ),
        Column("received_on", "受理日期", kind="date", required=True),
        Column(
            "lead_mediator_id_number",
            "主持调解员身份证号码",
            required=True,
            validators=[validate_id_number],
            convert=str.upper,
            help="已登记在该调委会、受理当日在任的调解员",
        ),
        Column("party1_name", "当事人一 姓名或名称", required=True, max_length=100),
        Column(
            "party1_identifier",
            "当事人一 证件号码",
            convert=party_identifier,
            help="个人填18位居民身份证号码，单位填18位统一社会信用代码",
        ),
        Column("party2_name", "当事人二 姓名或名称", max_length=100),
        Column("party2_identifier", "当事人二 证件号码", convert=party_identifier),
        Column("facts", "纠纷简要情况"),
        Column(
            "status",
            "调解状态",
            kind="choice",
            required=True,
            choices=_choices(STATUS_LABELS, Dispute.Status),
        ),
        Column("closed_on", "结案日期", kind="date", help="调解成功、不成功或终止的填写"),
        Column(
            "agreement_form",
            "协议形式",
            kind="choice",
            choices=_choices(AGREEMENT_FORM_LABELS, Dispute.AgreementForm),
            help="仅调解成功的填写",
        ),
        Column("agreement_amount", "协议金额（元）", kind="decimal", validators=[validate_amount]),
        Column("agreed_terms", "协议内容"),
        Column("performance_method", "履行方式、时限"),
        Column(
            "performance",
            "履行情况",
            kind="choice",
            choices=_choices(PERFORMANCE_LABELS, Dispute.Performance),
        ),
        Column("judicial_confirmation_applied_on", "申请司法确认日期", kind="date"),
    ]
    instructions = [
        "调委会必须已经登记，在导入时指定的单位之下，并在您的数据权限范围内。",
        "主持调解员按身份证号码查找：须是该调委会的调解员，受理当日在任。",
        "结案日期不早于受理日期、不晚于今天；协议形式、金额、内容、履行情况和司法确认只在调解成功时填写。",
        "每件纠纷自受理日起计一个月的调解期限，结案的同时记为完成。",
    ]

    def __init__(self):
        self.rule_headers = {column.key: column.header for column in self.columns} | {
            field: self.header(key) for field, key in RULE_FIELD_COLUMNS.items()
        }

    # --- check ---------------------------------------------------------------------------

    def check_rows(self, rows, context):
        progress = _progress(context)
        today = timezone.localdate()
        # Everything the rows refer to, loaded once: no query per row.
        in_scope = in_ledger_scope(Committee.objects.all(), context, "unit")
        committees = {
            code: _CommitteeRef(pk, path, name)
            for code, pk, path, name in in_scope.values_list(
                "unit__code", "pk", "unit__path", "unit__name"
            )
        }
        mediators = {
            id_number: _MediatorRef(pk, committee_id, hired_on, left_on)
            for id_number, pk, committee_id, hired_on, left_on in Mediator.objects.filter(
                committee__in=in_scope.values("pk")
            )
            .exclude(id_number="")
            .values_list("id_number", "pk", "committee_id", "hired_on", "left_on")
        }
        rules = _numbering_rules(committees.values())
        other_prefixes = set(
            NumberingRule.objects.filter(key=NUMBER_KEY).values_list("prefix", flat=True)
        )
        given = [row["number"] for _n, row in rows if row["number"]]
        taken = {
            value
            for chunk in _in_chunks(given)
            for value in Dispute.objects.filter(number__in=chunk).values_list("number", flat=True)
        }
        clocks = _Clocks()
        header = self.rule_headers
        outside = outside_ledger_scope(context)
        errors = []
        seen_numbers: dict[str, int] = {}
        # The same dispute twice (a workbook imported again, rows without numbers): same
        # committee, day received and parties as a dispute on record or an earlier row.
        on_record = _existing_dispute_keys(rows, committees)
        seen_disputes: dict[tuple, int] = {}
        total = len(rows)
        for index, (number, row) in enumerate(rows):
            code = row["committee_code"]
            committee = committees.get(code)
            if committee is None:
                errors.append(
                    CellError(
                        number, header["committee_code"], f"调委会 {code} 不存在，或{outside}。"
                    )
                )
            else:
                row["committee_id"] = committee.pk
            mediator = row["lead_mediator"] = mediators.get(row["lead_mediator_id_number"])
            if mediator is None:
                errors.append(
                    CellError(
                        number,
                        header["lead_mediator_id_number"],
                        "没有登记这个身份证号码的调解员，或其所在调委会不在您可以导入的范围内。",
                    )
                )
            given_number = row["number"]
            if given_number:
                if given_number in taken:
                    errors.append(
                        CellError(
                            number, header["number"], f"编号 {given_number} 已被现有纠纷使用。"
                        )
                    )
                elif given_number in seen_numbers:
                    errors.append(
                        CellError(
                            number,
                            header["number"],
                            f"与第 {seen_numbers[given_number]} 行的编号重复。",
                        )
                    )
                else:
                    seen_numbers[given_number] = number
            if committee is not None:
                row["numbering_rule"] = rule = rules.get(committee.pk)
                prefix = parse_document_number(given_number).prefix if given_number else None
                if given_number and (
                    (rule is not None and prefix != rule.prefix)
                    or (rule is None and prefix in other_prefixes)
                ):
                    # A number of another rule would take a serial that rule gives out later.
                    expected = f"“{rule.prefix}”" if rule is not None else "本调委会的编号"
                    errors.append(
                        CellError(
                            number,
                            header["number"],
                            f"编号 {given_number} 不是 {committee.name} 的编号：前缀应为{expected}。",
                        )
                    )
                if not given_number and row["numbering_rule"] is None:
                    errors.append(
                        CellError(
                            number,
                            header["number"],
                            f"{committee.name}及其上级单位没有设置纠纷编号规则，请填写编号。",
                        )
                    )
            if committee is not None:
                key = _dispute_key(committee.pk, row)
                if key in on_record:
                    errors.append(
                        CellError(
                            number,
                            header["received_on"],
                            f"与已登记的纠纷 {on_record[key]} 重复（同一调委会、受理日期和当事人）。",
                        )
                    )
                elif key in seen_disputes:
                    errors.append(
                        CellError(
                            number,
                            header["received_on"],
                            f"与第 {seen_disputes[key]} 行重复（同一调委会、受理日期和当事人）。",
                        )
                    )
                else:
                    seen_disputes[key] = number
            if row["party2_identifier"] and not row["party2_name"]:
                errors.append(
                    CellError(number, header["party2_name"], "填写了证件号码，也请填写姓名或名称。")
                )
            clock = row["clock"] = clocks(row["received_on"])
            if type(clock) is str:
                errors.append(CellError(number, header["received_on"], clock))
            for field, message in dispute_errors(row, today=today):
                errors.append(CellError(number, header.get(field, field), message))
            if not index % 1000:
                progress("check", index, total)
        return errors

    # --- save ----------------------------------------------------------------------------

    def save_rows(self, rows, context):
        progress = _progress(context)
        viewer = context.get("viewer")
        viewer_id = viewer.pk if viewer is not None else None
        self._assign_numbers(rows)
        content_type_id = ContentType.objects.get_for_model(Dispute).pk
        person, organisation = Party.Kind.PERSON, Party.Kind.ORGANISATION
        total = len(rows)
        for start in range(0, total, BATCH):
            batch = rows[start : start + BATCH]
            insert_rows(
                Dispute,
                DISPUTE_FIELDS,
                [
                    (
                        row["number"],
                        row["committee_id"],
                        row["dispute_type"],
                        row["source"],
                        row["received_on"],
                        row["facts"] or "",
                        row["lead_mediator"].pk,
                        row["status"],
                        row["closed_on"],
                        row["agreement_form"] or "",
                        row["agreement_amount"],
                        row["agreed_terms"] or "",
                        row["performance_method"] or "",
                        row["performance"] or "",
                        row["judicial_confirmation_applied_on"],
                        viewer_id,
                    )
                    for row in batch
                ],
            )
            pks = {}
            for chunk in _in_chunks([row["number"] for row in batch]):
                pks.update(Dispute.objects.filter(number__in=chunk).values_list("number", "pk"))
            parties, clocks = [], []
            for row in batch:
                pk = pks[row["number"]]
                for name, identifier in (
                    (row["party1_name"], row["party1_identifier"]),
                    (row["party2_name"], row["party2_identifier"]),
                ):
                    if not name:
                        continue
                    kind, value = identifier or (person, "")
                    if kind == person:
                        gender = _gender_from_id(value) if value else ""
                        parties.append((pk, person, name, gender, value, ""))
                    else:
                        parties.append((pk, organisation, name, "", "", value))
                clock = row["clock"]
                clocks.append(
                    (
                        content_type_id,
                        pk,
                        row["committee_id"],  # a committee's pk is its unit's
                        clock.rule_id,
                        clock.label,
                        row["received_on"],
                        clock.due,
                        clock.suggested,
                        row["closed_on"],
                        viewer_id,
                    )
                )
            insert_rows(Party, PARTY_FIELDS, parties)
            insert_rows(Deadline, DEADLINE_FIELDS, clocks)
            progress("save", start + len(batch), total)
        return total

    def _assign_numbers(self, rows) -> None:
        """Numbers for the rows without one: per numbering rule and year in order of receipt,
        the sequences locked (select_for_update) and advanced once each, in this transaction.
        A serial already used by a number typed into the file (or the database) is skipped,
        and a sequence never ends below the highest serial typed in for its rule and year."""
        pending = defaultdict(list)  # (rule, year) → rows
        typed_max = defaultdict(int)
        typed = set()
        rules = {}
        for index, row in enumerate(rows):
            rule = row["numbering_rule"]
            if row["number"]:
                typed.add(row["number"])
                if rule is not None:
                    parsed = parse_document_number(row["number"])
                    if parsed.prefix == rule.prefix:
                        key = (rule.pk, parsed.year)
                        rules[rule.pk] = rule
                        typed_max[key] = max(typed_max[key], parsed.serial)
            else:
                rules[rule.pk] = rule
                pending[(rule.pk, row["received_on"].year)].append((row["received_on"], index))
        keys = sorted(set(pending) | set(typed_max))
        if not keys:
            return
        for rule_id, year in keys:
            try:
                with transaction.atomic():  # a concurrent first number of the year may win
                    NumberSequence.objects.get_or_create(rule_id=rule_id, year=year)
            except IntegrityError:
                pass
        wanted = Q()
        for rule_id, year in keys:
            wanted |= Q(rule_id=rule_id, year=year)
        sequences = {
            (sequence.rule_id, sequence.year): sequence
            for sequence in NumberSequence.objects.select_for_update().filter(wanted).order_by("pk")
        }
        for key in keys:
            rule_id, year = key
            prefix = f"{rules[rule_id].prefix}〔{year}〕"
            sequence = sequences[key]
            serial = sequence.last_serial
            if key in pending:
                used = typed | set(
                    Dispute.objects.filter(number__startswith=prefix).values_list(
                        "number", flat=True
                    )
                )
                for _received, index in sorted(pending[key]):
                    serial += 1
                    while f"{prefix}{serial}号" in used:
                        serial += 1
                    rows[index]["number"] = f"{prefix}{serial}号"
            last = max(serial, typed_max.get(key, 0))
            if last != sequence.last_serial:
                sequence.last_serial = last
                sequence.save(update_fields=["last_serial"])

    # --- export --------------------------------------------------------------------------

    def export_rows(self, context):
        """Values rather than model instances, and each chunk's parties in one query: the
        rows stream out at a flat memory, whatever the number of disputes."""
        full = _full_ids(context)
        queryset = context.get("queryset")
        if queryset is None:  # else the list page's, filtered and in its order
            queryset = in_ledger_scope(Dispute.objects.all(), context, "committee__unit").order_by(
                "received_on", "pk"
            )
            if context.get("year"):
                queryset = queryset.filter(closed_on__year=context["year"])
        records = (
            queryset.select_related(None)
            .prefetch_related(None)
            .values_list(*EXPORT_FIELDS)
            .iterator(chunk_size=BATCH)
        )
        organisation = Party.Kind.ORGANISATION
        while chunk := list(islice(records, BATCH)):
            parties = defaultdict(list)
            for ids in _in_chunks([record[0] for record in chunk]):
                for dispute_id, kind, name, id_number, credit_code in (
                    Party.objects.filter(dispute_id__in=ids)
                    .order_by("pk")
                    .values_list("dispute_id", "kind", "name", "id_number", "credit_code")
                ):
                    if kind == organisation:
                        identifier = credit_code
                    else:
                        identifier = id_number if full else mask_id_number(id_number)
                    parties[dispute_id] += [name, identifier]
            for (
                pk,
                number,
                committee_code,
                dispute_type,
                source,
                received_on,
                lead,
                facts,
                status,
                closed_on,
                agreement_form,
                agreement_amount,
                agreed_terms,
                performance_method,
                performance,
                confirmation_applied_on,
            ) in chunk:
                two = parties.get(pk, [])[:4]
                yield [
                    number,
                    committee_code,
                    _label(DISPUTE_TYPE_LABELS, dispute_type),
                    _label(SOURCE_LABELS, source),
                    received_on,
                    lead if full else mask_id_number(lead),
                    *two,
                    *[""] * (4 - len(two)),
                    facts,
                    _label(STATUS_LABELS, status),
                    closed_on,
                    _label(AGREEMENT_FORM_LABELS, agreement_form),
                    agreement_amount,
                    agreed_terms,
                    performance_method,
                    _label(PERFORMANCE_LABELS, performance),
                    confirmation_applied_on,
                ]
