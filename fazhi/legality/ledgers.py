"""The legality ledgers in Excel: review requests (legality.requests) and filings
(legality.filings) with template, all-or-nothing import and export; legal advisors
(legality.advisors) for export. Closed lists carry fixed Chinese labels, as in every ledger."""

from django.core.exceptions import ValidationError

from fazhi.core.ledgers import (
    CellError,
    Column,
    Ledger,
    in_ledger_scope,
    outside_ledger_scope,
    page_labels,
    register,
)
from fazhi.core.numbering import parse_document_number
from fazhi.legality import services
from fazhi.legality.models import Filing, LegalAdvisor, ReviewRequest
from fazhi.org.models import Unit
from fazhi.timelimits import selectors as timelimits
from fazhi.timelimits.calendar import get_calendar
from fazhi.timelimits.engine import YearNotLoaded, due_date

BATCH = 1000

# The drop-downs read as the pages do; the words of earlier templates still import.
REQUEST_KIND_LABELS = page_labels(ReviewRequest.Kind)
REQUEST_STATUS_LABELS = page_labels(ReviewRequest.Status)
FILING_KIND_LABELS = page_labels(Filing.Kind)
FILING_RESULT_LABELS = page_labels(Filing.Result)
ADVISOR_KIND_LABELS = page_labels(LegalAdvisor.Kind)
FORMER_REQUEST_STATUSES = {
    "已收文": ReviewRequest.Status.RECEIVED,
    "退回补充材料": ReviewRequest.Status.RETURNED,
}
FORMER_ADVISOR_KINDS = {"法律顾问团成员": LegalAdvisor.Kind.ADVISORY_TEAM}
OPEN_STATUSES = (ReviewRequest.Status.RECEIVED, ReviewRequest.Status.IN_REVIEW)


def _choices(labels: dict, enum) -> list[tuple[str, str]]:
    return [(value, labels[value]) for value in enum.values]


def _unit_codes(context: dict) -> dict[str, Unit]:
    """Unit code → unit, for the units the importer may write for."""
    units = in_ledger_scope(Unit.objects.all(), context, "")
    return {u.code: u for u in units}


def _check_unit(ledger, number, row, key, units, context, errors):
    unit = units.get(row[key])
    if unit is None:
        errors.append(
            CellError(
                number,
                ledger.header(key),
                f"单位 {row[key]} 不存在，或{outside_ledger_scope(context)}。",
            )
        )
    row["_unit"] = unit


def _validate_letter_number(value: str) -> None:
    parse_document_number(value)


@register
class ReviewRequestLedger(Ledger):
    key = "legality.requests"
    title = "合法性审查台账"
    permission = "legality.add_reviewrequest"
    columns = [
        Column(
            "kind",
            "事项类型",
            kind="choice",
            required=True,
            choices=_choices(REQUEST_KIND_LABELS, ReviewRequest.Kind),
        ),
        Column("unit_code", "报送单位编码", required=True, help="单位台账中的单位编码"),
        Column("title", "送审事项名称", required=True, max_length=200),
        Column("received_on", "收文日期", kind="date", required=True),
        Column(
            "status",
            "办理状态",
            kind="choice",
            choices=_choices(REQUEST_STATUS_LABELS, ReviewRequest.Status),
            aliases=FORMER_REQUEST_STATUSES,
            help="空白为已受理",
        ),
        Column("concluded_on", "办结日期", kind="date", help="已出具意见、退回或撤回的必填"),
        Column(
            "letter_number",
            "审查意见书文号",
            max_length=40,
            validators=[_validate_letter_number],
            help="如 游司审〔2019〕12号；仅已出具意见的填写",
        ),
        Column(
            "signed_opinion",
            "签署意见",
            multiline=True,
            help="会议议题签署的意见；仅已出具意见的填写",
        ),
    ]
    instructions = [
        "报送单位须在导入时指定的单位之下，并在您的数据权限范围内。",
        "规范性文件和重大行政决策按收文日期起算审查时限；已办结的事项时限记为当日完成。",
        "已出具意见的事项须填写审查意见书文号或签署意见；文号在本表和系统中都不能重复。",
    ]

    def check_rows(self, rows, context):
        errors = []
        units = _unit_codes(context)
        viewer = context.get("viewer")
        # Outcomes are the reviewers' to record: a department imports what it submitted.
        may_conclude = viewer is None or viewer.has_perm("legality.change_reviewrequest")
        calendar = get_calendar()
        numbers = [r["letter_number"] for _n, r in rows if r["letter_number"]]
        taken = set(
            ReviewRequest.objects.filter(letter_number__in=numbers).values_list(
                "letter_number", flat=True
            )
        )
        seen = {}
        for number, row in rows:
            _check_unit(self, number, row, "unit_code", units, context, errors)
            status = row["status"] or ReviewRequest.Status.RECEIVED
            row["status"] = status
            concluded = row["concluded_on"]
            if not may_conclude and (status != ReviewRequest.Status.RECEIVED or concluded):
                errors.append(
                    CellError(
                        number,
                        self.header("status"),
                        "审查结果由审查人员登记：报送单位只能导入“已受理”的事项。",
                    )
                )
            received = row["received_on"]
            future = received and received > timelimits.today()
            for key in ("received_on", "concluded_on"):
                if row[key] and row[key] > timelimits.today():
                    errors.append(CellError(number, self.header(key), "不能是今天以后的日期。"))
            # No clock for a missing or future day: the day is the mistake, not the calendar.
            rule = services.review_clock_rule(row["kind"], received) if received else None
            if rule is not None and not future:
                try:
                    due_date(calendar, row["received_on"], rule.amount, rule.unit)
                except YearNotLoaded as error:
                    errors.append(CellError(number, self.header("received_on"), str(error)))
            if status in OPEN_STATUSES and concluded:
                errors.append(
                    CellError(number, self.header("concluded_on"), "未办结的事项不填办结日期。")
                )
            if status not in OPEN_STATUSES and not concluded:
                errors.append(
                    CellError(number, self.header("concluded_on"), "已办结的事项须填写办结日期。")
                )
            if concluded and received and concluded < received:
                errors.append(
                    CellError(number, self.header("concluded_on"), "办结日期不能早于收文日期。")
                )
            issued = status == ReviewRequest.Status.OPINION_ISSUED
            letter, signed = row["letter_number"] or "", row["signed_opinion"] or ""
            if issued and not (letter or signed):
                errors.append(
                    CellError(
                        number, self.header("letter_number"), "已出具意见的须填写文号或签署意见。"
                    )
                )
            if not issued and (letter or signed):
                errors.append(
                    CellError(
                        number, self.header("letter_number"), "只有已出具意见的事项才有意见书。"
                    )
                )
            if letter in taken:
                errors.append(
                    CellError(number, self.header("letter_number"), f"文号 {letter} 已经登记。")
                )
            elif letter and letter in seen:
                errors.append(
                    CellError(
                        number, self.header("letter_number"), f"与第 {seen[letter]} 行的文号重复。"
                    )
                )
            if letter:
                seen.setdefault(letter, number)
        return errors

    def save_rows(self, rows, context):
        # Through the service, one by one: requests are hundreds a year, each on the audit trail.
        for row in rows:
            services.request_record(
                kind=row["kind"],
                submitting_unit=row["_unit"],
                title=row["title"],
                received_on=row["received_on"],
                status=row["status"],
                concluded_on=row["concluded_on"],
                letter_number=row["letter_number"] or "",
                signed_opinion=row["signed_opinion"] or "",
                user=context.get("viewer"),
            )
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(ReviewRequest.objects.all(), context, "submitting_unit")
        for r in queryset.select_related("submitting_unit").iterator(chunk_size=BATCH):
            yield [
                REQUEST_KIND_LABELS[r.kind],
                r.submitting_unit.code,
                r.title,
                r.received_on,
                REQUEST_STATUS_LABELS[r.status],
                r.concluded_on,
                r.letter_number,
                r.signed_opinion,
            ]


@register
class FilingLedger(Ledger):
    key = "legality.filings"
    title = "备案审查台账"
    permission = "legality.add_filing"
    columns = [
        Column(
            "kind",
            "备案类型",
            kind="choice",
            required=True,
            choices=_choices(FILING_KIND_LABELS, Filing.Kind),
        ),
        Column("unit_code", "报备单位编码", required=True, help="单位台账中的单位编码"),
        Column("title", "文件（决定）名称", required=True, max_length=200),
        Column("document_number", "文号", max_length=40),
        Column("published_on", "公布（作出）日期", kind="date", required=True),
        Column("filed_on", "报备日期", kind="date", required=True),
        Column(
            "result",
            "审查结果",
            kind="choice",
            choices=_choices(FILING_RESULT_LABELS, Filing.Result),
            help="空白为审查中",
        ),
        Column("reviewed_on", "审查日期", kind="date", help="有审查结果的必填"),
    ]
    instructions = [
        "报备单位须在导入时指定的单位之下，并在您的数据权限范围内。",
        "报备期限按公布日期起算（默认30日），逾期报备的在台账中标为逾期。",
        "同一单位的同一文号不能重复登记。",
    ]

    def check_rows(self, rows, context):
        errors = []
        units = _unit_codes(context)
        viewer = context.get("viewer")
        may_review = viewer is None or viewer.has_perm("legality.change_filing")
        taken = set(
            Filing.objects.exclude(document_number="").values_list(
                "filing_unit__code", "document_number"
            )
        )
        seen = {}
        for number, row in rows:
            _check_unit(self, number, row, "unit_code", units, context, errors)
            filed, published = row["filed_on"], row["published_on"]
            if filed and published and filed < published:
                errors.append(
                    CellError(number, self.header("filed_on"), "报备日期不能早于公布日期。")
                )
            if published and published <= timelimits.today():  # a future day is refused below
                try:
                    row["_due"] = services.filing_due(published)
                except ValidationError as error:
                    errors.append(CellError(number, self.header("published_on"), error.messages[0]))
            result = row["result"] or Filing.Result.PENDING
            row["result"] = result
            reviewed = row["reviewed_on"]
            if not may_review and (result != Filing.Result.PENDING or reviewed):
                errors.append(
                    CellError(
                        number,
                        self.header("result"),
                        "备案审查结果由审查人员登记：报备单位只能导入“审查中”的备案。",
                    )
                )
            for key in ("published_on", "filed_on", "reviewed_on"):
                if row[key] and row[key] > timelimits.today():
                    errors.append(CellError(number, self.header(key), "不能是今天以后的日期。"))
            if result == Filing.Result.PENDING and reviewed:
                errors.append(
                    CellError(number, self.header("reviewed_on"), "审查中的不填审查日期。")
                )
            if result != Filing.Result.PENDING and not reviewed:
                errors.append(
                    CellError(number, self.header("reviewed_on"), "有审查结果的须填写审查日期。")
                )
            if reviewed and filed and reviewed < filed:
                errors.append(
                    CellError(number, self.header("reviewed_on"), "审查日期不能早于报备日期。")
                )
            key = (row["unit_code"], row["document_number"] or "")
            if key[1] and key in taken:
                errors.append(
                    CellError(number, self.header("document_number"), f"文号 {key[1]} 已经备案。")
                )
            elif key[1] and key in seen:
                errors.append(
                    CellError(
                        number, self.header("document_number"), f"与第 {seen[key]} 行的文号重复。"
                    )
                )
            if key[1]:
                seen.setdefault(key, number)
        return errors

    def save_rows(self, rows, context):
        # Through the service, one by one: filings are few, and each is on the audit trail.
        for row in rows:
            services.filing_register(
                kind=row["kind"],
                filing_unit=row["_unit"],
                title=row["title"],
                document_number=row["document_number"] or "",
                published_on=row["published_on"],
                filed_on=row["filed_on"],
                result=row["result"],
                reviewed_on=row["reviewed_on"],
                user=context.get("viewer"),
            )
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(Filing.objects.all(), context, "filing_unit")
        for f in queryset.select_related("filing_unit").iterator(chunk_size=BATCH):
            yield [
                FILING_KIND_LABELS[f.kind],
                f.filing_unit.code,
                f.title,
                f.document_number,
                f.published_on,
                f.filed_on,
                FILING_RESULT_LABELS[f.result],
                f.reviewed_on,
            ]


@register
class AdvisorLedger(Ledger):
    """Export only: advisors are few and registered on the page."""

    key = "legality.advisors"
    title = "法律顾问台账"
    columns = [
        Column("name", "姓名", required=True),
        Column(
            "kind",
            "类别",
            kind="choice",
            choices=_choices(ADVISOR_KIND_LABELS, LegalAdvisor.Kind),
            aliases=FORMER_ADVISOR_KINDS,
        ),
        Column("firm", "律师事务所"),
        Column("unit_code", "聘用单位编码"),
        Column("term_start", "聘期起", kind="date"),
        Column("term_end", "聘期止", kind="date"),
    ]

    def save_rows(self, rows, context):
        raise ValidationError("法律顾问请在页面上登记。")

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(LegalAdvisor.objects.all(), context, "unit")
        for a in queryset.select_related("unit").iterator(chunk_size=BATCH):
            yield [
                a.name,
                ADVISOR_KIND_LABELS[a.kind],
                a.firm,
                a.unit.code,
                a.term_start,
                a.term_end,
            ]
