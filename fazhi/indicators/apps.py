from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    verbose_name = _("Indicators")
    url_prefix = "indicators/"
    menu_order = 50

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Dashboard"), "indicators:dashboard", "", order=10),
            MenuEntry(_("Indicator catalogue"), "indicators:catalogue", "", order=90),
        ]
