from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LitigationConfig(AppConfig):
    name = "fazhi.litigation"
    verbose_name = _("Administrative litigation")
    url_prefix = "litigation/"
    menu_order = 310
    demo_order = 310

    def ready(self):
        from auditlog.registry import auditlog

        from fazhi.litigation.models import Hearing, Lawsuit

        auditlog.register(
            Lawsuit, exclude_fields=["version", "created_at", "updated_at", "hearings"]
        )
        auditlog.register(Hearing)

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Lawsuits"), "litigation:lawsuit_list", "litigation.view_lawsuit", 10),
        ]
