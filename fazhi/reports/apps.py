from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    verbose_name = _("Annual report")
    url_prefix = "reports/"
    menu_order = 90
    demo_order = 900  # after every line of work: section 一 is generated from their figures

    def ready(self):
        from auditlog.registry import auditlog
        from django.core.checks import register

        from fazhi.reports.paragraphs import items_check

        register(items_check)

        from fazhi.reports.models import AnnualReport, ReportParagraph, ReportSection

        auditlog.register(
            AnnualReport,
            exclude_fields=[
                "version",
                "created_at",
                "updated_at",
                "published_text",
                "sections",
                "frozen_figures",
                # when is the log entry's own time; the hash is shown on the report
                "submitted_at",
                "approved_at",
                "published_at",
                "content_hash",
            ],
        )
        # the report a section belongs to, the section a paragraph belongs to: implied by
        # whose history shows them
        auditlog.register(ReportSection, exclude_fields=["paragraphs", "report", "version"])
        # `source` names the generated item a paragraph came from: a key, no reader's concern.
        auditlog.register(ReportParagraph, exclude_fields=["section", "version", "source"])

    def workbench_panels(self, request, unit=None):
        """Reports not yet published, with their reporting and publication deadlines (data of
        each report), on the 工作台 and on the dashboard."""
        from fazhi.core.workbench import Panel
        from fazhi.reports.selectors import open_reports, reports_for
        from fazhi.timelimits.selectors import today

        if not request.user.has_perm("reports.view_annualreport"):
            return []
        on = today()
        last_year = on.year - 1
        missing = (
            request.user.has_perm("reports.add_annualreport")
            and not reports_for(request.user).filter(year=last_year).exists()
        )
        context = {
            "reports": open_reports(request.user, within=unit),
            "today": on,
            "missing_year": last_year if missing else None,
        }
        return [Panel(_("Annual reports due"), "reports/_panel_reports.html", context, 20)]

    dashboard_panels = workbench_panels

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Annual reports"), "reports:report_list", "reports.view_annualreport", 30),
        ]
