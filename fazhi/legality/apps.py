from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalityConfig(AppConfig):
    name = "fazhi.legality"
    verbose_name = _("Legality review and filing")
    menu_order = 200
    demo_order = 200

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.legality.models import Filing, LegalAdvisor, OpinionItem, ReviewRequest

        auditlog.register(LegalAdvisor)
        auditlog.register(ReviewRequest, exclude_fields=["version", "created_at", "updated_at"])
        auditlog.register(OpinionItem)
        auditlog.register(Filing)
