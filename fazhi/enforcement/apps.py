from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    verbose_name = _("Administrative enforcement supervision")
    url_prefix = "enforcement/"
    menu_order = 320
    demo_order = 320

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.enforcement import models as m

        excluded = ["version", "created_at", "updated_at"]
        for model in [m.Organ, m.Officer, m.Certificate, m.RenewalBatch, m.ExamSitting]:
            auditlog.register(model, exclude_fields=excluded)
        auditlog.register(m.ExamCandidate)

    def workbench_panels(self, request):
        """Certificates of the viewer's officers that expire within 90 days (or have expired
        while still marked valid): renew them before an officer may no longer act."""
        from datetime import timedelta

        from fazhi.core.workbench import Panel
        from fazhi.enforcement.models import Certificate
        from fazhi.timelimits.selectors import today

        if not request.user.has_perm("enforcement.view_certificate"):
            return []
        on = today()
        expiring = (
            Certificate.objects.visible_to(request.user)
            .filter(status=Certificate.Status.VALID, expires_on__lte=on + timedelta(days=90))
            .select_related("officer__unit")
            .order_by("expires_on", "pk")
        )
        count = expiring.count()
        if not count:
            return []
        context = {"certificates": expiring[:20], "count": count, "today": on}
        return [Panel(_("Certificates expiring"), "enforcement/_panel_expiring.html", context, 30)]

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(
                _("Enforcement officers"),
                "enforcement:officer_list",
                "enforcement.view_officer",
                10,
            ),
            MenuEntry(
                _("Enforcement certificates"),
                "enforcement:certificate_list",
                "enforcement.view_certificate",
                20,
            ),
            MenuEntry(
                _("Certificate renewals"),
                "enforcement:renewalbatch_list",
                "enforcement.view_renewalbatch",
                30,
            ),
            MenuEntry(
                _("Law exams"), "enforcement:examsitting_list", "enforcement.view_examsitting", 40
            ),
            MenuEntry(
                _("Enforcement organs"), "enforcement:organ_list", "enforcement.view_organ", 50
            ),
        ]
