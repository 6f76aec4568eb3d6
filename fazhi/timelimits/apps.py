from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Rules the rule table's first data migration seeds (one is enough to tell it ran).
SEEDED_RULES = ["reconsideration.acceptance", "mediation.mediate"]


class TimelimitsConfig(AppConfig):
    name = "fazhi.timelimits"
    verbose_name = _("Time limits")
    url_prefix = "timelimits/"
    menu_order = 800

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.timelimits.models import CalendarDay, CalendarYear, Deadline, Rule

        auditlog.register(CalendarYear)
        auditlog.register(CalendarDay)
        auditlog.register(Rule)
        auditlog.register(Deadline)

    def seed_reference_rows(self):
        """The holiday calendar and the rule table its data migrations seed, put back where a
        test emptied them."""
        from importlib import import_module

        from django.apps import apps

        from fazhi.timelimits.models import CalendarYear, Rule

        if not CalendarYear.objects.exists():
            import_module("fazhi.timelimits.migrations.0002_seed_holidays").seed(apps, None)
        if not Rule.objects.filter(code__in=SEEDED_RULES).exists():
            import_module("fazhi.timelimits.migrations.0003_seed_rules").seed(apps, None)

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Deadline calculator"), "timelimits:calculator", "", order=10),
            MenuEntry(_("Time-limit rules"), "timelimits:rules", "", order=20),
            MenuEntry(
                _("Holiday calendar"),
                "timelimits:calendar",
                "timelimits.view_calendarday",
                order=30,
            ),
        ]

    def workbench_panels(self, request):
        from fazhi.core.workbench import Panel
        from fazhi.timelimits.selectors import (
            deadlines_needing_attention,
            today,
            unloaded_year_ahead,
        )

        on = today()
        deadlines = list(deadlines_needing_attention(viewer=request.user, on=on)[:30])
        context = {"deadlines": deadlines, "today": on, "missing_year": unloaded_year_ahead(on)}
        return [Panel(_("Due soon and overdue"), "timelimits/_panel_deadlines.html", context, 10)]
