"""The enforcement supervisors' Word documents: the evaluation notice (案卷评查通知) to the organs,
an organ's evaluation result (案卷评查结果通报) and the notice telling a complainant how the
supervision complaint was handled (投诉处理告知书). Written in our own words; layout by
fazhi.core.documents (GB/T 9704).

The two notices take their number once, from the issuing unit's numbering rule, and keep it on
the record: printing again gives the same number and the same date."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from fazhi.core.documents import (
    add_heading_line,
    add_paragraph,
    add_signature,
    add_title,
    chinese_date,
    new_document,
    set_font,
)
from fazhi.core.models import NumberingRule
from fazhi.core.numbering import take_document_number
from fazhi.core.validators import strip_control_characters
from fazhi.enforcement import services
from fazhi.enforcement.models import Campaign, Complaint, PowerKind, Problem, points_text
from fazhi.timelimits.selectors import today

EVALUATION_NOTICE_KEY = "enforcement.evaluation_notice"
COMPLAINT_NOTICE_KEY = "enforcement.complaint_notice"
# The demo district's prefixes (游仙区司法局): 游司执评〔2019〕1号, 游司执诉〔2019〕1号.
PREFIXES = {EVALUATION_NOTICE_KEY: "游司执评", COMPLAINT_NOTICE_KEY: "游司执诉"}

# The words a document uses for the closed lists (not the pages' labels, which are English
# msgids translated elsewhere).
KIND_WORDS = {
    PowerKind.PENALTY: "行政处罚",
    PowerKind.COMPULSION: "行政强制",
    PowerKind.INSPECTION: "行政检查",
    PowerKind.LICENSING: "行政许可",
    PowerKind.OTHER: "其他行政执法",
}
PROBLEM_STATUS_WORDS = {
    Problem.Status.OPEN: "待整改",
    Problem.Status.REPORTED: "已报送整改情况，待验收",
    Problem.Status.ACCEPTED: "整改已验收",
}
OUTCOME_WORDS = {
    Complaint.Outcome.NOT_ACCEPTED: "不予受理",
    Complaint.Outcome.TRANSFERRED: "移送有管辖权的机关处理",
    Complaint.Outcome.CORRECTION_URGED: "督促被投诉单位依法纠正",
    Complaint.Outcome.UPHELD: "经调查，被投诉单位的执法行为未发现违法或不当",
    Complaint.Outcome.OTHER: "其他方式处理",
}
CHINESE_NUMERALS = "一二三四五六七八九十"


def seed_numbering(bureau) -> None:
    """The bureau's numbering rules of the two notices (the demo calls it; a rule kept by the
    administrators is left as it is)."""
    for key, prefix in PREFIXES.items():
        NumberingRule.objects.get_or_create(unit=bureau, key=key, defaults={"prefix": prefix})


def safe_filename(text: str) -> str:
    return text.replace("/", "-").replace("\\", "-")


# --- numbering once -------------------------------------------------------------------------


def _number_once(record, *, unit, key: str) -> tuple[str, date]:
    """The notice number of `record` (locked by the caller) and its day: taken from `unit`'s
    rule and stored on the first print, read back on a reprint."""
    if record.notice_number:
        return record.notice_number, record.notice_issued_on or today()
    issued = today()
    record.notice_number = str(take_document_number(unit=unit, key=key, year=issued.year))
    record.notice_issued_on = issued
    # audited: the history shows the number and its day
    record.save(update_fields=["notice_number", "notice_issued_on", "updated_at"])
    return record.notice_number, issued


# --- the evaluation notice ------------------------------------------------------------------


@transaction.atomic
def campaign_notice(campaign: Campaign) -> tuple[Document, str]:
    """The notice announcing the evaluation to the organs; numbered once (the campaign keeps
    the number, a reprint keeps it and its day)."""
    stored = (
        Campaign.objects.select_for_update(of=("self",)).select_related("unit").get(pk=campaign.pk)
    )
    scale = services.grade_scale(stored.grades)  # checked before a number is taken
    number, issued = _number_once(stored, unit=stored.unit, key=EVALUATION_NOTICE_KEY)
    campaign.notice_number = number
    rubrics = sorted(stored.rubrics.prefetch_related("items"), key=lambda r: (r.kind, r.pk))
    evaluators = stored.evaluators.count()
    period = f"{chinese_date(stored.started_on)}至{chinese_date(stored.ended_on)}"

    doc = new_document()
    add_title(doc, f"关于开展{stored.title}的通知")
    add_paragraph(doc, number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_paragraph(doc, "各行政执法部门，各乡镇人民政府、街道办事处：", indent=False)
    add_paragraph(
        doc,
        "为全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，进一步规范行政执法"
        f"行为，提升行政执法案卷质量，经研究，决定于{period}开展{stored.title}。"
        "现将有关事项通知如下。",
    )
    add_heading_line(doc, "一、评查时间", 1)
    add_paragraph(doc, f"{period}。")
    add_heading_line(doc, "二、评查范围", 1)
    _lines(doc, stored.scope, close=True)
    add_paragraph(
        doc,
        f"评查组从各单位上述范围内已办结的行政执法案卷中随机抽取，每个单位抽取{stored.files_per_organ}"
        "卷。被抽取的案卷以归档后的正式案卷为准，不得事后补充、修改案卷材料。",
    )
    add_heading_line(doc, "三、评查标准", 1)
    add_paragraph(doc, "本次评查按照执法类别分别适用以下评分标准：")
    for n, rubric in enumerate(rubrics, start=1):
        total = rubric.total_points
        full = f"，满分{points_text(total)}分" if total else ""
        add_paragraph(
            doc,
            f"（{_numeral(n)}）{KIND_WORDS.get(rubric.kind, rubric.get_kind_display())}案卷："
            f"《{rubric.title.strip('《》')}》（{rubric.edition}）{full}。",
        )
    add_heading_line(doc, "四、等次评定", 1)
    add_paragraph(
        doc,
        f"评查结果按案卷得分评定为{_numeral(len(scale))}个等次：{_grade_ranges(scale)}。",
    )
    add_heading_line(doc, "五、评查方式", 1)
    team = (
        f"评查组由{evaluators}名评查人员组成，"
        if evaluators
        else "评查组由我局抽调的评查人员组成，"
    )
    add_paragraph(
        doc,
        f"{team}采取集中阅卷、逐卷评分的方式进行。评查人员对照评分标准逐项审查案卷，"
        "扣分的须写明扣分项目和理由，评查结果经集体复核后确定。",
    )
    add_heading_line(doc, "六、工作要求", 1)
    add_paragraph(
        doc,
        "（一）各单位要高度重视，指定专人负责，对照评查范围认真梳理本单位行政执法案卷，"
        "确保案卷材料齐全、排列有序、装订规范，在评查开始前准备就绪，并积极配合评查组调阅案卷、"
        "说明情况。",
    )
    add_paragraph(
        doc,
        "（二）案卷应当载明承办案件的执法人员。执法人员不得少于两人，且应当持有有效的行政执法证件；"
        "不符合要求的，评查中将予以专门指出。",
    )
    add_paragraph(
        doc,
        "（三）评查结束后，我局将向各单位书面通报评查结果。对评查发现的问题，有关单位应当自收到"
        f"评查结果通报之日起{stored.rectify_days}日内完成整改，并将整改情况书面报送我局。",
    )
    add_paragraph(
        doc,
        f"（四）评定为“{scale[0][0]}”等次的案卷，将择优推荐参加上级组织的优秀行政执法案卷评选。",
    )
    add_signature(doc, stored.unit.name, issued)
    return doc, number


def campaign_notice_filename(campaign: Campaign) -> str:
    return safe_filename(f"案卷评查通知-{campaign.title}.docx")


def _grade_ranges(scale) -> str:
    """优秀（90分以上）、合格（60分以上不满90分）、不合格（不满60分）: 以上 includes the score."""
    parts, upper = [], None
    for name, low in scale:
        low_text = points_text(low)
        if upper is None:
            parts.append(f"{name}（{low_text}分以上）")
        elif low == 0:
            parts.append(f"{name}（不满{upper}分）")
        else:
            parts.append(f"{name}（{low_text}分以上不满{upper}分）")
        upper = low_text
    return "、".join(parts)


# --- an organ's result ----------------------------------------------------------------------

# (heading, width in mm) of the result's tables; the text is 210 − 28 − 26 = 156 mm wide.
RESULT_COLUMNS = [
    ("序号", 14),
    ("案号", 38),
    ("案件名称", 48),
    ("类别", 22),
    ("得分", 16),
    ("等次", 18),
]
PROBLEM_COLUMNS = [("序号", 14), ("案号", 34), ("发现的问题", 56), ("整改期限", 30), ("状态", 22)]


def campaign_result(campaign: Campaign, organ, case_files, problems) -> Document:
    """The result of the evaluation for one organ: its case files (those the viewer may see)
    with score, grade and deductions, and the problems found with their deadlines."""
    files = list(case_files)
    problems = list(problems)
    scale = services.grade_scale(campaign.grades)
    scored = [f for f in files if f.score is not None]

    doc = new_document()
    add_title(doc, f"关于{campaign.title}结果的通报")
    add_paragraph(doc, f"{organ.unit.name}：", indent=False)
    notice = f"《关于开展{campaign.title}的通知》"
    if campaign.notice_number:
        notice += f"（{campaign.notice_number}）"
    add_paragraph(
        doc,
        f"根据{notice}安排，评查组于{chinese_date(campaign.started_on)}至"
        f"{chinese_date(campaign.ended_on)}对你单位的{len(files)}卷行政执法案卷进行了评查。"
        "现将评查结果通报如下。",
    )
    add_heading_line(doc, "一、评查结果", 1)
    add_paragraph(doc, _summary(files, scored, scale))
    rows = [
        [
            str(n),
            f.case_number,
            f.title,
            KIND_WORDS.get(f.kind, f.get_kind_display()),
            points_text(f.score) if f.score is not None else "未评分",
            f.grade or "—",
        ]
        for n, f in enumerate(files, start=1)
    ]
    _table(doc, RESULT_COLUMNS, rows)

    add_heading_line(doc, "二、各案卷扣分情况", 1)
    for n, f in enumerate(files, start=1):
        score = f"得分{points_text(f.score)}分，{f.grade}" if f.score is not None else "尚未评分"
        add_heading_line(doc, f"{n}. {f.case_number} {f.title}（{score}）", 3)
        deductions = list(f.deductions.all())
        if f.score is not None and not deductions:
            add_paragraph(doc, "该案卷各评查项目均未扣分。")
        for m, d in enumerate(deductions, start=1):
            add_paragraph(
                doc,
                f"（{m}）{d.item.code} {d.item.title}，扣{points_text(d.points)}分。"
                f"扣分理由：{d.reason.rstrip('。')}。",
            )
        if f.certificate_shortfall:
            add_paragraph(
                doc,
                "该案卷载明的持有效行政执法证件的执法人员不足两名，不符合《中华人民共和国行政处罚法》"
                "第四十二条关于执法人员不得少于两人、应当具有行政执法资格的规定，请作为重点问题整改。",
            )
        if f.submitted_onward:
            on = f"于{chinese_date(f.submitted_on)}" if f.submitted_on else ""
            add_paragraph(doc, f"该案卷已{on}作为优秀行政执法案卷推荐上报。")

    add_heading_line(doc, "三、发现的问题及整改要求", 1)
    if problems:
        add_paragraph(doc, f"评查中发现你单位案卷存在以下{len(problems)}个问题：")
        rows = [
            [
                str(n),
                p.case_file.case_number,
                p.description,
                f"{chinese_date(p.due_on)}前",
                PROBLEM_STATUS_WORDS.get(p.status, p.get_status_display()),
            ]
            for n, p in enumerate(problems, start=1)
        ]
        _table(doc, PROBLEM_COLUMNS, rows)
        add_paragraph(
            doc,
            "请你单位高度重视，认真剖析问题产生的原因，逐项落实整改，在整改期限内将整改情况及"
            "佐证材料书面报送我局。",
        )
    else:
        add_paragraph(doc, "评查中未发现需要单独整改的问题。")
    deducted = any(list(f.deductions.all()) for f in files) or any(
        f.certificate_shortfall for f in files
    )
    if deducted:
        add_paragraph(
            doc,
            f"对本通报指出的扣分事项和问题，请你单位举一反三，自收到本通报之日起{campaign.rectify_days}日内"
            "完成自查整改，完善执法程序和文书制作，切实提升行政执法案卷质量。",
        )
    else:
        add_paragraph(doc, "请你单位继续保持，不断提升行政执法规范化水平。")
    add_signature(doc, campaign.unit.name, today())
    return doc


def campaign_result_filename(organ) -> str:
    return safe_filename(f"案卷评查结果通报（{organ.unit.name}）.docx")


def _summary(files, scored, scale) -> str:
    if not scored:
        return f"本次共评查你单位案卷{len(files)}卷，评分尚未完成。"
    counts = {name: 0 for name, _low in scale}
    for f in scored:
        counts[f.grade] = counts.get(f.grade, 0) + 1
    graded = "、".join(f"{name}{n}卷" for name, n in counts.items() if n)
    average = sum(f.score for f in scored) / len(scored)
    text = f"本次共评查你单位案卷{len(files)}卷，其中{graded}，平均得分{_one_place(average)}分。"
    if len(scored) < len(files):
        text += f"另有{len(files) - len(scored)}卷尚未评分。"
    return text


def _one_place(value) -> str:
    return points_text(value.quantize(Decimal("0.1")).normalize())


# --- the notice to a complainant ------------------------------------------------------------


@transaction.atomic
def complaint_notice(complaint: Complaint) -> tuple[Document, str]:
    """What was done about a concluded complaint, told to the complainant; numbered once. The
    complainant's contact is not printed (the notice is posted or handed over)."""
    stored = (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("unit", "organ__unit")
        .get(pk=complaint.pk)
    )
    if stored.status != Complaint.Status.CONCLUDED:
        raise ValidationError("投诉尚未办结，不能制作处理告知书。", code="not_concluded")
    number, issued = _number_once(stored, unit=stored.unit, key=COMPLAINT_NOTICE_KEY)
    complaint.notice_number = number
    outcome = OUTCOME_WORDS.get(stored.outcome) or stored.get_outcome_display()

    doc = new_document()
    add_title(doc, "行政执法监督投诉处理告知书")
    add_paragraph(doc, number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_paragraph(doc, f"{stored.complainant}：", indent=False)
    against = f"反映{stored.organ.unit.name}" if stored.organ else "反映"
    received = (
        f"你（单位）于{chinese_date(stored.received_on)}向我局{against}“{stored.subject}”一事"
    )
    if stored.outcome == Complaint.Outcome.NOT_ACCEPTED:
        add_paragraph(
            doc,
            f"{received}，我局已收悉。经审查，该事项不符合行政执法监督投诉的受理条件，"
            "我局决定不予受理。理由如下：",
        )
        _lines(doc, stored.outcome_text)
    else:
        accepted = f"于{chinese_date(stored.accepted_on)}" if stored.accepted_on else ""
        add_paragraph(
            doc,
            f"{received}，我局已{accepted}依法受理。经调查核实，现将处理结果告知如下。",
        )
        add_paragraph(doc, f"处理结果：{outcome}。")
        _lines(doc, stored.outcome_text)
    add_paragraph(
        doc,
        "如对上述处理结果有异议，你（单位）可以依照有关法律、法规的规定，通过其他合法途径"
        "表达诉求。",
    )
    add_paragraph(doc, "特此告知。")
    add_signature(doc, stored.unit.name, issued)
    return doc, number


def complaint_notice_filename(number: str) -> str:
    return safe_filename(f"投诉处理告知书-{number}.docx")


# --- helpers ---------------------------------------------------------------------------------


def _numeral(n: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一 (enough for headings and counts of grades)."""
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_NUMERALS[tens - 1]
    return f"{head}十{CHINESE_NUMERALS[units - 1] if units else ''}"


def _lines(doc: Document, text: str, *, close: bool = False) -> None:
    """Text written over several lines, one paragraph a line; `close` ends the last with 。
    when it has no closing mark."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if close and lines and lines[-1][-1] not in "。；：！？.;:!?":
        lines[-1] += "。"
    for line in lines:
        add_paragraph(doc, line)


def _table(doc: Document, columns, rows) -> None:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.autofit = False
    for column, (_heading, width) in zip(table.columns, columns, strict=True):
        column.width = Mm(width)  # the grid LibreOffice reads; cells carry it for Word
    for cell, (heading, width) in zip(table.rows[0].cells, columns, strict=True):
        cell.width = Mm(width)
        _cell(cell, heading, bold=True, center=True)
    for values in rows:
        for cell, text, (_heading, width) in zip(
            table.add_row().cells, values, columns, strict=True
        ):
            cell.width = Mm(width)
            _cell(cell, text)
    doc.add_paragraph()  # the text goes on below the table


def _cell(cell, text: str, *, bold: bool = False, center: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(strip_control_characters(text or ""))
    run.bold = bold or None
    run.font.size = Pt(12)  # 小四: a table inside a document
    set_font(run, "仿宋_GB2312")
    paragraph.paragraph_format.line_spacing = Pt(18)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
