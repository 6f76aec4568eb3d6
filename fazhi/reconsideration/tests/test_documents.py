"""The case's documents, opened with python-docx: who issues them, the parties, the act, the
course of the case and the decision in the words and article of the case's law."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from fazhi.reconsideration import documents, services
from fazhi.reconsideration.models import Case

from .conftest import accept, register

pytestmark = pytest.mark.django_db


def text_of(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


@pytest.fixture
def decided(recon):
    case = register(
        recon["market"],
        date(2024, 5, 6),
        applicants="绵阳某商贸有限公司",
        agent="四川某律师事务所张律师",
        act_number="游市监罚〔2024〕17号",
        act_date=date(2024, 3, 18),
    )
    case = accept(case, date(2024, 5, 8))
    case = services.case_copy_sent(case=case, version=case.version, on=date(2024, 5, 10))
    case = services.case_reply_received(case=case, version=case.version, on=date(2024, 5, 20))
    services.case_extend(
        case=case,
        version=case.version,
        days=20,
        reason="案情复杂",
        approved_by="区司法局局长",
        approved_on=date(2024, 7, 1),
    )
    case = Case.objects.get(pk=case.pk)
    return services.case_decide(
        case=case,
        version=case.version,
        decision="REVOKED",
        on=date(2024, 7, 20),
        number="游府复决〔2024〕3号",
    )


def test_the_decision_names_the_parties_the_act_the_course_and_the_decision(decided, login):
    response = login("fuyi").get(
        reverse("reconsideration:case_document", args=[decided.pk, "decision"])
    )
    assert "filename*=utf-8''" in response["Content-Disposition"]
    text = text_of(Document(BytesIO(response.content)))
    lines = text.splitlines()
    assert lines[0] == "行政复议决定书"
    assert "游府复决〔2024〕3号" in lines[1]
    assert "申请人：绵阳某商贸有限公司" in text
    assert "委托代理人：四川某律师事务所张律师" in text
    assert "被申请人：绵阳市游仙区市场监督管理局" in text or "被申请人：区市场监督管理局" in text
    assert "于2024年3月18日作出的行政处罚（游市监罚〔2024〕17号）" in text
    assert "于2024年5月6日向本机关申请行政复议" in text
    assert "本机关依法于2024年5月8日予以受理" in text
    assert "被申请人于2024年5月20日提交了书面答复" in text
    assert "经区司法局局长批准，本案审理期限延长20日" in text
    assert "根据《中华人民共和国行政复议法》第六十四条的规定，本机关决定：" in text
    assert "撤销被申请人于2024年3月18日作出的行政处罚（游市监罚〔2024〕17号）。" in text
    assert "十五日内依法向人民法院提起行政诉讼" in text
    assert lines[-2:] == ["绵阳市游仙区人民政府", "2024年7月20日"]


def test_under_the_1999_law_the_decision_cites_its_own_article(recon):
    case = accept(register(recon["market"], date(2019, 4, 10)), date(2019, 4, 12))
    case = services.case_decide(
        case=case, version=case.version, decision="UPHELD", on=date(2019, 6, 5)
    )
    text = text_of(documents.decision_document(case))
    assert "第二十八条第一款第（一）项" in text and "维持被申请人作出的行政处罚。" in text


def test_the_acceptance_notice_and_the_refusal(recon):
    case = accept(
        register(recon["market"], date(2024, 5, 6), applicants="李某"),
        date(2024, 5, 8),
        "SIMPLIFIED",
    )
    text = text_of(documents.acceptance_notice(case))
    assert text.startswith("行政复议受理通知书\n李某：")
    assert "自2024年5月8日起予以受理，本案适用简易程序审理" in text
    assert "五日内提出书面答复" in text and "三十日内作出行政复议决定" in text
    assert text.endswith("绵阳市游仙区人民政府\n2024年5月8日")

    refused = register(
        recon["market"], date(2019, 8, 20), applicants="王某", act_type="信息公开答复"
    )
    refused = services.case_not_accept(case=refused, version=refused.version, on=date(2019, 8, 26))
    text = text_of(documents.not_accepted_decision(refused))
    assert text.startswith("不予受理行政复议申请决定书\n申请人：王某")
    assert "根据《中华人民共和国行政复议法》第十七条第一款的规定，本机关决定：不予受理。" in text
    assert text.endswith("2019年8月26日")
    with pytest.raises(ValidationError):
        documents.decision_document(refused)
    with pytest.raises(ValidationError):
        documents.acceptance_notice(refused)


def test_a_case_terminated_while_suspended_says_so_and_never_that_it_resumed(recon):
    case = accept(register(recon["market"], date(2024, 5, 6)), date(2024, 5, 8))
    case = services.case_suspend(
        case=case, version=case.version, start=date(2024, 6, 3), ground="申请人死亡"
    )
    case = services.case_decide(
        case=case, version=case.version, decision="TERMINATED", on=date(2024, 8, 5)
    )
    text = text_of(documents.decision_document(case))
    assert "因申请人死亡，本案于2024年6月3日中止审理。" in text
    assert "恢复审理" not in text
    assert "终止本案行政复议。" in text


def test_a_resumed_suspension_is_told_with_the_day_the_case_resumed(recon):
    case = accept(register(recon["market"], date(2024, 5, 6)), date(2024, 5, 8))
    case = services.case_suspend(
        case=case, version=case.version, start=date(2024, 6, 3), ground="申请人死亡"
    )
    case = services.case_resume(
        case=case, version=case.version, last_suspended_day=date(2024, 6, 12)
    )
    case = services.case_decide(
        case=case, version=case.version, decision="UPHELD", on=date(2024, 7, 1)
    )
    text = text_of(documents.decision_document(case))
    assert "本案于2024年6月3日中止审理，自2024年6月13日起恢复审理。" in text


def test_a_mediated_case_gets_a_mediation_agreement_under_article_73(recon, login):
    case = accept(register(recon["market"], date(2024, 5, 6), applicants="李某"), date(2024, 5, 8))
    case = services.case_decide(
        case=case,
        version=case.version,
        decision="MEDIATED",
        on=date(2024, 6, 3),
        number="游府复调〔2024〕1号",
    )
    assert documents.available(case) == [
        ("acceptance-notice", documents.ACCEPTANCE_NOTICE),
        ("decision", documents.MEDIATION),
    ]
    response = login("fuyi").get(
        reverse("reconsideration:case_document", args=[case.pk, "decision"])
    )
    assert (
        "%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE%E8%B0%83%E8%A7%A3%E4%B9%A6"
        in (response["Content-Disposition"])
    )  # 行政复议调解书, quoted
    text = text_of(Document(BytesIO(response.content)))
    lines = text.splitlines()
    assert lines[0] == "行政复议调解书" and "游府复调〔2024〕1号" in lines[1]
    assert "《中华人民共和国行政复议法》第七十三条" in text
    assert "自愿达成" in text and "即具有法律效力" in text
    assert "本机关决定" not in text and "提起行政诉讼" not in text
    assert lines[-2:] == ["绵阳市游仙区人民政府", "2024年6月3日"]
