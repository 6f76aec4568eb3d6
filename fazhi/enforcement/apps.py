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
