"""The enforcement Word documents: the evaluation notice numbered once (a reprint keeps number
and day), an organ's result showing only its own case files (a liaison gets their organ's
only), the complainant's notice only once the complaint is concluded and without the contact."""

from datetime import date, timedelta
from io import BytesIO
from urllib.parse import unquote

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from docx import Document

from fazhi.enforcement import documents, services
from fazhi.enforcement.models import Campaign, Complaint
from fazhi.timelimits.selectors import today

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    """The document's paragraphs and table cells, one a line."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].endswith("wordprocessingml.document")
    doc = Document(BytesIO(response.content))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


@pytest.fixture
def complaint(officers):
    market = services.organ_save(user=None, unit=officers["market"], legal_basis="")
    return services.complaint_save(
        user=None,
        unit=officers["bureau"],
        received_on=date(2019, 8, 1),
        channel="LETTER",
        complainant="赵某某",
        contact="13812345678",
        organ=market,
        subject="执法人员检查时未出示执法证件",
        content="检查人员未出示证件即进入店铺检查。",
    )


def test_the_evaluation_notice_is_numbered_once_and_a_reprint_keeps_number_and_day(
    evaluation, login
):
    campaign = evaluation["campaign"]
    url = reverse("enforcement:campaign_notice", args=[campaign.pk])
    client = login("zhifa")
    # no numbering rule yet: back to the evaluation with the reason, no number taken
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()
    assert "编号规则" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    documents.seed_numbering(evaluation["bureau"])
    assert client.get(url).status_code == 405  # a number is taken by a POST only

    text = _text(client.post(url))
    number = f"游司执评〔{today().year}〕1号"
    assert "关于开展2019年度行政执法案卷评查的通知" in text
    assert number in text
    assert "2018年7月1日至2019年6月30日期间办结的行政处罚案卷" in text
    assert "各行政执法部门" in text and "各乡镇人民政府" in text
    assert "2019年7月1日至2019年7月31日" in text
    assert "每个单位抽取2卷" in text
    assert "《行政处罚案卷评查标准》（2019版），满分100分" in text
    assert "优秀（90分以上）、合格（60分以上不满90分）、不合格（不满60分）" in text
    assert "评查组由1名评查人员组成" in text
    assert "30日内" in text
    issued = today()
    assert f"游仙区司法局\n{issued.year}年{issued.month}月{issued.day}日" in text
    campaign.refresh_from_db()
    assert campaign.notice_number == number

    # printed again later: the same number and the day it was first issued
    first_day = today() - timedelta(days=3)
    Campaign.objects.filter(pk=campaign.pk).update(notice_issued_on=first_day)
    again = _text(client.post(url))
    assert number in again and f"〔{today().year}〕2号" not in again
    assert f"{first_day.year}年{first_day.month}月{first_day.day}日" in again
    assert Campaign.objects.get(pk=campaign.pk).notice_number == number


def test_a_liaison_may_not_issue_the_notice(evaluation, login):
    documents.seed_numbering(evaluation["bureau"])
    url = reverse("enforcement:campaign_notice", args=[evaluation["campaign"].pk])
    assert login("liaison").post(url).status_code == 403
    assert Campaign.objects.get(pk=evaluation["campaign"].pk).notice_number == ""


def test_the_result_lists_the_organs_own_files_with_score_grade_and_deductions(evaluation, login):
    campaign, organs = evaluation["campaign"], evaluation["organs"]
    client = login("zhifa")
    response = client.get(
        reverse("enforcement:campaign_result", args=[campaign.pk, organs["market"].pk])
    )
    assert "案卷评查结果通报（区市场监督管理局）.docx" in unquote(response["Content-Disposition"])
    text = _text(response)
    assert "关于2019年度行政执法案卷评查结果的通报" in text
    assert "区市场监督管理局：" in text
    assert "游市监罚〔2019〕15号" in text and "某超市销售过期食品案" in text
    assert "95" in text and "优秀" in text
    assert "1.1 告知陈述申辩权利，扣5分" in text and "未书面告知当事人陈述申辩权利" in text
    assert "处罚告知书未载明陈述申辩期限" in text and "2019年8月9日前" in text
    assert "待整改" in text
    assert "游财罚〔2019〕3号" not in text and "某公司违反财务会计制度案" not in text
    assert "第四十二条" not in text  # two certificated officers: no shortfall

    finance = _text(
        client.get(reverse("enforcement:campaign_result", args=[campaign.pk, organs["finance"].pk]))
    )
    assert "游财罚〔2019〕3号" in finance and "尚未评分" in finance
    assert "第四十二条" in finance  # one officer only
    assert "游市监罚〔2019〕15号" not in finance


def test_a_liaison_gets_the_result_of_their_own_organ_only(evaluation, login):
    campaign, organs = evaluation["campaign"], evaluation["organs"]
    client = login("liaison")
    own = reverse("enforcement:campaign_result", args=[campaign.pk, organs["market"].pk])
    assert "某超市销售过期食品案" in _text(client.get(own))
    other = reverse("enforcement:campaign_result", args=[campaign.pk, organs["finance"].pk])
    assert client.get(other).status_code == 404
    # an organ with no case file in the evaluation has no result either
    assert (
        login("zhifa")
        .get(reverse("enforcement:campaign_result", args=[campaign.pk + 1000, organs["market"].pk]))
        .status_code
        == 404
    )


def test_the_complaint_notice_waits_for_the_conclusion_and_leaves_out_the_contact(
    complaint, officers, login
):
    documents.seed_numbering(officers["bureau"])
    url = reverse("enforcement:complaint_notice", args=[complaint.pk])
    client = login("zhifa")
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == complaint.get_absolute_url()
    assert "尚未办结" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert Complaint.objects.get(pk=complaint.pk).notice_number == ""

    complaint = services.complaint_accept(
        complaint=complaint, version=complaint.version, on=date(2019, 8, 2)
    )
    complaint = services.complaint_conclude(
        complaint=complaint,
        version=complaint.version,
        on=date(2019, 8, 20),
        outcome=Complaint.Outcome.CORRECTION_URGED,
        outcome_text="经调查，投诉反映的情况属实，已责令区市场监督管理局对相关执法人员进行批评教育。",
    )
    assert login("liaison").post(url).status_code == 403
    client = login("zhifa")
    text = _text(client.post(url))
    number = f"游司执诉〔{today().year}〕1号"
    assert "行政执法监督投诉处理告知书" in text and number in text
    assert "赵某某：" in text and "2019年8月1日" in text
    assert "执法人员检查时未出示执法证件" in text and "2019年8月2日" in text
    assert "督促被投诉单位依法纠正" in text and "批评教育" in text
    assert "游仙区司法局" in text
    assert "13812345678" not in text
    assert number in _text(client.post(url))  # printed again: the same number
    assert Complaint.objects.get(pk=complaint.pk).notice_number == number


def test_a_refused_complaint_tells_why(complaint, officers, login):
    documents.seed_numbering(officers["bureau"])
    services.complaint_reject(
        complaint=complaint,
        version=complaint.version,
        on=date(2019, 8, 5),
        reason="投诉事项已进入行政复议程序。",
    )
    text = _text(login("zhifa").post(reverse("enforcement:complaint_notice", args=[complaint.pk])))
    assert "不予受理" in text and "投诉事项已进入行政复议程序。" in text
    assert "13812345678" not in text
