"""The office's Word documents: the inspection notice (督察通知) to the units inspected, the
rectification notice (整改通知书) to one unit for what the inspection found there, and the task
ledger (工作台账) of a year's work points as the office prints it. Written in our own words;
layout by fazhi.core.documents (GB/T 9704)."""

from django.db import transaction
from docx.document import Document
from docx.enum.section import WD_ORIENT
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
from fazhi.core.numbering import take_document_number
from fazhi.governance.models import Finding, Inspection, WorkPlan
from fazhi.timelimits.selectors import today

RECTIFICATION_NOTICE_KEY = "governance.rectification_notice"


def safe_filename(text: str) -> str:
    return text.replace("/", "-").replace("\\", "-")


def inspection_notice(inspection: Inspection) -> Document:
    doc = new_document()
    add_title(doc, f"关于开展{inspection.title}的通知")
    if inspection.document_number:
        add_paragraph(
            doc, inspection.document_number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER
        )
    units = list(inspection.inspected_units.order_by("path"))
    add_paragraph(doc, "各有关单位：", indent=False)
    add_paragraph(
        doc,
        f"为推动法治建设各项任务落到实处，经研究，决定于{chinese_date(inspection.started_on)}至"
        f"{chinese_date(inspection.ended_on)}开展{inspection.get_kind_display()}。现将有关事项通知如下。",
    )
    add_heading_line(doc, "一、督察对象", 1)
    add_paragraph(doc, "、".join(u.name for u in units) + f"，共{len(units)}个单位。")
    add_heading_line(doc, "二、督察内容", 1)
    for text in (
        "（一）党政主要负责人履行推进法治建设第一责任人职责情况；",
        "（二）年度法治建设工作要点和工作台账任务落实情况；",
        "（三）依法行政、严格规范公正文明执法和普法依法治理工作情况；",
        "（四）以往督察发现问题的整改情况。",
    ):
        add_paragraph(doc, text)
    add_heading_line(doc, "三、工作要求", 1)
    add_paragraph(
        doc,
        "各单位要对照督察内容认真开展自查，如实准备相关资料，积极配合督察组工作。"
        "督察发现的问题将书面反馈被督察单位，被督察单位须在规定期限内整改并报送整改情况。",
    )
    add_signature(doc, inspection.unit.name, inspection.started_on)
    return doc


def inspection_notice_filename(inspection: Inspection) -> str:
    return safe_filename(f"督察通知-{inspection.title}.docx")


@transaction.atomic
def rectification_notice(finding: Finding, *, user=None) -> tuple[Document, str]:
    """The notice to the finding's unit listing every problem the inspection found there, with
    the deadlines; its number is taken once (from the organising unit's numbering rule) and kept
    on those findings."""
    findings = list(
        Finding.objects.select_for_update()
        .filter(inspection=finding.inspection, unit=finding.unit)
        .exclude(status=Finding.Status.ACCEPTED)  # what is closed is not asked for again
        .order_by("found_on", "pk")
    ) or [finding]
    numbered = next((f for f in findings if f.notice_number), None)
    number = numbered.notice_number if numbered else ""
    issued = (numbered.notice_issued_on if numbered else None) or today()  # a reprint keeps it
    if not number:
        inspection = finding.inspection
        number = str(
            take_document_number(
                unit=inspection.unit, key=RECTIFICATION_NOTICE_KEY, year=issued.year
            )
        )
    for f in findings:  # one by one: each finding's change history shows the number
        if not f.notice_number:  # a finding added since the first print joins the notice
            f.notice_number, f.notice_issued_on = number, issued
            f.save(update_fields=["notice_number", "notice_issued_on", "updated_at"])
    doc = new_document()
    add_title(doc, "法治督察问题整改通知书")
    add_paragraph(doc, number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_paragraph(doc, f"{finding.unit.name}：", indent=False)
    add_paragraph(
        doc,
        f"在{finding.inspection.title}中，督察组发现你单位存在以下问题，请认真研究，"
        "逐项落实整改，并在整改期限内将整改情况和佐证材料报送我办。",
    )
    for n, f in enumerate(findings, start=1):
        add_heading_line(doc, f"{n}. {f.problem}", 3)
        if f.basis:
            add_paragraph(doc, f"依据：{f.basis}。")
        add_paragraph(doc, f"整改期限：{chinese_date(f.due_on)}前。")
    add_paragraph(doc, "逾期未整改或整改不到位的，将予以通报，并在年度法治建设考核中扣分。")
    add_signature(doc, finding.inspection.unit.name, issued)
    return doc, number


def rectification_notice_filename(finding: Finding, number: str) -> str:
    return safe_filename(f"整改通知书-{finding.unit.name}-{number}.docx")


# (heading, width in mm) of the ledger's columns on a landscape page (297 − 2 × 20 mm).
LEDGER_COLUMNS = [
    ("序号", 12),
    ("工作任务", 72),
    ("牵头单位", 35),
    ("配合单位", 34),
    ("责任领导", 30),
    ("完成时限", 30),
    ("进展", 40),
]


def _item_order(task) -> tuple:
    """序号 1, 2, … 10 in numeric order (they are text: 1.1, 二 …)."""
    number = task.number or ""
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def task_ledger(plan: WorkPlan, tasks) -> Document:
    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    add_title(doc, f"{plan.title}工作台账")
    table = doc.add_table(rows=1, cols=len(LEDGER_COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for column, (_heading, width) in zip(table.columns, LEDGER_COLUMNS, strict=True):
        column.width = Mm(width)  # the grid LibreOffice reads; cells carry it for Word
    for cell, (text, width) in zip(table.rows[0].cells, LEDGER_COLUMNS, strict=True):
        cell.width = Mm(width)
        _cell(cell, text, bold=True)
    for task in sorted(tasks, key=_item_order):
        cells = table.add_row().cells
        values = [
            task.number,
            task.title,
            task.lead_unit.short_name or task.lead_unit.name,
            "、".join(u.short_name or u.name for u in task.co_units.all()),
            task.leader,
            task.due_on.strftime("%Y-%m-%d"),
            f"{task.get_status_display()}（{task.percent}%）",
        ]
        for cell, text, (_heading, width) in zip(cells, values, LEDGER_COLUMNS, strict=True):
            cell.width = Mm(width)
            _cell(cell, text)
    return doc


def _cell(cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(10.5)  # 五号: a ledger's table, not body text
    set_font(run, "仿宋_GB2312")
    paragraph.paragraph_format.line_spacing = Pt(16)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def task_ledger_filename(plan: WorkPlan) -> str:
    return safe_filename(f"工作台账-{plan.title}.docx")
