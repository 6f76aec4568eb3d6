from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReconsiderationConfig(AppConfig):
    name = "fazhi.reconsideration"
    verbose_name = _("Administrative reconsideration")
    url_prefix = "reconsideration/"
    menu_order = 300
    demo_order = 300

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.reconsideration.models import Case

        auditlog.register(Case, exclude_fields=["version", "created_at", "updated_at"])

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(
                _("Reconsideration cases"),
                "reconsideration:case_list",
                "reconsideration.view_case",
                order=10,
            ),
        ]
