"""The documents of a reconsideration case, as DOCX in the GB/T 9704 style: the notice of
acceptance (受理通知书), the decision not to accept (不予受理决定书) and the head and operative
part of the reconsideration decision (行政复议决定书), or, for a case concluded by mediation, of
the mediation document (行政复议调解书, 2023 law 第73条). The wording follows the law of the
case: the 2023 revision from 2024-01-01, the 1999 law (2017 amendment) before."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from fazhi.core.documents import (
    HEADING_FONTS,
    add_paragraph,
    add_signature,
    add_title,
    chinese_date,
    new_document,
)
from fazhi.reconsideration.models import Case
from fazhi.reconsideration.selectors import decision_clock_events, issuing_organ
from fazhi.timelimits.selectors import deadlines_for

ACCEPTANCE_NOTICE = "行政复议受理通知书"
NOT_ACCEPTED_DECISION = "不予受理行政复议申请决定书"
DECISION = "行政复议决定书"
MEDIATION = "行政复议调解书"

LAW = "《中华人民共和国行政复议法》"
REGULATION = "《中华人民共和国行政复议法实施条例》"
D = Case.Decision
# The operative words of each decision and the provision it rests on, by the law of the case.
# `{act}` is the contested act ("被申请人于2019年3月18日作出的行政处罚（游市监罚〔2019〕17号）").
DECISIONS = {
    Case.Law.LAW_2023: {
        D.CHANGED: (f"{LAW}第六十三条", "变更{act}。"),
        D.REVOKED: (f"{LAW}第六十四条", "撤销{act}。"),
        D.CONFIRMED_ILLEGAL: (f"{LAW}第六十五条", "确认{act}违法。"),
        D.ORDERED_TO_PERFORM: (f"{LAW}第六十六条", "责令被申请人在法定期限内履行法定职责。"),
        D.CONFIRMED_VOID: (f"{LAW}第六十七条", "确认{act}无效。"),
        D.UPHELD: (f"{LAW}第六十八条", "维持{act}。"),
        D.CLAIM_REJECTED: (f"{LAW}第六十九条", "驳回申请人的行政复议请求。"),
        D.APPLICATION_REJECTED: (f"{LAW}第三十三条", "驳回申请人的行政复议申请。"),
        D.TERMINATED: (f"{LAW}第四十一条", "终止本案行政复议。"),
        # Not a decision of the organ: the agreement of the parties, in a 调解书 (第73条).
        D.MEDIATED: (f"{LAW}第七十三条", "经本机关主持调解，双方当事人自愿达成如下协议："),
    },
    Case.Law.LAW_1999: {
        D.UPHELD: (f"{LAW}第二十八条第一款第（一）项", "维持{act}。"),
        D.ORDERED_TO_PERFORM: (
            f"{LAW}第二十八条第一款第（二）项",
            "责令被申请人在法定期限内履行法定职责。",
        ),
        D.REVOKED: (f"{LAW}第二十八条第一款第（三）项", "撤销{act}。"),
        D.CHANGED: (f"{LAW}第二十八条第一款第（三）项", "变更{act}。"),
        D.CONFIRMED_ILLEGAL: (f"{LAW}第二十八条第一款第（三）项", "确认{act}违法。"),
        D.CLAIM_REJECTED: (f"{REGULATION}第四十八条", "驳回申请人的行政复议申请。"),
        D.TERMINATED: (f"{REGULATION}第四十二条", "终止本案行政复议。"),
    },
}
# Where each law sets the conditions of acceptance and the refusal.
ACCEPTANCE_ARTICLE = {Case.Law.LAW_2023: "第三十条第一款", Case.Law.LAW_1999: "第十七条"}
REFUSAL_ARTICLE = {Case.Law.LAW_2023: "第三十条第二款", Case.Law.LAW_1999: "第十七条第一款"}
APPEAL = "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。"


def available(case: Case) -> list[tuple[str, str]]:
    """(kind, title) of the documents the case has produced so far."""
    found = []
    if case.accepted_on:
        found.append(("acceptance-notice", ACCEPTANCE_NOTICE))
    if case.status == Case.Status.NOT_ACCEPTED:
        found.append(("not-accepted", NOT_ACCEPTED_DECISION))
    if case.status == Case.Status.DECIDED:
        found.append(("decision", decision_title(case)))
    return found


def decision_title(case: Case) -> str:
    """行政复议调解书 for a case concluded by mediation, 行政复议决定书 otherwise."""
    return MEDIATION if case.decision == Case.Decision.MEDIATED else DECISION


def filename(case: Case, title: str) -> str:
    """行政复议决定书-游府复决〔2019〕1号.docx, or the case's applicants and day received when
    the document has no number."""
    if title in (DECISION, MEDIATION) and case.decision_number:
        name = case.decision_number
    else:
        name = f"{case.applicants[:20]}-{case.received_on:%Y%m%d}"
    return f"{title}-{name}.docx".replace("/", "-").replace("\\", "-")


def act_phrase(case: Case) -> str:
    """被申请人于2019年3月18日作出的行政处罚（游市监罚〔2019〕17号）"""
    when = f"于{chinese_date(case.act_date)}" if case.act_date else ""
    number = f"（{case.act_number}）" if case.act_number else ""
    return f"被申请人{when}作出的{case.act_type}{number}"


def _parties(doc: Document, case: Case) -> None:
    add_paragraph(doc, f"申请人：{case.applicants}")
    if case.agent:
        add_paragraph(doc, f"委托代理人：{case.agent}")
    add_paragraph(doc, f"被申请人：{case.respondent.name}")


def _last_paragraph(doc: Document, text: str) -> None:
    """The paragraph before the signature goes with it: no page holds the signature alone
    (GB/T 9704 7.3.5)."""
    add_paragraph(doc, text).paragraph_format.keep_with_next = True


def _number_line(doc: Document, number: str) -> None:
    if number:
        add_paragraph(doc, number, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)


def _application(case: Case) -> str:
    return f"申请人不服{act_phrase(case)}，于{chinese_date(case.received_on)}向本机关申请行政复议"


def acceptance_notice(case: Case) -> Document:
    if not case.accepted_on:
        raise ValidationError("案件尚未受理，不能生成受理通知书。", code="not_accepted")
    simplified = case.procedure == Case.Procedure.SIMPLIFIED
    doc = new_document()
    add_title(doc, ACCEPTANCE_NOTICE)
    add_paragraph(doc, f"{case.applicants}：", indent=False)
    add_paragraph(
        doc,
        f"你（单位）不服{act_phrase(case).replace('被申请人', case.respondent.name, 1)}，"
        f"于{chinese_date(case.received_on)}向本机关提出的行政复议申请已收悉。"
        f"经审查，该申请符合{LAW}{ACCEPTANCE_ARTICLE[case.law]}规定的受理条件，"
        f"本机关决定自{chinese_date(case.accepted_on)}起予以受理，"
        f"本案适用{'简易' if simplified else '普通'}程序审理。",
    )
    add_paragraph(
        doc,
        "本机关将依法向被申请人发送行政复议申请书副本，被申请人应当自收到申请书副本之日起"
        f"{'五' if simplified else '十'}日内提出书面答复，并提交作出该行政行为的证据、依据"
        "和其他有关材料。",
    )
    if simplified:
        period = "本机关将自受理之日起三十日内作出行政复议决定。"
    else:
        period = (
            "本机关将自受理之日起六十日内作出行政复议决定；情况复杂、不能在规定期限内作出"
            "决定的，经批准可以适当延长，并书面告知当事人，但延长期限最多不超过三十日。"
        )
    add_paragraph(doc, period)
    _last_paragraph(doc, "特此通知。")
    add_signature(doc, issuing_organ(case), case.accepted_on)
    return doc


def not_accepted_decision(case: Case) -> Document:
    if case.status != Case.Status.NOT_ACCEPTED:
        raise ValidationError("只有决定不予受理的案件才能生成不予受理决定书。", code="accepted")
    doc = new_document()
    add_title(doc, NOT_ACCEPTED_DECISION)
    _parties(doc, case)
    add_paragraph(doc, f"{_application(case)}。")
    add_paragraph(
        doc,
        f"经审查，本机关认为，该行政复议申请不符合{LAW}规定的受理条件。"
        f"根据{LAW}{REFUSAL_ARTICLE[case.law]}的规定，本机关决定：不予受理。",
    )
    _last_paragraph(doc, APPEAL)
    add_signature(doc, issuing_organ(case), case.not_accepted_on)
    return doc


def decision_document(case: Case) -> Document:
    """The head (number, parties, the course of the case) and the operative part; the facts
    and reasons in between are the case handler's to write. A case concluded by mediation gets
    its mediation document instead (`mediation_document`)."""
    if case.status != Case.Status.DECIDED:
        raise ValidationError("案件尚未作出行政复议决定。", code="not_decided")
    if case.decision == Case.Decision.MEDIATED:
        return mediation_document(case)
    basis, words = DECISIONS[case.law][case.decision]
    doc = new_document()
    add_title(doc, DECISION)
    _number_line(doc, case.decision_number)
    _parties(doc, case)
    add_paragraph(doc, _course(case))
    add_paragraph(
        doc,
        "（申请人的请求和理由、被申请人的答复意见、本机关查明的事实及认定的理由，"
        "由承办人在此处补充。）",
        font=HEADING_FONTS[2],
    )
    add_paragraph(doc, f"根据{basis}的规定，本机关决定：")
    add_paragraph(doc, words.format(act=act_phrase(case)))
    if case.decision != Case.Decision.TERMINATED:
        add_paragraph(doc, APPEAL)
    _last_paragraph(doc, "本决定书自送达之日起发生法律效力。")
    add_signature(doc, issuing_organ(case), case.decided_on)
    return doc


def mediation_document(case: Case) -> Document:
    """行政复议调解书 (2023 law 第73条): the head as in a decision, then the agreement the
    parties reached, for the case handler to write; it takes effect once every party signed
    or sealed it and the organ sealed it, so it names no appeal."""
    basis, words = DECISIONS[case.law][Case.Decision.MEDIATED]
    doc = new_document()
    add_title(doc, MEDIATION)
    _number_line(doc, case.decision_number)
    _parties(doc, case)
    add_paragraph(doc, _course(case))
    add_paragraph(
        doc,
        "（申请人的请求和理由、被申请人的答复意见，由承办人在此处补充。）",
        font=HEADING_FONTS[2],
    )
    add_paragraph(doc, words)
    add_paragraph(doc, "（调解协议的内容，由承办人在此处逐项写明。）", font=HEADING_FONTS[2])
    _last_paragraph(
        doc,
        f"根据{basis}的规定，本调解书经各方当事人签字或者签章，并加盖本机关印章，即具有法律效力。",
    )
    add_signature(doc, issuing_organ(case), case.decided_on)
    return doc


def _course(case: Case) -> str:
    """申请人不服…申请行政复议，本机关依法于…受理…。本案现已审理终结。"""
    parts = [f"{_application(case)}，本机关依法于{chinese_date(case.accepted_on)}予以受理"]
    if case.procedure == Case.Procedure.SIMPLIFIED:
        parts[0] += "，适用简易程序审理"
    parts[0] += "。"
    if case.copy_sent_on:
        sent = f"本机关于{chinese_date(case.copy_sent_on)}向被申请人发送了行政复议申请书副本"
        if case.reply_received_on:
            sent += (
                f"，被申请人于{chinese_date(case.reply_received_on)}"
                "提交了书面答复及作出行政行为的证据、依据"
            )
        parts.append(sent + "。")
    if case.hearing_held_on:
        parts.append(f"本机关于{chinese_date(case.hearing_held_on)}依法组织了听证。")
    suspensions, extensions = decision_clock_events(deadlines_for(case))
    for suspension in suspensions:
        text = f"因{suspension.ground.rstrip('。')}，本案于{chinese_date(suspension.start)}中止审理"
        # A suspension that lasted until the decision (a termination) never resumed.
        if suspension.end and suspension.end < case.decided_on:
            text += f"，自{chinese_date(suspension.end + timedelta(days=1))}起恢复审理"
        parts.append(text + "。")
    for extension in extensions:
        parts.append(
            f"因{extension.reason.rstrip('。')}，经{extension.approved_by}批准，"
            f"本案审理期限延长{extension.days}日。"
        )
    parts.append("本案现已审理终结。")
    return "".join(parts)
