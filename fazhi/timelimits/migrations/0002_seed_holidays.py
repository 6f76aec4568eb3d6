"""Seed the holiday calendar from the installed chinese-calendar package (every year it covers).
Later package releases are loaded with `fazhi holidays sync`; the administrator can add a year
in the UI before the package has it."""

from django.db import migrations


def seed(apps, schema_editor):
    from chinese_calendar.constants import Holiday, holidays, workdays

    CalendarYear = apps.get_model("timelimits", "CalendarYear")
    CalendarDay = apps.get_model("timelimits", "CalendarDay")
    names = {h.value: h.chinese for h in Holiday}
    years = sorted({d.year for d in holidays} | {d.year for d in workdays})
    by_year = {y: CalendarYear.objects.create(year=y, source="PACKAGE") for y in years}
    days = [
        CalendarDay(day=d, year=by_year[d.year], kind="REST", name=names.get(n, n))
        for d, n in holidays.items()
    ] + [
        CalendarDay(day=d, year=by_year[d.year], kind="WORK", name=names.get(n, n))
        for d, n in workdays.items()
    ]
    CalendarDay.objects.bulk_create(days, batch_size=500)


def unseed(apps, schema_editor):
    apps.get_model("timelimits", "CalendarYear").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("timelimits", "0001_calendar_rules_deadlines")]
    operations = [migrations.RunPython(seed, unseed)]
