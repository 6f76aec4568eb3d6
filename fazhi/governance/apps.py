from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "fazhi.governance"
    verbose_name = _("Rule of law in the district")
    url_prefix = "governance/"
    menu_order = 95
    demo_order = 95

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.governance import models as m

        excluded = ["version", "created_at", "updated_at"]
        auditlog.register(m.Task, exclude_fields=excluded, m2m_fields={"co_units"})
        auditlog.register(m.Inspection, exclude_fields=excluded, m2m_fields={"inspected_units"})
        # A rank follows from every unit's total: derived, not an edit.
        auditlog.register(m.AssessmentResult, exclude_fields=[*excluded, "rank"])
        auditlog.register(m.IndicatorWork, m2m_fields={"lead_units"})
        for model in [
            m.Body,
            m.Meeting,
            m.WorkPlan,
            m.Finding,
            m.Notice,
            m.Honour,
            m.InnovationEntry,
            m.MediaReport,
            m.ResearchTopic,
            m.TopicReport,
            m.DemonstrationApplication,
            m.AssessmentScheme,
            m.LeaderDuty,
            m.UnitReport,
            m.ModelVillage,
        ]:
            auditlog.register(model, exclude_fields=excluded)
        for model in [
            m.BodyMember,
            m.TaskProgress,
            m.NoticeMention,
            m.DemonstrationParticipant,
            m.AssessmentItem,
            m.AssessmentDeduction,
            m.IndicatorEdition,
            m.DemonstrationIndicator,
        ]:
            auditlog.register(model)

    def seed_reference_rows(self):
        """Its two clocks' rules, seeded by its data migration, put back where a test emptied
        the rule table (the seed is idempotent)."""
        from importlib import import_module

        from django.apps import apps

        import_module("fazhi.governance.migrations.0002_clock_rules").seed(apps, None)

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Task ledger"), "governance:task_list", "governance.view_task", 10),
            MenuEntry(
                _("Inspections"), "governance:inspection_list", "governance.view_inspection", 20
            ),
            MenuEntry(
                _("Inspection findings"), "governance:finding_list", "governance.view_finding", 25
            ),
            MenuEntry(_("Notices"), "governance:notice_list", "governance.view_notice", 30),
            MenuEntry(_("Work points"), "governance:workplan_list", "governance.view_workplan", 40),
            MenuEntry(_("Meetings"), "governance:meeting_list", "governance.view_meeting", 50),
            MenuEntry(
                _("Committee, office and groups"),
                "governance:body_list",
                "governance.view_body",
                60,
            ),
            MenuEntry(
                _("Demonstration creation"),
                "governance:demonstrationapplication_list",
                "governance.view_demonstrationapplication",
                70,
            ),
            MenuEntry(
                _("Innovation contest"),
                "governance:innovationentry_list",
                "governance.view_innovationentry",
                80,
            ),
            MenuEntry(
                _("Media reports"), "governance:mediareport_list", "governance.view_mediareport", 85
            ),
            MenuEntry(_("Honours"), "governance:honour_list", "governance.view_honour", 90),
            MenuEntry(
                _("Research topics"),
                "governance:researchtopic_list",
                "governance.view_researchtopic",
                95,
            ),
            MenuEntry(
                _("Reports to the party secretary"),
                "governance:topicreport_list",
                "governance.view_topicreport",
                99,
            ),
            MenuEntry(
                _("Rule-of-law assessment"),
                "governance:assessmentscheme_list",
                "governance.view_assessmentscheme",
                35,
            ),
            MenuEntry(
                _("Principal leaders' duties"),
                "governance:leaderduty_list",
                "governance.view_leaderduty",
                36,
            ),
            MenuEntry(
                _("Units' annual reports"),
                "governance:unitreport_list",
                "governance.view_unitreport",
                37,
            ),
            MenuEntry(
                _("Model villages"),
                "governance:modelvillage_list",
                "governance.view_modelvillage",
                75,
            ),
        ]
