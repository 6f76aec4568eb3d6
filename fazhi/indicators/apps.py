from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    verbose_name = _("Indicators")
    url_prefix = "indicators/"
    menu_order = 50

    def ready(self):
        from django.core.checks import register
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from fazhi.core.ledgers import data_changed
        from fazhi.indicators import freshness
        from fazhi.indicators.checks import indicators_check

        post_save.connect(freshness.on_model_change, dispatch_uid="figures-save")
        post_delete.connect(freshness.on_model_change, dispatch_uid="figures-delete")
        m2m_changed.connect(freshness.on_model_change, dispatch_uid="figures-m2m")
        data_changed.connect(freshness.records_changed, dispatch_uid="figures-bulk")
        register(indicators_check)

    def menu(self):
        from fazhi.core.menu import MenuEntry

        return [
            MenuEntry(_("Dashboard"), "indicators:dashboard", "", order=10),
            MenuEntry(_("Indicator catalogue"), "indicators:catalogue", "", order=90),
        ]
