"""The 行政执法监督 ledgers in Excel: officers with their certificates (one row per certificate:
how a renewal of a few hundred certificates comes in), law-exam results, case-file scores (one
row per deduction), each organ's yearly statistics and the officers' caseloads.

Every import writes through the services, one record at a time (each on the audit trail, with
the import named), after `check_rows` has checked every rule those services apply, reading what
the rows refer to in bulk. Officers are found by ID number (or, where a ledger says so, by
certificate number or by name and unit) within the importer's scope; an ID number registered
outside it is refused without saying where. ID numbers are exported in full only to a role that
may read them (and then each officer shown is on the audit trail, as on the register's pages);
a masked number read back is only matched against the officer found by the other columns."""

import re
from collections import defaultdict
from decimal import Decimal
from itertools import islice

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from fazhi.core.bulk import in_chunks
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
from fazhi.core.validators import mask_id_number, validate_id_number
from fazhi.enforcement import services
from fazhi.enforcement.forms import ENFORCING
from fazhi.enforcement.models import (
    Campaign,
    CaseFile,
    Caseload,
    Certificate,
    Deduction,
    EnforcementReturn,
    ExamCandidate,
    ExamSitting,
    Officer,
    Organ,
    PowerKind,
    RenewalBatch,
    RubricItem,
    points_text,
)
from fazhi.enforcement.registers import OFFICERS
from fazhi.timelimits.selectors import today

BATCH = 1000
EXPORTED = "导出时填写，导入时不读取"
YES_NO = [(True, "是"), (False, "否")]
STAFF_LABELS = page_labels(Officer.StaffStatus)
CERTIFICATE_KIND_LABELS = page_labels(Certificate.Kind)
CERTIFICATE_STATUS_LABELS = page_labels(Certificate.Status)
POWER_LABELS = page_labels(PowerKind)
# The short words clerks type for them (read, never written).
STAFF_ALIASES = {"辅助": Officer.StaffStatus.AUXILIARY, "编制内": Officer.StaffStatus.ESTABLISHED}
KIND_ALIASES = {
    "省级": Certificate.Kind.PROVINCIAL,
    "省政府": Certificate.Kind.PROVINCIAL,
    "部委": Certificate.Kind.MINISTRY,
    "国务院部门": Certificate.Kind.MINISTRY,
}
MASKED = re.compile(r"\d{6}\*{8}[\dX]{4}")
SECOND_LEVEL = re.compile(r"\d{1,3}\.\d{1,3}")
MAX_COUNT = 2_147_483_647  # PositiveIntegerField
MAX_AMOUNT = Decimal("999999999999.99")  # EnforcementReturn.penalty_amount: 14 digits, 2 decimals


def _choices(labels: dict, enum) -> list[tuple[str, str]]:
    return [(value, labels[value]) for value in enum.values]


# --- cells -----------------------------------------------------------------------------------


class MaskedId(str):
    """An ID number as an export masks it (510704********123X): it identifies no one by itself,
    and is only compared with the officer the row's other columns find."""


def full_id_number(value: str) -> str:
    value = value.upper()
    if "*" in value:
        raise ValidationError("这是隐去了中间数字的身份证号码，请填写完整的18位号码。")
    validate_id_number(value)
    return value


def id_number_or_mask(value: str) -> str:
    value = value.upper()
    if MASKED.fullmatch(value):
        return MaskedId(value)
    return full_id_number(value)


def validate_year(value: int) -> None:
    if not 1990 <= value <= 2100:
        raise ValidationError("应为四位数的年份，如 2019。")


def validate_count(value: int) -> None:
    if value < 0:
        raise ValidationError("不能为负数。")
    if value > MAX_COUNT:
        raise ValidationError("数字过大，请核对。")


def validate_amount(value: Decimal) -> None:
    if value < 0:
        raise ValidationError("不能为负数。")
    if value > MAX_AMOUNT:
        raise ValidationError("金额过大，请核对（单位为元）。")


def validate_score(value: int) -> None:
    if not 0 <= value <= 100:
        raise ValidationError("成绩须在 0 至 100 分之间。")


def validate_points(value: Decimal) -> None:
    if value <= 0:
        raise ValidationError("扣分须大于 0（不扣分的项目不必填写）。")
    if value != value.quantize(Decimal("0.1")):
        raise ValidationError("扣分最多保留一位小数。")


def item_code(value: str) -> str:
    value = value.replace("．", ".").replace(" ", "")
    if not SECOND_LEVEL.fullmatch(value):
        raise ValidationError("评查项目编号写作 2.3（评分表的二级项目）。")
    return value


# --- what the rows refer to ------------------------------------------------------------------


def _keyed_units(units) -> dict:
    """Code, short name and name → unit."""
    found = {}
    for unit in units:
        for key in (unit.code, unit.short_name, unit.name):
            if key:
                found.setdefault(key, unit)
    return found


def _units(context) -> dict:
    """The units the importer may register officers in (departments, townships, the bureau)."""
    from fazhi.org.models import Unit

    return _keyed_units(in_ledger_scope(Unit.objects.filter(kind__in=ENFORCING), context, ""))


def _unit_names(context) -> list[str]:
    from fazhi.org.models import Unit

    units = in_ledger_scope(
        Unit.objects.filter(kind__in=ENFORCING, is_active=True), context, ""
    ).order_by("path")
    return list(units.values_list("name", flat=True))


def _organs(context) -> dict:
    """Code, short name and name of the unit → organ, for the organs in the importer's scope."""
    found = {}
    for organ in in_ledger_scope(Organ.objects.select_related("unit"), context, "unit"):
        for key in (organ.unit.code, organ.unit.short_name, organ.unit.name):
            if key:
                found.setdefault(key, organ)
    return found


def _organ_names(context) -> list[str]:
    organs = in_ledger_scope(Organ.objects.filter(unit__is_active=True), context, "unit")
    return list(organs.order_by("unit__path").values_list("unit__name", flat=True))


def _visible(model, context):
    """Records of the bureau (exams, renewals, campaigns) the importer may see: their data
    scope only (they are organised by the bureau, not under the import's unit)."""
    viewer = context.get("viewer")
    return model.objects.all() if viewer is None else model.objects.visible_to(viewer)


def _by_title(records) -> dict[str, list]:
    found = defaultdict(list)
    for record in records:
        found[record.title].append(record)
    return found


def _titled(ledger, number, row, key, titled: dict, what: str, errors):
    value = row[key]
    if value is None:
        return None
    matches = titled.get(value, [])
    if len(matches) == 1:
        return matches[0]
    if matches:
        message = f"有 {len(matches)} 个名为“{value}”的{what}，请先在系统中修改名称以便区分。"
    else:
        message = f"没有名为“{value}”的{what}，或不在您的数据权限范围内。"
    errors.append(CellError(number, ledger.header(key), message))
    return None


def _year_begun(ledger, number, row, errors):
    if row["year"] and row["year"] > today().year:
        errors.append(CellError(number, ledger.header("year"), "不能填写今年以后的年度。"))


def _full_ids(context) -> bool:
    """May the exporter read full ID numbers? (The command line, with no viewer, may.)"""
    viewer = context.get("viewer")
    return viewer is None or OFFICERS.shows_full_ids(viewer)


def _note_ids_shown(context, officers) -> None:
    """On the audit trail: the viewer was shown these officers' full ID numbers (as the
    officers register notes its list, record page and export)."""
    viewer = context.get("viewer")
    if viewer is not None and officers:
        OFFICERS.note_ids_shown(viewer, officers, ("id_number",), _("Excel export"))


def _id_cell(officer, full: bool) -> str:
    return officer.id_number if full else mask_id_number(officer.id_number)


class OfficersNamed:
    """The officers within the importer's scope the rows name, read in bulk: by ID number, by
    certificate number, by name (told apart by unit). An officer outside the scope is not
    found, and the row's error says no more than that."""

    def __init__(self, rows, context, *, certificates=False):
        scoped = in_ledger_scope(Officer.objects.select_related("unit"), context, "unit")
        ids = sorted(
            {
                row["id_number"]
                for _n, row in rows
                if row.get("id_number") and not isinstance(row["id_number"], MaskedId)
            }
        )
        names = sorted({row["name"] for _n, row in rows if row.get("name")})
        self.by_id = {
            officer.id_number: officer
            for chunk in in_chunks(ids)
            for officer in scoped.filter(id_number__in=chunk)
        }
        self.by_name = defaultdict(list)
        for chunk in in_chunks(names):
            for officer in scoped.filter(name__in=chunk):
                self.by_name[officer.name].append(officer)
        self.by_certificate = {}
        numbers = sorted({row["certificate"] for _n, row in rows if row.get("certificate")})
        if certificates:
            held = in_ledger_scope(
                Certificate.objects.select_related("officer__unit"), context, "officer__unit"
            )
            for chunk in in_chunks(numbers):
                for certificate in held.filter(number__in=chunk):
                    self.by_certificate[certificate.number] = certificate.officer
        self.context = context

    def find(self, ledger, number, row, errors):
        """The officer the row names, or None with the row's errors."""
        outside = outside_ledger_scope(self.context)
        id_number, officer = row.get("id_number"), None
        if id_number and not isinstance(id_number, MaskedId):
            officer = self.by_id.get(id_number)
            if officer is None:
                errors.append(
                    CellError(
                        number,
                        ledger.header("id_number"),
                        f"没有找到该身份证号码的执法人员，或其{outside}。",
                    )
                )
                return None
        elif row.get("certificate"):
            officer = self.by_certificate.get(row["certificate"])
            if officer is None:
                errors.append(
                    CellError(
                        number,
                        ledger.header("certificate"),
                        f"没有找到持有该证件的执法人员，或其{outside}。",
                    )
                )
                return None
        elif row.get("name"):
            if not row.get("unit"):
                errors.append(
                    CellError(
                        number,
                        ledger.header("unit"),
                        "未填写身份证号码的，须填写所在单位（按姓名和所在单位查找人员）。",
                    )
                )
                return None
            unit = row["unit"]
            found = [
                o
                for o in self.by_name.get(row["name"], [])
                if unit in (o.unit.name, o.unit.short_name, o.unit.code)
            ]
            if len(found) != 1:
                message = (
                    f"{unit}有 {len(found)} 名名为“{row['name']}”的执法人员，请填写身份证号码。"
                    if found
                    else f"没有找到{unit}名为“{row['name']}”的执法人员，或其{outside}。"
                )
                errors.append(CellError(number, ledger.header("name"), message))
                return None
            officer = found[0]
        else:
            return None  # the name is required: its own error says so
        if isinstance(id_number, MaskedId) and mask_id_number(officer.id_number) != id_number:
            errors.append(
                CellError(number, ledger.header("id_number"), "与该人员登记的身份证号码不符。")
            )
            return None
        unit = row.get("unit")
        if unit and unit not in (officer.unit.name, officer.unit.short_name, officer.unit.code):
            errors.append(
                CellError(
                    number,
                    ledger.header("unit"),
                    f"该人员登记在{officer.unit.name}，与本行不符。",
                )
            )
            return None
        if row.get("name") and row["name"] != officer.name:
            errors.append(
                CellError(
                    number,
                    ledger.header("name"),
                    f"与该人员登记的姓名（{officer.name}）不符。",
                )
            )
            return None
        return officer


def _failed_latest_exam(officer_ids) -> set[int]:
    """The officers whose latest exam was failed (services.failed_last_exam, in bulk)."""
    latest = {}
    for chunk in in_chunks(sorted(officer_ids)):
        for officer_id, passed in (
            ExamCandidate.objects.filter(officer_id__in=chunk)
            .order_by("officer_id", "-sitting__held_on", "-pk")
            .values_list("officer_id", "passed")
        ):
            latest.setdefault(officer_id, passed)
    return {officer_id for officer_id, passed in latest.items() if not passed}


def _progress(context):
    return context.get("progress") or (lambda phase, done, total: None)


# --- 1. officers and their certificates ------------------------------------------------------

CERTIFICATE_CELLS = ("kind", "issued_by", "issued_on", "expires_on", "renewal")


@register
class OfficerLedger(Ledger):
    key = "enforcement.officers"
    title = "行政执法人员及证件台账"
    permission = "enforcement.add_officer"
    columns = [
        Column("name", "姓名", required=True, max_length=50),
        Column(
            "id_number",
            "身份证号码",
            required=True,
            max_length=18,
            convert=full_id_number,
            help="18位，末位可为X；人员按身份证号码查找",
        ),
        Column(
            "unit",
            "所在单位",
            required=True,
            max_length=100,
            named=True,
            help="从下拉列表选择（也可填写单位编码）",
        ),
        Column("post", "职务", max_length=60),
        Column(
            "staff_status",
            "人员类别",
            "choice",
            required=True,
            choices=_choices(STAFF_LABELS, Officer.StaffStatus),
            aliases=STAFF_ALIASES,
        ),
        Column("legal_qualification", "法律职业资格", "choice", choices=YES_NO, help="空白为否"),
        Column("entrusted_organisation", "受委托组织", max_length=100, help="受委托执法的填写"),
        Column(
            "kind",
            "证件类型",
            "choice",
            choices=_choices(CERTIFICATE_KIND_LABELS, Certificate.Kind),
            aliases=KIND_ALIASES,
        ),
        Column("number", "证件号码", max_length=40, help="全区唯一；只登记人员的留空"),
        Column("issued_by", "发证机关", max_length=100),
        Column("issued_on", "发证日期", "date"),
        Column("expires_on", "有效期至", "date"),
        Column(
            "status",
            "证件状态",
            "choice",
            choices=_choices(CERTIFICATE_STATUS_LABELS, Certificate.Status),
            help="空白为有效",
        ),
        Column(
            "renewal",
            "换领批次",
            max_length=200,
            named=True,
            help="从下拉列表选择已登记的换领；不是换领的留空",
        ),
        Column("status_since", "状态生效日期", "date", help="暂扣、注销的填写生效之日"),
    ]
    instructions = [
        "每行一本行政执法证件；同一人员持有几本证件的，每本一行，各行的人员信息相同。",
        "人员按身份证号码查找：已登记在您数据权限范围内的，沿用已登记的人员（姓名和所在单位须与"
        "登记的一致；职务、人员类别等不在导入时修改，请在人员页面修改）；未登记的，按本行新建人员。",
        "身份证号码已登记在您数据权限范围以外的，该行不能导入；人员调动请与区司法局行政执法协调"
        "监督科联系。",
        "所在单位须是导入时选择的单位之下、您数据权限范围内的部门、乡镇（街道）或司法局。",
        "证件号码全区唯一，已登记的证件不再导入；暂无证件、只登记人员的，证件各列留空。",
        "填写证件号码的，证件类型、发证机关、发证日期、有效期至都须填写；发证日期不能是今天以后，"
        "有效期须晚于发证日期。最近一次法律知识考试不合格的人员，考试合格前不能登记新证件。",
        "成批换领（换证）时，换领批次选择系统中已登记的换领，几百本证件可以一次导入。",
        "无权查看完整身份证号码的人员导出的台账中，身份证号码隐去了中间数字，不能用来导入。",
    ]

    def name_lists(self, context):
        renewals = _visible(RenewalBatch, context).order_by("-renewed_on", "-pk")
        return {
            "unit": _unit_names(context),
            "renewal": list(renewals.values_list("title", flat=True)),
        }

    def check_rows(self, rows, context):
        errors = []
        units = _units(context)
        ids = sorted({row["id_number"] for _n, row in rows if row["id_number"]})
        scoped = in_ledger_scope(Officer.objects.select_related("unit"), context, "unit")
        ours = {
            officer.id_number: officer
            for chunk in in_chunks(ids)
            for officer in scoped.filter(id_number__in=chunk)
        }
        registered = {
            value
            for chunk in in_chunks(ids)
            for value in Officer.objects.filter(id_number__in=chunk).values_list(
                "id_number", flat=True
            )
        }
        numbers = sorted({row["number"] for _n, row in rows if row["number"]})
        taken = {
            value
            for chunk in in_chunks(numbers)
            for value in Certificate.objects.filter(number__in=chunk).values_list(
                "number", flat=True
            )
        }
        failed = _failed_latest_exam({officer.pk for officer in ours.values()})
        renewals = _by_title(_visible(RenewalBatch, context))
        new_people = {}  # ID number → (first row, name, unit) of an officer the file adds
        seen_numbers = {}
        for number, row in rows:
            unit = unit_cell(self, number, row, "unit", units, context, errors)
            id_number, officer = row["id_number"], None
            if id_number in ours:
                officer = ours[id_number]
                if row["name"] and row["name"] != officer.name:
                    errors.append(
                        CellError(
                            number,
                            self.header("name"),
                            f"该身份证号码登记的执法人员姓名为“{officer.name}”，与本行不符。",
                        )
                    )
                if unit and unit != officer.unit:
                    errors.append(
                        CellError(
                            number,
                            self.header("unit"),
                            f"该人员登记在{officer.unit.name}，与本行不符；调动单位请在人员页面修改。",
                        )
                    )
            elif id_number in registered:  # said without saying whose, or where
                errors.append(
                    CellError(
                        number,
                        self.header("id_number"),
                        f"该身份证号码不能在此登记（{outside_ledger_scope(context)}）；"
                        "人员调动等情况请与区司法局行政执法协调监督科联系。",
                    )
                )
            elif id_number:
                first = new_people.setdefault(id_number, (number, row["name"], unit))
                if first[0] != number and (first[1], first[2]) != (row["name"], unit):
                    errors.append(
                        CellError(
                            number,
                            self.header("id_number"),
                            f"与第 {first[0]} 行的身份证号码相同，姓名或所在单位却不同。",
                        )
                    )
            row["_officer"], row["_unit"], row["_renewal"] = officer, unit, None
            if not row["number"]:
                for key in CERTIFICATE_CELLS:
                    if row[key] is not None:
                        errors.append(
                            CellError(
                                number,
                                self.header(key),
                                "未填写证件号码的行只登记人员，证件各列留空。",
                            )
                        )
                continue
            for key in ("kind", "issued_by", "issued_on", "expires_on"):
                if row[key] is None:
                    errors.append(
                        CellError(number, self.header(key), "填写了证件号码的，这一列必填。")
                    )
            if row["number"] in taken:
                errors.append(CellError(number, self.header("number"), "该编号的证件已经登记。"))
            elif row["number"] in seen_numbers:
                errors.append(
                    CellError(
                        number,
                        self.header("number"),
                        f"与第 {seen_numbers[row['number']]} 行的证件号码重复。",
                    )
                )
            seen_numbers.setdefault(row["number"], number)
            future_dates(self, number, row, ["issued_on", "status_since"], errors)
            stopped = row["status"] in (Certificate.Status.SUSPENDED, Certificate.Status.CANCELLED)
            if stopped and not row["status_since"]:
                errors.append(
                    CellError(
                        number, self.header("status_since"), "暂扣、注销的证件须填写生效日期。"
                    )
                )
            elif (
                stopped
                and row["issued_on"]
                and row["status_since"]
                and row["status_since"] < row["issued_on"]
            ):
                errors.append(
                    CellError(number, self.header("status_since"), "生效日期不能早于发证日期。")
                )
            if row["issued_on"] and row["expires_on"] and row["expires_on"] <= row["issued_on"]:
                errors.append(
                    CellError(number, self.header("expires_on"), "有效期须晚于发证日期。")
                )
            if officer is not None and officer.pk in failed:
                errors.append(
                    CellError(
                        number,
                        self.header("number"),
                        "该人员最近一次法律知识考试不合格，考试合格前不能申领或换领证件。",
                    )
                )
            row["_renewal"] = _titled(self, number, row, "renewal", renewals, "换领", errors)
        return errors

    def save_rows(self, rows, context):
        viewer = context.get("viewer")
        progress = _progress(context)
        added = {}  # officers this file registers, by ID number
        for done, row in enumerate(rows, start=1):
            officer = row["_officer"] or added.get(row["id_number"])
            if officer is None:
                officer = added[row["id_number"]] = services.officer_save(
                    user=viewer,
                    unit=row["_unit"],
                    name=row["name"],
                    id_number=row["id_number"],
                    post=row["post"] or "",
                    staff_status=row["staff_status"],
                    legal_qualification=bool(row["legal_qualification"]),
                    entrusted_organisation=row["entrusted_organisation"] or "",
                )
            if row["number"]:
                services.certificate_save(
                    user=viewer,
                    officer=officer,
                    kind=row["kind"],
                    number=row["number"],
                    issued_by=row["issued_by"],
                    issued_on=row["issued_on"],
                    expires_on=row["expires_on"],
                    status=row["status"] or Certificate.Status.VALID,
                    status_since=row["status_since"],
                    renewal=row["_renewal"],
                )
            progress("save", done, len(rows))
        return len(rows)

    def export_rows(self, context):
        full = _full_ids(context)
        queryset = context.get("queryset")
        if queryset is None:  # else the officers list's, filtered and in its order
            queryset = in_ledger_scope(Officer.objects.all(), context, "unit").order_by(
                "unit__path", "name", "pk"
            )
        certificates = Prefetch(
            "certificates",
            queryset=Certificate.objects.select_related("renewal").order_by("issued_on", "pk"),
        )
        records = (
            queryset.select_related("unit")
            .prefetch_related(certificates)
            .iterator(chunk_size=BATCH)
        )
        while chunk := list(islice(records, BATCH)):
            if full:
                _note_ids_shown(context, chunk)
            for officer in chunk:
                person = [
                    officer.name,
                    _id_cell(officer, full),
                    officer.unit.name,
                    officer.post,
                    STAFF_LABELS.get(officer.staff_status, officer.staff_status),
                    "是" if officer.legal_qualification else "否",
                    officer.entrusted_organisation,
                ]
                held = list(officer.certificates.all())
                if not held:
                    yield person + [None] * 8
                for c in held:
                    yield person + [
                        CERTIFICATE_KIND_LABELS.get(c.kind, c.kind),
                        c.number,
                        c.issued_by,
                        c.issued_on,
                        c.expires_on,
                        CERTIFICATE_STATUS_LABELS.get(c.status, c.status),
                        c.renewal.title if c.renewal else None,
                        c.status_since,
                    ]


# --- 2. law-exam results -----------------------------------------------------------------------


@register
class ExamResultLedger(Ledger):
    key = "enforcement.exam_results"
    title = "法律知识考试成绩"
    permission = "enforcement.change_examsitting"
    columns = [
        Column(
            "sitting",
            "考试",
            required=True,
            max_length=200,
            named=True,
            help="从下拉列表选择已登记的考试",
        ),
        Column(
            "id_number",
            "身份证号码",
            max_length=18,
            convert=id_number_or_mask,
            help="不填时按姓名和所在单位查找人员",
        ),
        Column("name", "姓名", required=True, max_length=50),
        Column("unit", "所在单位", max_length=100, named=True, help="未填身份证号码的必填"),
        Column("score", "成绩", "int", required=True, validators=[validate_score], help="0至100"),
        Column("passed", "是否合格", max_length=10, help=EXPORTED),
    ]
    instructions = [
        "每行一名执法人员在一次考试中的成绩；考试须已在系统中登记（考试名称、日期和合格分数线）。",
        "人员按身份证号码查找；不填身份证号码的，按姓名和所在单位查找（同一单位有同名人员的，须"
        "填写身份证号码）。人员须已登记，并在您的数据权限范围内。",
        "成绩达到该次考试的合格分数线为合格；“是否合格”由系统计算，导入时不读取。",
        "同一人员在同一次考试只有一个成绩，已登记的不能重复导入。最近一次考试不合格的人员，"
        "考试合格前不能登记新证件。",
        "导出的台账中隐去中间数字的身份证号码可以原样导入：人员按姓名和所在单位查找，并核对号码的"
        "首尾。",
    ]

    def name_lists(self, context):
        sittings = _visible(ExamSitting, context).order_by("-held_on", "-pk")
        return {
            "sitting": list(sittings.values_list("title", flat=True)),
            "unit": _unit_names(context),
        }

    def check_rows(self, rows, context):
        errors = []
        sittings = _by_title(_visible(ExamSitting, context))
        officers = OfficersNamed(rows, context)
        for number, row in rows:
            row["_sitting"] = _titled(self, number, row, "sitting", sittings, "考试", errors)
            row["_officer"] = officers.find(self, number, row, errors)
        found = [row for _n, row in rows if row["_sitting"] and row["_officer"]]
        officer_ids = sorted({row["_officer"].pk for row in found})
        sitting_ids = {row["_sitting"].pk for row in found}
        recorded = {
            pair
            for chunk in in_chunks(officer_ids)
            for pair in ExamCandidate.objects.filter(
                officer_id__in=chunk, sitting_id__in=sitting_ids
            ).values_list("sitting_id", "officer_id")
        }
        seen = {}
        for number, row in rows:
            if not (row["_sitting"] and row["_officer"]):
                continue
            pair = (row["_sitting"].pk, row["_officer"].pk)
            if pair in recorded:
                errors.append(
                    CellError(number, self.header("name"), "该人员在这次考试的成绩已经登记。")
                )
            elif pair in seen:
                errors.append(
                    CellError(
                        number,
                        self.header("name"),
                        f"与第 {seen[pair]} 行是同一人员在同一次考试的成绩。",
                    )
                )
            seen.setdefault(pair, number)
        return errors

    def save_rows(self, rows, context):
        viewer = context.get("viewer")
        progress = _progress(context)
        for done, row in enumerate(rows, start=1):
            services.exam_result_record(
                sitting=row["_sitting"], officer=row["_officer"], score=row["score"], user=viewer
            )
            progress("save", done, len(rows))
        return len(rows)

    def export_rows(self, context):
        full = _full_ids(context)
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(ExamCandidate.objects.all(), context, "officer__unit")
            queryset = queryset.order_by(
                "-sitting__held_on", "sitting", "officer__unit__path", "pk"
            )
        records = queryset.select_related("sitting", "officer__unit").iterator(chunk_size=BATCH)
        while chunk := list(islice(records, BATCH)):
            if full:
                _note_ids_shown(context, list({c.officer_id: c.officer for c in chunk}.values()))
            for candidate in chunk:
                officer = candidate.officer
                yield [
                    candidate.sitting.title,
                    _id_cell(officer, full),
                    officer.name,
                    officer.unit.name,
                    candidate.score,
                    "是" if candidate.passed else "否",
                ]


# --- 3. case-file scores -----------------------------------------------------------------------

DEDUCTION_CELLS = ("item", "points", "reason")


@register
class CaseFileScoreLedger(Ledger):
    key = "enforcement.case_file_scores"
    title = "案卷评查得分"
    permission = "enforcement.score_casefile"
    columns = [
        Column(
            "campaign",
            "评查活动",
            required=True,
            max_length=200,
            named=True,
            help="从下拉列表选择已登记的评查活动",
        ),
        Column("organ", "执法主体", required=True, max_length=100, named=True),
        Column("case_number", "案卷号", required=True, max_length=60),
        Column("title", "案卷名称", max_length=200, help=EXPORTED),
        Column("kind", "权力类型", max_length=40, help=EXPORTED),
        Column("score", "得分", max_length=20, help=EXPORTED),
        Column("grade", "等次", max_length=20, help=EXPORTED),
        Column(
            "item",
            "评查项目编号",
            max_length=10,
            convert=item_code,
            help="评分表的二级项目编号，如 2.3（编号如 2.10 请以文本格式填写）",
        ),
        Column("points", "扣分", "decimal", validators=[validate_points], help="最多一位小数"),
        Column("reason", "扣分理由", max_length=300),
        Column("scored_on", "评分日期", "date", help="尚未评分的案卷留空"),
    ]
    instructions = [
        "每行是一个案卷在评分表一个二级项目上的扣分；同一案卷的各行一起计分：得分为评分表总分减去"
        "各项扣分，等次按评查活动的等次标准确定。",
        "案卷按评查活动、执法主体和案卷号查找，须已抽取登记，并在您的数据权限范围内；您须是该"
        "评查活动的评查人员。",
        "导入会替换该案卷原有的全部扣分：文件中没有列出的项目视为不扣分。全部项目都不扣分的案卷，"
        "写一行，评查项目编号、扣分和扣分理由留空，填写评分日期。",
        "每项扣分不能超过该项目的分值，须写明扣分理由；同一案卷的同一项目只能有一行。",
        "同一案卷各行的评分日期须相同，不能早于评查活动开始日期，也不能是今天以后。评分日期留空、"
        "又没有扣分的案卷（尚未评分）导入时跳过。",
        "案卷名称、权力类型、得分、等次是导出时的情况，导入时不读取；已报送优秀案卷的案卷，得分"
        "不再修改。",
    ]

    def name_lists(self, context):
        campaigns = _visible(Campaign, context).order_by("-started_on", "-pk")
        return {
            "campaign": list(campaigns.values_list("title", flat=True)),
            "organ": _organ_names(context),
        }

    def check_rows(self, rows, context):
        errors = []
        viewer = context.get("viewer")
        campaigns = _by_title(_visible(Campaign, context))
        organs = _organs(context)
        for number, row in rows:
            row["_campaign"] = _titled(self, number, row, "campaign", campaigns, "评查活动", errors)
            row["_organ"] = unit_cell(
                self, number, row, "organ", organs, context, errors, what="执法主体"
            )
        case_files = self._case_files(rows, context)
        items = defaultdict(dict)  # rubric → code → second-level item
        rubrics = {case_file.rubric_id for case_file in case_files.values()}
        for item in RubricItem.objects.filter(rubric_id__in=rubrics, parent__isnull=False):
            items[item.rubric_id][item.code] = item
        may_score = {}
        groups = defaultdict(list)
        seen_items = {}
        for number, row in rows:
            campaign, organ, case_file, item = row["_campaign"], row["_organ"], None, None
            if campaign is not None and viewer is not None:
                if campaign.pk not in may_score:
                    may_score[campaign.pk] = services.may_score(viewer, campaign)
                if not may_score[campaign.pk]:
                    errors.append(
                        CellError(
                            number,
                            self.header("campaign"),
                            "您不是该评查活动的评查人员，不能导入评分。",
                        )
                    )
            if campaign and organ and row["case_number"]:
                case_file = case_files.get((campaign.pk, organ.pk, row["case_number"]))
                if case_file is None:
                    errors.append(
                        CellError(
                            number,
                            self.header("case_number"),
                            f"“{campaign.title}”中没有{organ.unit.name}的案卷 {row['case_number']}，"
                            f"或其{outside_ledger_scope(context)}。",
                        )
                    )
                elif case_file.submitted_onward:
                    errors.append(
                        CellError(
                            number,
                            self.header("case_number"),
                            "该案卷已报送优秀案卷，得分不再修改。",
                        )
                    )
            if case_file is not None and row["item"]:
                item = items[case_file.rubric_id].get(row["item"])
                if item is None:
                    errors.append(
                        CellError(
                            number,
                            self.header("item"),
                            f"该案卷的评分表（{case_file.rubric.title}）没有二级项目 {row['item']}。",
                        )
                    )
                elif (case_file.pk, item.pk) in seen_items:
                    errors.append(
                        CellError(
                            number,
                            self.header("item"),
                            f"与第 {seen_items[case_file.pk, item.pk]} 行是同一案卷的同一项目。",
                        )
                    )
                else:
                    seen_items[case_file.pk, item.pk] = number
                if item is not None and row["points"] and row["points"] > item.points:
                    errors.append(
                        CellError(
                            number,
                            self.header("points"),
                            f"该项目最多扣 {points_text(item.points)} 分。",
                        )
                    )
            self._check_deduction(number, row, errors)
            if case_file is not None:
                future_dates(self, number, row, ["scored_on"], errors)
                if row["scored_on"] and row["scored_on"] < case_file.campaign.started_on:
                    errors.append(
                        CellError(
                            number,
                            self.header("scored_on"),
                            "评分日期不能早于评查活动开始日期"
                            f"（{case_file.campaign.started_on:%Y-%m-%d}）。",
                        )
                    )
                groups[case_file.pk].append((number, row))
            row["_case_file"], row["_item"], row["_skip"] = case_file, item, False
        for members in groups.values():
            self._check_case_file(members, errors)
        return errors

    def _case_files(self, rows, context) -> dict:
        """(campaign, organ, case number) → case file, for those within the importer's scope."""
        campaigns = {row["_campaign"].pk for _n, row in rows if row["_campaign"]}
        numbers = sorted({row["case_number"] for _n, row in rows if row["case_number"]})
        scoped = in_ledger_scope(
            CaseFile.objects.select_related("campaign", "rubric", "organ__unit"),
            context,
            "organ__unit",
        )
        return {
            (c.campaign_id, c.organ_id, c.case_number): c
            for chunk in in_chunks(numbers)
            for c in scoped.filter(campaign_id__in=campaigns, case_number__in=chunk)
        }

    def _check_deduction(self, number, row, errors):
        if row["item"]:
            for key, message in (
                ("points", "填写了评查项目编号的，须填写扣分。"),
                ("reason", "有扣分的须写明扣分理由。"),
            ):
                if not row[key]:
                    errors.append(CellError(number, self.header(key), message))
        elif row["points"] or row["reason"]:
            errors.append(
                CellError(number, self.header("item"), "填写了扣分的，须填写评查项目编号。")
            )

    def _check_case_file(self, members, errors):
        """One case file's rows: one scoring day for all of them, or none (not scored yet: the
        rows are skipped, and may then hold no deduction)."""
        dated = [(number, row["scored_on"]) for number, row in members if row["scored_on"]]
        if not dated:
            for number, row in members:
                if any(row[key] for key in DEDUCTION_CELLS):
                    errors.append(
                        CellError(number, self.header("scored_on"), "有扣分的行须填写评分日期。")
                    )
                row["_skip"] = True
            return
        first, day = dated[0]
        for number, row in members:
            if row["scored_on"] != day:
                errors.append(
                    CellError(
                        number,
                        self.header("scored_on"),
                        f"同一案卷各行的评分日期须相同（第 {first} 行为 {day:%Y-%m-%d}）。",
                    )
                )

    def save_rows(self, rows, context):
        viewer = context.get("viewer")
        progress = _progress(context)
        scores = {}  # case file pk → (case file, day, {item pk: (points, reason)})
        saved = 0
        for row in rows:
            if row["_skip"]:
                continue
            saved += 1
            case_file = row["_case_file"]
            _file, _day, deductions = scores.setdefault(
                case_file.pk, (case_file, row["scored_on"], {})
            )
            if row["_item"] is not None:
                deductions[row["_item"].pk] = (row["points"], row["reason"])
        versions = dict(CaseFile.objects.filter(pk__in=scores).values_list("pk", "version"))
        for done, (pk, (case_file, day, deductions)) in enumerate(scores.items(), start=1):
            services.case_file_score(
                case_file=case_file,
                version=versions[pk],  # the file replaces the case file's deductions
                scored_on=day,
                deductions=deductions,
                user=viewer,
            )
            progress("save", done, len(scores))
        return saved

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:  # else the case files list's, filtered and in its order
            queryset = in_ledger_scope(CaseFile.objects.all(), context, "organ__unit").order_by(
                "-campaign__started_on", "organ__unit__path", "case_number", "pk"
            )
        deductions = Prefetch(
            "deductions",
            queryset=Deduction.objects.select_related("item").order_by("item__position", "pk"),
        )
        for case_file in (
            queryset.select_related("campaign", "organ__unit")
            .prefetch_related(deductions)
            .iterator(chunk_size=BATCH)
        ):
            head = [
                case_file.campaign.title,
                case_file.organ.unit.name,
                case_file.case_number,
                case_file.title,
                POWER_LABELS.get(case_file.kind, case_file.kind),
                case_file.score,
                case_file.grade,
            ]
            taken = list(case_file.deductions.all())
            if not taken:
                yield head + [None, None, None, case_file.scored_on]
            for deduction in taken:
                yield head + [
                    deduction.item.code,
                    deduction.points,
                    deduction.reason,
                    case_file.scored_on,
                ]


# --- 4. yearly statistics ----------------------------------------------------------------------

FIGURES = (
    "penalty_cases",
    "penalty_amount",
    "compulsion_cases",
    "inspections",
    "licensing_cases",
    "other_cases",
)


@register
class StatisticsLedger(Ledger):
    key = "enforcement.statistics"
    title = "行政执法统计"
    permission = "enforcement.add_enforcementreturn"
    columns = [
        Column(
            "organ",
            "执法主体",
            required=True,
            max_length=100,
            named=True,
            help="从下拉列表选择（也可填写单位编码）",
        ),
        Column("year", "年度", "int", required=True, validators=[validate_year]),
        Column(
            "penalty_cases", "行政处罚案件", "int", validators=[validate_count], help="件；空白为0"
        ),
        Column(
            "penalty_amount",
            "罚没金额（元）",
            "decimal",
            validators=[validate_amount],
            help="元，最多两位小数；空白为0",
        ),
        Column(
            "compulsion_cases",
            "行政强制措施",
            "int",
            validators=[validate_count],
            help="件；空白为0",
        ),
        Column("inspections", "行政检查", "int", validators=[validate_count], help="次；空白为0"),
        Column(
            "licensing_cases", "行政许可", "int", validators=[validate_count], help="件；空白为0"
        ),
        Column(
            "other_cases", "其他执法行为", "int", validators=[validate_count], help="件；空白为0"
        ),
    ]
    instructions = [
        "每行是一个执法主体一个年度的执法统计；执法主体须在导入时选择的单位之下、您的数据权限范围内"
        "（部门联络员导入本单位的统计）。",
        "已登记同一执法主体同一年度统计的，导入时以本表的数字替换（须有修改统计数据的权限）；"
        "同一执法主体同一年度在本表中只能有一行。",
        "年度不能是今年以后；各项数字不能为负数，空白按0计。",
    ]

    def name_lists(self, context):
        return {"organ": _organ_names(context)}

    def check_rows(self, rows, context):
        errors = []
        viewer = context.get("viewer")
        may_change = viewer is None or viewer.has_perm("enforcement.change_enforcementreturn")
        organs = _organs(context)
        for number, row in rows:
            row["_organ"] = unit_cell(
                self, number, row, "organ", organs, context, errors, what="执法主体"
            )
        found = sorted({row["_organ"].pk for _n, row in rows if row["_organ"]})
        years = {row["year"] for _n, row in rows if row["year"]}
        stored = {
            (r.organ_id, r.year): r
            for chunk in in_chunks(found)
            for r in EnforcementReturn.objects.filter(organ_id__in=chunk, year__in=years)
        }
        seen = {}
        for number, row in rows:
            _year_begun(self, number, row, errors)
            row["_stored"] = None
            if not (row["_organ"] and row["year"]):
                continue
            key = (row["_organ"].pk, row["year"])
            if key in seen:
                errors.append(
                    CellError(
                        number,
                        self.header("year"),
                        f"与第 {seen[key]} 行是同一执法主体同一年度的统计。",
                    )
                )
            seen.setdefault(key, number)
            row["_stored"] = stored.get(key)
            if row["_stored"] is not None and not may_change:
                errors.append(
                    CellError(
                        number,
                        self.header("year"),
                        "该执法主体这一年度的统计已经登记，您没有修改的权限。",
                    )
                )
        return errors

    def save_rows(self, rows, context):
        viewer = context.get("viewer")
        progress = _progress(context)
        for done, row in enumerate(rows, start=1):
            stored = row["_stored"]
            services.return_save(
                user=viewer,
                instance=stored,
                version=stored.version if stored else None,
                organ=row["_organ"],
                year=row["year"],
                **{key: row[key] or 0 for key in FIGURES},
            )
            progress("save", done, len(rows))
        return len(rows)

    def export_rows(self, context):
        queryset = context.get("queryset")
        if queryset is None:  # else the statistics list's, filtered and in its order
            queryset = in_ledger_scope(
                EnforcementReturn.objects.all(), context, "organ__unit"
            ).order_by("-year", "organ__unit__path")
        for r in queryset.select_related("organ__unit").iterator(chunk_size=BATCH):
            yield [r.organ.unit.name, r.year, *(getattr(r, key) for key in FIGURES)]


# --- 5. caseloads -----------------------------------------------------------------------------


@register
class CaseloadLedger(Ledger):
    key = "enforcement.caseloads"
    title = "执法人员办案量"
    permission = "enforcement.change_officer"
    columns = [
        Column(
            "id_number",
            "身份证号码",
            max_length=18,
            convert=id_number_or_mask,
            help="人员按身份证号码查找；不填时按证件号码，或按姓名和所在单位",
        ),
        Column("certificate", "证件号码", max_length=40),
        Column("name", "姓名", required=True, max_length=50),
        Column("unit", "所在单位", max_length=100, named=True),
        Column("year", "年度", "int", required=True, validators=[validate_year]),
        Column(
            "cases",
            "办案数量",
            "int",
            required=True,
            validators=[validate_count],
            help="件；全年未办案的填0（零执法）",
        ),
    ]
    instructions = [
        "每行是一名执法人员一个年度的办案数量；全年没有办理案件的填0，统计时计为零执法人员。",
        "人员按身份证号码查找；不填身份证号码的，按证件号码查找，都不填的按姓名和所在单位查找。"
        "人员须已登记，并在您的数据权限范围内；姓名须与登记的一致。",
        "已登记同一人员同一年度办案数量的，导入时以本表的数字替换；同一人员同一年度在本表中只能有一行。",
        "年度不能是今年以后。导出的台账中隐去中间数字的身份证号码可以原样导入（按证件号码或姓名、"
        "所在单位查找人员，并核对号码的首尾）。",
    ]

    def name_lists(self, context):
        return {"unit": _unit_names(context)}

    def check_rows(self, rows, context):
        errors = []
        officers = OfficersNamed(rows, context, certificates=True)
        seen = {}
        for number, row in rows:
            officer = row["_officer"] = officers.find(self, number, row, errors)
            _year_begun(self, number, row, errors)
            if officer is None or not row["year"]:
                continue
            key = (officer.pk, row["year"])
            if key in seen:
                errors.append(
                    CellError(
                        number,
                        self.header("year"),
                        f"与第 {seen[key]} 行是同一人员同一年度的办案数量。",
                    )
                )
            seen.setdefault(key, number)
        return errors

    def save_rows(self, rows, context):
        viewer = context.get("viewer")
        progress = _progress(context)
        for done, row in enumerate(rows, start=1):
            services.caseload_record(
                officer=row["_officer"], year=row["year"], cases=row["cases"], user=viewer
            )
            progress("save", done, len(rows))
        return len(rows)

    def export_rows(self, context):
        full = _full_ids(context)
        queryset = context.get("queryset")
        if queryset is None:
            queryset = in_ledger_scope(Caseload.objects.all(), context, "officer__unit").order_by(
                "-year", "officer__unit__path", "officer__name", "pk"
            )
        newest = Prefetch(
            "officer__certificates", queryset=Certificate.objects.order_by("-issued_on", "-pk")
        )
        records = (
            queryset.select_related("officer__unit")
            .prefetch_related(newest)
            .iterator(chunk_size=BATCH)
        )
        while chunk := list(islice(records, BATCH)):
            if full:
                _note_ids_shown(context, list({c.officer_id: c.officer for c in chunk}.values()))
            for caseload in chunk:
                officer = caseload.officer
                held = list(officer.certificates.all())
                yield [
                    _id_cell(officer, full),
                    held[0].number if held else None,
                    officer.name,
                    officer.unit.name,
                    caseload.year,
                    caseload.cases,
                ]
