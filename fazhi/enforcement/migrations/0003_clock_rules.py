from datetime import date

from django.db import migrations

GUIDANCE = "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见"
LOCAL = "行政执法监督规定（本省）"

# code, title, law, version, effective from, article, amount, unit, clock starts,
# extension allowed, maximum extension, verified, note
RULES = [
    ("enforcement.publication_short", "公示行政许可、行政处罚决定", GUIDANCE, "国办发〔2018〕118号", None, "—", 7, "working_days", "作出执法决定", False, 0, True, "行政许可、行政处罚的执法决定信息自决定作出之日起7个工作日内公开。"),
    ("enforcement.publication", "公示其他行政执法决定", GUIDANCE, "国办发〔2018〕118号", None, "—", 20, "working_days", "作出执法决定", False, 0, True, "法律、行政法规另有规定的除外。"),
    ("enforcement.withdrawal", "撤回已公开的行政处罚决定信息", "行政处罚法", "2021年修订", date(2021, 7, 15), "48", 3, "working_days", "决定被变更、撤销、确认违法或者确认无效", False, 0, True, "第85条：三日指工作日。此前的决定变更不计时限。"),
    ("enforcement.complaint_acceptance", "决定是否受理执法监督投诉", LOCAL, "按本省规定", None, "—", 5, "working_days", "收到投诉、举报", False, 0, False, "各省规定不一：请按本省的行政执法监督规定修改期限。"),
    ("enforcement.complaint_handling", "办结执法监督投诉", LOCAL, "按本省规定", None, "—", 30, "calendar_days", "受理投诉、举报", True, 30, False, "情况复杂的经批准可以延长；各省规定不一，请按本省规定修改。"),
    ("enforcement.case_file_rectification", "完成案卷评查问题整改", "案卷评查结果通报", "评查通知", None, "评查时确定的期限", 1, "set_by_decision", "评查发现问题", False, 0, True, ""),
]


def seed(apps, schema_editor):
    Rule = apps.get_model("timelimits", "Rule")
    for code, title, law, version, start, article, amount, unit, event, ext, ext_max, verified, note in RULES:
        Rule.objects.get_or_create(
            code=code,
            effective_from=start,
            defaults={
                "title": title,
                "law": law,
                "version": version,
                "article": article,
                "amount": amount,
                "unit": unit,
                "start_event": event,
                "extension_allowed": ext,
                "extension_max_days": ext_max,
                "verified": verified,
                "note": note,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("enforcement", "0002_case_files_statistics_decisions_complaints"),
        ("timelimits", "0004_set_by_decision"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
