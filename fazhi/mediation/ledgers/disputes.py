"""The disputes ledger (mediation.disputes), built for whole years of a district at once
(100,000 rows): template, all-or-nothing import and export.

The check reads everything the rows refer to in bulk before going through them, and applies the
rules every dispute obeys (services.dispute_problems). The save is the services' bulk path
(services.disputes_create_bulk): numbers from the committees' numbering rules, the one-month
clocks and the audit entries, as for a dispute registered on its page."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import islice
from typing import NamedTuple

from django.core.exceptions import ValidationError
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
from fazhi.core.models import NumberingRule
from fazhi.core.numbering import parse_document_number, rules_for_units
from fazhi.core.validators import mask_id_number, validate_id_number
from fazhi.mediation import services
from fazhi.mediation.ledgers.cells import (
    BATCH,
    ID_SHAPE,
    NamedRecords,
    committee_not_found,
    full_ids,
    gender_from_id,
    party_identifier,
    progress_of,
    validate_amount,
    validate_document_number,
)
from fazhi.mediation.ledgers.labels import (
    AGREEMENT_FORM_LABELS,
    DISPUTE_TYPE_LABELS,
    FORMER_DISPUTE_TYPES,
    FORMER_PERFORMANCE,
    FORMER_SOURCES,
    PERFORMANCE_LABELS,
    SOURCE_LABELS,
    STATUS_LABELS,
    choices_of,
    label,
)
from fazhi.mediation.models import Committee, Dispute, Mediator, Party
from fazhi.mediation.selectors import note_full_ids_shown
from fazhi.mediation.services import MEDIATE_RULE, NUMBER_KEY
from fazhi.timelimits.services import DueDates


class _CommitteeRef(NamedTuple):
    pk: int  # the committee's unit
    path: str
    name: str


class _MediatorRef(NamedTuple):
    """What the dispute's rules (services.dispute_problems) read of a lead mediator."""

    pk: int
    committee_id: int
    hired_on: date
    left_on: date | None


def _dispute_key(committee_id: int, row: dict) -> tuple:
    names = frozenset(n for n in (row.get("party1_name"), row.get("party2_name")) if n)
    return (committee_id, row["received_on"], names)


def _existing_dispute_keys(rows) -> dict[tuple, str]:
    """(committee, day received, party names) → number, of the disputes already on record in
    the committees and days the file names: two queries, whatever the file's size."""
    ids = {r["committee_id"] for _n, r in rows if r.get("committee_id")}
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


# What the export reads of a dispute (its parties come in a query per chunk).
EXPORT_FIELDS = [
    "pk",
    "number",
    "committee__unit__name",
    "dispute_type",
    "source",
    "received_on",
    "lead_mediator__name",
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

# Where a rule of the dispute names a field, the column that holds it.
RULE_FIELD_COLUMNS = {"lead_mediator": "lead_mediator", "status": "status"}


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
        Column(
            "committee",
            "人民调解委员会",
            required=True,
            max_length=100,
            named=True,
            former_headers=("调委会编码",),
            help="从下拉列表选择您的调委会（也可以填写调委会的单位编码）",
        ),
        Column(
            "dispute_type",
            "纠纷类型",
            kind="choice",
            required=True,
            choices=choices_of(DISPUTE_TYPE_LABELS, Dispute.Type),
            aliases=FORMER_DISPUTE_TYPES,
        ),
        Column(
            "source",
            "纠纷来源",
            kind="choice",
            required=True,
            choices=choices_of(SOURCE_LABELS, Dispute.Source),
            aliases=FORMER_SOURCES,
        ),
        Column("received_on", "受理日期", kind="date", required=True),
        Column(
            "lead_mediator",
            "主持调解员",
            required=True,
            max_length=50,
            named=True,
            former_headers=("主持调解员身份证号码",),
            help="从下拉列表选择：须是该调委会受理当日在任的调解员（同一调委会有同名的，填写其身份证号码）",
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
        Column("facts", "纠纷简要情况", multiline=True),
        Column(
            "status",
            "调解状态",
            kind="choice",
            required=True,
            choices=choices_of(STATUS_LABELS, Dispute.Status),
        ),
        Column("closed_on", "结案日期", kind="date", help="调解成功、不成功或终止的填写"),
        Column(
            "agreement_form",
            "协议形式",
            kind="choice",
            choices=choices_of(AGREEMENT_FORM_LABELS, Dispute.AgreementForm),
            help="仅调解成功的填写",
        ),
        Column("agreement_amount", "协议金额（元）", kind="decimal", validators=[validate_amount]),
        Column("agreed_terms", "协议内容", multiline=True),
        Column("performance_method", "履行方式、时限", multiline=True),
        Column(
            "performance",
            "履行情况",
            kind="choice",
            choices=choices_of(PERFORMANCE_LABELS, Dispute.Performance),
            aliases=FORMER_PERFORMANCE,
        ),
        Column("judicial_confirmation_applied_on", "申请司法确认日期", kind="date"),
    ]
    instructions = [
        "调委会按名称（或单位编码）查找：须已登记，在导入时指定的单位之下，并在您的数据权限范围内。",
        "主持调解员按姓名在该调委会中查找（同名的按身份证号码）：须受理当日在任。",
        "结案日期不早于受理日期、不晚于今天；协议形式、金额、内容、履行情况和司法确认只在调解成功时填写。",
        "每件纠纷自受理日起计一个月的调解期限，结案的同时记为完成。",
    ]

    def __init__(self):
        self.rule_headers = {column.key: column.header for column in self.columns} | {
            field: self.header(key) for field, key in RULE_FIELD_COLUMNS.items()
        }

    # --- check ---------------------------------------------------------------------------

    def check_rows(self, rows, context):
        progress = progress_of(context)
        # Everything the rows refer to, loaded once: no query per row.
        in_scope = in_ledger_scope(Committee.objects.all(), context, "unit")
        committees = NamedRecords()
        for code, pk, path, name in in_scope.values_list(
            "unit__code", "pk", "unit__path", "unit__name"
        ):
            committees.add(name, _CommitteeRef(pk, path, name), code)
        mediators = NamedRecords()
        for id_number, pk, committee_id, hired_on, left_on, name in Mediator.objects.filter(
            committee__in=in_scope.values("pk")
        ).values_list("id_number", "pk", "committee_id", "hired_on", "left_on", "name"):
            ref = _MediatorRef(pk, committee_id, hired_on, left_on)
            mediators.add((committee_id, name), ref, id_number)
        rules = rules_for_units(
            NUMBER_KEY, [(ref.pk, ref.path) for ref in committees.by_key.values()]
        )
        other_prefixes = set(
            NumberingRule.objects.filter(key=NUMBER_KEY).values_list("prefix", flat=True)
        )
        given = [row["number"] for _n, row in rows if row["number"]]
        taken = {
            value
            for chunk in in_chunks(given)
            for value in Dispute.objects.filter(number__in=chunk).values_list("number", flat=True)
        }
        clocks = DueDates(MEDIATE_RULE)
        header = self.rule_headers
        outside = outside_ledger_scope(context)
        errors = []
        seen_numbers: dict[str, int] = {}
        # Each row's committee first: the duplicates below are looked up by committee.
        found_committees = {}
        for number, row in rows:
            named = row["committee"]
            committee, count = committees.find(named, named) if named else (None, 0)
            found_committees[number] = committee
            row["committee_id"] = committee.pk if committee else None
            if committee is None and named:
                message = committee_not_found(named, count, outside)
                errors.append(CellError(number, header["committee"], message))
        # The same dispute twice (a workbook imported again, rows without numbers): same
        # committee, day received and parties as a dispute on record or an earlier row.
        on_record = _existing_dispute_keys(rows)
        seen_disputes: dict[tuple, int] = {}
        total = len(rows)
        for index, (number, row) in enumerate(rows):
            committee = found_committees[number]
            row["lead_mediator"] = self._lead_mediator(number, row, committee, mediators, errors)
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
            problems = services.dispute_problems(row)
            for field, message in problems:
                errors.append(CellError(number, header.get(field, field), message))
            # The clock of a day that is itself wrong (in the future) is no concern of the
            # calendar's: the date is the mistake to report.
            received = row["received_on"]
            if received and not any(field == "received_on" for field, _m in problems):
                clock = row["clock"] = clocks(received)
                if type(clock) is str:
                    errors.append(CellError(number, header["received_on"], clock))
            if not index % 1000:
                progress("check", index, total)
        return errors

    def _lead_mediator(self, number, row, committee, mediators, errors):
        """The lead mediator the row names: by ID number anywhere in the importer's scope
        (earlier templates), else by name within the row's committee."""
        named = row["lead_mediator"]
        if not named:
            return None
        column = self.rule_headers["lead_mediator"]
        value = named.upper()
        if ID_SHAPE.fullmatch(value):
            try:
                validate_id_number(value)
            except ValidationError as error:
                errors.append(CellError(number, column, error.messages[0]))
                return None
            mediator, _count = mediators.find(value, None)
            if mediator is None:
                errors.append(
                    CellError(
                        number,
                        column,
                        "没有登记这个身份证号码的调解员，或其所在调委会不在您可以导入的范围内。",
                    )
                )
            return mediator
        if committee is None:  # the committee's own error says what is wrong
            return None
        mediator, count = mediators.find(None, (committee.pk, named))
        if count > 1:
            errors.append(
                CellError(
                    number,
                    column,
                    f"{committee.name}有 {count} 名调解员叫“{named}”，请改填其身份证号码。",
                )
            )
        elif mediator is None:
            errors.append(CellError(number, column, f"{committee.name}没有名为“{named}”的调解员。"))
        return mediator

    def name_lists(self, context):
        """The importer's committees and their serving mediators, for the template."""
        in_scope = in_ledger_scope(Committee.objects.all(), context, "unit")
        committees = list(in_scope.order_by("unit__path").values_list("unit__name", flat=True))
        mediators = (
            Mediator.objects.filter(committee__in=in_scope.values("pk"), left_on__isnull=True)
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()
        )
        return {"committee": committees, "lead_mediator": list(mediators)}

    # --- save ----------------------------------------------------------------------------

    def save_rows(self, rows, context):
        disputes = []
        for row in rows:
            parties = []
            for name, identifier in (
                (row["party1_name"], row["party1_identifier"]),
                (row["party2_name"], row["party2_identifier"]),
            ):
                if not name:
                    continue
                kind, value = identifier or (Party.Kind.PERSON, "")
                if kind == Party.Kind.PERSON:
                    gender = gender_from_id(value) if value else ""
                    parties.append((Party.Kind.PERSON, name, gender, value, ""))
                else:
                    parties.append((Party.Kind.ORGANISATION, name, "", "", value))
            disputes.append(
                {
                    **{field: row[field] for field in services.IMPORTED_FIELDS},
                    "facts": row["facts"] or "",
                    "numbering_rule": row["numbering_rule"],
                    "clock": row["clock"],
                    "parties": parties,
                }
            )
        return services.disputes_create_bulk(
            disputes=disputes, origin=context["source"], progress=progress_of(context)
        )

    # --- export --------------------------------------------------------------------------

    def export_rows(self, context):
        """Values rather than model instances, and each chunk's parties in one query: the
        rows stream out at a flat memory, whatever the number of disputes."""
        full = full_ids(context)
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
            for ids in in_chunks([record[0] for record in chunk]):
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
            if full:
                note_full_ids_shown(
                    context.get("viewer"), Dispute, [(r[0], r[1]) for r in chunk], via=_("export")
                )
            for (
                pk,
                number,
                committee_name,
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
                    committee_name,
                    label(DISPUTE_TYPE_LABELS, dispute_type),
                    label(SOURCE_LABELS, source),
                    received_on,
                    lead,
                    *two,
                    *[""] * (4 - len(two)),
                    facts,
                    label(STATUS_LABELS, status),
                    closed_on,
                    label(AGREEMENT_FORM_LABELS, agreement_form),
                    agreement_amount,
                    agreed_terms,
                    performance_method,
                    label(PERFORMANCE_LABELS, performance),
                    confirmation_applied_on,
                ]
