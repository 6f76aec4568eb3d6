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
        M2M = {m.CaseFile: {"officers"}, m.Campaign: {"rubrics", "evaluators"}}
        DERIVED = {
            m.CaseFile: ["grade_rank", "failing"],
            m.Decision: ["publish_due", "withdraw_due"],
            m.Complaint: ["accept_due", "handle_due"],
        }
        for model in [
            m.Organ,
            m.Officer,
            m.Certificate,
            m.RenewalBatch,
            m.ExamSitting,
            m.Rubric,
            m.Campaign,
            m.CaseFile,
            m.Problem,
            m.EnforcementReturn,
            m.ReviewListEntry,
            m.Decision,
            m.Complaint,
        ]:
            auditlog.register(
                model,
                # derived from the grade and the clocks: the history shows those
                exclude_fields=[*excluded, *DERIVED.get(model, [])],
                m2m_fields=M2M.get(model, set()),
                # a complainant's telephone is not kept in the change history in full
                mask_fields=["contact"] if model is m.Complaint else [],
                mask_callable="fazhi.enforcement.models.mask_contact",
            )
        for model in [m.ExamCandidate, m.CertificateReview, m.RubricItem, m.Deduction, m.Caseload]:
            auditlog.register(model)

    def seed_reference_rows(self):
        """Its clocks' rules, seeded by its data migration, put back where a test emptied the
        rule table (the seed is idempotent)."""
        from importlib import import_module

        from django.apps import apps

        import_module("fazhi.enforcement.migrations.0003_clock_rules").seed(apps, None)

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
            MenuEntry(
                _("Case-file evaluations"),
                "enforcement:campaign_list",
                "enforcement.view_campaign",
                60,
            ),
            MenuEntry(
                _("Evaluated case files"),
                "enforcement:casefile_list",
                "enforcement.view_casefile",
                61,
            ),
            MenuEntry(
                _("Case-file problems"), "enforcement:problem_list", "enforcement.view_problem", 62
            ),
            MenuEntry(
                _("Scoring rubrics"), "enforcement:rubric_list", "enforcement.view_rubric", 63
            ),
            MenuEntry(
                _("Enforcement statistics"),
                "enforcement:enforcementreturn_list",
                "enforcement.view_enforcementreturn",
                70,
            ),
            MenuEntry(
                _("Enforcement decisions"),
                "enforcement:decision_list",
                "enforcement.view_decision",
                80,
            ),
            MenuEntry(
                _("Legality review lists"),
                "enforcement:reviewlistentry_list",
                "enforcement.view_reviewlistentry",
                81,
            ),
            MenuEntry(
                _("Supervision complaints"),
                "enforcement:complaint_list",
                "enforcement.view_complaint",
                90,
            ),
        ]
