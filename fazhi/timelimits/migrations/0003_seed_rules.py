"""Seed the rule table from TIME-LIMITS.md. Rows not confirmed against an official text are
seeded with verified=False and say so on the rules page; all rows stay editable."""

from datetime import date

from django.db import migrations

C, W, M = "calendar_days", "working_days", "months"
RECON_2023 = ("行政复议法", "2023年修订", date(2024, 1, 1), None)
RECON_OLD = ("行政复议法", "1999年（2017年修正）", None, date(2023, 12, 31))
LITIGATION = ("行政诉讼法", "2017年修正", None, None)
LEGAL_AID = ("法律援助法", "2021年", date(2022, 1, 1), None)
CORRECTIONS = ("社区矫正法", "2019年", date(2020, 7, 1), None)
CORRECTIONS_RULES = ("社区矫正法实施办法", "2020年", date(2020, 7, 1), None)

# code, title, (law, version, from, to), article, amount, unit, clock starts,
# extension allowed, maximum extension days, suspension allowed, verified, note
RULES = [
    ("reconsideration.application", "申请行政复议", RECON_2023, "20", 60, C, "知道或者应当知道行政行为之日", False, 0, False, True, "法律规定的申请期限超过六十日的除外。"),
    ("reconsideration.acceptance", "受理审查（逾期未决定视为受理）", RECON_2023, "30", 5, W, "收到行政复议申请", False, 0, False, True, ""),
    ("reconsideration.supplement_notice", "通知申请人补正材料", RECON_2023, "31", 5, W, "收到行政复议申请", False, 0, False, True, ""),
    ("reconsideration.supplement", "申请人补正材料", RECON_2023, "31", 10, W, "收到补正通知", False, 0, False, True, ""),
    ("reconsideration.copy_to_respondent", "发送申请书副本（普通程序）", RECON_2023, "48", 7, W, "受理行政复议申请", False, 0, False, True, ""),
    ("reconsideration.reply", "被申请人提出书面答复并提交证据", RECON_2023, "48", 10, W, "收到申请书副本", False, 0, False, True, ""),
    ("reconsideration.simple_copy", "发送申请书副本（简易程序）", RECON_2023, "54", 3, W, "受理行政复议申请", False, 0, False, True, ""),
    ("reconsideration.simple_reply", "被申请人答复（简易程序）", RECON_2023, "54", 5, W, "收到申请书副本", False, 0, False, True, ""),
    ("reconsideration.decision", "作出行政复议决定（普通程序）", RECON_2023, "62", 60, C, "受理行政复议申请", True, 30, True, True, "延长须经复议机构负责人批准并书面告知，最多30日。中止期间不计入（新法未明文规定，待核实）。"),
    ("reconsideration.simple_decision", "作出行政复议决定（简易程序）", RECON_2023, "62", 30, C, "受理行政复议申请", False, 0, True, True, ""),
    ("reconsideration.application", "申请行政复议", RECON_OLD, "9", 60, C, "知道该具体行政行为之日", False, 0, False, True, ""),
    ("reconsideration.acceptance", "受理审查", RECON_OLD, "17", 5, W, "收到行政复议申请", False, 0, False, True, "旧法第40条：五日、七日的规定指工作日。"),
    ("reconsideration.copy_to_respondent", "发送申请书副本", RECON_OLD, "23", 7, W, "受理行政复议申请", False, 0, False, True, "旧法第40条：七日指工作日。"),
    ("reconsideration.reply", "被申请人提出书面答复", RECON_OLD, "23", 10, C, "收到申请书副本", False, 0, False, True, ""),
    ("reconsideration.decision", "作出行政复议决定", RECON_OLD, "31", 60, C, "受理行政复议申请", True, 30, True, True, "延长最多30日。"),
    ("litigation.complaint_copy", "人民法院发送起诉状副本", LITIGATION, "67", 5, C, "立案", False, 0, False, True, ""),
    ("litigation.defence", "被告提交答辩状、证据和依据", LITIGATION, "67", 15, C, "收到起诉状副本", False, 0, False, True, ""),
    ("litigation.first_instance", "第一审判决", LITIGATION, "81", 6, M, "立案", True, 0, False, True, "延长由高级人民法院批准，无法定上限。"),
    ("litigation.simplified", "简易程序审结", LITIGATION, "83", 45, C, "立案", False, 0, False, True, ""),
    ("litigation.appeal_judgment", "对判决提起上诉", LITIGATION, "85", 15, C, "判决书送达", False, 0, False, True, ""),
    ("litigation.appeal_ruling", "对裁定提起上诉", LITIGATION, "85", 10, C, "裁定书送达", False, 0, False, True, ""),
    ("litigation.second_instance", "第二审判决", LITIGATION, "88", 3, M, "收到上诉状", True, 0, False, True, ""),
    ("legalaid.decision", "审查并决定是否给予法律援助", LEGAL_AID, "43", 7, C, "收到法律援助申请", False, 0, False, False, "法律未写明工作日，按日历日从严计算（待核实司法部2023年程序规定）。"),
    ("legalaid.assign", "指派律师或法律援助人员", LEGAL_AID, "43", 3, C, "决定给予法律援助", False, 0, False, False, ""),
    ("legalaid.notify", "办案机关通知法律援助机构", LEGAL_AID, "36", 3, C, "发现需要法律援助的情形", False, 0, False, False, ""),
    ("legalaid.assign_notified", "收到通知后指派", LEGAL_AID, "36", 3, C, "收到办案机关通知", False, 0, False, False, ""),
    ("legalaid.objection", "审查对不予援助决定的异议", LEGAL_AID, "49", 5, C, "收到异议", False, 0, False, False, ""),
    ("mediation.judicial_confirmation", "共同申请司法确认", ("人民调解法", "2010年", date(2011, 1, 1), None), "33", 30, C, "调解协议生效", False, 0, False, True, ""),
    ("mediation.mediate", "调解纠纷", ("人民调解工作若干规定", "2002年", None, None), "33", 1, M, "受理纠纷", False, 0, False, True, "一般在一个月内调结：超过一个月未结的纠纷显示为逾期。"),
    ("corrections.notify_agency", "决定机关通知社区矫正机构", CORRECTIONS, "20", 5, C, "判决、裁定或决定生效", False, 0, False, True, ""),
    ("corrections.send_documents", "决定机关送达法律文书", CORRECTIONS, "20", 10, C, "判决、裁定或决定生效", False, 0, False, True, ""),
    ("corrections.report", "社区矫正对象报到", CORRECTIONS, "21", 10, C, "判决、裁定或决定生效", False, 0, False, True, ""),
    ("corrections.electronic_monitoring", "电子定位装置使用期限", CORRECTIONS, "29", 3, M, "批准使用", True, 0, False, True, "每次不超过三个月，经批准可以延长。"),
    ("corrections.medical_parole_review", "暂予监外执行病情复查", CORRECTIONS_RULES, "—", 3, M, "上次复查", False, 0, False, False, "每三个月复查一次（待核实）。"),
    ("legality.normative_document", "规范性文件合法性审核", ("国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", "2018年", None, None), "—", 15, W, "收到送审材料", True, 0, False, False, "一般不少于5个工作日，最长不超过15个工作日（待核实）。"),
    ("legality.major_decision", "重大行政决策合法性审查", ("重大行政决策程序暂行条例", "2019年", date(2019, 9, 1), None), "26", 7, W, "收到送审材料", False, 0, False, True, "一般不少于7个工作日。"),
    ("penalty.decision", "作出行政处罚决定", ("行政处罚法", "2021年修订", date(2021, 7, 15), None), "60", 90, C, "立案", True, 0, False, True, "法律、法规、规章另有规定的从其规定。"),
    ("filing.rules", "法规规章报送备案", ("法规规章备案审查条例", "2024年", date(2024, 11, 1), None), "4", 30, C, "公布", False, 0, False, True, ""),
    ("filing.rules", "法规规章报送备案", ("法规规章备案条例", "2001年", None, date(2024, 10, 31)), "3", 30, C, "公布", False, 0, False, True, ""),
    ("filing.normative_document", "行政规范性文件报送备案", ("四川省行政规范性文件管理办法", "省政府令第351号", None, None), "—", 30, C, "公布", False, 0, False, False, "按省级规定，默认30日（待核实）。"),
]


def seed(apps, schema_editor):
    Rule = apps.get_model("timelimits", "Rule")
    for (code, title, (law, version, start, end), article, amount, unit, event, ext, ext_max,
         suspend, verified, note) in RULES:
        Rule.objects.create(
            code=code, title=title, law=law, version=version, effective_from=start,
            effective_to=end, article=article, amount=amount, unit=unit, start_event=event,
            extension_allowed=ext, extension_max_days=ext_max, suspension_allowed=suspend,
            verified=verified, note=note,
        )


def unseed(apps, schema_editor):
    apps.get_model("timelimits", "Rule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("timelimits", "0002_seed_holidays")]
    operations = [migrations.RunPython(seed, unseed)]
