"""The 人民调解协议书 (written mediation agreement, 人民调解法 第二十九条) of a dispute, as DOCX."""

from django.core.exceptions import ValidationError
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from fazhi.core.documents import (
    LINE_SPACING,
    add_heading_line,
    add_paragraph,
    add_signature,
    add_title,
    new_document,
)
from fazhi.core.validators import mask_id_number
from fazhi.mediation.models import Dispute, Gender, Party

TITLE = "人民调解协议书"
PARTY_LABELS = "甲乙丙丁戊己庚辛壬癸"
COUNTS = "一二三四五六七八九十"
GENDERS = {Gender.MALE: "男", Gender.FEMALE: "女"}


def agreement_filename(dispute: Dispute) -> str:
    """人民调解协议书-新桥调〔2019〕12号.docx"""
    number = dispute.number.replace("/", "-").replace("\\", "-")
    return f"{TITLE}-{number}.docx"


def agreement_document(dispute: Dispute, *, full_ids: bool) -> Document:
    """The agreement of a successful mediation with a written agreement. Resident ID numbers
    are printed in full only when `full_ids` (the user may see them); otherwise masked."""
    if dispute.status != Dispute.Status.SUCCEEDED or (
        dispute.agreement_form != Dispute.AgreementForm.WRITTEN
    ):
        raise ValidationError(
            "只有调解成功并达成书面协议的纠纷才能生成人民调解协议书。", code="no_written_agreement"
        )
    parties = list(dispute.parties.order_by("pk"))
    labels = [_party_label(i) for i in range(len(parties))]
    everyone = "双方当事人" if len(parties) == 2 else "各方当事人"

    doc = new_document()
    add_title(doc, TITLE)
    add_paragraph(doc, f"编号：{dispute.number}", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for label, party in zip(labels, parties, strict=True):
        add_paragraph(doc, _party_line(label, party, full_ids=full_ids))

    add_heading_line(doc, "纠纷主要事实、争议事项：", 1)
    _add_lines(doc, dispute.facts)
    add_heading_line(doc, f"经调解，{everyone}自愿达成如下协议：", 1)
    _add_lines(doc, dispute.agreed_terms)
    add_heading_line(doc, "履行方式、时限：", 1)
    _add_lines(doc, dispute.performance_method)
    # The effect clause and the signatures stay on one page: no signature page without text.
    copies = len(parties) + 1
    closing = add_paragraph(
        doc,
        f"本协议经{everyone}签名（盖章）、人民调解员签名并加盖人民调解委员会印章后生效。"
        f"本协议书一式{_count(copies)}份，当事人各执一份，人民调解委员会留存一份。"
        f"自本协议生效之日起三十日内，{everyone}可以共同向人民法院申请司法确认。",
    )
    closing.paragraph_format.keep_with_next = True

    doc.add_paragraph().paragraph_format.keep_with_next = True
    for label, party in zip(labels, parties, strict=True):
        how = "盖章" if party.kind == Party.Kind.ORGANISATION else "签名"
        _add_signing_line(doc, f"{label}当事人（{how}）：")
    mediators = [
        dispute.lead_mediator,
        *dispute.other_mediators.exclude(pk=dispute.lead_mediator_id),
    ]
    _add_signing_line(doc, f"人民调解员（签名）：{'、'.join(m.name for m in mediators)}")
    add_signature(doc, f"{dispute.committee.unit.name}（印章）", dispute.closed_on)
    return doc


def _party_label(index: int) -> str:
    return f"{PARTY_LABELS[index]}方" if index < len(PARTY_LABELS) else f"第{index + 1}方"


def _count(n: int) -> str:
    return COUNTS[n - 1] if n <= len(COUNTS) else str(n)


def _party_line(label: str, party: Party, *, full_ids: bool) -> str:
    if party.kind == Party.Kind.ORGANISATION:
        items = [("统一社会信用代码", party.credit_code)]
        address = "住所"
    else:
        id_number = party.id_number if full_ids else mask_id_number(party.id_number)
        items = [("性别", GENDERS.get(party.gender, "")), ("身份证号码", id_number)]
        address = "住址"
    items += [("联系电话", party.phone), (address, party.address)]
    details = "".join(f"，{name}：{value}" for name, value in items if value)
    return f"当事人（{label}）：{party.name}{details}。"


def _add_lines(doc: Document, text: str) -> None:
    """One indented paragraph per line of `text`; a blank line to write on when it is empty."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines or [""]:
        add_paragraph(doc, line)


def _add_signing_line(doc: Document, text: str) -> None:
    paragraph = add_paragraph(doc, text, indent=False)
    paragraph.paragraph_format.space_after = Pt(LINE_SPACING)  # room for a handwritten name
    paragraph.paragraph_format.keep_with_next = True
