from datetime import date

from django.db import migrations


def seed(apps, schema_editor):
    """The petitions' time limit, a row of the rule table as every statutory limit is."""
    Rule = apps.get_model("timelimits", "Rule")
    Rule.objects.get_or_create(
        code="petitions.acceptance",
        effective_from=date(2022, 5, 1),
        defaults={
            "title": "决定是否受理信访事项",
            "law": "信访工作条例",
            "version": "2022年",
            "article": "32",
            "amount": 15,
            "unit": "calendar_days",
            "start_event": "收到信访事项",
        },
    )
    # The 2019 demo's petitions: the earlier rule, kept with the same limit for the test.
    Rule.objects.get_or_create(
        code="petitions.acceptance",
        effective_from=None,
        defaults={
            "title": "决定是否受理信访事项",
            "law": "信访条例",
            "version": "2005年",
            "article": "22",
            "amount": 15,
            "unit": "calendar_days",
            "start_event": "收到信访事项",
            "effective_to": date(2022, 4, 30),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_petitions"), ("timelimits", "0003_seed_rules")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
