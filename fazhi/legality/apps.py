from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalityConfig(AppConfig):
    name = "fazhi.legality"
    verbose_name = _("Legality review and filing")
    url_prefix = "legality/"
    menu_order = 200
    demo_order = 200

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.legality.models import (
            Attachment,
            Filing,
            LegalAdvisor,
            OpinionItem,
            ReviewRequest,
        )

        auditlog.register(LegalAdvisor)
        tracked = ["version", "created_at", "updated_at"]
        auditlog.register(
            ReviewRequest,
            exclude_fields=[*tracked, "items", "attachments"],
            m2m_fields={"reviewers"},
        )
        auditlog.register(Attachment)
        auditlog.register(OpinionItem)
        auditlog.register(Filing, exclude_fields=tracked)

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(
                _("Legality review"), "legality:request_list", "legality.view_reviewrequest", 10
            ),
            MenuEntry(_("Filings"), "legality:filing_list", "legality.view_filing", 20),
            MenuEntry(
                _("Legal advisors"), "legality:advisor_list", "legality.view_legaladvisor", 30
            ),
        ]
