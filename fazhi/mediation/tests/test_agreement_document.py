"""The 人民调解协议书 of a successfully mediated dispute, generated as DOCX and read back."""

from datetime import date
from decimal import Decimal
from io import BytesIO
from urllib.parse import quote

import docx
import pytest
from django.core.exceptions import ValidationError
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from fazhi.core.documents import docx_bytes, docx_response
from fazhi.core.models import NumberingRule
from fazhi.core.validators import credit_code_check_char, id_number_check_char
from fazhi.mediation.documents import agreement_document, agreement_filename
from fazhi.mediation.models import Dispute
from fazhi.mediation.services import committee_create, dispute_create, mediator_create
from fazhi.org.models import Unit

pytestmark = pytest.mark.django_db

PERSON_ID = "51070419800101002" + id_number_check_char("51070419800101002")
COMPANY_CODE = "91510704MA6200001" + credit_code_check_char("91510704MA6200001")
TERMS = "一、乙方于2019年3月20日前向甲方支付赔偿款人民币5000元。\n二、甲方不再就此事向乙方主张其他权利。"


@pytest.fixture
def committee(district):
    township = Unit.objects.get(code="510704101")
    NumberingRule.objects.create(unit=township, key="mediation.dispute", prefix="新桥调")
    return committee_create(
        parent=township,
        code="510704101-tw",
        name="新桥镇人民调解委员会",
        committee_type="TOWNSHIP",
    )


@pytest.fixture
def mediator(committee):
    return mediator_create(
        name="周明远",
        gender="M",
        committee=committee,
        employment="FULL_TIME",
        hired_on=date(2018, 1, 1),
    )


def make_dispute(committee, mediator, **fields):
    values = {
        "dispute_type": Dispute.Type.DAMAGES,
        "source": Dispute.Source.APPLICATION,
        "received_on": date(2019, 3, 1),
        "facts": "2019年2月，乙方施工时损坏甲方院墙，双方就赔偿数额发生争议。",
        "status": Dispute.Status.SUCCEEDED,
        "closed_on": date(2019, 3, 5),
        "agreement_form": Dispute.AgreementForm.WRITTEN,
        "agreement_amount": Decimal("5000.00"),
        "agreed_terms": TERMS,
        "performance_method": "银行转账，2019年3月20日前一次性付清。",
        **fields,
    }
    return dispute_create(
        committee=committee,
        lead_mediator=mediator,
        user=None,
        parties=[
            {
                "kind": "PERSON",
                "name": "张秀英",
                "gender": "F",
                "id_number": PERSON_ID,
                "phone": "13800001111",
                "address": "绵阳市游仙区新桥镇新华村3组",
            },
            {
                "kind": "ORGANISATION",
                "name": "绵阳市宏达建筑工程有限公司",
                "credit_code": COMPANY_CODE,
                "address": "绵阳市游仙区新桥镇工业路8号",
            },
        ],
        **values,
    )


def read_back(doc):
    """The document as a user opening the file gets it."""
    return docx.Document(BytesIO(docx_bytes(doc)))


def texts(doc):
    return [p.text for p in doc.paragraphs]


def test_agreement_is_an_a4_page_with_official_margins_and_title(committee, mediator):
    dispute = make_dispute(committee, mediator)
    doc = read_back(agreement_document(dispute, full_ids=False))

    section = doc.sections[0]
    measured = [
        section.page_width.mm,
        section.page_height.mm,
        section.top_margin.mm,
        section.bottom_margin.mm,
        section.left_margin.mm,
        section.right_margin.mm,
    ]
    assert measured == pytest.approx([210, 297, 37, 35, 28, 26], abs=0.1)
    title = doc.paragraphs[0]
    assert title.text == "人民调解协议书"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.size == Pt(22)
    number = doc.paragraphs[1]
    assert number.text == "编号：新桥调〔2019〕1号"
    assert number.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_agreement_lists_parties_terms_and_signatures(committee, mediator):
    dispute = make_dispute(committee, mediator)
    lines = texts(read_back(agreement_document(dispute, full_ids=False)))
    body = "\n".join(lines)

    assert lines[2].startswith("当事人（甲方）：张秀英，性别：女，身份证号码：510704********")
    assert lines[3] == (
        f"当事人（乙方）：绵阳市宏达建筑工程有限公司，统一社会信用代码：{COMPANY_CODE}，"
        "住所：绵阳市游仙区新桥镇工业路8号。"
    )
    assert "乙方施工时损坏甲方院墙" in body
    terms = TERMS.splitlines()
    assert lines[lines.index(terms[0]) + 1] == terms[1]  # one paragraph per line, in order
    assert "银行转账，2019年3月20日前一次性付清。" in lines
    assert "一式三份" in body and "申请司法确认" in body
    assert "甲方当事人（签名）：" in lines and "乙方当事人（盖章）：" in lines
    assert "人民调解员（签名）：周明远" in lines
    assert lines[-2:] == ["新桥镇人民调解委员会（印章）", "2019年3月5日"]


def test_agreement_masks_the_id_number_unless_full_ids(committee, mediator):
    dispute = make_dispute(committee, mediator)
    masked = "\n".join(texts(read_back(agreement_document(dispute, full_ids=False))))
    full = "\n".join(texts(read_back(agreement_document(dispute, full_ids=True))))

    assert PERSON_ID not in masked
    assert f"{PERSON_ID[:6]}********{PERSON_ID[-4:]}" in masked
    assert PERSON_ID in full


@pytest.mark.parametrize(
    "fields",
    [
        {
            "status": Dispute.Status.FAILED,
            "agreement_form": "",
            "agreement_amount": None,
            "agreed_terms": "",
            "performance_method": "",
        },
        {"agreement_form": Dispute.AgreementForm.ORAL},
    ],
    ids=["failed", "oral"],
)
def test_no_agreement_document_without_a_written_agreement(committee, mediator, fields):
    dispute = make_dispute(committee, mediator, **fields)

    with pytest.raises(ValidationError, match="只有调解成功并达成书面协议的纠纷"):
        agreement_document(dispute, full_ids=True)


def test_download_is_named_after_the_dispute(committee, mediator):
    dispute = make_dispute(committee, mediator)
    filename = agreement_filename(dispute)
    response = docx_response(agreement_document(dispute, full_ids=False), filename)

    assert filename == "人民调解协议书-新桥调〔2019〕1号.docx"
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(filename)}"
    assert docx.Document(BytesIO(response.content)).paragraphs[0].text == "人民调解协议书"
