"""The 合法性审查意见书 (legality review opinion letter) of a review request, as DOCX."""

from django.core.exceptions import ValidationError
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from fazhi.core.documents import (
    add_heading_line,
    add_paragraph,
    add_signature,
    add_title,
    new_document,
)
from fazhi.legality.models import OpinionItem, ReviewRequest
from fazhi.org.models import Unit

TITLE = "合法性审查意见书"
# The letter is Chinese whatever the interface language.
CATEGORY_WORDS = {
    OpinionItem.Category.LEGALITY: "制定依据和权限",
    OpinionItem.Category.PROCEDURE: "程序",
    OpinionItem.Category.CONTENT: "内容和表述",
    OpinionItem.Category.RISK: "风险防范",
    OpinionItem.Category.OTHER: "其他事项",
}
KIND_WORDS = {
    ReviewRequest.Kind.MEETING_TOPIC: "政府常务会议议题",
    ReviewRequest.Kind.CONTRACT: "重大经济合同",
    ReviewRequest.Kind.NORMATIVE_DOCUMENT: "规范性文件",
    ReviewRequest.Kind.MAJOR_DECISION: "重大行政决策",
    ReviewRequest.Kind.ENFORCEMENT_DECISION: "重大行政执法决定",
    ReviewRequest.Kind.OTHER: "其他事项",
}
NUMERALS = "一二三四五六七八九十"


def letter_filename(request: ReviewRequest) -> str:
    number = request.letter_number.replace("/", "-").replace("\\", "-")
    return f"{TITLE}-{number}.docx"


def _ordinal(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else NUMERALS[tens - 1]}十{NUMERALS[ones - 1] if ones else ''}"


def letter_document(request: ReviewRequest, *, issuer: Unit) -> Document:
    """The numbered letter: addressed to the submitting unit, naming the document reviewed and
    setting out each opinion, grouped by category, then the issuing organ and date."""
    if not request.letter_number:
        raise ValidationError(
            "只有已出具合法性审查意见书的审查事项才能下载意见书。", code="no_letter"
        )
    doc = new_document()
    add_title(doc, TITLE)
    add_paragraph(doc, request.letter_number, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_paragraph(doc, f"{request.submitting_unit.name}：", indent=False)
    kind = KIND_WORDS[request.kind]
    add_paragraph(
        doc,
        f"你单位于{_date(request.received_on)}报送的《{request.title.strip('《》')}》"
        f"（{kind}）收悉。根据有关法律、法规和规章的规定，我局对其制定（作出）主体、权限、"
        f"程序和内容进行了合法性审查，现提出如下意见：",
    )
    items = list(request.items.order_by("pk"))
    by_category: dict[str, list[OpinionItem]] = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item)
    for number, (category, group) in enumerate(by_category.items(), start=1):
        label = CATEGORY_WORDS[category]
        add_heading_line(doc, f"{_ordinal(number)}、关于{label}", 1)
        for n, item in enumerate(group, start=1):
            add_paragraph(doc, f"{n}. {item.text.strip()}")
    if not items:
        add_paragraph(
            doc,
            "经审查，该事项的制定（作出）主体适格，权限和程序符合规定，内容未发现与法律、"
            "法规、规章相抵触的情形，我局无修改意见，可按程序办理。",
        )
        add_signature(doc, issuer.name, request.concluded_on)
        return doc
    add_paragraph(
        doc,
        "请你单位根据上述意见对送审材料进行修改完善，并在正式印发（作出决定）前将采纳情况"
        "书面反馈我局；未采纳的，请说明理由。",
    )
    add_paragraph(doc, "本意见仅供内部决策参考，不作为对外公开的依据。")
    add_signature(doc, issuer.name, request.concluded_on)
    return doc


def _date(on) -> str:
    return f"{on.year}年{on.month}月{on.day}日"
