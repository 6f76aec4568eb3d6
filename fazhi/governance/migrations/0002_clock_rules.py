from django.db import migrations


def seed(apps, schema_editor):
    """The office's two deadlines: not counted by a law but set when the work is assigned
    (a row of the rule table all the same, so that they run on the 工作台 as every clock)."""
    Rule = apps.get_model("timelimits", "Rule")
    for code, title, law, start_event in [
        ("governance.task", "完成依法治区工作任务", "依法治区工作要点及工作台账", "任务交办"),
        ("governance.rectification", "完成法治督察问题整改", "法治督察整改通知", "督察发现问题"),
    ]:
        Rule.objects.get_or_create(
            code=code,
            effective_from=None,
            defaults={
                "title": title,
                "law": law,
                "version": "交办文件",
                "article": "交办时确定的期限",
                "amount": 1,
                "unit": "set_by_decision",
                "start_event": start_event,
                "verified": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0001_governance_records"),
        ("timelimits", "0004_set_by_decision"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
